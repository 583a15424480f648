import { hostname } from 'node:os';
import type { Job, Worker } from 'bullmq';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { reasonOf, type QueueName } from '@provnews/queues';
import type { AppContext } from './context.ts';

/**
 * Worker metrics and statistics, correct for any number of worker processes.
 *
 * Design (documented in the README): each worker process keeps its own prom-client registry and
 * pushes a snapshot of it (`getMetricsAsJSON`) every few seconds into one Redis hash, a field per
 * process. The dashboard sums all snapshots with prom-client's `AggregatorRegistry.aggregate`, so
 * counters and histograms add up across processes; a stopped process's last counters stay in the
 * sum (totals never go backwards), its process gauges are dropped once it stops pushing. Beside
 * that, every finished job adds to small time-bucketed Redis hashes (per stage, per portal, per
 * run) that the overview page charts; they expire after 8 days. Those additions are summed in
 * memory and written once a second ({@link STATS_FLUSH_MS}) in one MULTI, not per job: per job they
 * cost ~10 Redis commands, more than the queue hop itself. A crash loses at most the last second
 * of chart counts, never a job or a record; failures are written at once.
 */

/** How often a process pushes its metrics (a Prometheus scrape sees values at most this old). */
export const METRICS_PUSH_MS = 5000;
/** Stats buckets: 5 minutes per stage (charts), 1 hour per portal (24 h / 7 d counts). */
export const STAGE_BUCKET_MS = 5 * 60_000;
export const PORTAL_BUCKET_MS = 3600_000;
/** How often a process writes the statistics its finished jobs added up (a chart lags by at most this). */
export const STATS_FLUSH_MS = 1000;
const STATS_TTL_S = 8 * 24 * 3600;
const RUN_TTL_S = 30 * 24 * 3600;

/** Redis keys of the metrics and statistics under a queue prefix (one place for writer and readers). */
export function statsKeys(prefix: string) {
  return {
    /** Hash: process id → JSON `{ at, metrics }` (prom-client metrics JSON). */
    processMetrics: `${prefix}:metrics:processes`,
    stage: (queue: string, bucket: number) => `${prefix}:stats:stage:${queue}:${bucket}`,
    portal: (portal: string, bucket: number) => `${prefix}:stats:portal:${portal}:${bucket}`,
    /** One portal's share of a run (a run id can span portals, as in `provnews demo`). */
    run: (portal: string, runId: string) => `${prefix}:stats:run:${portal}:${runId}`,
    /** Hash: portal → id of its latest run. */
    lastRun: `${prefix}:stats:last-run`,
    /** Hash: portal → JSON `{ at, reason, message, url }` of its latest final failure. */
    lastError: `${prefix}:stats:last-error`,
  };
}

interface WorkerMetrics {
  registry: Registry;
  jobs: Counter<'queue' | 'portal' | 'outcome'>;
  failures: Counter<'queue' | 'reason'>;
  pages: Counter<'portal' | 'status'>;
  records: Counter<'portal' | 'outcome'>;
  bytes: Counter<'portal'>;
  fetchSeconds: Histogram<'portal'>;
  jobSeconds: Histogram<'queue'>;
}

function createWorkerMetrics(): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    jobs: new Counter({ name: 'provnews_jobs_total', help: 'Jobs finished, by queue, portal and outcome (completed, failed, retrying)', labelNames: ['queue', 'portal', 'outcome'], registers }),
    failures: new Counter({ name: 'provnews_job_failures_total', help: 'Failed job attempts by queue and reason code', labelNames: ['queue', 'reason'], registers }),
    pages: new Counter({ name: 'provnews_pages_fetched_total', help: 'Pages fetched by portal and HTTP status (or error reason)', labelNames: ['portal', 'status'], registers }),
    records: new Counter({ name: 'provnews_records_total', help: 'Records written to the sink, by portal and outcome (inserted, updated, unchanged)', labelNames: ['portal', 'outcome'], registers }),
    bytes: new Counter({ name: 'provnews_snapshot_bytes_total', help: 'Bytes of raw responses stored as snapshots, by portal', labelNames: ['portal'], registers }),
    fetchSeconds: new Histogram({ name: 'provnews_fetch_duration_seconds', help: 'Time to fetch one page', labelNames: ['portal'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers }),
    jobSeconds: new Histogram({ name: 'provnews_job_duration_seconds', help: 'Time to process one job, by stage', labelNames: ['queue'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers }),
  };
}

