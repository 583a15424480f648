import { clean, type CleanResult } from '@provnews/cleaner';
import { extractArticle } from '@provnews/extractor';
import { articleRecordSchema, type ArticleRecord } from '@provnews/record';

/** What the extract stage hands to a worker thread. */
export interface ExtractTaskInput {
  /**
   * The cleaned page: the object, or the stored JSON text (the stage passes the text: one copy
   * across the thread boundary, parsed once, in the thread).
   */
  cleaned: CleanResult | string;
  /** Names the stored object in a `store-corrupt` message. */
  cleanedId?: string;
  url: string;
  portal: { id: string; province: string | null } | null;
  fetchedAt: string;
}

export type ExtractTaskOutput = { ok: true; record: ArticleRecord } | { ok: false; reason: 'internal' | 'store-corrupt'; message: string };

/**
 * The CPU-heavy part of the extract stage, as a pure function: cleaned page → schema-checked
 * record. Runs in a TaskPool thread under the stage's time and memory budget.
 */
export function extractTask(input: ExtractTaskInput): ExtractTaskOutput {
  let cleaned = input.cleaned;
  if (typeof cleaned === 'string') {
    const where = `cleaned/${input.cleanedId ?? '?'}`;
    let value: unknown;
    try {
      value = JSON.parse(cleaned);
    } catch (err) {
      return { ok: false, reason: 'store-corrupt', message: `${where}: not valid JSON (${(err as Error).message})` };
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'store-corrupt', message: `${where}: expected a JSON object` };
    cleaned = value as CleanResult;
  }
  const record = extractArticle(cleaned, { url: input.url, portal: input.portal, fetchedAt: input.fetchedAt });
  // The schema is the contract with every consumer: never store a record that breaks it.
  const checked = articleRecordSchema.safeParse(record);
  if (!checked.success) return { ok: false, reason: 'internal', message: `record for ${input.url} breaks schema v1: ${checked.error.issues[0]?.message ?? ''}` };
  return { ok: true, record: checked.data };
}

/** Runs once per thread before its first page: loads the word lists and gazetteers. */
export function warmUp(): void {
  const text = 'Sáng 12/5, Ủy ban nhân dân huyện Miền Thử tổ chức hội nghị tổng kết, giải ngân 4,2 tỷ đồng.';
  extractTask({
    cleaned: clean(`Tin thử\n\n${text}`, { mode: 'text' }),
    url: 'https://warm-up.invalid/tin-thu.html',
    portal: null,
    fetchedAt: '2024-05-12T08:00:00.000Z',
  });
}

export default extractTask;
