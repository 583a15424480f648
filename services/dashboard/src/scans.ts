import type { Portal } from '@provnews/crawler';
import type { Logger } from '@provnews/logger';
import { findSnapshots, newReprocessId, startReprocess, type StoredSnapshot } from '@provnews/ops';
import type { Queues } from '@provnews/queues';
import type { BlobStore } from '@provnews/storage';

/** How long a request waits for its scan before answering "still scanning" (a small store answers at once). */
export const SCAN_WAIT_MS = 1500;
/** How long a finished scan is kept: its page's refreshes, and the confirm that follows a preview, use it. */
export const SCAN_KEEP_MS = 60_000;
/** Scans of the snapshot store running at once; each reads every snapshot, so more are refused. */
export const MAX_SCANS = 2;

/**
 * A scan of the snapshot store running in the background, or finished: a store of 100,000 pages
 * takes seconds on disk and minutes on S3, longer than a browser or a proxy waits for an answer.
 */
export interface ScanTask<T> {
  state: 'scanning' | 'done' | 'failed';
  /** Snapshots read so far. */
  scanned: number;
  result?: T;
  /** The reasoned error of a failed scan (`[store-corrupt] snapshots/<id>…`, a store that cannot be read). */
  error?: string;
  finishedAt?: number;
  /** Settles when the task does; never rejects. */
  settled: Promise<void>;
}

/** A reprocess started from the dashboard: its scan, then its clean jobs. */
export type ReprocessTask = ScanTask<{ pages: number }> & { portal: string; reprocessId: string };

/** Thrown when {@link MAX_SCANS} scans are already running. */
export class ScansBusy extends Error {
  override name = 'ScansBusy';
}

/**
 * The dashboard's scans of the snapshot store: reprocess previews (keyed by portal and date) and
 * the reprocesses themselves (keyed by reprocess id). A request starts or finds its task, waits
 * {@link SCAN_WAIT_MS} at most, and answers with what the task has got to.
 */
export class Scans {
  private readonly previews = new Map<string, ScanTask<StoredSnapshot[]>>();
  private readonly reprocesses = new Map<string, ReprocessTask>();

  constructor(private readonly deps: { content: BlobStore; queues: Queues; log: Logger }) {}

  /** The preview scan of a portal since a date: the one running or just finished, else a new one. */
  preview(portal: Portal, since: Date): ScanTask<StoredSnapshot[]> {
    this.sweep();
    const key = previewKey(portal, since);
    const known = this.previews.get(key);
    if (known) return known;
    const task = this.run<StoredSnapshot[]>((onProgress) => findSnapshots(this.deps.content, portal.baseUrl, since, { onProgress }));
    this.previews.set(key, task);
    return task;
  }

  /**
   * Starts a reprocess of a portal's pages since a date. The pages a finished preview found are
   * the ones the user confirmed: they are enqueued without a second scan.
   */
  reprocess(portal: Portal, since: Date): ReprocessTask {
    this.sweep();
    const previewed = this.previews.get(previewKey(portal, since));
    const reprocessId = newReprocessId();
    const task = this.run(async (onProgress) => {
      const pages = previewed?.state === 'done' ? previewed.result! : await findSnapshots(this.deps.content, portal.baseUrl, since, { onProgress });
      await startReprocess(this.deps.queues, portal.id, pages, reprocessId);
      this.deps.log.info({ portal: portal.id, reprocessId, pages: pages.length }, 'dashboard reprocess enqueued');
      return { pages: pages.length };
    }) as ReprocessTask;
    if (previewed?.state === 'done') task.scanned = previewed.scanned;
    Object.assign(task, { portal: portal.id, reprocessId });
    this.reprocesses.set(reprocessId, task);
    return task;
  }

  /** A reprocess this dashboard started, while it is kept. */
  reprocessTask(reprocessId: string): ReprocessTask | undefined {
    this.sweep();
    return this.reprocesses.get(reprocessId);
  }

  private run<T>(work: (onProgress: (scanned: number) => void) => Promise<T>): ScanTask<T> {
    if (this.running() >= MAX_SCANS) throw new ScansBusy(`${MAX_SCANS} scans of the snapshot store are running; try again when one has finished`);
    const task: ScanTask<T> = { state: 'scanning', scanned: 0, settled: Promise.resolve() };
    task.settled = work((n) => void (task.scanned = n)).then(
      (result) => void Object.assign(task, { state: 'done', result, finishedAt: Date.now() }),
      (err: Error) => {
        Object.assign(task, { state: 'failed', error: err.message, finishedAt: Date.now() });
        this.deps.log.error({ err: err.message }, 'snapshot store scan failed');
      },
    );
    return task;
  }

  private running(): number {
    let n = 0;
    for (const t of [...this.previews.values(), ...this.reprocesses.values()]) if (t.state === 'scanning') n++;
    return n;
  }

  /** Drops tasks finished more than {@link SCAN_KEEP_MS} ago. */
  private sweep(): void {
    const before = Date.now() - SCAN_KEEP_MS;
    for (const map of [this.previews, this.reprocesses] as Map<string, ScanTask<unknown>>[]) {
      for (const [key, t] of map) if (t.finishedAt !== undefined && t.finishedAt < before) map.delete(key);
    }
  }
}

/** Previews are kept per portal and date: the confirmation that follows one finds it by the same key. */
function previewKey(portal: Portal, since: Date): string {
  return `${portal.id} ${since.toISOString()}`;
}

/** Waits for a task to settle, `ms` at most. */
export async function settleWithin(task: ScanTask<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([task.settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
