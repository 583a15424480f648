import type { Worker } from 'bullmq';
import type { Portal } from '@provnews/crawler';
import { startWorker, type AppContext } from '@provnews/runtime';
import { createExtractProcessor } from './processor.ts';

export { createExtractProcessor, type ExtractDeps, type ExtractOutcome } from './processor.ts';

/** Starts the extract worker on a context (used by this service's main and by `provnews run`). */
export function startExtractorWorker(ctx: AppContext, portals: Map<string, Portal>): Worker {
  const processor = createExtractProcessor({
    content: ctx.content,
    sink: ctx.sink,
    provinceOf: (id) => (id ? (portals.get(id)?.province ?? null) : null),
    log: ctx.log.child({ service: 'extractor', queue: 'extract' }),
  });
  return startWorker(ctx, 'extract', processor, { service: 'extractor', concurrency: ctx.env.EXTRACT_CONCURRENCY });
}
