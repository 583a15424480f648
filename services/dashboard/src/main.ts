import { loadRegistry } from '@provnews/crawler';
import { runService } from '@provnews/runtime';
import { serveDashboard } from './index.ts';

await runService('dashboard', async (ctx) => {
  const dashboard = await serveDashboard(ctx, await loadRegistry(ctx.env.PROVNEWS_REGISTRY));
  ctx.log.info({ url: dashboard.url }, 'dashboard listening');
  return [];
});
