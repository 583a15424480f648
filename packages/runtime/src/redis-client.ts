import { Cluster, Redis } from 'ioredis';

/** A connection to a single Redis or to a Redis Cluster; BullMQ and the crawler take either. */
export type RedisClient = Redis | Cluster;

/** Seed nodes of a cluster from `redis://h1:7000,redis://h2:7000` (user/password from the first URL). */
export function clusterSeeds(urls: string): { nodes: { host: string; port: number }[]; username?: string; password?: string; tls: boolean } {
  const parsed = urls
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
    .map((u) => new URL(u));
  if (parsed.length === 0) throw new Error('REDIS_URL lists no cluster node');
  const first = parsed[0]!;
  return {
    nodes: parsed.map((u) => ({ host: u.hostname, port: Number(u.port || 6379) })),
    ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
    ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
    tls: first.protocol === 'rediss:',
  };
}

/**
 * A connection suited to BullMQ (never gives up on a command while Redis is briefly away, as
 * BullMQ's production guide asks) to `url`, or to the cluster whose seed nodes `url` lists.
 */
export function openRedisClient(url: string, cluster: boolean): RedisClient {
  if (!cluster) return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  const seeds = clusterSeeds(url);
  return new Cluster(seeds.nodes, {
    // Commands wait in the offline queue while the cluster fails over instead of failing the job.
    enableOfflineQueue: true,
    redisOptions: {
      maxRetriesPerRequest: null,
      enableReadyCheck: true,
      ...(seeds.username ? { username: seeds.username } : {}),
      ...(seeds.password ? { password: seeds.password } : {}),
      ...(seeds.tls ? { tls: {} } : {}),
    },
  });
}
