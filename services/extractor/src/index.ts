import type { Worker } from 'bullmq';
import { startWorker, type AppContext } from '@provnews/runtime';
import { createExtractProcessor } from './processor.ts';

export { createExtractProcessor, type ExtractDeps, type ExtractOutcome } from './processor.ts';

/** Starts the extract worker on a context (used by this service's main and by `provnews run`). */
export function startExtractorWorker(ctx: AppContext, provinceOf: (portal: string | null) => string | null): Worker {
  const processor = createExtractProcessor({
    content: ctx.content,
    sink: ctx.sink,
    provinceOf,
    log: ctx.log.child({ service: 'extractor', queue: 'extract' }),
  });
  return startWorker(ctx, 'extract', processor, { service: 'extractor', concurrency: ctx.env.EXTRACT_CONCURRENCY });
}
