import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisAnswers } from '@provnews/testing';

/** A redis-server of a test's own, on a fixed port so it can be killed and restarted in place. */
export interface OwnRedis {
  url: string;
  port: number;
  dir: string;
  /** Kills the server (SIGKILL by default: no shutdown save; SIGTERM flushes the AOF first). */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port and data directory (with the given persistence). */
  start(opts?: { aof?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` from PATH on `port`, data in a fresh directory. `aof: true` turns on the
 * append-only file (fsync every second), the setting the README asks for; without it the server
 * keeps nothing across a restart.
 */
export async function ownRedis(port: number, opts: { aof?: boolean } = {}): Promise<OwnRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'provnews-own-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async (o: { aof?: boolean } = opts): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', o.aof ? 'yes' : 'no', '--appendfsync', 'everysec', '--dir', dir], { stdio: 'ignore' });
    child.on('error', () => undefined);
    const deadline = Date.now() + 10_000;
    while (!(await redisAnswers(url, 300))) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not answer within 10 s (is redis-server on PATH?)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    await exited;
  };
  await start();
  return { url, port, dir, kill, start, stop: () => kill() };
}
