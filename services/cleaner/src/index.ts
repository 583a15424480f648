import type { Worker } from 'bullmq';
import type { Portal } from '@provnews/crawler';
import { autoPageThreads, leaseTaskPool, startWorker, type AppContext } from '@provnews/runtime';
import type { CleanTaskInput, CleanTaskOutput } from './clean-task.ts';
import { createCleanProcessor } from './processor.ts';

export { createCleanProcessor, type CleanDeps, type CleanOutcome } from './processor.ts';
export { cleanTask, type CleanTaskInput, type CleanTaskOutput } from './clean-task.ts';

/**
 * Starts the clean worker on a context (used by this service's main and by `provnews run`).
 * Pages are decoded and cleaned on the process's page threads (PAGE_THREADS, shared with the
 * extractor when it runs in the same process) under the PAGE_TIME_BUDGET_MS / PAGE_MEMORY_BUDGET_MB
 * budget; the last worker to close closes the threads.
 */
export function startCleanerWorker(ctx: AppContext, portals: Map<string, Portal>): Worker {
  // Beside this module: the .ts source under tsx/vitest, the compiled .js in dist/.
  const taskModule = new URL(`./clean-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  // The page threads of this process, shared with the other CPU-bound stage when both run here.
  const pool = leaseTaskPool(ctx, {
    taskModule,
    threads: ctx.env.PAGE_THREADS || autoPageThreads(),
    timeoutMs: ctx.env.PAGE_TIME_BUDGET_MS,
    maxMemoryMb: ctx.env.PAGE_MEMORY_BUDGET_MB,
  });
  const processor = createCleanProcessor({
    snapshots: ctx.snapshots,
    content: ctx.content,
    enqueue: ctx.queues.enqueue.bind(ctx.queues),
    reprocessNote: ctx.queues.reprocessNote.bind(ctx.queues),
    hintsFor: (id) => (id ? portals.get(id)?.hints : undefined),
    runTask: (input) => pool.run<CleanTaskInput, CleanTaskOutput>(taskModule, input, input.url),
    log: ctx.log.child({ service: 'cleaner', queue: 'clean' }),
  });
  const worker = startWorker(ctx, 'clean', processor, { service: 'cleaner', concurrency: ctx.env.CLEAN_CONCURRENCY });
  worker.once('closed', () => void pool.release());
  return worker;
}
