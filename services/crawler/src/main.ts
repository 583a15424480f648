import { closeFetchAgents, loadRegistry, syncSchedules } from '@provnews/crawler';
import { runService } from '@provnews/runtime';
import { startCrawlerWorker } from './index.ts';

await runService('crawler', async (ctx) => {
  const registry = await loadRegistry(ctx.env.PROVNEWS_REGISTRY);
  // Start-up keeps the schedulers in step with the registry file (idempotent).
  const sync = await syncSchedules(ctx.queues.get('crawl'), registry);
  ctx.log.info({ added: sync.added.length, updated: sync.updated.length, removed: sync.removed.length }, 'schedules synced');
  return [startCrawlerWorker(ctx, new Map(registry.map((p) => [p.id, p])))];
}, closeFetchAgents);
