import { loadRegistry } from '@provnews/crawler';
import { runService } from '@provnews/runtime';
import { startCleanerWorker } from './index.ts';

await runService('cleaner', async (ctx) => {
  const portals = new Map((await loadRegistry(ctx.env.PROVNEWS_REGISTRY)).map((p) => [p.id, p]));
  return [startCleanerWorker(ctx, portals)];
});
