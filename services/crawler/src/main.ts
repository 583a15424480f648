import { closeFetchAgents, loadRegistry, syncSchedules, type Portal } from '@provnews/crawler';
import { runService, type AppContext } from '@provnews/runtime';
import { startCrawlerWorker } from './index.ts';

let registry: Portal[] | null = null;

/** Keeps the schedulers in step with the registry (idempotent: unchanged portals are not touched). */
async function resync(ctx: AppContext, why: string): Promise<void> {
  if (!registry) return; // a wipe noticed before start-up: start-up syncs anyway
  const sync = await syncSchedules(ctx.queues.get('crawl'), registry);
  ctx.log.info({ why, added: sync.added.length, updated: sync.updated.length, removed: sync.removed.length }, 'schedules synced');
}

await runService(
  'crawler',
  async (ctx) => {
    registry = await loadRegistry(ctx.env.PROVNEWS_REGISTRY);
    await resync(ctx, 'start');
    // After a reconnect the Redis that answers may have lost the schedulers (restarted without
    // persistence): put back what is missing. A wiped Redis is also caught by the instance marker.
    // (This connection is already up, so every 'ready' from now on is a reconnect.)
    ctx.redis.on('ready', () => {
      resync(ctx, 'reconnect').catch((err: Error) => ctx.log.warn({ err: err.message }, 'cannot re-sync schedules'));
    });
    return [startCrawlerWorker(ctx, new Map(registry.map((p) => [p.id, p])))];
  },
  { onClose: closeFetchAgents, onRedisWiped: (ctx) => resync(ctx, 'redis-wiped') },
);