/** Statistics added up since the last flush: per hash key, field increments, fields set, and the key's TTL. */
class StatsBatch {
  private readonly incr = new Map<string, Map<string, number>>();
  private readonly set = new Map<string, Map<string, string>>();
  private readonly ttl = new Map<string, number>();

  add(key: string, field: string, by: number, ttlS: number): void {
    let h = this.incr.get(key);
    if (!h) this.incr.set(key, (h = new Map()));
    h.set(field, (h.get(field) ?? 0) + by);
    this.ttl.set(key, ttlS);
  }

  put(key: string, field: string, value: string, ttlS?: number): void {
    let h = this.set.get(key);
    if (!h) this.set.set(key, (h = new Map()));
    h.set(field, value);
    if (ttlS !== undefined) this.ttl.set(key, ttlS);
  }

  get empty(): boolean {
    return this.incr.size === 0 && this.set.size === 0;
  }

  /** Moves everything added so far into one MULTI (and starts a new batch). */
  drainInto(tx: ReturnType<AppContext['redis']['multi']>): void {
    for (const [key, fields] of this.incr) for (const [field, by] of fields) tx.hincrby(key, field, by);
    for (const [key, fields] of this.set) tx.hset(key, Object.fromEntries(fields));
    for (const [key, ttl] of this.ttl) tx.expire(key, ttl);
    this.incr.clear();
    this.set.clear();
    this.ttl.clear();
  }
}

interface Observer {
  metrics: WorkerMetrics;
  workers: Set<Worker>;
  timer: NodeJS.Timeout;
  stats: StatsBatch;
  statsTimer: NodeJS.Timeout;
  push(): Promise<void>;
  flushStats(): Promise<void>;
}

/** One observer per context (Redis + prefix): tests and `provnews demo` run several in one process. */
const observers = new WeakMap<AppContext, Observer>();
const PROCESS_START = `${hostname()}:${process.pid}:${Date.now().toString(36)}`;
let observerSeq = 0;

function observerFor(ctx: AppContext): Observer {
  let o = observers.get(ctx);
  if (o) return o;
  const metrics = createWorkerMetrics();
  const key = statsKeys(ctx.prefix).processMetrics;
  // One field per observer: a process with several contexts (demo, tests) pushes each separately.
  const field = `${PROCESS_START}:${observerSeq++}`;
  const push = async () => {
    const snapshot = JSON.stringify({ at: Date.now(), metrics: await metrics.registry.getMetricsAsJSON() });
    await ctx.redis.multi().hset(key, field, snapshot).expire(key, STATS_TTL_S).exec();
  };
  const timer = setInterval(() => void push().catch(() => undefined), METRICS_PUSH_MS);
  timer.unref();
  const stats = new StatsBatch();
  const flushStats = async () => {
    if (stats.empty) return;
    const tx = ctx.redis.multi();
    stats.drainInto(tx);
    await tx.exec();
  };
  const statsTimer = setInterval(() => void flushStats().catch(() => undefined), STATS_FLUSH_MS);
  statsTimer.unref();
  o = { metrics, workers: new Set(), timer, stats, statsTimer, push, flushStats };
  observers.set(ctx, o);
  return o;
}

interface JobData {
  url?: string;
  portal?: string | null;
  runId?: string;
}

/**
 * Hooks a worker's events into the metrics and statistics (called once where workers are
 * created). Recording never throws into the worker: a Redis hiccup loses a data point, not a job.
 */
