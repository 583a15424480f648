/**
 * Text mode: a line classifier over text that is already extracted (a portal's text dump, or the
 * blocks HTML mode found). Context-free chrome rules come from `line-rules.ts`; this file adds the
 * rules that need neighbours: dates by position, the title, the byline, related-list items,
 * repeated lines, and the photo captions kept in the text.
 */
import type { CleanOptions, CleanResult, DateLine, Removal } from './types.ts';
import {
  isBylineLine,
  isCaptionLike,
  isDateOnlyLine,
  lineKey,
  matchChromeRule,
  relatedListHeadingRule,
  sentenceCount,
  endsLikeSentence,
  splitInlineDatePrefix,
  wordsOf,
} from './line-rules.ts';
import { cleanInline, cleanMultiline, normalizeForMatch } from './vietnamese.ts';
import { emptyMeta, shorten } from './result.ts';

/** Input of the line pipeline: lines in page order (`''` marks a paragraph break). */
export interface LinePipelineInput {
  lines: readonly string[];
  /** Title already known (HTML mode): lines repeating it are dropped, none is picked from the text. */
  knownTitle?: string | null;
  /** Whether the pipeline may pick a title among the first lines (text mode only). */
  pickTitle: boolean;
  /** Whether caption-like lines are listed in `captions` (text mode; HTML mode reads the markup). */
  detectCaptions: boolean;
}

/** What the line pipeline keeps and moves. */
export interface LinePipelineOutput {
  title: string | null;
  paragraphs: string[];
  captions: string[];
  byline: string | null;
  dates: DateLine[];
  removed: Removal[];
}

/** Longest line the chrome lexicon looks at (licence footers run to ~300 characters). */
const MAX_CHROME_LINE = 400;

type LineState =
  | { kind: 'blank' }
  | { kind: 'content'; text: string }
  | { kind: 'removed'; text: string; rule: string }
  | { kind: 'date'; text: string };

