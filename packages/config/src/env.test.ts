import { describe, expect, it } from 'vitest';
import { ConfigError, loadEnv } from './env.ts';

describe('loadEnv', () => {
  it('applies defaults and coerces numbers', () => {
    const env = loadEnv({ CRAWL_CONCURRENCY: '4' });
    expect(env.CRAWL_CONCURRENCY).toBe(4);
    expect(env.CRAWL_HOST_DELAY_MS).toBe(1000);
    expect(env.LOG_FORMAT).toBe('auto');
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadEnv({ CRAWL_CONCURRENCY: 'lots' })).toThrow(ConfigError);
    expect(() => loadEnv({ CRAWL_CONCURRENCY: 'lots' })).toThrow(/CRAWL_CONCURRENCY/);
    expect(() => loadEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL: must start with redis:\/\//);
    expect(() => loadEnv({ PROVNEWS_SINK: 'postgres' })).toThrow(/DATABASE_URL: required when PROVNEWS_SINK=postgres/);
    expect(() => loadEnv({ PROVNEWS_SINK: 'mysql' })).toThrow(/PROVNEWS_SINK/);
    expect(() => loadEnv({ PROVNEWS_STORE: 'postgres' })).toThrow(/STORE_DATABASE_URL: required \(or DATABASE_URL\) when PROVNEWS_STORE=postgres/);
    expect(loadEnv({ PROVNEWS_STORE: 'postgres', DATABASE_URL: 'postgres://db/x' }).PROVNEWS_STORE).toBe('postgres');
    expect(() => loadEnv({ PROVNEWS_STORE: 'nfs' })).toThrow(/PROVNEWS_STORE/);
    expect(() => loadEnv({ PROVNEWS_STORE: 's3' })).toThrow(/S3_BUCKET: required when PROVNEWS_STORE=s3/);
    expect(() => loadEnv({ PROVNEWS_STORE: 's3', S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET: not a valid bucket name/);
  });
});
