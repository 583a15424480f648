import type { Worker } from 'bullmq';
import type { Portal } from '@provnews/crawler';
import { autoPageThreads, leaseTaskPool, startWorker, type AppContext } from '@provnews/runtime';
import type { ExtractTaskInput, ExtractTaskOutput } from './extract-task.ts';
import { createExtractProcessor } from './processor.ts';

export { createExtractProcessor, sinkPauseMs, type ExtractDeps, type ExtractOutcome } from './processor.ts';
export { extractTask, type ExtractTaskInput, type ExtractTaskOutput } from './extract-task.ts';

/**
 * Starts the extract worker on a context (used by this service's main and by `provnews run`).
 * Records are extracted on the process's page threads (PAGE_THREADS, shared with the cleaner when
 * it runs in the same process) under the page budget;
 * a sink outage pauses the extract queue (rate limit) instead of failing jobs.
 */
export function startExtractorWorker(ctx: AppContext, portals: Map<string, Portal>): Worker {
  // Beside this module: the .ts source under tsx/vitest, the compiled .js in dist/.
  const taskModule = new URL(`./extract-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  // The page threads of this process, shared with the other CPU-bound stage when both run here.
  const pool = leaseTaskPool(ctx, {
    taskModule,
    threads: ctx.env.PAGE_THREADS || autoPageThreads(),
    timeoutMs: ctx.env.PAGE_TIME_BUDGET_MS,
    maxMemoryMb: ctx.env.PAGE_MEMORY_BUDGET_MB,
  });
  const processor = createExtractProcessor({
    content: ctx.content,
    sink: ctx.sink,
    provinceOf: (id) => (id ? (portals.get(id)?.province ?? null) : null),
    runTask: (input) => pool.run<ExtractTaskInput, ExtractTaskOutput>(taskModule, input, input.url),
    pauseForSink: (delayMs) => ctx.queues.hold('extract', delayMs),
    noteReprocess: (id, field, value) => ctx.queues.writeReprocessNote(id, field, value),
    log: ctx.log.child({ service: 'extractor', queue: 'extract' }),
  });
  const worker = startWorker(ctx, 'extract', processor, { service: 'extractor', concurrency: ctx.env.EXTRACT_CONCURRENCY });
  worker.once('closed', () => void pool.release());
  return worker;
}
