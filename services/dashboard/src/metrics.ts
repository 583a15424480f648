import { Gauge, Registry } from 'prom-client';
import { QUEUE_NAMES, reasonOf, type Queues } from '@provnews/queues';

/** Failed jobs read per queue when counting reasons: enough for a picture, cheap per scrape. */
const REASON_SAMPLE = 1000;

/**
 * Prometheus metrics, computed from Redis at scrape time (no state in the process, so any number
 * of dashboards can run): job counts per queue and state, and failed jobs per reason code.
 */
export function createMetrics(queues: Queues): Registry {
  const registry = new Registry();
  new Gauge({
    name: 'provnews_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      const counts = await queues.counts();
      for (const [queue, byState] of Object.entries(counts)) {
        for (const [state, n] of Object.entries(byState)) this.set({ queue, state }, n);
      }
    },
  });
  new Gauge({
    name: 'provnews_failed_jobs_by_reason',
    help: `Failed jobs per queue and reason code (newest ${REASON_SAMPLE} per queue)`,
    labelNames: ['queue', 'reason'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of QUEUE_NAMES) {
        const failed = await queues.get(queue).getFailed(0, REASON_SAMPLE - 1);
        for (const job of failed) if (job) this.inc({ queue, reason: reasonOf(job.failedReason) });
      }
    },
  });
  return registry;
}
