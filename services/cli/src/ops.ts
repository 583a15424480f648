import type { Job } from 'bullmq';
import { QUEUE_NAMES, reasonOf, type QueueName, type Queues } from '@provnews/queues';

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
  queue?: QueueName;
  reason?: string;
  portal?: string;
  limit?: number;
}

/** Failed jobs, newest first, filtered by queue, reason code and portal. */
export async function listFailed(queues: Queues, filter: FailedFilter = {}): Promise<{ job: Job; view: FailedJobView }[]> {
  const out: { job: Job; view: FailedJobView }[] = [];
  const limit = filter.limit ?? 1000;
  for (const name of filter.queue ? [filter.queue] : QUEUE_NAMES) {
    // Page through the failed set so a large backlog is not read into memory at once.
    for (let start = 0; out.length < limit; start += 500) {
      const jobs = await queues.get(name).getFailed(start, start + 499);
      if (jobs.length === 0) break;
      for (const job of jobs) {
        if (!job) continue;
        const v = view(name, job);
        if (filter.reason && v.reason !== filter.reason) continue;
        if (filter.portal && v.portal !== filter.portal) continue;
        out.push({ job, view: v });
        if (out.length >= limit) break;
      }
    }
  }
  return out;
}

/** The failed job with this id (in one queue, or any), if it matches the other filters. */
async function failedById(queues: Queues, id: string, filter: FailedFilter): Promise<{ job: Job; view: FailedJobView }[]> {
  const out: { job: Job; view: FailedJobView }[] = [];
  for (const name of filter.queue ? [filter.queue] : QUEUE_NAMES) {
    const job = await queues.get(name).getJob(id);
    if (!job || !(await job.isFailed())) continue;
    const v = view(name, job);
    if (filter.reason && v.reason !== filter.reason) continue;
    if (filter.portal && v.portal !== filter.portal) continue;
    out.push({ job, view: v });
  }
  return out;
}

/** Moves matching failed jobs back to waiting (same id, same payload); returns how many. */
export async function replayFailed(queues: Queues, filter: FailedFilter & { id?: string }): Promise<FailedJobView[]> {
  // One job by id is looked up directly rather than by scanning every failed job.
  const matches = filter.id ? await failedById(queues, filter.id, filter) : await listFailed(queues, filter);
  for (const { job } of matches) await job.retry('failed');
  return matches.map((m) => m.view);
}

/** One line per queue for `provnews status`. */
export function formatCounts(counts: Record<string, Record<string, number>>): string {
  const cols = ['waiting', 'active', 'delayed', 'completed', 'failed'];
  const rows = Object.entries(counts).map(([q, c]) => [q, ...cols.map((k) => String(c[k] ?? 0))]);
  const header = ['queue', ...cols];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [fmt(header), ...rows.map(fmt)].join('\n');
}
