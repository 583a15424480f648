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
  close(): Promise<void>;
}
