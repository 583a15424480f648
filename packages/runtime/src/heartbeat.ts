import { stat } from 'node:fs/promises';
import type { Worker } from 'bullmq';
import { writeFileAtomic } from '@provnews/storage';
import type { RedisClient } from './redis-client.ts';

/** How often a healthy worker process touches its heartbeat file. */
export const HEARTBEAT_EVERY_MS = 10_000;

/**
 * Writes the time to `file` every {@link HEARTBEAT_EVERY_MS} while Redis answers and every worker
 * is running, so a container healthcheck (`provnews health --file …`) can tell a working process
 * from a stuck or disconnected one without a port. `beat()` writes once now (true when it did).
 */
export function startHeartbeat(file: string, redis: RedisClient, workers: Worker[]): { stop: () => void; beat: () => Promise<boolean> } {
  const beat = async (): Promise<boolean> => {
    try {
      if (!workers.every((w) => w.isRunning())) return false;
      await redis.ping();
      // Temp file + rename: a healthcheck reading the file never sees it empty or half written.
      await writeFileAtomic(file, `${new Date().toISOString()}\n`);
      return true;
    } catch {
      return false; // no beat this time: the file ages and the healthcheck reports it
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), beat };
}

/** Whether `file` was written within the last `maxAgeMs` (false when it is missing). */
export async function heartbeatFresh(file: string, maxAgeMs: number, now: number = Date.now()): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info !== null && now - info.mtimeMs <= maxAgeMs;
}
