import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Env } from '@provnews/config';
import type { Logger } from '@provnews/logger';
import { clusterPrefix, Queues } from '@provnews/queues';
import { CachedBlobStore, ContentStore, JsonlSink, openPgBlobStore, openS3BlobStore, openPgliteSink, openPostgresSink, SnapshotStore, type BlobStore, type Sink } from '@provnews/storage';
import { resolveRedis } from './redis.ts';
import { openRedisClient, type RedisClient } from './redis-client.ts';
import type { RedisHandle } from '@provnews/redis-local';
import { flushWorkerMetrics } from './metrics.ts';

/** Everything a provnews process shares: connections, stores, the sink. */
export interface AppContext {
  env: Env;
  log: Logger;
  redisHandle: RedisHandle;
  /** Connection for producers and non-blocking commands (a cluster client when REDIS_CLUSTER is set). */
  redis: RedisClient;
  prefix: string;
  queues: Queues;
  /** Snapshots and cleaned pages: the local disk, or a store shared across machines (PROVNEWS_STORE). */
  content: BlobStore;
  snapshots: SnapshotStore;
  sink: Sink;
  /** Opens another connection suited to a BullMQ Worker (blocking commands need their own). */
  workerConnection(): RedisClient;
  close(): Promise<void>;
}

export interface ContextOverrides {
  /** Use this Redis instead of resolving one (tests, `provnews demo`). */
  redisHandle?: RedisHandle;
  prefix?: string;
  /** Records file; default `<data dir>/records.jsonl`. */
  sinkPath?: string;
  sink?: Sink;
}

/** BullMQ's production guide: never give up on a command while Redis is briefly away. */
export function bullConnection(url: string): Redis {
  return openRedisClient(url, false) as Redis;
}

/** The sink PROVNEWS_SINK names: a JSON Lines file, a PostgreSQL server, or an embedded PGlite. */
export async function openSink(env: Env, jsonlPath?: string): Promise<Sink> {
  switch (env.PROVNEWS_SINK) {
    case 'postgres':
      return openPostgresSink(env.DATABASE_URL!);
    case 'pglite':
      return openPgliteSink(join(env.PROVNEWS_DATA_DIR, 'pglite'));
    default:
      return new JsonlSink(jsonlPath ?? join(env.PROVNEWS_DATA_DIR, 'records.jsonl'));
  }
}

/** The content store PROVNEWS_STORE names, with what closes it. */
export async function openBlobStore(env: Env): Promise<{ store: BlobStore; close: () => Promise<void> }> {
  if (env.PROVNEWS_STORE === 'postgres') {
    const store = await openPgBlobStore((env.STORE_DATABASE_URL ?? env.DATABASE_URL)!);
    await store.migrate();
    return { store, close: () => store.close() };
  }
  if (env.PROVNEWS_STORE === 's3') {
    const store = await openS3BlobStore({
      bucket: env.S3_BUCKET!,
      prefix: env.S3_PREFIX,
      region: env.S3_REGION,
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    });
    await store.ensureBucket();
    return { store, close: () => store.close() };
  }
  return { store: new ContentStore(join(env.PROVNEWS_DATA_DIR, 'store')), close: async () => undefined };
}

/** Opens Redis, the content and snapshot stores and the sink for one process. */
export async function createContext(env: Env, log: Logger, overrides: ContextOverrides = {}): Promise<AppContext> {
  const redisHandle = overrides.redisHandle ?? (await resolveRedis(env, log));
  const connections: RedisClient[] = [];
  const open = (): RedisClient => {
    const c = openRedisClient(redisHandle.url, env.REDIS_CLUSTER);
    c.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
    connections.push(c);
    return c;
  };
  const redis = open();
  // On a cluster every key must carry the prefix's hash tag (see clusterPrefix).
  const basePrefix = overrides.prefix ?? env.PROVNEWS_QUEUE_PREFIX;
  const prefix = env.REDIS_CLUSTER ? clusterPrefix(basePrefix) : basePrefix;
  const { store: backend, close: closeContent } = await openBlobStore(env);
  const content = env.STORE_CACHE_MB > 0 ? new CachedBlobStore(backend, env.STORE_CACHE_MB * 1024 * 1024) : backend;
  const sink = overrides.sink ?? (await openSink(env, overrides.sinkPath));
  const queues = new Queues({ connection: redis, prefix });
  const ctx: AppContext = {
    env,
    log,
    redisHandle,
    redis,
    prefix,
    queues,
    content,
    snapshots: new SnapshotStore(content),
    sink,
    workerConnection: open,
    async close() {
      // Statistics summed in memory since the last flush go out before the connection does.
      await flushWorkerMetrics(ctx).catch(() => undefined);
      await queues.close();
      await sink.close();
      await closeContent();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
      await redisHandle.stop();
    },
  };
  return ctx;
}
