import type { Job } from 'bullmq';
import { QUEUE_NAMES, reasonOf, type FailureReason, type QueueName, type Queues } from '@provnews/queues';

/** Every reason code a failed job can carry (`FailureReason`); the type check below keeps the list complete. */
export const KNOWN_REASONS = [
  'bad-payload', 'http-404', 'http-410', 'http-4xx', 'http-429', 'http-5xx', 'robots-disallow', 'not-html', 'too-large',
  'blocked-address', 'redirect-limit', 'bad-url', 'timeout', 'network', 'decode-error', 'snapshot-missing', 'no-article',
  'host-busy', 'too-complex', 'store-corrupt', 'store-io', 'sink-unavailable', 'portal-disabled', 'stalled', 'internal',
] as const satisfies readonly FailureReason[];
type MissingReason = Exclude<FailureReason, (typeof KNOWN_REASONS)[number]>;
const _complete: MissingReason extends never ? true : never = true;
void _complete;

/** A reason code the filters accept; throws a one-line error listing the known ones otherwise. */
export function checkReason(code: string): FailureReason {
  if (!(KNOWN_REASONS as readonly string[]).includes(code)) throw new Error(`unknown reason code "${code}"; known: ${KNOWN_REASONS.join(', ')}`);
  return code as FailureReason;
}

export interface FailedJobView {
  queue: QueueName;
  id: string;
  reason: string;
  message: string;
  url: string | null;
  portal: string | null;
  attempts: number;
  failedAt: string | null;
}

function view(queue: QueueName, job: Job): FailedJobView {
  const data = job.data as { url?: string; portal?: string | null };
  return {
    queue,
    id: String(job.id),
    reason: reasonOf(job.failedReason),
    message: job.failedReason ?? '',
    url: data.url ?? null,
    portal: data.portal ?? null,
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
  };
}

export interface FailedFilter {
  queue?: QueueName | undefined;
  reason?: string | undefined;
  portal?: string | undefined;
  /** Only jobs that failed at or after this time. */
  since?: Date | undefined;
  /** Only jobs that failed before this time. */
  until?: Date | undefined;
  /** One job by id. */
  id?: string | undefined;
  /** At most this many jobs are returned (the total still counts every match). */
  limit?: number | undefined;
}

/** True when no filter narrows the selection (replaying or discarding everything then asks first). */
export function isUnfiltered(f: FailedFilter): boolean {
  return !f.queue && !f.reason && !f.portal && !f.since && !f.until && !f.id;
}

function matches(job: Job, v: FailedJobView, f: FailedFilter): boolean {
  if (f.reason && v.reason !== f.reason) return false;
  if (f.portal && v.portal !== f.portal) return false;
  const at = job.finishedOn ?? 0;
  if (f.since && at < f.since.getTime()) return false;
  if (f.until && at >= f.until.getTime()) return false;
  return true;
}

export interface FailedSelection {
  jobs: { job: Job; view: FailedJobView }[];
  /** Every matching failed job, including those beyond the limit. */
  total: number;
}

/** Failed jobs, newest first, with the total number that match the filter. */
export async function listFailed(queues: Queues, filter: FailedFilter = {}): Promise<FailedSelection> {
  const jobs: FailedSelection['jobs'] = [];
  const limit = filter.limit ?? 1000;
  let total = 0;
  for (const name of filter.queue ? [filter.queue] : QUEUE_NAMES) {
    if (filter.id) {
      // One job by id is looked up directly rather than by scanning every failed job.
      const job = await queues.get(name).getJob(filter.id);
      if (!job || !(await job.isFailed())) continue;
      const v = view(name, job);
      if (!matches(job, v, filter)) continue;
      total++;
      if (jobs.length < limit) jobs.push({ job, view: v });
      continue;
    }
    // Page through the failed set (newest first) so a large backlog is not read into memory at once.
    for (let start = 0; ; start += 500) {
      const page = await queues.get(name).getFailed(start, start + 499);
      if (page.length === 0) break;
      for (const job of page) {
        if (!job) continue;
        const v = view(name, job);
        if (!matches(job, v, filter)) continue;
        total++;
        if (jobs.length < limit) jobs.push({ job, view: v });
      }
      // The failed set is ordered by failure time: past `since`, nothing older can match.
      const oldest = page[page.length - 1];
      if (filter.since && oldest?.finishedOn && oldest.finishedOn < filter.since.getTime()) break;
    }
  }
  return { jobs, total };
}

export interface BulkResult {
  /** The jobs acted on (or, with dryRun, that would be). */
  jobs: FailedJobView[];
  /** Matching jobs in total (more than `jobs.length` when the limit cut the selection). */
  total: number;
  dryRun: boolean;
}

/**
 * Moves matching failed jobs back to waiting (same id, same payload) with their attempt counters
 * reset, so a replayed job gets its full retry budget again.
 */
export async function replayFailed(queues: Queues, filter: FailedFilter, opts: { dryRun?: boolean } = {}): Promise<BulkResult> {
  const sel = await listFailed(queues, filter);
  if (!opts.dryRun) for (const { job } of sel.jobs) await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  return { jobs: sel.jobs.map((m) => m.view), total: sel.total, dryRun: opts.dryRun ?? false };
}

/** Deletes matching failed jobs for good (when the cause is known and a replay would not help). */
export async function discardFailed(queues: Queues, filter: FailedFilter, opts: { dryRun?: boolean } = {}): Promise<BulkResult> {
  const sel = await listFailed(queues, filter);
  if (!opts.dryRun) for (const { job } of sel.jobs) await job.remove();
  return { jobs: sel.jobs.map((m) => m.view), total: sel.total, dryRun: opts.dryRun ?? false };
}

export interface ReasonGroup {
  queue: QueueName;
  reason: string;
  count: number;
  /** Up to three URLs of jobs that failed with this reason, newest first. */
  samples: string[];
  /** The newest failure message of the group. */
  message: string;
  lastAt: string | null;
}

/** Failed jobs grouped by queue and reason code, biggest groups first (newest `perQueue` jobs per queue). */
export async function failuresByReason(queues: Queues, perQueue = 2000): Promise<ReasonGroup[]> {
  const groups = new Map<string, ReasonGroup>();
  for (const name of QUEUE_NAMES) {
    const jobs = await queues.get(name).getFailed(0, perQueue - 1);
    for (const job of jobs) {
      if (!job) continue;
      const v = view(name, job);
      const key = `${name} ${v.reason}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { queue: name, reason: v.reason, count: 0, samples: [], message: v.message, lastAt: v.failedAt }));
      g.count++;
      if (v.url && g.samples.length < 3) g.samples.push(v.url);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
