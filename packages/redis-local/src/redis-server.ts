import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A Redis this process started (or found) and how to stop it. */
export interface RedisHandle {
  url: string;
  /** Where it came from, for the test log: `testcontainers`, `REDIS_URL`, `redis-server`. */
  origin: 'testcontainers' | 'REDIS_URL' | 'redis-server';
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** True when a Redis at `url` answers PING within `timeoutMs`. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface StartRedisOptions {
  /** Working directory for the server's files; a fresh temp dir (removed on stop) by default. */
  dir?: string;
  /** Snapshot to `dir` every minute when something changed, so state survives a restart. */
  persist?: boolean;
}

/**
 * Starts `redis-server` from PATH on a free loopback port and resolves once it answers PING.
 * Tests use it without persistence; `provnews run` with `persist` under the data directory.
 */
export async function startRedisServer(opts: StartRedisOptions = {}): Promise<RedisHandle> {
  const { dir, persist = false } = opts;
  const port = await freePort();
  const workDir = dir ?? mkdtempSync(join(tmpdir(), 'provnews-redis-'));
  if (dir) mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', persist ? '60 1' : '', '--appendonly', 'no', '--dir', workDir],
    { stdio: 'ignore' },
  );
  const spawnError = new Promise<never>((_, reject) => {
    child.once('error', (err) => reject(new Error(`cannot start redis-server from PATH: ${err.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited early with code ${code}`)));
  });
  const url = `redis://127.0.0.1:${port}`;
  const ready = (async () => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await redisAnswers(url, 300)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server on port ${port} did not answer within 10 s`);
  })();
  await Promise.race([ready, spawnError]);
  child.removeAllListeners('exit');
  return {
    url,
    origin: 'redis-server',
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!dir) rmSync(workDir, { recursive: true, force: true });
    },
  };
}
export { deleteKeysUnder } from './keys.ts';
