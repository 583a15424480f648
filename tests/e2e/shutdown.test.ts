import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { dropPrefix, uniqueName, waitFor } from '@provnews/testing';

const bin = fileURLToPath(new URL('../../services/cli/bin/provnews.js', import.meta.url));
const prefix = uniqueName('sigterm');

afterAll(() => dropPrefix(prefix));

it('`provnews run` drains its workers and exits 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, [bin, 'run', '--no-schedule'], {
    env: {
      ...process.env,
      REDIS_URL: inject('redisUrl'),
      PROVNEWS_QUEUE_PREFIX: prefix,
      PROVNEWS_DATA_DIR: mkdtempSync(join(tmpdir(), 'provnews-sigterm-')),
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));

  await waitFor('the pipeline to start', () => out.includes('pipeline running'), 30_000);
  child.kill('SIGTERM');
  const code = await exited;
  const lines = out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { msg: string; outcome?: string; service?: string });
  expect(code, out).toBe(0);
  expect(lines.map((l) => l.msg)).toContain('shutting down: draining workers');
  expect(lines.find((l) => l.msg === 'stopped')?.outcome).toBe('drained');
}, 60_000);
