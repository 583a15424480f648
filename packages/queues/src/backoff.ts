import type { BackoffStrategy } from 'bullmq';
import { TransientJobError } from './errors.ts';

/** Name of the custom backoff type every provnews job uses (`backoff: { type: BACKOFF_TYPE }`). */
export const BACKOFF_TYPE = 'provnews';

export interface BackoffPolicy {
  /** First retry delay (ms). */
  baseMs: number;
  /** Upper bound of any computed delay (ms). */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 10 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the exponential step fixed, half random, so a burst
 * of failures against one portal does not retry in lockstep. A `Retry-After` from the server wins
 * when it asks for longer.
 */
export function computeBackoff(attemptsMade: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random, retryAfterMs?: number): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attemptsMade - 1));
  const jittered = Math.round(step / 2 + random() * (step / 2));
  return retryAfterMs !== undefined ? Math.max(jittered, Math.min(retryAfterMs, 6 * 3600_000)) : jittered;
}

/** The Worker `settings.backoffStrategy` that implements `BACKOFF_TYPE`. */
export function backoffStrategy(policy: BackoffPolicy = DEFAULT_BACKOFF): BackoffStrategy {
  return (attemptsMade, _type, err) =>
    computeBackoff(attemptsMade, policy, Math.random, err instanceof TransientJobError ? err.retryAfterMs : undefined);
}
