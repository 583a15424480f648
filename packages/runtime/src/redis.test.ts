import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadEnv } from '@provnews/config';
import { silentLogger } from '@provnews/logger';
import { freePort, redisAnswers } from '@provnews/redis-local';
import { NoRedisError, resolveRedis } from './redis.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'provnews-redis-resolve-'));

describe('resolveRedis (the embedded default)', () => {
  it('uses REDIS_URL when it answers', async () => {
    const url = inject('redisUrl');
    const handle = await resolveRedis(loadEnv({ REDIS_URL: url, PROVNEWS_DATA_DIR: dataDir() }), silentLogger);
    expect(handle.url).toBe(url);
  });

  it('refuses a REDIS_URL that does not answer, in one line naming it', async () => {
    const dead = `redis://127.0.0.1:${await freePort()}`;
    await expect(resolveRedis(loadEnv({ REDIS_URL: dead, PROVNEWS_DATA_DIR: dataDir() }), silentLogger)).rejects.toThrow(/REDIS_URL is set but nothing answers/);
  });

  it('starts redis-server with its data under the data directory when nothing answers locally', async () => {
    const dir = dataDir();
    const deadLocal = `redis://127.0.0.1:${await freePort()}`;
    const handle = await resolveRedis(loadEnv({ PROVNEWS_DATA_DIR: dir }), silentLogger, deadLocal);
    try {
      expect(handle.origin).toBe('redis-server');
      expect(await redisAnswers(handle.url)).toBe(true);
      expect(existsSync(join(dir, 'redis'))).toBe(true);
    } finally {
      await handle.stop();
    }
    expect(await redisAnswers(handle.url, 300)).toBe(false);
  });

  it('says how to get Redis when redis-server is not on PATH either', async () => {
    const deadLocal = `redis://127.0.0.1:${await freePort()}`;
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const err = await resolveRedis(loadEnv({ PROVNEWS_DATA_DIR: dataDir() }), silentLogger, deadLocal).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NoRedisError);
      expect((err as Error).message).toMatch(/apt-get install redis-server/);
      expect((err as Error).message).not.toContain('\n');
    } finally {
      process.env.PATH = path;
    }
  });
});
