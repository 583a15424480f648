import type { CleanResult } from '@provnews/cleaner';

/** Human-readable view of a CleanResult for `provnews clean`: the kept text, then every removal with its rule. */
export function formatClean(result: CleanResult): string {
  const lines: string[] = [];
  lines.push(`mode: ${result.mode}${result.isArticle ? '' : `   NO ARTICLE: ${result.reason ?? ''}`}`);
  lines.push(`title: ${result.title ?? '(none)'}`);
  if (result.byline) lines.push(`byline: ${result.byline}`);
  for (const d of result.dates) lines.push(`date (${d.where}): ${d.text}`);
  lines.push('', '── text ──', result.text || '(empty)');
  if (result.captions.length) lines.push('', '── captions ──', ...result.captions.map((c) => `• ${c}`));
  lines.push('', `── removed (${result.removed.length}) ──`);
  for (const r of result.removed) lines.push(`[${r.rule}] ${r.text.replace(/\s+/g, ' ').slice(0, 160)}`);
  return lines.join('\n');
}
