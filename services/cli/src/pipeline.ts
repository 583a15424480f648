import type { Worker } from 'bullmq';
import { startCleanerWorker } from '@provnews/cleaner-worker';
import type { Portal } from '@provnews/crawler';
import { startCrawlerWorker } from '@provnews/crawler-worker';
import { startExtractorWorker } from '@provnews/extractor-worker';
import type { AppContext } from '@provnews/runtime';

/** All three workers in one process: the embedded default of `provnews run` and `provnews demo`. */
export function startPipeline(ctx: AppContext, portals: Portal[]): Worker[] {
  const byId = new Map(portals.map((p) => [p.id, p]));
  return [
    startCrawlerWorker(ctx, byId),
    startCleanerWorker(ctx, byId),
    startExtractorWorker(ctx, byId),
  ];
}

/** Jobs not yet finished in any queue (waiting, prioritized ones included, active, delayed). */
export async function pendingJobs(ctx: AppContext): Promise<number> {
  const counts = await ctx.queues.counts();
  return Object.values(counts).reduce((n, c) => n + (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0), 0);
}