export function observeWorker(ctx: AppContext, worker: Worker, queue: QueueName): void {
  const o = observerFor(ctx);
  o.workers.add(worker);
  const keys = statsKeys(ctx.prefix);
  const m = o.metrics;

  worker.on('completed', (job: Job, result: unknown) => {
    const data = job.data as JobData;
    const portal = data.portal ?? 'none';
    const ms = Math.max(0, Date.now() - (job.processedOn ?? Date.now()));
    m.jobs.inc({ queue, portal, outcome: 'completed' });
    m.jobSeconds.observe({ queue }, ms / 1000);
    const r = (result ?? {}) as { status?: string; httpStatus?: number; elapsedMs?: number; bodyBytes?: number; runId?: string; outcome?: string; kind?: string };
    const now = Date.now();
    const b = o.stats;
    const stage = keys.stage(queue, Math.floor(now / STAGE_BUCKET_MS) * STAGE_BUCKET_MS);
    b.add(stage, 'done', 1, STATS_TTL_S);
    b.add(stage, 'ms', ms, STATS_TTL_S);
    const hour = keys.portal(portal, Math.floor(now / PORTAL_BUCKET_MS) * PORTAL_BUCKET_MS);
    const runId = data.runId ?? r.runId;
    const run = runId ? keys.run(portal, runId) : null;
    const add = (field: string) => {
      b.add(hour, field, 1, STATS_TTL_S);
      if (run) b.add(run, field, 1, RUN_TTL_S);
    };
    if (queue === 'crawl') {
      if (r.httpStatus) m.pages.inc({ portal, status: String(r.httpStatus) });
      if (r.elapsedMs !== undefined) m.fetchSeconds.observe({ portal }, r.elapsedMs / 1000);
      if (r.bodyBytes) m.bytes.inc({ portal }, r.bodyBytes);
      if (r.status === 'fetched' || r.status === 'unchanged') add(r.status === 'fetched' ? 'fetched' : 'not-modified');
      if (r.kind === 'portal' && r.runId && data.portal) {
        b.put(keys.lastRun, data.portal, r.runId);
        b.put(keys.run(data.portal, r.runId), 'start', new Date(job.processedOn ?? now).toISOString(), RUN_TTL_S);
      }
    }
    if (queue === 'extract' && r.outcome) {
      m.records.inc({ portal, outcome: r.outcome });
      add(r.outcome === 'unchanged' ? 'unchanged' : 'stored');
    }
    if (run) b.put(run, 'end', new Date(now).toISOString(), RUN_TTL_S);
  });

  worker.on('failed', (job: Job | undefined, err: Error) => {
    if (!job) return;
    const data = job.data as JobData;
    const portal = data.portal ?? 'none';
    const reason = reasonOf(err.message);
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'PermanentJobError' || err.name === 'UnrecoverableError';
    m.jobs.inc({ queue, portal, outcome: final ? 'failed' : 'retrying' });
    m.failures.inc({ queue, reason });
    if (queue === 'crawl') {
      const http = /^http-(\d{3})$/.exec(reason);
      m.pages.inc({ portal, status: http ? http[1]! : reason });
    }
    if (!final) return;
    const now = Date.now();
    const tx = ctx.redis.multi();
    const stage = keys.stage(queue, Math.floor(now / STAGE_BUCKET_MS) * STAGE_BUCKET_MS);
    tx.hincrby(stage, 'failed', 1).expire(stage, STATS_TTL_S);
    const hour = keys.portal(portal, Math.floor(now / PORTAL_BUCKET_MS) * PORTAL_BUCKET_MS);
    tx.hincrby(hour, 'failed', 1).expire(hour, STATS_TTL_S);
    if (data.runId) {
      const run = keys.run(portal, data.runId);
      tx.hincrby(run, 'failed', 1).hincrby(run, `reason:${reason}`, 1).hset(run, 'end', new Date(now).toISOString()).expire(run, RUN_TTL_S);
    }
    if (data.portal) {
      tx.hset(keys.lastError, data.portal, JSON.stringify({ at: new Date(now).toISOString(), reason, message: err.message.slice(0, 500), url: data.url ?? null }));
    }
    void tx.exec().catch(() => undefined);
  });

  worker.on('closed', () => {
    o.workers.delete(worker);
    if (o.workers.size > 0) return;
    clearInterval(o.timer);
    clearInterval(o.statsTimer);
    void o.flushStats().catch(() => undefined);
    void o.push().catch(() => undefined); // the last counters of this process stay in the sum

  });
}

/**
 * Writes this process's pending statistics and pushes its metrics now (before a context closes,
 * and in tests instead of waiting for the timers).
 */
export async function flushWorkerMetrics(ctx: AppContext): Promise<void> {
  const o = observers.get(ctx);
  if (!o) return;
  await o.flushStats();
  await o.push();
}
