import { UnrecoverableError } from 'bullmq';

/**
 * Machine-readable failure reasons. Every failed job's `failedReason` starts with `[reason]`,
 * so the dashboard, `provnews failed` and `provnews replay --reason` can filter on it.
 */
export type FailureReason =
  | 'bad-payload'
  | 'http-404'
  | 'http-410'
  | 'http-4xx'
  | 'http-429'
  | 'http-5xx'
  | 'robots-disallow'
  | 'not-html'
  | 'too-large'
  | 'blocked-address'
  | 'redirect-limit'
  | 'bad-url'
  | 'timeout'
  | 'network'
  | 'decode-error'
  | 'snapshot-missing'
  | 'no-article'
  | 'host-busy'
  /** A page over the clean/extract budget (time or memory): stopped, never retried. */
  | 'too-complex'
  /** A stored snapshot or cleaned page that cannot be read back (bad gzip, bad JSON, wrong shape). */
  | 'store-corrupt'
  /** The snapshot/content store's disk failed (EIO, ENOSPC, EACCES…); a retry may pass. */
  | 'store-io'
  /** The record sink (database, records file) is unreachable or busy; retried with a long backoff. */
  | 'sink-unavailable'
  /** A job naming a portal the registry disables. */
  | 'portal-disabled'
  /** A job whose worker died (or froze) more often than the stall limit allows. */
  | 'stalled'
  | 'internal';

const REASON_PREFIX = /^\[([a-z0-9-]+)\]\s/;

/** A failure a retry cannot fix (404, robots disallow, non-HTML body…): BullMQ fails the job at once. */
export class PermanentJobError extends UnrecoverableError {
  override name = 'PermanentJobError';
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(`[${reason}] ${message}`);
  }
}

/** A failure that may pass (network, timeout, 5xx, 429): retried with backoff, honouring `retryAfterMs`. */
export class TransientJobError extends Error {
  override name = 'TransientJobError';
  constructor(
    readonly reason: FailureReason,
    message: string,
    /** Server-requested wait (from `Retry-After`), used instead of the computed backoff when longer. */
    readonly retryAfterMs?: number,
  ) {
    super(`[${reason}] ${message}`);
  }
}

/** BullMQ's own message for a job that stalled too often (it carries no reason prefix). */
const STALLED_MESSAGE = /stalled more than allowable limit/;

/**
 * The reason code of a job failure message: its `[code]` prefix, `stalled` for BullMQ's stall
 * limit, or `internal` for errors nobody classified.
 */
export function reasonOf(failedReason: string | undefined | null): FailureReason | 'internal' {
  const m = failedReason ? REASON_PREFIX.exec(failedReason) : null;
  if (!m && failedReason && STALLED_MESSAGE.test(failedReason)) return 'stalled';
  return (m?.[1] as FailureReason | undefined) ?? 'internal';
}
