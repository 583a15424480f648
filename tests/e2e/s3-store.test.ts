import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from '@provnews/cli';
import { loadEnv } from '@provnews/config';
import { silentLogger } from '@provnews/logger';
import { dropPrefix, testRedisHandle, uniqueName } from '@provnews/testing';

/**
 * The pipeline with PROVNEWS_STORE=s3: snapshots and cleaned pages go through the AWS SDK v3 to an
 * S3-protocol server on loopback (s3rver; MinIO needs Docker, which is not here), which starts
 * without the bucket; credentials come from the SDK's environment chain as in production.
 */
const prefix = uniqueName('s3');
const directory = mkdtempSync(join(tmpdir(), 'provnews-s3-e2e-'));
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
let endpoint = '';

beforeAll(async () => {
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
});

afterAll(async () => {
  await dropPrefix(prefix);
  await server.close();
});

it('runs the demo pipeline with the S3 store: every article stored, snapshots and cleaned pages in the bucket, none on disk', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'provnews-s3-data-'));
  const env = loadEnv({ PROVNEWS_DATA_DIR: dataDir, PROVNEWS_STORE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: 'provnews-e2e', CRAWL_CONCURRENCY: '4' });
  const summary = await runDemo({ env, log: silentLogger, redisHandle: testRedisHandle(), prefix, outputPath: join(dataDir, 'records.jsonl'), hostDelayMs: 30, timeoutMs: 90_000 });
  expect(summary.failures).toEqual([]);
  expect(summary.stored).toBe(summary.expected);
  // s3rver keeps each bucket as a directory: the bucket was created and holds both kinds.
  const kinds = readdirSync(join(directory, 'provnews-e2e', 'provnews'));
  expect(kinds.sort()).toEqual(['cleaned', 'snapshots']); // snapshot bodies are inline since issue 12
  expect(readdirSync(dataDir)).not.toContain('store');
}, 120_000);
