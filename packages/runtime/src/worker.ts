import { Worker, type Job, type Processor } from 'bullmq';
import { backoffStrategy, catalog, reasonOf, type QueueName } from '@provnews/queues';
import type { AppContext } from './context.ts';
import { observeWorker } from './metrics.ts';

export interface StartWorkerOptions {
  concurrency: number;
  /** Service name for logs. */
  service: string;
}

/**
 * Wires a processor to its catalog queue: its own blocking connection, the provnews backoff
 * strategy, and listeners that log every failure with its reason code. An `'error'` listener is
 * always attached, so a Redis hiccup never crashes the process.
 */
export function startWorker(ctx: AppContext, queue: QueueName, processor: Processor, opts: StartWorkerOptions): Worker {
  const log = ctx.log.child({ service: opts.service, queue });
  const worker = new Worker(catalog[queue].name, processor, {
    connection: ctx.workerConnection(),
    prefix: ctx.prefix,
    concurrency: opts.concurrency,
    settings: { backoffStrategy: backoffStrategy() },
  });
  observeWorker(ctx, worker, queue);
  worker.on('error', (err) => log.error({ err: err.message }, 'worker error'));
  worker.on('failed', (job: Job | undefined, err: Error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'PermanentJobError' || err.name === 'UnrecoverableError';
    log[final ? 'warn' : 'info'](
      { jobId: job.id, url: (job.data as { url?: string }).url, portal: (job.data as { portal?: string }).portal, reason: reasonOf(err.message), attempt: job.attemptsMade, final },
      final ? 'job failed' : 'job failed, will retry',
    );
  });
  worker.on('completed', (job: Job) => log.debug({ jobId: job.id, url: (job.data as { url?: string }).url }, 'job completed'));
  log.info({ concurrency: opts.concurrency }, 'worker started');
  return worker;
}
