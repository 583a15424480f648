import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { expect, it } from 'vitest';
import { loadEnv } from '@provnews/config';
import { silentLogger } from '@provnews/logger';
import { dropPrefix, testRedis, testRedisHandle, uniqueName } from '@provnews/testing';
import { demoProgress, runDemo } from './demo.ts';

it('prints a plain progress line when the output is not a terminal', () => {
  const out = new PassThrough();
  const lines: string[] = [];
  out.on('data', (b: Buffer) => lines.push(b.toString()));
  const progress = demoProgress(out, 0);
  progress(3, 20, 7);
  progress(20, 20, 0);
  expect(lines[0]).toMatch(/^demo: 3\/20 articles stored, 7 jobs pending \(\d+ s\)\n$/);
  expect(lines[1]).toMatch(/^demo: 20\/20 articles stored, 0 jobs pending/);
});

it('leaves no keys behind in the Redis it used', async () => {
  const prefix = uniqueName('demo-clean');
  const dataDir = mkdtempSync(join(tmpdir(), 'provnews-demo-keys-'));
  const summary = await runDemo({ env: loadEnv({ PROVNEWS_DATA_DIR: dataDir }), log: silentLogger, redisHandle: testRedisHandle(), prefix, hostDelayMs: 30, timeoutMs: 120_000 });
  expect(summary.stored).toBe(summary.expected);
  const redis = testRedis();
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    // Anything still there must at least expire (a worker's last metrics push can land after the clean-up).
    for (const key of keys) expect(await redis.ttl(key), key).toBeGreaterThan(0);
  } finally {
    await redis.quit();
    await dropPrefix(prefix);
  }
}, 180_000);
