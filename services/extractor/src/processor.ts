import type { Job } from 'bullmq';
import type { Logger } from '@provnews/logger';
import { parsePayload, PermanentJobError, TransientJobError } from '@provnews/queues';
import { articleRecordSchema } from '@provnews/record';
import { CLEANED_KIND, SinkError, type BlobStore, type Sink, type SinkOutcome } from '@provnews/storage';
import { extractTask, type ExtractTaskInput, type ExtractTaskOutput } from './extract-task.ts';

export interface ExtractDeps {
  content: BlobStore;
  sink: Sink;
  /** The portal's province from the registry, a prior for ambiguous place names. */
  provinceOf: (portal: string | null) => string | null;
  /**
   * Runs {@link extractTask}; the worker passes a TaskPool (threads with a time and memory
   * budget). Default: in this thread, for unit tests and one-off calls.
   */
  runTask?: (input: ExtractTaskInput) => Promise<ExtractTaskOutput>;
  /**
   * Called when the sink is down (database unreachable, records file locked): pauses the whole
   * extract queue for `delayMs` and returns the error that puts the job back to waiting without
   * using an attempt (BullMQ's rate-limit error). Without it, the job fails `[sink-unavailable]`
   * and is retried with the usual backoff.
   */
  pauseForSink?: (delayMs: number) => Promise<Error>;
  /**
   * `Queues.writeReprocessNote` (bound): for a reprocess's job, notes the sink's outcome, so the
   * report can count it after the queue's retention drops this job (see awaitReprocess).
   */
  noteReprocess?: (reprocessId: string, field: string, value: string) => Promise<void>;
  log: Logger;
}

export interface ExtractOutcome {
  outcome: SinkOutcome;
  officials: number;
  metrics: number;
}

/**
 * Pause after the n-th consecutive sink failure: 1 s doubling to 1 min. The queue waits as long as
 * the outage lasts — minutes or hours — and resumes within a minute of the database's return;
 * no job uses up its attempts meanwhile.
 */
export function sinkPauseMs(consecutiveFailures: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.min(6, Math.max(0, consecutiveFailures - 1)));
}

/** The extract stage: cleaned page → schema-v1 record → sink (keyed by URL, so replays never duplicate). */
export function createExtractProcessor(deps: ExtractDeps) {
  const runTask = deps.runTask ?? (async (input: ExtractTaskInput) => extractTask(input));
  let sinkFailures = 0;
  return async (job: Job): Promise<ExtractOutcome> => {
    const payload = parsePayload('extract', job.data);
    // The stored JSON text goes to the thread as it is; the thread parses it (once).
    const cleaned = await deps.content.getBytes(CLEANED_KIND, payload.cleanedId);
    if (!cleaned) throw new PermanentJobError('snapshot-missing', `cleaned page ${payload.cleanedId} is not in the store`);
    const out = await runTask({
      cleaned: cleaned.toString('utf8'),
      cleanedId: payload.cleanedId,
      url: payload.url,
      portal: payload.portal ? { id: payload.portal, province: deps.provinceOf(payload.portal) } : null,
      fetchedAt: payload.fetchedAt,
    });
    if (!out.ok) throw new PermanentJobError(out.reason, out.message);
    let outcome: SinkOutcome;
    try {
      outcome = await deps.sink.write(out.record);
      sinkFailures = 0;
    } catch (err) {
      if (!(err instanceof SinkError)) throw new TransientJobError('internal', `sink ${deps.sink.description}: ${(err as Error).message}`);
      sinkFailures++;
      const delayMs = sinkPauseMs(sinkFailures);
      deps.log.error({ jobId: job.id, err: err.message, pauseMs: delayMs, consecutive: sinkFailures }, 'sink unavailable, extract queue paused');
      if (deps.pauseForSink) throw await deps.pauseForSink(delayMs);
      throw new TransientJobError('sink-unavailable', err.message, delayMs);
    }
    if (payload.reprocess && deps.noteReprocess) {
      // The record is stored: a lost note costs the report one count, never the record, so it does not fail the job
      // (a retry would find the record written and report it unchanged).
      await deps.noteReprocess(payload.reprocess, `extract:${job.id}`, outcome).catch((err: Error) => deps.log.warn({ jobId: job.id, err: err.message }, 'cannot note a reprocess outcome'));
    }
    deps.log.debug({ jobId: job.id, url: payload.url, outcome }, 'record stored');
    return { outcome, officials: out.record.officials.length, metrics: out.record.metrics.length };
  };
}
