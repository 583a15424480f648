import type { Job, Processor, Worker } from 'bullmq';
import { createCrawlProcessor, timesHeld, type Portal } from '@provnews/crawler';
import type { Queues } from '@provnews/queues';
import { startWorker, type AppContext } from '@provnews/runtime';

/** How long the crawl queue is held when the backlog is full; the count is re-read at most this often too. */
export const BACKLOG_HOLD_MS = 1000;

/**
 * Backpressure between the crawler and the CPU-bound stages: while `max` or more fetched pages
 * wait in the clean and extract queues, an article job is put back (no attempt used) and the crawl
 * queue is held for {@link BACKLOG_HOLD_MS} (BullMQ's queue rate limit, which every crawler
 * obeys). Fetching from hosts with no delay can outrun cleaning many times over; unchecked, the
 * backlog grows with the run (Redis memory for every waiting job, hand-offs falling out of the
 * store cache). Portal runs, sitemaps and listings are never held: they only discover. The count
 * is read at most once per hold period (two commands), not per job; a held job's payload counts
 * its holds (`held`, see parkedBefore in the crawler). `max` 0: never holds.
 */
export function backlogGuard(queues: Queues, max: number, now: () => number = Date.now): (job: Job) => Promise<void> {
  let readAt = -Infinity;
  let waiting = 0;
  let reading: Promise<number> | null = null;
  const read = async (): Promise<number> => {
    const [clean, extract] = await Promise.all([queues.get('clean').getWaitingCount(), queues.get('extract').getWaitingCount()]);
    return clean + extract;
  };
  return async (job) => {
    const kind = (job.data as { kind?: unknown } | null)?.kind;
    if (max <= 0 || (kind !== undefined && kind !== 'article')) return;
    if (now() - readAt >= BACKLOG_HOLD_MS) {
      reading ??= read().finally(() => (reading = null));
      waiting = await reading;
      readAt = now();
    }
    if (waiting < max) return;
    // Counted in the payload: the crawler tells a job put back here from one parked at a busy host
    // (both were started without using an attempt; only a parked one keeps its place at the host).
    const [, err] = await Promise.all([job.updateData({ ...(job.data as object), held: timesHeld(job.data) + 1 }), queues.hold('crawl', BACKLOG_HOLD_MS)]);
    throw err;
  };
}

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
  const guard = backlogGuard(ctx.queues, ctx.env.CRAWL_MAX_BACKLOG);
  const guarded: Processor = async (job, token) => {
    await guard(job);
    return processor(job, token);
  };
  return startWorker(ctx, 'crawl', guarded, { service: 'crawler', concurrency: ctx.env.CRAWL_CONCURRENCY });
}
