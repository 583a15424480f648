import { escapeRegExp, loadVocabulary } from './vocabulary.ts';

/** One phrase of data/topics.txt as a pattern (see the grammar in that file's header). */
function phrasePattern(phrase: string): string {
  return phrase
    .split(/( - |, )/u)
    .map((part) => (part === ' - ' ? String.raw`\s*[-–]\s*` : part === ', ' ? String.raw`\s*,?\s*` : escapeRegExp(part).replace(/ /g, String.raw`\s+`)))
    .join('');
}

/**
 * The topics and their patterns, from data/topics.txt: per topic one case-insensitive pattern of
 * its phrases and one case-sensitive pattern of its abbreviations, each a literal alternation
 * (longest first) between word boundaries, so matching is linear.
 */
const TOPICS: ReadonlyArray<readonly [string, RegExp[]]> = (() => {
  const byTopic = new Map<string, { words: string[]; abbreviations: string[] }>();
  for (const line of loadVocabulary('topics.txt')) {
    const [topic, phrase] = line.split('\t');
    if (!topic || !phrase) continue;
    const entry = byTopic.get(topic) ?? { words: [], abbreviations: [] };
    if (phrase.startsWith('=')) entry.abbreviations.push(phrase.slice(1));
    else entry.words.push(phrase);
    byTopic.set(topic, entry);
  }
  const bounded = (phrases: string[], flags: string): RegExp[] =>
    phrases.length === 0
      ? []
      : [new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${[...phrases].sort((a, b) => b.length - a.length).map(phrasePattern).join('|')})(?![\p{L}\p{N}])`, flags)];
  return [...byTopic].map(([topic, e]) => [topic, [...bounded(e.words, 'giu'), ...bounded(e.abbreviations, 'gu')]] as const);
})();

/** The fixed topic vocabulary, in display order. */
export const TOPIC_VOCABULARY: readonly string[] = TOPICS.map(([t]) => t);

/** At most this many topics per article: a filter field is useless when every article has ten. */
export const MAX_TOPICS = 3;

/** Mentions counted per topic at most: past this the ranking is settled, and counting stays cheap. */
const MAX_COUNTED = 50;

/** Texts shorter than this (a brief, a lead) may be tagged from a single mention. */
const SHORT_TEXT_CHARS = 1500;

/**
 * The topics an article is about, from the fixed vocabulary, best first. Each topic scores its
 * mentions (words or abbreviations: NTM, KT-XH, OCOP, QP-AN, CCHC) plus 3 when the title names
 * it; a topic the title names comes first and is always kept, any other when it scores at least 2
 * (1 in a short text) and at least a third of the best topic's score; only the
 * {@link MAX_TOPICS} best are kept. Why: an article about a
 * vaccination drive also names the budget, the economy and the party once in passing; tagging
 * every word seen gave 10–13 topics per article. Linear: one pass of each topic's pattern.
 *
 * @param text the article text
 * @param title the article's title, if any
 */
export function extractTopics(text: string, title: string | null = null): string[] {
  const scored: Array<{ topic: string; score: number; order: number; inTitle: boolean }> = [];
  TOPICS.forEach(([topic, patterns], order) => {
    let count = 0;
    let inTitle = false;
    for (const re of patterns) {
      re.lastIndex = 0;
      while (count < MAX_COUNTED && re.exec(text)) count++;
      if (title) {
        re.lastIndex = 0;
        inTitle ||= re.test(title);
      }
    }
    const score = count + (inTitle ? 3 : 0);
    if (score > 0) scored.push({ topic, score, order, inTitle });
  });
  if (scored.length === 0) return [];
  scored.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || a.order - b.order);
  const best = Math.max(...scored.map((t) => t.score));
  const floor = Math.max(text.length < SHORT_TEXT_CHARS ? 1 : 2, best / 3);
  return scored
    .filter((t) => t.inTitle || t.score >= floor)
    .slice(0, MAX_TOPICS)
    .map((t) => t.topic);
}
