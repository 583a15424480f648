import { clean, type CleanResult, type SelectorHints } from '@provnews/cleaner';
import { decodeBody } from '@provnews/crawler';

/** What the clean stage hands to a worker thread: the raw body, never a parsed tree. */
export interface CleanTaskInput {
  body: Uint8Array;
  contentType: string | null;
  /** The page's final URL (resolves relative links, names the page in errors). */
  url: string;
  hints?: SelectorHints;
}

/** How the body was decoded, kept in the job's outcome. */
export interface CharsetNote {
  charset: string;
  source: string;
  /** Set when the declared charset lied and another decoding was used. */
  declared?: string;
}

/** What the stage needs to know of a CleanResult without parsing it back. */
export interface CleanSummary {
  isArticle: boolean;
  reason: string | null;
  title: string | null;
  paragraphs: number;
  removed: number;
}

/**
 * `json` is the CleanResult as it is stored (JSON text): a string crosses the thread boundary as
 * one copy, where the object graph would be serialised by the thread and rebuilt by the caller,
 * only to be turned into JSON there.
 */
export type CleanTaskOutput =
  | { ok: true; json: string; summary: CleanSummary; charset: CharsetNote }
  | { ok: false; reason: 'decode-error'; message: string; charset: CharsetNote };

/**
 * The CPU-heavy part of the clean stage, as a pure function: decode the body (charset lies
 * corrected, garbage refused), then clean it. Runs in a TaskPool thread under the stage's time
 * and memory budget; its default export is what the pool calls.
 */
export function cleanTask(input: CleanTaskInput): CleanTaskOutput {
  const decoded = decodeBody(input.body, input.contentType);
  const charset: CharsetNote = { charset: decoded.charset, source: decoded.source, ...(decoded.declared ? { declared: decoded.declared } : {}) };
  if (decoded.garbled) {
    return { ok: false, reason: 'decode-error', charset, message: `${input.url}: no charset gives clean text (declared or detected ${decoded.charset}; replacement characters or mojibake)` };
  }
  const result = clean(decoded.text, { url: input.url, ...(input.hints ? { hints: input.hints } : {}) });
  // The lie travels with the cleaned page, so the record can say how it was read.
  if (decoded.declared) result.decoding = { declared: decoded.declared, used: decoded.charset };
  return { ok: true, charset, json: JSON.stringify(result), summary: summarise(result) };
}

function summarise(result: CleanResult): CleanSummary {
  return { isArticle: result.isArticle, reason: result.reason ?? null, title: result.title, paragraphs: result.paragraphs.length, removed: result.removed.length };
}

/** Runs once per thread before its first page: loads the parser and the cleaner's rules. */
export function warmUp(): void {
  cleanTask({
    body: Buffer.from('<html><head><title>Tin thử</title></head><body><article><h1>Tin thử</h1><p>Sáng nay, huyện tổ chức hội nghị tổng kết công tác năm với nhiều nội dung quan trọng.</p></article></body></html>'),
    contentType: 'text/html; charset=utf-8',
    url: 'https://warm-up.invalid/tin-thu.html',
  });
}

export default cleanTask;
