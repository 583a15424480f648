import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Job } from 'bullmq';
import { catalog, reasonOf, type Queues } from '@provnews/queues';

/** A stored raw response that can be cleaned and extracted again. */
export interface StoredSnapshot {
  snapshotId: string;
  url: string;
  fetchedAt: string;
}

/**
 * The newest 2xx snapshot of every URL under `baseUrl`'s origin fetched at or after `since`,
 * read from the snapshot store's metadata (`<store>/snapshots/…`), so pages fetched before any
 * index existed are found too. Linear in the number of snapshots.
 */
/**
 * The directory of the local-disk snapshot store, which reprocess scans. Why a check: a shared store
 * (PROVNEWS_STORE=postgres|s3) has no directory to list, and reprocess does not list those yet.
 */
export function diskStoreRoot(store: object): string {
  // A cache in front of the store (CachedBlobStore) names the store it fronts as `inner`.
  let s = store as { root?: unknown; inner?: object };
  while (s.inner && typeof s.root !== 'string') s = s.inner as typeof s;
  const root = s.root;
  if (typeof root !== 'string') throw new Error('reprocess reads the local-disk snapshot store (PROVNEWS_STORE=disk); listing a shared store is not supported yet');
  return root;
}

export async function findSnapshots(storeRoot: string, baseUrl: string, since: Date): Promise<StoredSnapshot[]> {
  const origin = new URL(baseUrl).host.toLowerCase();
  const dir = join(storeRoot, 'snapshots');
  const newest = new Map<string, StoredSnapshot>();
  const shards = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [] as string[];
    throw err;
  });
  for (const shard of shards) {
    for (const file of await readdir(join(dir, shard))) {
      if (!file.endsWith('.gz')) continue;
      const meta = JSON.parse(gunzipSync(await readFile(join(dir, shard, file))).toString('utf8')) as { url: string; status: number; fetchedAt: string };
      if (meta.status < 200 || meta.status > 299 || Date.parse(meta.fetchedAt) < since.getTime()) continue;
      let host: string;
      try {
        host = new URL(meta.url).host.toLowerCase();
      } catch {
        continue;
      }
      if (host !== origin) continue;
      const prev = newest.get(meta.url);
      if (!prev || prev.fetchedAt < meta.fetchedAt) newest.set(meta.url, { snapshotId: file.slice(0, -3), url: meta.url, fetchedAt: meta.fetchedAt });
    }
  }
  return [...newest.values()].sort((a, b) => a.url.localeCompare(b.url));
}

export interface ReprocessStart {
  reprocessId: string;
  jobs: Job[];
}

/** Enqueues one clean job per snapshot under a fresh reprocess id (the workers clean, then extract, as usual). */
export async function startReprocess(queues: Queues, portal: string, snapshots: StoredSnapshot[]): Promise<ReprocessStart> {
  const reprocessId = `reprocess-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
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

/**
 * Follows a reprocess through both stages: each clean job, then the extract job it enqueued (its
 * id follows from the cleaned id), and counts what the sink did with each record.
 */
export async function awaitReprocess(queues: Queues, start: ReprocessStart, timeoutMs: number, everyMs = 200): Promise<ReprocessReport> {
  const report: ReprocessReport = { reprocessId: start.reprocessId, snapshots: start.jobs.length, changed: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, failures: {}, pending: 0 };
  const deadline = Date.now() + timeoutMs;
  const fail = (reason: string | undefined) => {
    report.failed++;
    const code = reasonOf(reason);
    report.failures[code] = (report.failures[code] ?? 0) + 1;
  };
  let open: { id: string; stage: 'clean' | 'extract' }[] = start.jobs.map((job) => ({ id: String(job.id), stage: 'clean' as const }));
  while (open.length) {
    const next: typeof open = [];
    for (const item of open) {
      // State first, then the job: a job read before it finished would lack its return value.
      const state = await queues.get(item.stage).getJobState(item.id);
      const job = state === 'completed' || state === 'failed' ? await queues.get(item.stage).getJob(item.id) : null;
      if (state === 'unknown' || ((state === 'completed' || state === 'failed') && !job)) {
        fail('[internal] job vanished');
      } else if (state === 'failed') {
        fail(job!.failedReason);
      } else if (state !== 'completed') {
        next.push(item);
      } else if (item.stage === 'clean') {
        const cleanedId = (job!.returnvalue as { cleanedId?: string } | null)?.cleanedId;
        if (!cleanedId) fail('[internal] clean job returned no cleaned id');
        else {
          const id = catalog.extract.jobId({ ...(job!.data as Parameters<typeof catalog.clean.jobId>[0]), cleanedId });
          next.push({ id, stage: 'extract' });
        }
      } else {
        const outcome = (job!.returnvalue as { outcome?: string } | null)?.outcome;
        if (outcome === 'inserted') report.inserted++;
        else if (outcome === 'updated') report.updated++;
        else report.unchanged++;
      }
    }
    open = next;
    if (!open.length || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  report.pending = open.length;
  report.changed = report.inserted + report.updated;
  return report;
}
