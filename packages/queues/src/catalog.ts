import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import { BACKOFF_TYPE } from './backoff.ts';
import { PermanentJobError } from './errors.ts';

/**
 * The queue catalog: every queue's name, payload schema, default job options and job id rule, in
 * one place. Payloads carry references (URLs, snapshot ids), never page bodies, so Redis memory
 * does not grow with page size.
 */

const portalId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'portal id: lower-case letters, digits, dashes');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hex id');
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

export const crawlPayloadSchema = z.object({
  url: httpUrl,
  /** Registry id of the portal the URL belongs to; null for ad-hoc URLs (`provnews crawl <url>`). */
  portal: portalId.nullable().default(null),
  /**
   * What the page is expected to be: decides whether it is parsed for links or sent to the cleaner.
   * `portal` is a scheduled run of a whole portal (`url` = its base URL): it fetches nothing itself
   * and enqueues the portal's entry points, or its home page for discovery.
   */
  kind: z.enum(['article', 'listing', 'feed', 'sitemap', 'home', 'portal']).default('article'),
  /** Listing/sitemap hops from the run's entry points; bounds discovery depth. */
  depth: z.number().int().min(0).max(20).default(0),
  /** Refetch even when the URL was seen before (listings, explicit user requests). */
  force: z.boolean().default(false),
  /**
   * A guessed URL (`/sitemap.xml` when robots.txt names no sitemap): a 404/410 ends the job as
   * `skipped` instead of failing it, so every run does not leave a failed job behind.
   */
  probe: z.boolean().default(false),
  /** Scheduled run that discovered the URL, for progress reporting. */
  runId: z.string().max(100).optional(),
  /** Times the crawler's backlog guard put this job back (not attempts, not parks at a busy host). */
  held: z.number().int().min(0).optional(),
});

export const cleanPayloadSchema = z.object({
  snapshotId: sha256Hex,
  url: httpUrl,
  portal: portalId.nullable(),
  fetchedAt: z.iso.datetime({ offset: true }),
  runId: z.string().max(100).optional(),
  /**
   * Set by `provnews reprocess`: re-runs clean + extract on a stored snapshot after a rule change.
   * It is part of the job ids, so the idempotent ids of the first pass do not swallow the rerun.
   */
  reprocess: z.string().regex(/^[a-z0-9-]{1,64}$/).optional(),
});

export const extractPayloadSchema = cleanPayloadSchema.extend({
  /** Id of the cleaned page in the content store. */
  cleanedId: sha256Hex,
});

export type CrawlPayload = z.infer<typeof crawlPayloadSchema>;
export type CrawlPayloadInput = z.input<typeof crawlPayloadSchema>;
export type CleanPayload = z.infer<typeof cleanPayloadSchema>;
export type ExtractPayload = z.infer<typeof extractPayloadSchema>;

/**
 * Retention policy, which bounds Redis memory:
 * - completed jobs: the last {@link COMPLETED_KEPT} per queue, at most an hour — enough for the
 *   dashboard to show recent work. A completed job hash costs 2–3 KB, so keeping a day (20,000 per
 *   queue) held ~8 KB per article of a large run; now at most ~3 × 1,000 × 3 KB ≈ 9 MB in all.
 *   Idempotency does not depend on it: a clean/extract job id dedupes adds while the job is kept,
 *   and after that a duplicate add re-runs a job whose outputs are content-addressed (stores) or
 *   keyed by URL (sink), so the result is the same;
 * - failed jobs: two weeks (up to 100,000 per queue), long enough for `provnews failed`/`replay`.
 */
export const COMPLETED_KEPT = 1_000;
export const retention = {
  removeOnComplete: { age: 3600, count: COMPLETED_KEPT },
  removeOnFail: { age: 14 * 24 * 3600, count: 100_000 },
} as const satisfies Pick<JobsOptions, 'removeOnComplete' | 'removeOnFail'>;

/**
 * Entries kept in each queue's event stream (BullMQ's default is 10,000, ~150 B each). Event
 * consumers (QueueEvents, the dashboard) read it live, so a short tail is enough.
 */
export const EVENTS_KEPT = 2_000;

export const catalog = {
  crawl: {
    name: 'crawl',
    schema: crawlPayloadSchema,
    // Network failures are common and often pass: more attempts, spaced out by the backoff.
    defaultJobOptions: { attempts: 6, backoff: { type: BACKOFF_TYPE }, ...retention } satisfies JobsOptions,
    jobId: undefined as ((p: CrawlPayload) => string) | undefined,
  },
  clean: {
    name: 'clean',
    schema: cleanPayloadSchema,
    // Cleaning is deterministic: a retry only helps with I/O hiccups on the snapshot store.
    defaultJobOptions: { attempts: 3, backoff: { type: BACKOFF_TYPE }, ...retention } satisfies JobsOptions,
    /** One clean job per snapshot: the same bytes are never cleaned twice. */
    jobId: (p: CleanPayload) => `clean-${p.snapshotId}${p.reprocess ? `-${p.reprocess}` : ''}`,
  },
  extract: {
    name: 'extract',
    schema: extractPayloadSchema,
    defaultJobOptions: { attempts: 3, backoff: { type: BACKOFF_TYPE }, ...retention } satisfies JobsOptions,
    /** One extract job per cleaned page and URL: two URLs with identical content still get a record each. */
    jobId: (p: ExtractPayload) => `extract-${createHash('sha256').update(`${p.cleanedId} ${p.url}`).digest('hex')}${p.reprocess ? `-${p.reprocess}` : ''}`,
  },
} as const;

export type QueueName = keyof typeof catalog;
export const QUEUE_NAMES = Object.keys(catalog) as QueueName[];

export interface PayloadOf {
  crawl: CrawlPayload;
  clean: CleanPayload;
  extract: ExtractPayload;
}
export interface PayloadInputOf {
  crawl: CrawlPayloadInput;
  clean: z.input<typeof cleanPayloadSchema>;
  extract: z.input<typeof extractPayloadSchema>;
}

/**
 * Validates a job's data against its queue's schema. A bad payload throws a PermanentJobError
 * (`[bad-payload] crawl payload: url: expected an http(s) URL`): the job fails at once with a
 * clear reason and the worker keeps running.
 */
export function parsePayload<Q extends QueueName>(queue: Q, data: unknown): PayloadOf[Q] {
  const parsed = catalog[queue].schema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new PermanentJobError('bad-payload', `${queue} payload: ${detail}`);
  }
  return parsed.data as PayloadOf[Q];
}
