import type { Cluster, Redis } from 'ioredis';

/**
 * Deletes every key under `prefix:` with SCAN + UNLINK, so a big Redis is never blocked (no KEYS).
 * Used by `provnews demo` to leave nothing in the user's Redis and by the tests to clean up.
 * On a Redis Cluster the scan covers the node the connection picks, which holds every provnews
 * key: they share one hash tag.
 */
export async function deleteKeysUnder(redis: Redis | Cluster, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}
