import type { Worker } from 'bullmq';
import type { Portal } from '@provnews/crawler';
import { startWorker, type AppContext } from '@provnews/runtime';
import { createCleanProcessor } from './processor.ts';

export { createCleanProcessor, type CleanDeps, type CleanOutcome } from './processor.ts';

/** Starts the clean worker on a context (used by this service's main and by `provnews run`). */
export function startCleanerWorker(ctx: AppContext, portals: Map<string, Portal>): Worker {
  const processor = createCleanProcessor({
    snapshots: ctx.snapshots,
    content: ctx.content,
    enqueue: ctx.queues.enqueue.bind(ctx.queues),
    hintsFor: (id) => (id ? portals.get(id)?.hints : undefined),
    log: ctx.log.child({ service: 'cleaner', queue: 'clean' }),
  });
  return startWorker(ctx, 'clean', processor, { service: 'cleaner', concurrency: ctx.env.CLEAN_CONCURRENCY });
}
