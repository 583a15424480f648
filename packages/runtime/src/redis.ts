import { join } from 'node:path';
import { redisAnswers, startRedisServer, type RedisHandle } from '@provnews/redis-local';
import type { Env } from '@provnews/config';
import type { Logger } from '@provnews/logger';

/** The Redis every provnews process falls back to when REDIS_URL is unset. */
export const DEFAULT_LOCAL_REDIS = 'redis://127.0.0.1:6379';

/** Nothing answered and nothing could be started: the message says how to get Redis. */
export class NoRedisError extends Error {
  override name = 'NoRedisError';
}

/**
 * Finds the Redis to use, in the order the README documents: `REDIS_URL` if set; else
 * 127.0.0.1:6379 if it answers; else a `redis-server` from PATH started on a free port with its
 * data under `<data dir>/redis`; else a NoRedisError with one line saying how to get Redis.
 */
export async function resolveRedis(env: Env, log: Logger, localUrl: string = DEFAULT_LOCAL_REDIS): Promise<RedisHandle> {
  if (env.REDIS_URL) {
    // A cluster's REDIS_URL lists seed nodes; the first one must answer.
    if (!(await redisAnswers(env.REDIS_CLUSTER ? env.REDIS_URL.split(',')[0]!.trim() : env.REDIS_URL, 3000))) {
      throw new NoRedisError(`REDIS_URL is set but nothing answers at ${redact(env.REDIS_URL)}; start that Redis or unset REDIS_URL`);
    }
    return { url: env.REDIS_URL, origin: 'REDIS_URL', stop: async () => undefined };
  }
  if (await redisAnswers(localUrl, 1000)) {
    log.debug({ redis: localUrl }, 'using local Redis');
    return { url: localUrl, origin: 'REDIS_URL', stop: async () => undefined };
  }
  try {
    const handle = await startRedisServer({ dir: join(env.PROVNEWS_DATA_DIR, 'redis'), persist: true });
    log.info({ redis: handle.url }, 'started embedded redis-server');
    return handle;
  } catch (err) {
    throw new NoRedisError(
      `no Redis: REDIS_URL is unset, nothing answers on 127.0.0.1:6379, and ${(err as Error).message}. ` +
        'Install Redis (apt-get install redis-server, brew install redis) or set REDIS_URL=redis://host:6379',
    );
  }
}

/** A Redis URL with any password blanked, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
