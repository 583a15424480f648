import { randomBytes } from 'node:crypto';
import type { Job } from 'bullmq';
import { catalog, PermanentJobError, reasonOf, type Queues } from '@provnews/queues';
import type { BlobStore } from '@provnews/storage';

/** A stored raw response that can be cleaned and extracted again. */
export interface StoredSnapshot {
  snapshotId: string;
  url: string;
  fetchedAt: string;
}

/** Snapshot reads in flight at once while {@link findSnapshots} scans a store. */
export const SCAN_IN_FLIGHT = 32;

/**
 * The newest 2xx snapshot of every URL under `baseUrl`'s origin fetched at or after `since`, read
 * from the snapshots' own metadata in the store (any store: local disk, PostgreSQL, S3), so pages
 * fetched before any index existed are found too. Linear in the number of snapshots: each is read
 * once, `inFlight` reads at a time (a shared store answers each read after a network round trip).
 * An unreadable snapshot stops the scan with its reasoned error (`[store-corrupt] snapshots/<id>…`).
 * `onProgress` hears the count of snapshots read so far.
 */
export async function findSnapshots(
  store: BlobStore,
  baseUrl: string,
  since: Date,
  opts: { inFlight?: number; onProgress?: (scanned: number) => void } = {},
): Promise<StoredSnapshot[]> {
  const origin = new URL(baseUrl).host.toLowerCase();
  const newest = new Map<string, StoredSnapshot>();
  const inFlight = Math.max(1, opts.inFlight ?? SCAN_IN_FLIGHT);
  let scanned = 0;
  const take = async (ids: string[]): Promise<void> => {
    const metas = await Promise.all(ids.map((id) => store.getJson<{ url?: unknown; status?: unknown; fetchedAt?: unknown }>('snapshots', id)));
    ids.forEach((snapshotId, i) => {
      const meta = metas[i];
      // Listed, then gone (a store being cleared): nothing to reprocess there.
      if (!meta) return;
      const { url, status, fetchedAt } = meta;
      if (typeof url !== 'string' || typeof status !== 'number' || typeof fetchedAt !== 'string') {
        throw new PermanentJobError('store-corrupt', `snapshots/${snapshotId}: metadata lacks url, status or fetchedAt`);
      }
      if (status < 200 || status > 299 || Date.parse(fetchedAt) < since.getTime()) return;
      let host: string;
      try {
        host = new URL(url).host.toLowerCase();
      } catch {
        return;
      }
      if (host !== origin) return;
      const prev = newest.get(url);
      if (!prev || prev.fetchedAt < fetchedAt) newest.set(url, { snapshotId, url, fetchedAt });
    });
    scanned += ids.length;
    opts.onProgress?.(scanned);
  };
  let batch: string[] = [];
  for await (const id of store.ids('snapshots')) {
    batch.push(id);
    if (batch.length >= inFlight) {
      await take(batch);
      batch = [];
    }
  }
  if (batch.length) await take(batch);
  return [...newest.values()].sort((a, b) => a.url.localeCompare(b.url));
}

export interface ReprocessStart {
  reprocessId: string;
  jobs: Job[];
}

