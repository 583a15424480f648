/**
 * Re-flow of hard-wrapped captures: a text dump saved from a fixed-width view (or pasted from a
 * column) breaks sentences and titles across lines. Classifying such lines one by one loses words
 * ("và" alone on a line reads as a stray letter) and splits titles, so the lines of one paragraph
 * are joined back before any rule runs. Every output line keeps the original line numbers it was
 * made of, so removals can still point at the capture as it was saved.
 */
import { endsLikeSentence, isBylineLine, isDateOnlyLine, lineKey, matchChromeRule, wordsOf } from './line-rules.ts';

/** Original line numbers (1-based, inclusive) an output line was joined from. */
export interface LineSpan {
  from: number;
  to: number;
}

/** Re-flowed lines and, index for index, where each came from. */
export interface ReflowResult {
  lines: string[];
  spans: LineSpan[];
  /** Width the capture was wrapped at, or null when it was not found to be hard-wrapped. */
  wrapWidth: number | null;
}

/** Longest wrap width looked for: captures wider than this are one line per paragraph. */
const MAX_WRAP_WIDTH = 140;
/** Wrapped lines a capture needs before it is taken for hard-wrapped (one broken title is not enough). */
const MIN_WRAPPED_LINES = 3;

/** List items keep their own line: "- Xã A: 12 hộ", "+ ...", "• ...", "1. ...", "a) ...". */
const LIST_ITEM = /^(?:[-+•·*–—]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)/u;

/**
 * Words that never end a sentence or a headline: a line ending with one was broken mid-way, whatever
 * case the next line starts with ("... Phó Chủ tịch UBND huyện và" / "Ban Thường vụ ...").
 */
const DANGLING_WORD = /(?:^|\s)(?:và|của|các|những|cho|với|tại|trong|về|từ|đến|theo|để|là|được|trên|giữa|nhằm|cùng|vào|thứ|số|lần|như|hoặc|hay|mà|thì|bị|do|qua|sau khi|trước khi)$/iu;

/**
 * Characters a wrapped line may fall short of the width: captures wrapped by hand or rendered in a
 * proportional font break a few characters early (about a tenth of the width).
 */
function wrapSlack(width: number): number {
  return Math.max(2, Math.round(width / 10));
}

function firstWordLength(line: string): number {
  return line.split(' ', 1)[0]?.length ?? 0;
}

/**
 * The width a capture was wrapped at, when it was: the longest line of at most
 * {@link MAX_WRAP_WIDTH} characters, when at least {@link MIN_WRAPPED_LINES} lines, and no fewer
 * than the lines over that limit, were broken because the next word would not fit (line + space +
 * next word > width, less a small slack) without ending a sentence.
 */
export function detectWrapWidth(lines: readonly string[]): number | null {
  let width = 0;
  // Lines over the limit are paragraphs the capture did not wrap (pasted from another element, a
  // long link): they do not count for the width, and a capture of mostly such lines is not wrapped.
  let long = 0;
  for (const l of lines) {
    if (l.length > MAX_WRAP_WIDTH) long++;
    else if (l.length > width) width = l.length;
  }
  if (width < 30) return null;
  let wrapped = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const cur = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (cur === '' || next === '' || endsLikeSentence(cur)) continue;
    if (cur.length + 1 + firstWordLength(next) > width - wrapSlack(width)) wrapped++;
  }
  return wrapped >= MIN_WRAPPED_LINES && wrapped >= long ? width : null;
}

/**
 * Does `next` continue the sentence of `cur`? In a hard-wrapped capture: `cur` was broken because
 * the next word did not fit. In any capture: `cur` stops mid-sentence (at least three words, no
 * final punctuation) and `next` goes on in lower case ("... tổ chức hội nghị" / "tổng kết năm 2024"),
 * or `cur` ends with a word no sentence ends with ("... công tác xây dựng Đảng của" / "Huyện ủy ...").
 */
function continues(cur: string, next: string, width: number | null): boolean {
  if (cur === '' || next === '') return false;
  // "- 2021." under "… nhiệm kỳ 2016" is the rest of a range the wrap cut, not a list item.
  const range = /(?<!\d)\d{4}$/u.test(cur) && /^[-–]\s\d{4}(?![\d:])/u.test(next);
  if (LIST_ITEM.test(next) && !range) return false;
  const wrapped = width !== null && cur.length + 1 + firstWordLength(next) > width - wrapSlack(width);
  // A dangling word joins a capitalised next line only when `cur` is sentence-sized: a run of
  // menu items ("Chuyển đổi số" / "Văn bản") is short lines, and noun phrases end in "số", "qua"…
  const curWords = wordsOf(cur).length;
  const dangling = DANGLING_WORD.test(cur) && curWords >= 3 && (curWords >= 5 || /^[\p{Ll}\p{N}]/u.test(next));
  // A short line of names under a full line that ends a sentence is the byline standing after the
  // last paragraph, not the paragraph's last words ("… ổn định." / "Ngọc Hằng").
  if (wrapped && endsLikeSentence(cur) && wordsOf(next).length <= 6 && isBylineLine(next)) return false;
  // A lone letter under a short line is a stray of the capture ("l", "x"), not the sentence going on.
  if (!wrapped && /^\p{L}$/u.test(next)) return false;
  if (!wrapped && !dangling && !range && (endsLikeSentence(cur) || curWords < 3 || !/^\p{Ll}/u.test(next))) return false;
  // Widgets and date lines stay lines of their own: a full-width title over "Thứ hai, 10/02/2025",
  // "thống kê truy cập" over "hôm nay: 12". A chrome line stopped on a dangling word goes on below
  // ("Chịu trách nhiệm chính: … Chánh Văn phòng HĐND và" / "UBND huyện"): its rest is chrome too.
  // So does one the wrap cut before a word in lower case ("… Chánh Văn phòng HĐND và UBND" / "phường").
  return (dangling || (wrapped && /^\p{Ll}/u.test(next)) || !isWidgetLine(cur)) && !isWidgetLine(next);
}

/** Widgets are short: a long line skips the lexicon (as in the line pipeline). */
const MAX_WIDGET_LINE = 400;

function isWidgetLine(line: string): boolean {
  if (line.length > MAX_WIDGET_LINE) return false;
  const key = lineKey(line);
  if (isDateOnlyLine(key)) return true;
  const rule = matchChromeRule(line, key);
  // A word left alone by the wrap ("và", "xã.") is what re-flow is for, not a widget.
  return rule !== null && rule.name !== 'strayLetterRule' && rule.name !== 'lonePunctuationRule';
}

/**
 * Join the lines of hard-wrapped paragraphs (and sentences broken mid-way) back into one line each.
 * Lines are expected trimmed, `''` marking a paragraph break. Linear in the number of lines.
 */
export function reflowLines(lines: readonly string[]): ReflowResult {
  const width = detectWrapWidth(lines);
  const out: string[] = [];
  const spans: LineSpan[] = [];
  let prevRaw: string | null = null;
  lines.forEach((line, i) => {
    const last = out.length - 1;
    const span = spans[last];
    if (prevRaw !== null && span !== undefined && continues(prevRaw, line, width)) {
      out[last] = `${out[last] ?? ''} ${line}`;
      span.to = i + 1;
    } else {
      out.push(line);
      spans.push({ from: i + 1, to: i + 1 });
    }
    prevRaw = line;
  });
  return { lines: out, spans, wrapWidth: width };
}
