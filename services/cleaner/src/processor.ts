import type { Job } from 'bullmq';
import type { SelectorHints } from '@provnews/cleaner';
import type { Logger } from '@provnews/logger';
import { catalog, parsePayload, PermanentJobError, TransientJobError, type FollowUp, type Queues } from '@provnews/queues';
import { CLEANED_KIND, type BlobStore, type SnapshotStore } from '@provnews/storage';
import { cleanTask, type CharsetNote, type CleanTaskInput, type CleanTaskOutput } from './clean-task.ts';

export interface CleanDeps {
  snapshots: SnapshotStore;
  content: BlobStore;
  enqueue: Queues['enqueue'];
  /**
   * `Queues.reprocessNote` (bound): for a reprocess's job, the note of the extract job it added,
   * written with that add (see awaitReprocess). Without it nothing is noted.
   */
  reprocessNote?: (reprocessId: string, field: string, value: string) => FollowUp;
  /** Selector hints of a portal from the registry, if any. */
  hintsFor: (portal: string | null) => SelectorHints | undefined;
  /**
   * Runs {@link cleanTask}; the worker passes a TaskPool (threads with a time and memory budget).
   * Default: in this thread, for unit tests and one-off calls.
   */
  runTask?: (input: CleanTaskInput) => Promise<CleanTaskOutput>;
  log: Logger;
}

export interface CleanOutcome {
  cleanedId: string;
  title: string | null;
  paragraphs: number;
  removed: number;
  /** How the body was decoded; `declared` is set when the page's own charset label was wrong. */
  charset: CharsetNote;
}

/**
 * The clean stage: snapshot → decoded text → CleanResult in the content store → extract job.
 * Fails permanently with `no-article` (a listing, an empty page), `decode-error` (no charset gives
 * clean text), `too-complex` (over the budget), `store-corrupt`; `store-io` is retried.
 */
export function createCleanProcessor(deps: CleanDeps) {
  const runTask = deps.runTask ?? (async (input: CleanTaskInput) => cleanTask(input));
  return async (job: Job): Promise<CleanOutcome> => {
    const payload = parsePayload('clean', job.data);
    const log = deps.log.child({ jobId: job.id, portal: payload.portal, url: payload.url });
    const snapshot = await deps.snapshots.get(payload.snapshotId);
    if (!snapshot) throw new PermanentJobError('snapshot-missing', `snapshot ${payload.snapshotId} is not in the store`);
    const hints = deps.hintsFor(payload.portal);
    const out = await runTask({ body: snapshot.body, contentType: snapshot.headers['content-type'] ?? null, url: snapshot.finalUrl, ...(hints ? { hints } : {}) });
    if (!out.ok) throw new PermanentJobError(out.reason, out.message);
    if (out.charset.declared) log.warn({ declared: out.charset.declared, used: out.charset.charset }, 'declared charset was wrong, decoded with another');
    const result = out.summary;
    if (!result.isArticle) throw new PermanentJobError('no-article', `${payload.url}: ${result.reason ?? 'no article found'}`);
    // The JSON text the thread made is what putJson would store: same bytes, same id.
    const cleanedId = await deps.content.putBytes(CLEANED_KIND, Buffer.from(out.json));
    const next = { ...payload, cleanedId };
    // A reprocess notes where the page went next, so its report can follow it after the queue's retention drops this job.
    const note = payload.reprocess && deps.reprocessNote ? deps.reprocessNote(payload.reprocess, `clean:${job.id}`, catalog.extract.jobId(next)) : undefined;
    await deps.enqueue('extract', next, {}, note);
    log.debug({ cleanedId, paragraphs: result.paragraphs }, 'page cleaned');
    return { cleanedId, title: result.title, paragraphs: result.paragraphs, removed: result.removed, charset: out.charset };
  };
}
