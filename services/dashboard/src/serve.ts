import type { Portal } from '@provnews/crawler';
import type { AppContext } from '@provnews/runtime';
import { startDashboard, type Dashboard } from './app.ts';
import { loadDashboardConfig } from './config.ts';

/**
 * Starts the dashboard of a running provnews context with the settings from the environment
 * (DASHBOARD_*), CLI flags winning. Prints the login line when a one-off admin password was made.
 */
export async function serveDashboard(ctx: AppContext, portals: Portal[], flags: { host?: string; port?: number } = {}): Promise<Dashboard> {
  const cfg = loadDashboardConfig(process.env, flags);
  const dashboard = await startDashboard({
    queues: ctx.queues,
    redisUrl: ctx.redisHandle.url,
    portals,
    content: ctx.content,
    snapshots: ctx.snapshots,
    users: cfg.users,
    host: cfg.host,
    port: cfg.port,
    allowedHosts: cfg.allowedHosts,
    sessionHours: cfg.sessionHours,
    secureCookies: cfg.secureCookies,
    log: ctx.log.child({ service: 'dashboard' }),
  });
  if (dashboard.generatedPassword) {
    process.stdout.write(`dashboard: no DASHBOARD_USERS configured; log in as admin with the one-off password ${dashboard.generatedPassword} (valid while this process runs)\n`);
  }
  return dashboard;
}
