import type { ArticleRecord } from '@provnews/record';

/** What a sink did with a record. */
export type SinkOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Where extracted records go. Records are keyed by their canonical `url`: writing the same page
 * twice never duplicates it; a changed record replaces the old one.
 */
export interface Sink {
  readonly description: string;
  write(record: ArticleRecord): Promise<SinkOutcome>;
  /** Number of distinct records stored. */
  count(): Promise<number>;
  /** Every stored record (summaries, exports and tests; not for huge stores). */
  all(): Promise<ArticleRecord[]>;
  /**
   * Checks at start-up that records can be written (the database answers and has the table; the
   * records file is not written by another process). Throws a {@link SinkError} with one line.
   */
  check?(): Promise<void>;
  close(): Promise<void>;
}

/** The sink cannot take records: a one-line message for start-up, `[sink-unavailable]` in jobs. */
export class SinkError extends Error {
  override name = 'SinkError';
  constructor(
    message: string,
    /** True when waiting may help (database down); false for a configuration problem. */
    readonly outage: boolean,
  ) {
    super(message);
  }
}
