import type { CleanResult } from '@provnews/cleaner';

/** Human-readable view of a CleanResult for `provnews clean`: the kept text, then every removal with its rule. */
export function formatClean(result: CleanResult): string {
  const lines: string[] = [];
  lines.push(`mode: ${result.mode}${result.isArticle ? '' : `   NO ARTICLE: ${result.reason ?? ''}`}`);
  lines.push(`title: ${result.title ?? '(none)'}`);
  if (result.titleWhy) lines.push(`  why: ${result.titleWhy}`);
  if (result.byline) lines.push(`byline: ${result.byline}`);
  for (const d of result.dates) lines.push(`date (${d.where}): ${d.text}`);
  lines.push('', '── text ──', result.text || '(empty)');
  if (result.captions.length) lines.push('', '── captions ──', ...result.captions.map((c) => `• ${c}`));
  lines.push('', `── removed (${result.removed.length}) ──`);
  for (const r of result.removed) {
    const at = r.lines ? (r.lines.to > r.lines.from ? ` (lines ${r.lines.from}–${r.lines.to})` : ` (line ${r.lines.from})`) : '';
    lines.push(`[${r.rule}]${at} ${r.text.replace(/\s+/g, ' ').slice(0, 160)}${r.movedTo ? ` → ${r.movedTo}` : ''}`);
  }
  return lines.join('\n');
}