/** Title-like: one short sentence (often without a final dot) that opens the text. */
function isTitleLike(line: string): boolean {
  const words = wordsOf(line).length;
  if (line.length < 10 || line.length > 220 || words < 3) return false;
  if (sentenceCount(line) > 1) return false;
  if (/^[–—-]/u.test(line) || !/^[\p{Lu}\p{N}"“'‘(]/u.test(line)) return false;
  if (isBylineLine(line)) return false;
  // A dateline ("BHG - Chiều 25.2, ...", "ML – Sáng 5/11 ...") opens the body, never the title.
  if (/^\p{Lu}{2,6}\s*[-–—]\s/u.test(line)) return false;
  if (!endsLikeSentence(line)) return true;
  // Some portals end titles with a dot ("Hội nghị BTV huyện uỷ mở rộng ... năm 2020."): only a
  // short one, without the commas of running text.
  return line.length <= 130 && (line.match(/,/gu)?.length ?? 0) <= 1;
}

/** A related-list item: a short headline, possibly with its date "(07/11/2022)". */
function isHeadlineItem(line: string): boolean {
  if (line.length > 220 || sentenceCount(line) > 1) return false;
  return !endsLikeSentence(line) || /\(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\)$/u.test(line);
}

/**
 * Run the context rules over lines. Pure: the same lines give the same output.
 * Order matters: chrome first (so a counter never becomes a title), then duplicates, the inline
 * date prefix, the title, the byline, and dates get their position last.
 */
export function runLinePipeline(input: LinePipelineInput): LinePipelineOutput {
  const removed: Removal[] = [];
  const states: LineState[] = [];
  let inRelatedList = false;
  let blankInRelatedList = false;
  let lastContentKey: string | null = null;
  // Index of the last non-empty line: a byline may close the text after a related list.
  let lastLineIdx = input.lines.length - 1;
  while (lastLineIdx >= 0 && cleanInline(input.lines[lastLineIdx] ?? '') === '') lastLineIdx--;

  for (const [lineIdx, raw] of input.lines.entries()) {
    const line = cleanInline(raw);
    if (line === '') {
      states.push({ kind: 'blank' });
      // Only a blank after an item counts: "Tin liên quan", blank, items is one list.
      const prev = states[states.length - 2];
      if (inRelatedList && prev?.kind === 'removed' && prev.rule === 'relatedListRule') blankInRelatedList = true;
      continue;
    }
    // Chrome and date lines are short; long lines skip the lexicon (a 5 MB page has ~60k lines).
    const key = line.length <= MAX_CHROME_LINE ? lineKey(line) : null;
    const rule = key === null ? null : matchChromeRule(line, key);
    if (rule) {
      states.push({ kind: 'removed', text: line, rule: rule.name });
      if (rule === relatedListHeadingRule) {
        inRelatedList = true;
        blankInRelatedList = false;
      }
      continue;
    }
    if (key !== null && isDateOnlyLine(key)) {
      states.push({ kind: 'date', text: line });
      continue;
    }
    if (inRelatedList) {
      // "Tin liên quan / item / item / (blank) / HOÀNG LAN": the byline set apart as the text's last
      // line closes the list instead of joining it.
      const closingByline = blankInRelatedList && lineIdx === lastLineIdx && wordsOf(line).length <= 6 && isBylineLine(line);
      if (!closingByline && isHeadlineItem(line)) {
        states.push({ kind: 'removed', text: line, rule: 'relatedListRule' });
        continue;
      }
      inRelatedList = false;
    }
    const matchKey = key ?? line.toLowerCase();
    if (matchKey === lastContentKey) {
      // "Quang cảnh buổi làm việc." twice: the image alt text and the caption dumped one after the other.
      states.push({ kind: 'removed', text: line, rule: isCaptionLike(line) ? 'duplicateCaptionRule' : 'duplicateLineRule' });
      continue;
    }
    lastContentKey = matchKey;
    states.push({ kind: 'content', text: line });
  }

  const contentIdx = (): number[] => states.flatMap((s, i) => (s.kind === 'content' ? [i] : []));
  const dates: { index: number; line: DateLine }[] = [];

  // Inline date prefix on the first content line: "date 2021-02 BHG - Chiều 25.2, ..." keeps "BHG - ...".
  const firstIdx = contentIdx()[0];
  if (firstIdx !== undefined) {
    const first = states[firstIdx];
    const split = first && first.kind === 'content' ? splitInlineDatePrefix(first.text) : null;
    if (split) {
      states[firstIdx] = { kind: 'content', text: split.rest };
      dates.push({ index: firstIdx, line: { text: split.date, where: 'inlinePrefix' } });
      removed.push({ rule: 'inlineDatePrefixRule', text: split.date, movedTo: 'dates' });
    }
  }

  // Title.
  let title: string | null = null;
  let titleIdx = -1;
  const knownKey = input.knownTitle ? normalizeForMatch(input.knownTitle) : null;
  if (knownKey) {
    for (const i of contentIdx()) {
      const s = states[i];
      if (s?.kind === 'content' && normalizeForMatch(s.text) === knownKey) {
        states[i] = { kind: 'removed', text: s.text, rule: 'titleRepeatRule' };
      }
    }
  } else if (input.pickTitle) {
    const idx = contentIdx();
    const i0 = idx[0];
    const s0 = i0 === undefined ? undefined : states[i0];
    if (i0 !== undefined && s0?.kind === 'content' && idx.length > 1 && isTitleLike(s0.text)) {
      title = s0.text;
      titleIdx = i0;
      states[i0] = { kind: 'removed', text: s0.text, rule: 'titleRule' };
      removed.push({ rule: 'titleRule', text: s0.text, movedTo: 'title' });
    }
  }

  // Byline: the last content line when it reads like one.
  let byline: string | null = null;
  const idxAfterTitle = contentIdx();
  const lastIdx = idxAfterTitle[idxAfterTitle.length - 1];
  if (lastIdx !== undefined && idxAfterTitle.length > 1) {
    const last = states[lastIdx];
    if (last?.kind === 'content' && isBylineLine(last.text)) {
      byline = last.text;
      states[lastIdx] = { kind: 'removed', text: last.text, rule: 'bylineRule' };
      removed.push({ rule: 'bylineRule', text: last.text, movedTo: 'byline' });
    }
  }
  // Or a byline printed under the title ("NGỌC MAI" between the headline and the first paragraph):
  // text mode only, right after the picked title (date lines may sit between), a short byline-like
  // line followed by running text, so a one-line subheading or a sapo is not taken.
  if (byline === null && titleIdx >= 0) {
    const [firstIdx2, nextIdx] = idxAfterTitle;
    const first = firstIdx2 === undefined ? undefined : states[firstIdx2];
    const next = nextIdx === undefined ? undefined : states[nextIdx];
    const onlyDatesBetween = firstIdx2 !== undefined && states.slice(titleIdx + 1, firstIdx2).every((s) => s.kind !== 'content');
    if (
      firstIdx2 !== undefined &&
      first?.kind === 'content' &&
      next?.kind === 'content' &&
      onlyDatesBetween &&
      wordsOf(first.text).length <= 8 &&
      isBylineLine(first.text) &&
      !isCaptionLike(first.text) &&
      wordsOf(next.text).length >= 20 &&
      endsLikeSentence(next.text)
    ) {
      byline = first.text;
      states[firstIdx2] = { kind: 'removed', text: first.text, rule: 'bylineRule' };
      removed.push({ rule: 'bylineRule', text: first.text, movedTo: 'byline' });
    }
  }

  // Dates by position against the body.
  const body = contentIdx();
  const bodyStart = body[0] ?? states.length;
  states.forEach((s, i) => {
    if (s.kind !== 'date') return;
    let where: DateLine['where'];
    if (i < bodyStart) where = titleIdx >= 0 && i > titleIdx ? 'underTitle' : 'header';
    else where = 'footer';
    dates.push({ index: i, line: { text: s.text, where } });
    removed.push({ rule: 'dateWidgetRule', text: s.text, movedTo: 'dates' });
  });
  dates.sort((a, b) => a.index - b.index);

  // Chrome removals in page order (title/byline/date moves were recorded above).
  for (const s of states) {
    if (s.kind === 'removed' && s.rule !== 'titleRule' && s.rule !== 'bylineRule') {
      removed.push({ rule: s.rule, text: shorten(s.text) });
    }
  }

  const paragraphs = states.flatMap((s) => (s.kind === 'content' ? [s.text] : []));
  const captions: string[] = [];
  const seen = new Set<string>();
  paragraphs.forEach((p, i) => {
    if (!input.detectCaptions || i === 0 || !isCaptionLike(p)) return;
    const k = normalizeForMatch(p);
    if (seen.has(k)) return;
    seen.add(k);
    captions.push(p);
  });

  return { title, paragraphs, captions, byline, dates: dates.map((d) => d.line), removed };
}

/** Words of running text a page needs, without other evidence, to count as an article. */
export const MIN_ARTICLE_WORDS = 40;

/**
 * Words in sentence-like paragraphs: the article test shared by both modes. `minWords` is lowered
 * by callers that have other evidence of an article (a title of its own).
 */
export function articleVerdict(paragraphs: readonly string[], minWords = MIN_ARTICLE_WORDS): { isArticle: boolean; reason: string | null } {
  const sentenceParas = paragraphs.filter((p) => wordsOf(p).length >= 8 && /[.!?…:;"”)]/u.test(p));
  const words = sentenceParas.reduce((n, p) => n + wordsOf(p).length, 0);
  if (words >= minWords) return { isArticle: true, reason: null };
  return {
    isArticle: false,
    reason: `no-article: too little running text (${words} words in ${sentenceParas.length} sentence paragraphs)`,
  };
}

/**
 * Clean text that is already text (a portal's text dump): remove chrome lines, take out the title,
 * byline and visible dates, keep every real sentence. See {@link CleanResult}.
 */
export function cleanText(text: string, _opts: CleanOptions = {}): CleanResult {
  const lines = cleanMultiline(text).split('\n');
  const out = runLinePipeline({ lines, pickTitle: true, detectCaptions: true });
  const verdict = articleVerdict(out.paragraphs);
  return {
    mode: 'text',
    isArticle: verdict.isArticle,
    reason: verdict.reason,
    title: out.title,
    lead: null,
    paragraphs: out.paragraphs,
    text: out.paragraphs.join('\n\n'),
    captions: out.captions,
    byline: out.byline,
    dates: out.dates,
    meta: emptyMeta(),
    removed: out.removed,
  };
}
