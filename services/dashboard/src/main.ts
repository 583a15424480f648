import { runService } from '@provnews/runtime';
import { startDashboard } from './index.ts';

const port = Number(process.env.DASHBOARD_PORT ?? 3000);
const host = process.env.DASHBOARD_HOST ?? '127.0.0.1';

await runService('dashboard', async (ctx) => {
  const dashboard = await startDashboard({ queues: ctx.queues, port, host });
  ctx.log.info({ url: dashboard.url }, 'dashboard listening');
  return [];
});
