import type { Worker } from 'bullmq';
import { createCrawlProcessor, type Portal } from '@provnews/crawler';
import { startWorker, type AppContext } from '@provnews/runtime';

/** Starts the crawl worker on a context (used by this service's main and by `provnews run`). */
export function startCrawlerWorker(ctx: AppContext, portals: Map<string, Portal>): Worker {
  const processor = createCrawlProcessor({
    redis: ctx.redis,
    prefix: ctx.prefix,
    snapshots: ctx.snapshots,
    portals,
    enqueue: ctx.queues.enqueue.bind(ctx.queues),
    enqueueBulk: ctx.queues.enqueueBulk.bind(ctx.queues),
    logger: ctx.log.child({ service: 'crawler', queue: 'crawl' }),
    config: {
      userAgent: ctx.env.CRAWL_USER_AGENT,
      hostDelayMs: ctx.env.CRAWL_HOST_DELAY_MS,
      maxBodyBytes: ctx.env.CRAWL_MAX_BODY_BYTES,
      timeoutMs: ctx.env.CRAWL_TIMEOUT_MS,
      allowPrivate: ctx.env.CRAWL_ALLOW_PRIVATE,
    },
  });
  return startWorker(ctx, 'crawl', processor, { service: 'crawler', concurrency: ctx.env.CRAWL_CONCURRENCY });
}
