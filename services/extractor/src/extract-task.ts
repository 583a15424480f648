import { clean, type CleanResult } from '@provnews/cleaner';
import { extractArticle } from '@provnews/extractor';
import { articleRecordSchema, type ArticleRecord } from '@provnews/record';

/** What the extract stage hands to a worker thread. */
export interface ExtractTaskInput {
  cleaned: CleanResult;
  url: string;
  portal: { id: string; province: string | null } | null;
  fetchedAt: string;
}

export type ExtractTaskOutput = { ok: true; record: ArticleRecord } | { ok: false; reason: 'internal'; message: string };

/**
 * The CPU-heavy part of the extract stage, as a pure function: cleaned page → schema-checked
 * record. Runs in a TaskPool thread under the stage's time and memory budget.
 */
export function extractTask(input: ExtractTaskInput): ExtractTaskOutput {
  const record = extractArticle(input.cleaned, { url: input.url, portal: input.portal, fetchedAt: input.fetchedAt });
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
