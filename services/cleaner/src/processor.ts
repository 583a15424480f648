import type { Job } from 'bullmq';
import { clean, type CleanResult, type SelectorHints } from '@provnews/cleaner';
import { decodeBody } from '@provnews/crawler';
import type { Logger } from '@provnews/logger';
import { parsePayload, PermanentJobError, TransientJobError, type Queues } from '@provnews/queues';
import { CLEANED_KIND, type BlobStore, type SnapshotStore } from '@provnews/storage';

export interface CleanDeps {
  snapshots: SnapshotStore;
  content: BlobStore;
  enqueue: Queues['enqueue'];
  /** Selector hints of a portal from the registry, if any. */
  hintsFor: (portal: string | null) => SelectorHints | undefined;
  log: Logger;
}

export interface CleanOutcome {
  cleanedId: string;
  title: string | null;
  paragraphs: number;
  removed: number;
}

/**
 * The clean stage: snapshot → decoded text → CleanResult in the content store → extract job.
 * A page with no article (a listing, an empty page) fails permanently with `no-article`.
 */
export function createCleanProcessor(deps: CleanDeps) {
  return async (job: Job): Promise<CleanOutcome> => {
    const payload = parsePayload('clean', job.data);
    const log = deps.log.child({ jobId: job.id, portal: payload.portal, url: payload.url });
    const snapshot = await deps.snapshots.get(payload.snapshotId);
    if (!snapshot) throw new PermanentJobError('snapshot-missing', `snapshot ${payload.snapshotId} is not in the store`);
    let html: string;
    try {
      html = decodeBody(snapshot.body, snapshot.headers['content-type'] ?? null).text;
    } catch (err) {
      throw new PermanentJobError('decode-error', `cannot decode ${payload.url}: ${(err as Error).message}`);
    }
    const hints = deps.hintsFor(payload.portal);
    const result: CleanResult = clean(html, { url: snapshot.finalUrl, ...(hints ? { hints } : {}) });
    if (!result.isArticle) throw new PermanentJobError('no-article', `${payload.url}: ${result.reason ?? 'no article found'}`);
    let cleanedId: string;
    try {
      cleanedId = await deps.content.putJson(CLEANED_KIND, result);
    } catch (err) {
      throw new TransientJobError('internal', `cannot store cleaned page: ${(err as Error).message}`);
    }
    await deps.enqueue('extract', { ...payload, cleanedId });
    log.debug({ cleanedId, paragraphs: result.paragraphs.length }, 'page cleaned');
    return { cleanedId, title: result.title, paragraphs: result.paragraphs.length, removed: result.removed.length };
  };
}
