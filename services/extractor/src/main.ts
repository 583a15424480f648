import { loadRegistry } from '@provnews/crawler';
import { runService } from '@provnews/runtime';
import { startExtractorWorker } from './index.ts';

await runService('extractor', async (ctx) => {
  const portals = new Map((await loadRegistry(ctx.env.PROVNEWS_REGISTRY)).map((p) => [p.id, p]));
  // Refuse to start (one line) when the database does not answer or the records file has a writer.
  await ctx.sink.check?.();
  return [startExtractorWorker(ctx, portals)];
});
