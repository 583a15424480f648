import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@provnews/logger';
import { freePort, waitFor } from '@provnews/testing';
import { ownRedis, type OwnRedis } from '../../../tests/faults/redis-proc.ts';
import { checkRedisDurability, checkRedisInstance, readRedisInstanceState, watchRedis } from './redis-health.ts';

/** A logger whose lines land in an array, to assert on what an operator would see. */
function capture(): { log: ReturnType<typeof createLogger>; lines: { msg: string; level: number }[] } {
  const lines: { msg: string; level: number }[] = [];
  const log = createLogger('test', { level: 'info', format: 'json', destination: { write: (s: string | Uint8Array) => lines.push(JSON.parse(String(s)) as { msg: string; level: number }) > 0 } as unknown as NodeJS.WritableStream });
  return { log, lines };
}

const servers: OwnRedis[] = [];
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) c.disconnect();
  for (const s of servers) await s.stop();
});

/** A Redis of the test's own that it may kill and restart, a client that keeps reconnecting, and an empty data directory. */
async function restartableRedis(): Promise<{ server: OwnRedis; redis: Redis; dataDir: string }> {
  const server = await ownRedis(await freePort());
  servers.push(server);
  const redis = new Redis(server.url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
  redis.on('error', () => undefined);
  clients.push(redis);
  return { server, redis, dataDir: mkdtempSync(join(tmpdir(), 'provnews-marker-')) };
}

describe('Redis loss is noticed', () => {
  it('warns about a Redis without persistence and with an evicting policy', async () => {
    const server = await ownRedis(await freePort());
    servers.push(server);
    const redis = new Redis(server.url, { maxRetriesPerRequest: null });
    clients.push(redis);
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const d = await checkRedisDurability(redis);
    expect(d).toMatchObject({ aof: false, rdb: false, maxmemoryPolicy: 'allkeys-lru' });
    expect(d!.problems).toHaveLength(2);
    await redis.config('SET', 'appendonly', 'yes');
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    expect((await checkRedisDurability(redis))!.problems).toEqual([]);
  });

  it('a wiped Redis is logged loudly, noted for status, and reported after a restart without persistence', async () => {
    const { server, redis, dataDir } = await restartableRedis();
    const { log, lines } = capture();

    expect(await checkRedisInstance(redis, 'pfx', dataDir, log)).toBe(false); // first start: nothing to lose
    expect(await checkRedisInstance(redis, 'pfx', dataDir, log)).toBe(false);
    const before = await readRedisInstanceState(redis, 'pfx');
    expect(before.instance?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(before.wiped).toBeNull();

    let wipes = 0;
    const stop = await watchRedis(redis, 'pfx', dataDir, log, async () => void wipes++);
    await server.kill();
    await server.start({ aof: false });
    await waitFor('the wipe to be noticed after the reconnect', () => wipes === 1, 15_000);
    stop();
    const after = await readRedisInstanceState(redis, 'pfx');
    expect(after.wiped).toMatchObject({ previous: before.instance!.id, current: after.instance!.id });
    expect(after.instance!.id).not.toBe(before.instance!.id);
    const loud = lines.filter((l) => l.msg.startsWith('REDIS WAS WIPED'));
    expect(loud).toHaveLength(1);
    expect(loud[0]!.level).toBe(50);
    expect(lines.some((l) => l.msg === 'redis may lose data')).toBe(true);
  });

  it('every kind of process sharing a data directory notices the wipe, whichever checks first', async () => {
    const { redis, dataDir } = await restartableRedis();
    const { log } = capture();
    for (const who of ['crawler', 'cleaner']) expect(await checkRedisInstance(redis, 'pfx', dataDir, log, who)).toBe(false);
    await redis.flushall();
    // The cleaner checks first and writes the new marker; the crawler still sees that it changed.
    expect(await checkRedisInstance(redis, 'pfx', dataDir, log, 'cleaner')).toBe(true);
    expect(await checkRedisInstance(redis, 'pfx', dataDir, log, 'crawler')).toBe(true);
    expect(await checkRedisInstance(redis, 'pfx', dataDir, log, 'crawler')).toBe(false);
  });
});
