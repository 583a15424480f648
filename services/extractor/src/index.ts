import { Worker } from 'bullmq';
import type { Portal } from '@provnews/crawler';
import { startWorker, TaskPool, type AppContext } from '@provnews/runtime';
import type { ExtractTaskInput, ExtractTaskOutput } from './extract-task.ts';
import { createExtractProcessor } from './processor.ts';

export { createExtractProcessor, sinkPauseMs, type ExtractDeps, type ExtractOutcome } from './processor.ts';
export { extractTask, type ExtractTaskInput, type ExtractTaskOutput } from './extract-task.ts';

/**
 * Starts the extract worker on a context (used by this service's main and by `provnews run`).
 * Records are extracted in a pool of EXTRACT_CONCURRENCY worker threads under the page budget;
 * a sink outage pauses the extract queue (rate limit) instead of failing jobs.
 */
export function startExtractorWorker(ctx: AppContext, portals: Map<string, Portal>): Worker {
  const pool = new TaskPool<ExtractTaskInput, ExtractTaskOutput>({
    // Beside this module: the .ts source under tsx/vitest, the compiled .js in dist/.
    taskModule: new URL(`./extract-task.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url),
    threads: ctx.env.EXTRACT_CONCURRENCY,
    timeoutMs: ctx.env.PAGE_TIME_BUDGET_MS,
    maxMemoryMb: ctx.env.PAGE_MEMORY_BUDGET_MB,
  });
  const processor = createExtractProcessor({
    content: ctx.content,
    sink: ctx.sink,
    provinceOf: (id) => (id ? (portals.get(id)?.province ?? null) : null),
    runTask: (input) => pool.run(input, input.url),
    pauseForSink: async (delayMs) => {
      await ctx.queues.get('extract').rateLimit(delayMs);
      return Worker.RateLimitError();
    },
    log: ctx.log.child({ service: 'extractor', queue: 'extract' }),
  });
  const worker = startWorker(ctx, 'extract', processor, { service: 'extractor', concurrency: ctx.env.EXTRACT_CONCURRENCY });
  worker.once('closed', () => void pool.close());
  return worker;
}
