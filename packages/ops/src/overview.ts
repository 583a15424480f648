import type { Cluster, Redis as RedisConnection } from 'ioredis';

/** A single Redis or a Redis Cluster connection. */
type Redis = RedisConnection | Cluster;
import { listSchedules, type Portal } from '@provnews/crawler';
import { QUEUE_NAMES, type QueueName, type Queues } from '@provnews/queues';
import { PORTAL_BUCKET_MS, readRedisInstanceState, readStalledCounts, STAGE_BUCKET_MS, statsKeys, type RedisInstanceState } from '@provnews/runtime';

/** The time zone people read schedules in (the portals' own). */
export const LOCAL_TZ = 'Asia/Ho_Chi_Minh';

/** A time in Vietnam's zone, `2026-12-02 08:40 (+07)`. */
export function localTime(d: Date, tz = LOCAL_TZ): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'shortOffset' }).formatToParts(d);
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  const offset = p('timeZoneName').replace('GMT', '').replace(/^([+-])(\d)(?!\d)/, '$10$2') || '+00';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')} (${offset})`;
}

/**
 * Reads a date as people type it, in Vietnam's time unless a zone is given: `2026-12-01`,
 * `2026-12-01T08:00` (or with a space, as `<input type=datetime-local>` sends without seconds),
 * or ISO 8601 with `Z`/`+07:00`. Returns null when it is not a date.
 */
export function parseLocalDate(value: string): Date | null {
  const v = value.trim().replace(' ', 'T');
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+07:00` : /([zZ]|[+-]\d\d:?\d\d)$/.test(v) ? v : `${v}+07:00`;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `in 2 h 5 min`, `3 min ago`. */
export function relativeTime(d: Date, now = Date.now()): string {
  const diff = d.getTime() - now;
  const s = Math.round(Math.abs(diff) / 1000);
  const text = s < 60 ? `${s} s` : s < 3600 ? `${Math.round(s / 60)} min` : s < 86400 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min` : `${Math.floor(s / 86400)} d ${Math.round((s % 86400) / 3600)} h`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

export interface RunStats {
  runId: string;
  start: string | null;
  end: string | null;
  fetched: number;
  stored: number;
  unchanged: number;
  failed: number;
  failuresByReason: Record<string, number>;
}

export interface PortalCounts {
  fetched: number;
  stored: number;
  unchanged: number;
  failed: number;
}

export interface PortalOverview {
  id: string;
  name: string;
  enabled: boolean;
  cron: string;
  tz: string;
  nextRun: string | null;
  lastRun: RunStats | null;
  lastError: { at: string; reason: string; message: string; url: string | null } | null;
  last24h: PortalCounts;
  last7d: PortalCounts;
}

export interface StagePoint {
  /** Start of the bucket (ms since epoch). */
  t: number;
  done: number;
  failed: number;
  /** Mean processing time of the bucket's jobs (ms), null when none finished. */
  meanMs: number | null;
}

export interface Overview {
  generatedAt: string;
  portals: PortalOverview[];
  stages: Record<QueueName, StagePoint[]>;
  counts: Record<QueueName, Record<string, number>>;
  /** Redis's own health as provnews sees it: the last wipe noticed (issue 9) and stalled jobs recovered per queue. */
  redis: { wiped: RedisInstanceState['wiped']; stalled: Partial<Record<QueueName, number>> };
}

const num = (v: string | undefined) => (v ? Number(v) : 0);

/** One run's statistics (from the hash the workers fill, see `@provnews/runtime` metrics.ts). */
export async function runStats(redis: Redis, prefix: string, portal: string, runId: string): Promise<RunStats | null> {
  const h = await redis.hgetall(statsKeys(prefix).run(portal, runId));
  if (!Object.keys(h).length) return null;
  const failuresByReason: Record<string, number> = {};
  for (const [k, v] of Object.entries(h)) if (k.startsWith('reason:')) failuresByReason[k.slice(7)] = Number(v);
  return { runId, start: h.start ?? null, end: h.end ?? null, fetched: num(h.fetched), stored: num(h.stored), unchanged: num(h.unchanged) + num(h['not-modified']), failed: num(h.failed), failuresByReason };
}

/**
 * Everything the overview page shows, read from Redis: per portal its schedule, last run, last
 * error and 24 h / 7 d counts; per stage the last 24 h of throughput and latency in 5-minute buckets.
 */
export async function readOverview(queues: Queues, redis: Redis, portals: Portal[], now = Date.now()): Promise<Overview> {
  const keys = statsKeys(queues.prefix);
  const schedules = new Map((await listSchedules(queues.get('crawl'))).map((s) => [s.portal, s]));
  const lastRuns = await redis.hgetall(keys.lastRun);
  const lastErrors = await redis.hgetall(keys.lastError);
  const hour0 = Math.floor(now / PORTAL_BUCKET_MS) * PORTAL_BUCKET_MS;

  const out: PortalOverview[] = [];
  for (const p of portals) {
    const tx = redis.multi();
    for (let i = 0; i < 7 * 24; i++) tx.hgetall(keys.portal(p.id, hour0 - i * PORTAL_BUCKET_MS));
    const hours = ((await tx.exec()) ?? []).map(([, v]) => (v ?? {}) as Record<string, string>);
    const sum = (n: number): PortalCounts => {
      const c = { fetched: 0, stored: 0, unchanged: 0, failed: 0 };
      for (const h of hours.slice(0, n)) {
        c.fetched += num(h.fetched);
        c.stored += num(h.stored);
        c.unchanged += num(h.unchanged) + num(h['not-modified']);
        c.failed += num(h.failed);
      }
      return c;
    };
    const runId = lastRuns[p.id];
    const sched = schedules.get(p.id);
    const lastError = lastErrors[p.id];
    out.push({
      id: p.id,
      name: p.name,
      enabled: p.enabled,
      cron: p.schedule.cron,
      tz: p.schedule.tz,
      nextRun: sched?.next ? sched.next.toISOString() : null,
      lastRun: runId ? await runStats(redis, queues.prefix, p.id, runId) : null,
      lastError: lastError ? (JSON.parse(lastError) as PortalOverview['lastError']) : null,
      last24h: sum(24),
      last7d: sum(7 * 24),
    });
  }

  const bucket0 = Math.floor(now / STAGE_BUCKET_MS) * STAGE_BUCKET_MS;
  const points = (24 * 3600_000) / STAGE_BUCKET_MS;
  const stages = {} as Record<QueueName, StagePoint[]>;
  for (const q of QUEUE_NAMES) {
    const tx = redis.multi();
    const ts: number[] = [];
    for (let i = points - 1; i >= 0; i--) {
      const t = bucket0 - i * STAGE_BUCKET_MS;
      ts.push(t);
      tx.hgetall(keys.stage(q, t));
    }
    const rows = ((await tx.exec()) ?? []).map(([, v]) => (v ?? {}) as Record<string, string>);
    stages[q] = rows.map((h, i) => ({ t: ts[i]!, done: num(h.done), failed: num(h.failed), meanMs: num(h.done) ? num(h.ms) / num(h.done) : null }));
  }
  const { wiped } = await readRedisInstanceState(redis, queues.prefix);
  const stalled = await readStalledCounts(redis, queues.prefix);
  return { generatedAt: new Date(now).toISOString(), portals: out, stages, counts: await queues.counts(), redis: { wiped, stalled } };
}
