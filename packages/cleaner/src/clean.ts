/**
 * Entry points: detect whether the input is markup or text and run the matching mode.
 */
import type { CleanOptions, CleanResult } from './types.ts';
import { cleanHtml } from './html-mode.ts';
import { cleanText } from './text-mode.ts';

export { cleanHtml } from './html-mode.ts';
export { cleanText } from './text-mode.ts';

/**
 * True when the input is HTML: a doctype / `<html>` / `<body>` opener, or at least three
 * block-level tags in the first 4 kB. Text that merely mentions "<b>" stays text.
 */
export function looksLikeHtml(input: string): boolean {
  const head = input.slice(0, 4096).replace(/^\uFEFF/u, '').trimStart();
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml)/iu.test(head)) return true;
  const tags = head.match(/<\/?(?:p|div|span|a|br|table|tr|td|li|ul|h[1-6]|article|section|img|meta|script|link)(?=[\s>/])/giu);
  return (tags?.length ?? 0) >= 3;
}

/**
 * Clean a page or a text dump into article paragraphs plus title, byline, dates, captions and
 * metadata, listing every removal with the rule behind it. `opts.mode` forces a mode.
 */
export function clean(input: string, opts: CleanOptions = {}): CleanResult {
  const mode = opts.mode ?? (looksLikeHtml(input) ? 'html' : 'text');
  return mode === 'html' ? cleanHtml(input, opts) : cleanText(input, opts);
}
