import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import './provided.ts';
import { deleteKeysUnder } from '@provnews/redis-local';

/** The run's test Redis as a handle for `createContext`/`runDemo`; stopping it is the run's job, not the caller's. */
export function testRedisHandle(): { url: string; origin: 'REDIS_URL'; stop: () => Promise<void> } {
  return { url: inject('redisUrl'), origin: 'REDIS_URL', stop: async () => undefined };
}

/** A fresh ioredis client on the run's test Redis (BullMQ-ready: `maxRetriesPerRequest: null`). */
export function testRedis(): Redis {
  const url = inject('redisUrl');
  if (!url) throw new Error('no test Redis: vitest globalSetup did not provide redisUrl');
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** A name no other test uses, for queues and key prefixes. */
export function uniqueName(base: string): string {
  return `${base}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Polls `check` until it returns a truthy value or the deadline passes (then throws with `what`). */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 20_000, everyMs = 25): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Deletes every key under a prefix (BullMQ queues, crawler state) on the run's test Redis, so a
 * suite leaves nothing behind even when it shares a long-lived Redis through REDIS_URL.
 */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = testRedis();
  try {
    await deleteKeysUnder(redis, prefix);
  } finally {
    await redis.quit();
  }
}
