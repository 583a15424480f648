import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { dropPrefix, testRedis, uniqueName, waitFor } from '@provnews/testing';
import { heartbeatFresh, startHeartbeat } from './heartbeat.ts';

const prefix = uniqueName('hb');
afterAll(() => dropPrefix(prefix));

describe('worker heartbeat (container healthchecks)', () => {
  it('beats while the worker runs and Redis answers, and stops beating once the worker is closed', async () => {
    const redis = testRedis();
    const worker = new Worker('hb', async () => undefined, { connection: testRedis(), prefix });
    const file = join(mkdtempSync(join(tmpdir(), 'provnews-hb-')), 'health');
    const hb = startHeartbeat(file, redis, [worker]);
    try {
      await waitFor('first heartbeat', () => existsSync(file));
      expect(Date.parse(readFileSync(file, 'utf8').trim())).toBeGreaterThan(0);
      expect(await heartbeatFresh(file, 30_000)).toBe(true);
      // The same file seen 31 s later is stale.
      expect(await heartbeatFresh(file, 30_000, Date.now() + 31_000)).toBe(false);
      await worker.close();
      expect(await hb.beat()).toBe(false);
    } finally {
      hb.stop();
      await redis.quit();
    }
    expect(await heartbeatFresh(join(file, '..', 'missing'), 30_000)).toBe(false);
  });
});
