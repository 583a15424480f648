import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RedisClient } from './redis-client.ts';
import type { Logger } from '@provnews/logger';

/** What `CONFIG GET` says about losing data on a restart or under memory pressure. */
export interface RedisDurability {
  /** AOF on (`appendonly yes`). */
  aof: boolean;
  /** RDB snapshots configured (`save` not empty). */
  rdb: boolean;
  maxmemoryPolicy: string;
  /** One line per problem (empty when Redis keeps its data); logged as warnings at start-up. */
  problems: string[];
}

/**
 * Reads Redis's persistence and eviction settings. Queues, schedules and the crawl frontier live
 * only in Redis: without AOF or RDB a restart loses them all, and any `maxmemory-policy` other
 * than `noeviction` lets Redis silently drop job keys under memory pressure (BullMQ's production
 * guide asks for `noeviction`). Returns null when `CONFIG` is not allowed (managed Redis).
 */
export async function checkRedisDurability(redis: RedisClient): Promise<RedisDurability | null> {
  let pairs: string[];
  try {
    pairs = [...((await redis.config('GET', 'appendonly')) as string[]), ...((await redis.config('GET', 'save')) as string[]), ...((await redis.config('GET', 'maxmemory-policy')) as string[])];
  } catch {
    return null;
  }
  const conf = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) conf.set(pairs[i]!, pairs[i + 1]!);
  const aof = conf.get('appendonly') === 'yes';
  const rdb = (conf.get('save') ?? '').trim() !== '';
  const maxmemoryPolicy = conf.get('maxmemory-policy') ?? 'unknown';
  const problems: string[] = [];
  if (!aof && !rdb) problems.push('Redis has no persistence (appendonly no, save ""): a restart loses every queue, schedule and the seen-set; set appendonly yes');
  if (maxmemoryPolicy !== 'noeviction') problems.push(`Redis maxmemory-policy is ${maxmemoryPolicy}: under memory pressure it evicts job keys; set maxmemory-policy noeviction`);
  return { aof, rdb, maxmemoryPolicy, problems };
}

/** The marker a provnews deployment keeps in Redis to notice that Redis lost its data. */
export interface RedisInstanceState {
  /** The marker now in Redis, or null when there is none (never started, or wiped and not yet repaired). */
  instance: { id: string; createdAt: string } | null;
  /** The last wipe noticed: when, and the marker that was lost. */
  wiped: { at: string; previous: string; current: string } | null;
}

const instanceKey = (prefix: string) => `${prefix}:provnews:instance`;
const wipedKey = (prefix: string) => `${prefix}:provnews:wiped`;

/** Reads the instance marker and the last noticed wipe (for `provnews status` and the dashboard). */
export async function readRedisInstanceState(redis: RedisClient, prefix: string): Promise<RedisInstanceState> {
  const [instance, wiped] = await redis.mget(instanceKey(prefix), wipedKey(prefix));
  return {
    instance: instance ? (JSON.parse(instance) as RedisInstanceState['instance']) : null,
    wiped: wiped ? (JSON.parse(wiped) as RedisInstanceState['wiped']) : null,
  };
}

/**
 * Checks the instance marker: `<prefix>:provnews:instance` in Redis, remembered in
 * `<data dir>/redis-instance-<prefix>[-<who>].json` (`who`: the kind of process, e.g. `crawler`). A marker in the file but not in Redis means Redis lost
 * its data (restart without persistence, FLUSHALL, failover to an empty replica): the wipe is
 * logged as an error, noted in `<prefix>:provnews:wiped` (shown by `status`) and reported to the
 * caller so it can repair what it owns (the crawler re-syncs the schedules). One GET when all is well.
 *
 * @returns true when a wipe was noticed by this call
 */
export async function checkRedisInstance(redis: RedisClient, prefix: string, dataDir: string, log: Logger, who?: string): Promise<boolean> {
  // One file per kind of process: processes sharing a data directory each notice the wipe (the
  // first to notice writes the new marker; with one shared file the others would adopt it silently).
  const file = join(dataDir, `redis-instance-${prefix.replace(/[^\w-]/g, '_')}${who ? `-${who.replace(/[^\w-]/g, '_')}` : ''}.json`);
  const current = await redis.get(instanceKey(prefix));
  const remembered = await readFile(file, 'utf8').then(
    (t) => (JSON.parse(t) as { id: string }).id,
    () => null,
  );
  let adopted: string;
  if (current) {
    if ((JSON.parse(current) as { id: string }).id === remembered) return false;
    // First start, or another process (another kind, sharing the data directory) noticed the wipe
    // first and wrote the new marker: this one notices it now.
    adopted = current;
  } else {
    const marker = JSON.stringify({ id: randomUUID(), createdAt: new Date().toISOString() });
    // NX: of several processes noticing at once, one writes the new marker and all adopt it.
    await redis.set(instanceKey(prefix), marker, 'NX');
    adopted = (await redis.get(instanceKey(prefix))) ?? marker;
  }
  await remember(file, adopted);
  if (!remembered) return false;
  const note = { at: new Date().toISOString(), previous: remembered, current: (JSON.parse(adopted) as { id: string }).id };
  await redis.set(wipedKey(prefix), JSON.stringify(note));
  log.error({ previous: remembered, current: note.current, prefix }, 'REDIS WAS WIPED: queues, schedules and the seen-set are gone; schedules re-synced, in-flight jobs must be replayed');
  return true;
}

async function remember(file: string, marker: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, marker);
}

/** How often a running process re-reads the instance marker (one GET). */
export const INSTANCE_CHECK_MS = 30_000;

/**
 * Start-up and running checks of a worker process's Redis: warns about missing persistence or an
 * evicting `maxmemory-policy`, checks the instance marker now, after every reconnect and every
 * {@link INSTANCE_CHECK_MS}, and calls `onWiped` when Redis lost its data. Returns a stop function.
 */
export async function watchRedis(redis: RedisClient, prefix: string, dataDir: string, log: Logger, onWiped: () => Promise<void> = async () => undefined, who?: string): Promise<() => void> {
  const durability = await checkRedisDurability(redis);
  if (!durability) log.info('cannot read the Redis configuration (CONFIG not allowed); make sure it persists data and uses maxmemory-policy noeviction');
  for (const problem of durability?.problems ?? []) log.warn({ problem }, 'redis may lose data');
  let running: Promise<void> | null = null;
  const check = (): void => {
    running ??= checkRedisInstance(redis, prefix, dataDir, log, who)
      .then((wiped) => (wiped ? onWiped() : undefined))
      .catch((err: Error) => log.warn({ err: err.message }, 'cannot check the redis instance marker'))
      .finally(() => (running = null));
  };
  if (await checkRedisInstance(redis, prefix, dataDir, log, who)) await onWiped();
  const timer = setInterval(check, INSTANCE_CHECK_MS).unref();
  // 'ready' fires after every reconnect: the Redis that answers may be a fresh, empty one.
  redis.on('ready', check);
  return () => {
    clearInterval(timer);
    redis.off('ready', check);
  };
}
