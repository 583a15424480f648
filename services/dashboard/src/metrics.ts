import type { Redis } from 'ioredis';
import { AggregatorRegistry, Gauge, Registry } from 'prom-client';
import { QUEUE_NAMES, reasonOf, type Queues } from '@provnews/queues';
import { METRICS_PUSH_MS, statsKeys } from '@provnews/runtime';

/** Failed jobs read per queue when counting reasons: enough for a picture, cheap per scrape. */
const REASON_SAMPLE = 1000;
/** A process that has not pushed for this long is gone: its gauges (memory, CPU) are dropped, its counters kept. */
const STALE_MS = 6 * METRICS_PUSH_MS;
/** Snapshots of processes gone this long are deleted (their counters then leave the sum once). */
const FORGET_MS = 7 * 24 * 3600_000;

/** A metric as prom-client's `getMetricsAsJSON` gives it. */
interface MetricJson {
  name: string;
  help: string;
  type: string;
  aggregator: string;
  values: { value: number; labels: Record<string, string | number>; metricName?: string }[];
}

/**
 * Prometheus metrics for the whole deployment: the workers' counters and histograms summed over
 * every worker process (from the snapshots they push to Redis, see `@provnews/runtime` metrics.ts),
 * their live process metrics labelled per process, and queue gauges read from Redis at scrape time.
 */
export function createMetrics(queues: Queues, redis: Redis): { metrics(): Promise<string>; contentType: string } {
  const local = new Registry();
  new Gauge({
    name: 'provnews_queue_jobs',
    help: 'Jobs per queue and state (current, not a rate)',
    labelNames: ['queue', 'state'] as const,
    registers: [local],
    async collect() {
      const counts = await queues.counts();
      for (const [queue, byState] of Object.entries(counts)) {
        for (const [state, n] of Object.entries(byState)) this.set({ queue, state }, n);
      }
    },
  });
  new Gauge({
    name: 'provnews_failed_jobs_by_reason',
    help: `Failed jobs kept per queue and reason code (newest ${REASON_SAMPLE} per queue)`,
    labelNames: ['queue', 'reason'] as const,
    registers: [local],
    async collect() {
      this.reset();
      for (const queue of QUEUE_NAMES) {
        const failed = await queues.get(queue).getFailed(0, REASON_SAMPLE - 1);
        for (const job of failed) if (job) this.inc({ queue, reason: reasonOf(job.failedReason) });
      }
    },
  });
  const key = statsKeys(queues.prefix).processMetrics;

  return {
    contentType: local.contentType,
    async metrics() {
      const raw = await redis.hgetall(key);
      const now = Date.now();
      const snapshots: MetricJson[][] = [];
      const processGauges: MetricJson[] = [];
      const forget: string[] = [];
      for (const [proc, json] of Object.entries(raw)) {
        const { at, metrics } = JSON.parse(json) as { at: number; metrics: MetricJson[] };
        if (now - at > FORGET_MS) {
          forget.push(proc);
          continue;
        }
        const live = now - at <= STALE_MS;
        // provnews_* counters and histograms are summed; process/nodejs metrics are per process, live ones only.
        snapshots.push(metrics.filter((m) => m.name.startsWith('provnews_')));
        if (live) {
          for (const m of metrics) {
            if (m.name.startsWith('provnews_') || m.type !== 'gauge') continue;
            processGauges.push({ ...m, values: m.values.map((v) => ({ ...v, labels: { ...v.labels, process: proc } })) } as MetricJson);
          }
        }
      }
      if (forget.length) await redis.hdel(key, ...forget);
      const workers = AggregatorRegistry.aggregate(snapshots as never) as Registry;
      const perProcess = AggregatorRegistry.aggregate([mergeByName(processGauges)] as never) as Registry;
      return Registry.merge([workers, perProcess, local]).metrics();
    },
  };
}

/** Process gauges of several processes under one metric each (distinct `process` labels, so nothing is summed). */
function mergeByName(gauges: MetricJson[]): MetricJson[] {
  const byName = new Map<string, MetricJson>();
  for (const g of gauges) {
    const prev = byName.get(g.name);
    if (prev) prev.values = [...prev.values, ...g.values];
    else byName.set(g.name, { ...g, values: [...g.values] });
  }
  return [...byName.values()];
}