/** A fresh reprocess id: `reprocess-<time>-<random>`. */
export function newReprocessId(): string {
  return `reprocess-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/**
 * Enqueues one clean job per snapshot under a reprocess id, a fresh one unless given (the workers
 * clean, then extract, as usual).
 */
export async function startReprocess(queues: Queues, portal: string, snapshots: StoredSnapshot[], reprocessId = newReprocessId()): Promise<ReprocessStart> {
  const jobs = await queues.enqueueBulk(
    'clean',
    snapshots.map((s) => ({ payload: { snapshotId: s.snapshotId, url: s.url, portal, fetchedAt: s.fetchedAt, runId: reprocessId, reprocess: reprocessId } })),
  );
  return { reprocessId, jobs };
}

export interface ReprocessReport {
  reprocessId: string;
  snapshots: number;
  /** Records that changed (updated) or appeared (inserted). */
  changed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: Record<string, number>;
  /** Jobs still unfinished when the wait ended (no worker running, or a timeout). */
  pending: number;
}

/** Open jobs whose state one poll reads at once (the reads are in flight together, not one round trip each). */
const STATE_BATCH = 256;

/**
 * Follows a reprocess through both stages: each clean job, then the extract job it enqueued (its
 * id follows from the cleaned id), and counts what the sink did with each record. Every poll reads
 * each open job's hash, {@link STATE_BATCH} at a time: 15 µs per job, 1.2–1.3 s for 80,000 open
 * jobs (bench/results/reprocess-poll.md). BullMQ's getJobState, one job after the other, took
 * 0.9 s for 5,000 and 7.1 s for 20,000, most of it Redis CPU that held up every other client. A
 * job the queue's retention (the newest 1,000 completed jobs per queue) dropped before a poll read
 * it is followed through the reprocess's notes instead (`Queues.reprocessNotesKey`): the extract job a clean
 * job added, the outcome an extract job stored. Failed jobs are kept two weeks, so a job that is
 * gone without a note is counted `[internal] job vanished` (a worker of an older version).
 */
export async function awaitReprocess(queues: Queues, start: ReprocessStart, timeoutMs: number, everyMs = 200): Promise<ReprocessReport> {
  const report: ReprocessReport = { reprocessId: start.reprocessId, snapshots: start.jobs.length, changed: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, failures: {}, pending: 0 };
  const deadline = Date.now() + timeoutMs;
  const fail = (reason: string | undefined) => {
    report.failed++;
    const code = reasonOf(reason);
    report.failures[code] = (report.failures[code] ?? 0) + 1;
  };
  const countOutcome = (outcome: string | undefined) => {
    if (outcome === 'inserted') report.inserted++;
    else if (outcome === 'updated') report.updated++;
    else report.unchanged++;
  };
  type Open = { id: string; stage: 'clean' | 'extract' };
  type Read =
    | { item: Open; state: 'open' | 'failed' | 'completed'; job: Job }
    | { item: Open; state: 'noted'; note: string }
    | { item: Open; state: 'vanished' };
  const read = async (item: Open): Promise<Read> => {
    // The job's own hash, not BullMQ's getJobState: that looks for the id in the waiting list too
    // (LPOS), a scan of the whole backlog per job, so a poll of n open jobs cost n² in Redis.
    // `finishedOn` is set in the same script that files the job as completed or failed.
    const job = await queues.get(item.stage).getJob(item.id);
    if (!job) {
      // Gone: completed, then dropped by retention before this poll. Its note says what it did.
      const note = await queues.readReprocessNote(start.reprocessId, `${item.stage}:${item.id}`);
      return note === null ? { item, state: 'vanished' } : { item, state: 'noted', note };
    }
    if (!job.finishedOn) return { item, state: 'open', job };
    return { item, state: (await job.isFailed()) ? 'failed' : 'completed', job };
  };
  let open: Open[] = start.jobs.map((job) => ({ id: String(job.id), stage: 'clean' as const }));
  while (open.length) {
    const next: Open[] = [];
    for (let i = 0; i < open.length; i += STATE_BATCH) {
      for (const r of await Promise.all(open.slice(i, i + STATE_BATCH).map(read))) {
        const { item } = r;
        if (r.state === 'vanished') {
          fail('[internal] job vanished');
        } else if (r.state === 'noted') {
          if (item.stage === 'clean') next.push({ id: r.note, stage: 'extract' });
          else countOutcome(r.note);
        } else if (r.state === 'failed') {
          fail(r.job.failedReason);
        } else if (r.state === 'open') {
          next.push(item);
        } else if (item.stage === 'clean') {
          const cleanedId = (r.job.returnvalue as { cleanedId?: string } | null)?.cleanedId;
          if (!cleanedId) fail('[internal] clean job returned no cleaned id');
          else {
            const id = catalog.extract.jobId({ ...(r.job.data as Parameters<typeof catalog.clean.jobId>[0]), cleanedId });
            next.push({ id, stage: 'extract' });
          }
        } else {
          countOutcome((r.job.returnvalue as { outcome?: string } | null)?.outcome);
        }
      }
    }
    open = next;
    if (!open.length || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  report.pending = open.length;
  report.changed = report.inserted + report.updated;
  // Every page is accounted for: the notes have served (unfinished ones keep theirs for a later look, until they expire).
  if (!report.pending) await queues.dropReprocessNotes(start.reprocessId).catch(() => undefined);
  return report;
}
