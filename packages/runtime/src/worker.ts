import { Worker, type Job, type Processor } from 'bullmq';
import type { RedisClient } from './redis-client.ts';
import { backoffStrategy, catalog, reasonOf, type QueueName } from '@provnews/queues';
import type { AppContext } from './context.ts';
import { limitHeapGrowth } from './heap.ts';
import { observeWorker } from './metrics.ts';

export interface StartWorkerOptions {
  concurrency: number;
  /** Service name for logs. */
  service: string;
}

/**
 * How often a job may stall (its worker died or froze past the lock) before it fails as
 * `[stalled]`. Two: one kill of a worker during a job is an operator event, not the page's fault,
 * and the job is simply handed to another worker; a page that takes a worker down twice fails.
 */
export const MAX_STALLED_COUNT = 2;

/** Redis hash counting recovered stalls per queue: `<prefix>:provnews:stalled` (queue → count). */
export function stalledCountKey(prefix: string): string {
  return `${prefix}:provnews:stalled`;
}

/** Stalled jobs recovered so far, per queue (for `status` and `/metrics`). */
export async function readStalledCounts(redis: RedisClient, prefix: string): Promise<Partial<Record<QueueName, number>>> {
  const raw = await redis.hgetall(stalledCountKey(prefix));
  return Object.fromEntries(Object.entries(raw).map(([q, n]) => [q, Number(n)]));
}

/**
 * Wires a processor to its catalog queue: its own blocking connection, the provnews backoff
 * strategy, the lock and stall settings (WORKER_LOCK_MS, WORKER_STALL_CHECK_MS, see the README),
 * the process's heap growth limit (WORKER_HEAP_GROWTH_PERCENT),
 * and listeners that log every failure with its reason code and every recovered stall (counted in
 * Redis). An `'error'` listener is always attached, so a Redis hiccup never crashes the process.
 */
export function startWorker(ctx: AppContext, queue: QueueName, processor: Processor, opts: StartWorkerOptions): Worker {
  // A process that runs workers runs for days: its heap stays near what it keeps (see heap.ts).
  limitHeapGrowth(ctx.env.WORKER_HEAP_GROWTH_PERCENT);
  const log = ctx.log.child({ service: opts.service, queue });
  const worker = new Worker(catalog[queue].name, processor, {
    connection: ctx.workerConnection(),
    prefix: ctx.prefix,
    concurrency: opts.concurrency,
    settings: { backoffStrategy: backoffStrategy() },
    lockDuration: ctx.env.WORKER_LOCK_MS,
    stalledInterval: ctx.env.WORKER_STALL_CHECK_MS,
    maxStalledCount: MAX_STALLED_COUNT,
  });
  observeWorker(ctx, worker, queue);
  worker.on('error', (err) => log.error({ err: err.message }, 'worker error'));
  worker.on('failed', (job: Job | undefined, err: Error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'PermanentJobError' || err.name === 'UnrecoverableError' || reasonOf(err.message) === 'stalled';
    log[final ? 'warn' : 'info'](
      { jobId: job.id, url: (job.data as { url?: string }).url, portal: (job.data as { portal?: string }).portal, reason: reasonOf(err.message), attempt: job.attemptsMade, final },
      final ? 'job failed' : 'job failed, will retry',
    );
  });
  // This worker's stall check found a job whose worker stopped renewing its lock (killed, frozen)
  // and put it back to waiting: say so, and count it where every process can read it.
  worker.on('stalled', (jobId: string, previous: string) => {
    log.warn({ jobId, previous }, 'stalled job recovered');
    ctx.redis.hincrby(stalledCountKey(ctx.prefix), queue, 1).catch((err: Error) => log.warn({ err: err.message }, 'cannot count a stalled job'));
  });
  worker.on('completed', (job: Job) => log.debug({ jobId: job.id, url: (job.data as { url?: string }).url }, 'job completed'));
  log.info({ concurrency: opts.concurrency, lockMs: ctx.env.WORKER_LOCK_MS, stallCheckMs: ctx.env.WORKER_STALL_CHECK_MS }, 'worker started');
  return worker;
}
