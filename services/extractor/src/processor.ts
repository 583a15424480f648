import type { Job } from 'bullmq';
import type { CleanResult } from '@provnews/cleaner';
import { extractArticle } from '@provnews/extractor';
import type { Logger } from '@provnews/logger';
import { parsePayload, PermanentJobError } from '@provnews/queues';
import { articleRecordSchema } from '@provnews/record';
import { CLEANED_KIND, type BlobStore, type Sink, type SinkOutcome } from '@provnews/storage';

export interface ExtractDeps {
  content: BlobStore;
  sink: Sink;
  /** The portal's province from the registry, a prior for ambiguous place names. */
  provinceOf: (portal: string | null) => string | null;
  log: Logger;
}

export interface ExtractOutcome {
  outcome: SinkOutcome;
  officials: number;
  metrics: number;
}

/** The extract stage: cleaned page → schema-v1 record → sink (keyed by URL, so replays never duplicate). */
export function createExtractProcessor(deps: ExtractDeps) {
  return async (job: Job): Promise<ExtractOutcome> => {
    const payload = parsePayload('extract', job.data);
    const cleaned = await deps.content.getJson<CleanResult>(CLEANED_KIND, payload.cleanedId);
    if (!cleaned) throw new PermanentJobError('snapshot-missing', `cleaned page ${payload.cleanedId} is not in the store`);
    const record = extractArticle(cleaned, {
      url: payload.url,
      portal: payload.portal ? { id: payload.portal, province: deps.provinceOf(payload.portal) } : null,
      fetchedAt: payload.fetchedAt,
    });
    // The schema is the contract with every consumer: never store a record that breaks it.
    const checked = articleRecordSchema.safeParse(record);
    if (!checked.success) {
      throw new PermanentJobError('internal', `record for ${payload.url} breaks schema v1: ${checked.error.issues[0]?.message ?? ''}`);
    }
    const outcome = await deps.sink.write(checked.data);
    deps.log.debug({ jobId: job.id, url: payload.url, outcome }, 'record stored');
    return { outcome, officials: record.officials.length, metrics: record.metrics.length };
  };
}
