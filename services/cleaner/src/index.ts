import type { Worker } from 'bullmq';
import type { Portal } from '@provnews/crawler';
import { startWorker, TaskPool, type AppContext } from '@provnews/runtime';
import type { CleanTaskInput, CleanTaskOutput } from './clean-task.ts';
import { createCleanProcessor } from './processor.ts';

export { createCleanProcessor, type CleanDeps, type CleanOutcome } from './processor.ts';
export { cleanTask, type CleanTaskInput, type CleanTaskOutput } from './clean-task.ts';

/**
 * Starts the clean worker on a context (used by this service's main and by `provnews run`).
 * Pages are decoded and cleaned in a pool of CLEAN_CONCURRENCY worker threads under the
 * PAGE_TIME_BUDGET_MS / PAGE_MEMORY_BUDGET_MB budget; the pool closes with the worker.
 */
export function startCleanerWorker(ctx: AppContext, portals: Map<string, Portal>): Worker {
  const pool = new TaskPool<CleanTaskInput, CleanTaskOutput>({
    // Beside this module: the .ts source under tsx/vitest, the compiled .js in dist/.
    taskModule: new URL(`./clean-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url),
    threads: ctx.env.CLEAN_CONCURRENCY,
    timeoutMs: ctx.env.PAGE_TIME_BUDGET_MS,
    maxMemoryMb: ctx.env.PAGE_MEMORY_BUDGET_MB,
  });
  const processor = createCleanProcessor({
    snapshots: ctx.snapshots,
    content: ctx.content,
    enqueue: ctx.queues.enqueue.bind(ctx.queues),
    hintsFor: (id) => (id ? portals.get(id)?.hints : undefined),
    runTask: (input) => pool.run(input, input.url),
    log: ctx.log.child({ service: 'cleaner', queue: 'clean' }),
  });
  const worker = startWorker(ctx, 'clean', processor, { service: 'cleaner', concurrency: ctx.env.CLEAN_CONCURRENCY });
  worker.once('closed', () => void pool.close());
  return worker;
}
