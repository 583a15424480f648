import { describe, expect, it } from 'vitest';
import { clusterPrefix, hashTagOf } from './cluster-keys.ts';

describe('cluster key prefixes', () => {
  it('reads hash tags the way Redis Cluster does', () => {
    expect(hashTagOf('provnews:crawl:wait')).toBeNull();
    expect(hashTagOf('{provnews}:crawl:wait')).toBe('provnews');
    expect(hashTagOf('a{b}c{d}')).toBe('b'); // the first tag wins
    expect(hashTagOf('{}provnews')).toBeNull(); // an empty tag hashes the whole key
    expect(hashTagOf('{provnews')).toBeNull();
  });

  it('wraps a prefix without a tag and keeps one that has it', () => {
    expect(clusterPrefix('provnews')).toBe('{provnews}');
    expect(clusterPrefix('prod:{provnews}')).toBe('prod:{provnews}');
    expect(clusterPrefix('{}x')).toBe('{x}');
    expect(hashTagOf(`${clusterPrefix('provnews')}:crawler:seen`)).toBe(hashTagOf(`${clusterPrefix('provnews')}:crawler:state`));
  });
});
