/**
 * Text mode: a line classifier over text that is already extracted (a portal's text dump, or the
 * blocks HTML mode found). Context-free chrome rules come from `line-rules.ts`; this file adds the
 * rules that need neighbours: dates by position, meta lines (post time joined with counters),
 * counter pieces (numbers split from their labels), the title (chosen over banners, labels and
 * captions, with the reason), the byline, related-list items, repeated lines, and the photo captions
 * kept in the text. Text captures are re-flowed first (`reflow.ts`) and keep their line map.
 */
import type { CleanOptions, CleanResult, DateLine, Removal } from './types.ts';
import {
  hasCaptionWords,
  isBylineLine,
  isCaptionLike,
  isCreditOnly,
  isCounterPiece,
  isDateOnlyLine,
  lineKey,
  matchChromeRule,
  relatedListHeadingRule,
  sentenceCount,
  endsLikeSentence,
  splitInlineDatePrefix,
  splitAuthorCountLine,
  splitMetaLine,
  viewCountRule,
  visitorCounterRule,
  wordsOf,
} from './line-rules.ts';
import { reflowLines, type LineSpan } from './reflow.ts';
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
  /** Text mode: for each line, the capture lines it was re-flowed from (shown with removals). */
  spans?: readonly LineSpan[];
}

/** What the line pipeline keeps and moves. */
export interface LinePipelineOutput {
  title: string | null;
  /** Why the title was chosen (or why none was), when the pipeline picked one. */
  titleWhy?: string;
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
  | { kind: 'date'; text: string; rule?: string };

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

/** Rules whose lines open or continue a visitor-counter block. */
const COUNTER_RULES = new Set([visitorCounterRule.name, viewCountRule.name, 'counterPieceRule']);

/**
 * Counters the line rules cannot see alone: a label and its number split across lines
 * ("Hôm nay:" / "1"), per-year or per-month counters next to a recognised one ("Năm 2024: 12.345"),
 * a bare total under the block. Pieces are taken only while they touch a counter line (one blank
 * line apart at most), forwards and then backwards, so a block standing before the title goes too.
 */
function removeCounterPieces(states: LineState[]): void {
  const isCounter = (s: LineState | undefined): boolean => s?.kind === 'removed' && COUNTER_RULES.has(s.rule);
  const take = (i: number): boolean => {
    const s = states[i];
    if (s?.kind !== 'content' || !isCounterPiece(lineKey(s.text), s.text)) return false;
    states[i] = { kind: 'removed', text: s.text, rule: 'counterPieceRule' };
    return true;
  };
  const walk = (order: number[]): void => {
    let lastCounter = -Infinity;
    let blanks = 0;
    for (const i of order) {
      const s = states[i];
      if (s?.kind === 'blank') {
        blanks++;
        continue;
      }
      const near = lastCounter !== -Infinity && blanks <= 1;
      if (isCounter(s) || (near && take(i))) lastCounter = i;
      else lastCounter = -Infinity;
      blanks = 0;
    }
  };
  const forward = states.map((_s, i) => i);
  walk(forward);
  walk(forward.reverse());
}

/** A line in capitals with few words and no sentence: a section label ("VĂN HÓA - XÃ HỘI", "TIN TỨC"). */
function isSectionLabel(line: string): boolean {
  const words = wordsOf(line);
  return words.length >= 1 && words.length <= 6 && !/\d/u.test(line) && !endsLikeSentence(line) && line === line.toUpperCase() && /\p{Lu}/u.test(line);
}

/**
 * A portal slogan banner: "Nhiệt liệt chào mừng Đại hội Đảng bộ tỉnh lần thứ XVII!", "Mừng Đảng, mừng
 * Xuân ...", "Toàn dân tham gia ...!". It ends with "!" or opens with a greeting.
 */
function isSloganBanner(line: string): boolean {
  const key = normalizeForMatch(line);
  return /!\s*["”»]?$/u.test(line) || /^(?:nhiệt liệt )?(?:chào mừng|chào đón|mừng đảng|mừng xuân|kính chúc|chúc mừng năm mới)\s/u.test(key);
}

/**
 * A photo caption that names an official or a group: "Đồng chí ... phát biểu tại hội nghị.",
 * "Lãnh đạo huyện tặng quà gia đình chính sách", "Các đại biểu ... (Ảnh: ...)".
 */
const CAPTION_SUBJECT =
  /^(?:đồng chí|các đồng chí|đ\/c|ông|bà|lãnh đạo|đại biểu|các đại biểu|đoàn công tác|đoàn|bí thư|phó bí thư|chủ tịch|phó chủ tịch|giám đốc|phó giám đốc|trưởng ban|phó trưởng ban|thường trực|ban thường vụ|quang cảnh|toàn cảnh|ảnh)\s/u;
function isOfficialCaption(line: string): boolean {
  const key = normalizeForMatch(line);
  if (!CAPTION_SUBJECT.test(key) || sentenceCount(line) > 1) return false;
  return hasCaptionWords(key) || /\((?:ảnh|nguồn)\b/u.test(key) || /\.\s*$/u.test(line);
}

/** A site suffix after a headline: " - Cổng thông tin điện tử huyện X", " | Báo Y". */
const SITE_SUFFIX = /\s+[-–—|]\s+[^-–—|]{3,90}$/u;

/**
 * Same headline modulo case and punctuation, a site suffix or a "..." cut: "Tiêu đề" and
 * "TIÊU ĐỀ - Cổng TTĐT huyện", "Tiêu đề dài ..." and "Tiêu đề dài hơn nữa".
 */
function sameHeadline(a: string, b: string): boolean {
  const norm = (x: string): string => wordsOf(normalizeForMatch(x)).join(' ');
  const ka = norm(a);
  const kb = norm(b);
  if (ka === '' || kb === '') return false;
  if (ka === kb) return true;
  if (wordsOf(a).length >= 4 && wordsOf(b).length >= 4 && (norm(a.replace(SITE_SUFFIX, '')) === kb || norm(b.replace(SITE_SUFFIX, '')) === ka)) return true;
  const cut = (x: string): boolean => /(?:\.{3}|…)\s*$/u.test(x);
  if (cut(a) && wordsOf(a).length >= 4) return kb.startsWith(`${ka} `);
  if (cut(b) && wordsOf(b).length >= 4) return ka.startsWith(`${kb} `);
  return false;
}

/** Which of two forms of one headline to keep: the one without a site suffix or a cut, else the first. */
function preferSecond(first: string, second: string): boolean {
  const suffixed = (x: string): boolean => SITE_SUFFIX.test(x) && wordsOf(x.replace(SITE_SUFFIX, '')).length >= 4;
  const cut = (x: string): boolean => /(?:\.{3}|…)\s*$/u.test(x);
  return (suffixed(first) && !suffixed(second)) || (cut(first) && !cut(second));
}

interface TitleChoice {
  index: number | null;
  why: string;
  removed: { index: number; rule: string }[];
}

/** Running text: a paragraph of the body, not a headline, a label or a byline. */
function isBodyLine(line: string): boolean {
  const words = wordsOf(line).length;
  if (words >= 40) return true;
  return words >= 8 && !isTitleLike(line) && !isBylineLine(line);
}

/** Words that open a portal's name: "Cổng thông tin điện tử", "Trang TTĐT", "Website". */
const PORTAL_NAME = /^(?:cổng thông tin|cổng ttđt|trang thông tin|trang ttđt|website|báo điện tử|tạp chí điện tử|đài phát thanh)/u;

/** A paper's name as its masthead prints it: "Báo Phú Yên Online", "Báo Hà Giang điện tử". */
const PAPER_NAME = /^báo\s+\S.*\s(?:online|điện tử)$/u;

/**
 * The body that runs the portal, printed in capitals as its banner: "HỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG",
 * "ỦY BAN NHÂN DÂN XÃ TÂN CƯƠNG", "HUYỆN ỦY MƯỜNG ẢNG": the body and its unit, nothing else.
 */
const BODY_BANNER = /^(?:hội đồng nhân dân|ủy ban nhân dân|uỷ ban nhân dân|ubnd|hđnd|đảng ủy|đảng uỷ|đảng bộ|huyện ủy|huyện uỷ|tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|ủy ban mặt trận tổ quốc việt nam|văn phòng (?:ubnd|hđnd|đoàn đbqh và hđnd))\s+(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn|đặc khu)\s+\S.*$/u;

function isBodyBanner(line: string): boolean {
  return line === line.toUpperCase() && /\p{Lu}/u.test(line) && wordsOf(line).length <= 10 && BODY_BANNER.test(normalizeForMatch(line));
}

/** The site suffix of a line when it names the portal: " - Cổng thông tin điện tử huyện X". */
function portalSuffix(line: string): RegExpExecArray | null {
  const m = SITE_SUFFIX.exec(line);
  return m && PORTAL_NAME.test(normalizeForMatch(m[0].replace(/^\s+[-–—|]\s+/u, ''))) ? m : null;
}

/**
 * The portal's own name printed as a banner: "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN ...", "Trang TTĐT xã ...",
 * or a browser title bar "Tin tức - Sự kiện - Cổng thông tin điện tử huyện ..." (a section, then the portal).
 */
export function isPortalName(line: string): boolean {
  const key = normalizeForMatch(line);
  if (PORTAL_NAME.test(key) || (PAPER_NAME.test(key) && wordsOf(line).length <= 7)) return true;
  if (isBodyBanner(line)) return true;
  const m = portalSuffix(line);
  return m !== null && wordsOf(line.slice(0, m.index)).length < 5;
}

/** A photo caption: one naming an official, or a short caption phrase ("Quang cảnh hội nghị"). */
function isCaptionish(line: string): boolean {
  return isOfficialCaption(line) || (isCaptionLike(line) && hasCaptionWords(normalizeForMatch(line)) && wordsOf(line).length <= 12);
}

/**
 * The portal's name printed again in the footer ("Trang thông tin điện tử phường X - Thành phố Y",
 * "UBND XÃ X, TỈNH Y" over the address): chrome, never the byline or a paragraph. Only below the
 * first line of running text (the header's banner is the title picker's to explain), and only
 * a name, not a sentence that opens with one.
 */
function removeFooterPortalNames(states: LineState[]): void {
  let inBody = false;
  for (const [i, s] of states.entries()) {
    if (s.kind !== 'content') continue;
    if (!inBody) {
      inBody = isBodyLine(s.text);
      continue;
    }
    if (wordsOf(s.text).length <= 15 && !endsLikeSentence(s.text) && isPortalName(s.text)) states[i] = { kind: 'removed', text: s.text, rule: 'pageHeaderRule' };
  }
}

/** Why a title-like line above the body is not the headline, or null when it may be. */
function notHeadline(line: string): { why: string; rule: string | null } | null {
  if (isSloganBanner(line)) return { why: 'a portal slogan banner', rule: 'sloganBannerRule' };
  if (isSectionLabel(line)) return { why: 'a section label in capitals', rule: 'sectionLabelRule' };
  if (isPortalName(line)) return { why: "the portal's name", rule: 'pageHeaderRule' };
  if (isCaptionish(line)) return { why: 'a photo caption (kept in the text)', rule: null };
  if (wordsOf(line).length < 5) return { why: 'too short for a headline (a menu or section name)', rule: null };
  return null;
}

/** A menu label: a few words, no figure, no comma, no sentence end ("Văn bản chỉ đạo điều hành", "Hỏi - Đáp"). */
function isMenuLabel(line: string): boolean {
  const n = wordsOf(line).length;
  return n >= 1 && n <= MENU_LABEL_WORDS && !/[\d,;:!?"“”()]/u.test(line) && !endsLikeSentence(line);
}

/** Why 6: portal menu items run to five or six words ("Văn bản chỉ đạo điều hành", "Dịch vụ công trực tuyến"). */
const MENU_LABEL_WORDS = 6;
/** Why 3: two short lines may be a section label over a short headline; three in a row are a menu. */
const MENU_RUN = 3;

/**
 * Lines (state indices before `end`) that stand inside a menu: a run of at least three short labels,
 * the lines already removed as navigation included, blank lines ignored. Every label of the run but
 * the last is a menu item (`items`): a headline stands alone above the date line or the body, never
 * followed by more labels. The last (`lasts`) may be a short headline closing the header; it is a
 * menu item only when a headline still follows it.
 */
function menuRunLines(states: readonly LineState[], end: number): { items: Set<number>; lasts: Set<number> } {
  const items = new Set<number>();
  const lasts = new Set<number>();
  let run: number[] = [];
  const close = (): void => {
    if (run.length >= MENU_RUN) {
      for (const i of run.slice(0, -1)) items.add(i);
      lasts.add(run[run.length - 1] ?? -1);
    }
    run = [];
  };
  for (let i = 0; i < end; i++) {
    const s = states[i];
    if (!s || s.kind === 'blank') continue;
    if ((s.kind === 'content' || s.kind === 'removed') && isMenuLabel(s.text)) run.push(i);
    else close();
  }
  close();
  return { items, lasts };
}

/**
 * The title of a text capture: the headline stands right above the body, portal chrome above it.
 * Among the lines before the first paragraph of running text, the first headline-like one wins,
 * passing over slogan banners, section labels in capitals, the portal's name, photo captions, menu items
 * standing in a run of short labels ({@link menuRunLines}) and
 * menu-sized lines; a headline printed twice gives one title and a repeat. Short lines above the
 * title that no rule knew (menu items, the province under the portal's name) go as page header;
 * sentences and captions above it stay in the text.
 */
function chooseTitle(states: readonly LineState[], idx: readonly number[], spans: readonly LineSpan[] | undefined): TitleChoice {
  const at = (i: number): string => {
    const span = spans?.[i];
    const from = span?.from ?? i + 1;
    const to = span?.to ?? from;
    return to > from ? `lines ${from}–${to}` : `line ${from}`;
  };
  const text = (k: number): string => {
    const i = idx[k];
    const s = i === undefined ? undefined : states[i];
    return s?.kind === 'content' ? s.text : '';
  };
  const removed: TitleChoice['removed'] = [];
  if (idx.length < 2) return { index: null, why: 'no title: fewer than two content lines, nothing to tell a title from the body', removed };
  // The header zone: content lines above the first paragraph of running text.
  let zoneEnd = 0;
  while (zoneEnd < idx.length && !isBodyLine(text(zoneEnd))) zoneEnd++;
  if (zoneEnd === 0) return { index: null, why: `no title: the first content line (${at(idx[0] ?? 0)}) is running text, not a headline`, removed };
  // No paragraph of running text: only the first line may be a title (short texts, listings).
  const bodyFound = zoneEnd < idx.length;
  if (!bodyFound) zoneEnd = 1;

  const notes: string[] = [];
  const dropped = new Set<number>();
  // A headline printed twice in the zone: one form is kept, the other is a repeat.
  for (let k = 0; k + 1 < zoneEnd; k++) {
    const cur = text(k);
    const next = text(k + 1);
    if (!(isTitleLike(cur) || isTitleLike(next)) || !sameHeadline(cur, next)) continue;
    const dropK = preferSecond(cur, next) ? k : k + 1;
    const i = idx[dropK] ?? 0;
    dropped.add(dropK);
    removed.push({ index: i, rule: 'titleRepeatRule' });
    notes.push(`${at(i)} repeats it`);
  }

  // The first line that reads as a headline for sure; the lines passed over above it are explained.
  const menu = menuRunLines(states, idx[zoneEnd] ?? states.length);
  // Each zone line is judged once (the passes below read the same answers).
  const titleLikeAt: (boolean | undefined)[] = [];
  const noHeadlineAt: (ReturnType<typeof notHeadline> | undefined)[] = [];
  const titleLike = (k: number): boolean => (titleLikeAt[k] ??= isTitleLike(text(k)));
  const noHeadline = (k: number): ReturnType<typeof notHeadline> => {
    const known = noHeadlineAt[k];
    return known !== undefined ? known : (noHeadlineAt[k] = notHeadline(text(k)));
  };
  // The last label of a run is a menu item too when a headline still follows it in the header;
  // whether one does is read for every line in one backward pass (linear in the zone).
  const sureAfter: boolean[] = new Array<boolean>(zoneEnd + 1).fill(false);
  if (menu.lasts.size > 0) {
    for (let j = zoneEnd - 1; j >= 0; j--) {
      const sure = !dropped.has(j) && titleLike(j) && noHeadline(j) === null && !menu.items.has(idx[j] ?? -1) && !menu.lasts.has(idx[j] ?? -1);
      sureAfter[j] = sure || (sureAfter[j + 1] ?? false);
    }
  }
  const sureBelow = (k: number): boolean => sureAfter[k + 1] ?? false;
  const inMenu = (k: number): boolean => menu.items.has(idx[k] ?? -1) || (menu.lasts.has(idx[k] ?? -1) && sureBelow(k));
  const why = (k: number): { why: string; rule: string | null } | null =>
    noHeadline(k) ?? (inMenu(k) ? { why: 'a menu item (one of a run of short labels)', rule: null } : null);
  let chosen = -1;
  for (let k = 0; k < zoneEnd && chosen < 0; k++) {
    if (!dropped.has(k) && titleLike(k) && why(k) === null) chosen = k;
  }
  if (chosen < 0) {
    // None for sure: the first title-like line that is not a banner or a label.
    for (let k = 0; k < zoneEnd && chosen < 0; k++) {
      const no = noHeadline(k);
      if (!dropped.has(k) && titleLike(k) && (no === null || no.rule === null)) chosen = k;
    }
  }
  if (chosen < 0) {
    const first = text(0);
    return { index: null, why: `no title: no headline-like line above the body (${at(idx[0] ?? 0)}: ${titleLikeFailure(first)})`, removed };
  }
  // Lines above the title: banners and labels go with their rule, other short lines as page header
  // (menu items, the province under the portal's name); sentences and photo captions stay.
  let headerLines = 0;
  for (let k = 0; k < chosen; k++) {
    if (dropped.has(k)) continue;
    const i = idx[k] ?? 0;
    const line = text(k);
    const no = why(k);
    if (no !== null && (no.rule !== null || titleLike(k))) notes.push(`passed over ${at(i)} "${shorten(line, 60)}": ${no.why}`);
    if (no?.rule) removed.push({ index: i, rule: no.rule });
    else if (!isCaptionish(line) && !(endsLikeSentence(line) && wordsOf(line).length >= 8) && wordsOf(line).length <= 12) {
      removed.push({ index: i, rule: 'pageHeaderRule' });
      headerLines++;
    }
  }
  if (headerLines > 0) notes.push(`${headerLines} short line${headerLines > 1 ? 's' : ''} above it removed as page header`);
  const i = idx[chosen] ?? 0;
  const tail = notes.length ? `; ${notes.join('; ')}` : '';
  const body = idx[zoneEnd];
  const bodyAt = bodyFound && body !== undefined ? ` (body starts at ${at(body)})` : ' (no paragraph of running text found)';
  return { index: i, why: `${at(i)}: the first line above the body that reads as a headline${bodyAt}${tail}`, removed };
}

/** Why a line is not title-like, in words (for the explanation of "no title"). */
function titleLikeFailure(line: string): string {
  if (line.length < 10 || wordsOf(line).length < 3) return 'too short';
  if (line.length > 220) return 'too long for a headline';
  if (sentenceCount(line) > 1) return 'more than one sentence';
  if (isBylineLine(line)) return 'reads like a byline';
  if (/^\p{Lu}{2,6}\s*[-–—]\s/u.test(line)) return 'opens with a dateline ("ABC - ...")';
  if (!/^[\p{Lu}\p{N}"“'‘(]/u.test(line)) return 'does not start with a capital';
  return 'running text (ends with a dot after commas)';
}

/**
 * Run the context rules over lines. Pure: the same lines give the same output.
 * Order matters: meta lines and chrome first (so a counter never becomes a title), then duplicates,
 * counter pieces, the inline date prefix, the title, the byline, and dates get their position last.
 */
export function runLinePipeline(input: LinePipelineInput): LinePipelineOutput {
  const removed: Removal[] = [];
  const states: LineState[] = [];
  const spanOf = (i: number): { lines?: LineSpan } => {
    const span = input.spans?.[i];
    return span ? { lines: { from: span.from, to: span.to } } : {};
  };
  let inRelatedList = false;
  let blankInRelatedList = false;
  let lastContentKey: string | null = null;
  let lastContentIdx = -1;
  // An author field found inside a meta line ("Đăng bởi: Minh Hà | 12/05/2023"): the byline if no other is.
  let metaAuthor: { text: string; index: number } | null = null;
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
    // "23/12/2025 20:46 | Lượt xem: 120": the counter goes, the post time is kept as a date line.
    const meta = key === null ? null : splitMetaLine(key, line);
    if (meta) {
      states.push({ kind: 'date', text: meta.date, rule: 'metaLineRule' });
      if (meta.author !== undefined && metaAuthor === null) metaAuthor = { text: meta.author, index: lineIdx };
      continue;
    }
    // "Tác giả: Đỗ Thị Kim Liên | Lượt xem: 57": the counter goes, the name is the author field.
    const counted = key === null ? null : splitAuthorCountLine(key, line);
    if (counted !== null) {
      states.push({ kind: 'removed', text: line, rule: 'metaLineRule' });
      if (metaAuthor === null) metaAuthor = { text: counted, index: lineIdx };
      continue;
    }
    const rule = key === null ? null : matchChromeRule(line, key);
    if (rule) {
      states.push({ kind: 'removed', text: line, rule: rule.name });
      // A counter block ends a related list: its numbers are counter pieces, not headlines.
      if (COUNTER_RULES.has(rule.name)) inRelatedList = false;
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
      const rule = isCaptionLike(line) ? 'duplicateCaptionRule' : 'duplicateLineRule';
      const prev = states[lastContentIdx];
      // A headline printed in capitals, then as written: the written form stays.
      if (prev?.kind === 'content' && prev.text === prev.text.toUpperCase() && line !== line.toUpperCase()) {
        states[lastContentIdx] = { kind: 'removed', text: prev.text, rule };
        lastContentIdx = states.length;
        states.push({ kind: 'content', text: line });
      } else states.push({ kind: 'removed', text: line, rule });
      continue;
    }
    lastContentKey = matchKey;
    lastContentIdx = states.length;
    states.push({ kind: 'content', text: line });
  }

  removeCounterPieces(states);
  removeFooterPortalNames(states);

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
      removed.push({ rule: 'inlineDatePrefixRule', text: split.date, movedTo: 'dates', ...spanOf(firstIdx) });
    }
  }

  // Title.
  let title: string | null = null;
  let titleWhy: string | undefined;
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
    const choice = chooseTitle(states, contentIdx(), input.spans);
    titleWhy = choice.why;
    for (const skip of choice.removed) {
      const s0 = states[skip.index];
      if (s0?.kind === 'content') states[skip.index] = { kind: 'removed', text: s0.text, rule: skip.rule };
    }
    const s0 = choice.index === null ? undefined : states[choice.index];
    if (choice.index !== null && s0?.kind === 'content') {
      // "Tiêu đề - Cổng thông tin điện tử huyện X" (the page's title bar): the title without the portal.
      const suffix = portalSuffix(s0.text);
      title = suffix ? s0.text.slice(0, suffix.index) : s0.text;
      titleIdx = choice.index;
      states[choice.index] = { kind: 'removed', text: s0.text, rule: 'titleRule' };
      removed.push({ rule: 'titleRule', text: s0.text, movedTo: 'title', why: choice.why, ...spanOf(choice.index) });
    }
  }

  /** Takes content line `i` (`text`) out of the text as the byline or a part of it. */
  const toByline = (i: number, text: string): void => {
    states[i] = { kind: 'removed', text, rule: 'bylineRule' };
    removed.push({ rule: 'bylineRule', text, movedTo: 'byline', ...spanOf(i) });
  };
  // Byline: the last content line when it reads like one.
  let byline: string | null = null;
  const idxAfterTitle = contentIdx();
  const lastIdx = idxAfterTitle[idxAfterTitle.length - 1];
  if (lastIdx !== undefined && idxAfterTitle.length > 1) {
    const last = states[lastIdx];
    if (last?.kind === 'content' && isBylineLine(last.text)) {
      byline = last.text;
      toByline(lastIdx, last.text);
      // A writer's name over the credit ("Nguyễn Hồng Nhung" / "Nguồn: Văn phòng Điều phối NTM huyện"): one byline.
      const prevIdx = idxAfterTitle.length > 2 ? idxAfterTitle[idxAfterTitle.length - 2] : undefined;
      const prev = prevIdx === undefined ? undefined : states[prevIdx];
      if (prevIdx !== undefined && prev?.kind === 'content' && isCreditOnly(last.text) && wordsOf(prev.text).length <= 6 && isBylineLine(prev.text) && !isCreditOnly(prev.text)) {
        byline = `${prev.text} (${last.text})`;
        toByline(prevIdx, prev.text);
      }
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
      toByline(firstIdx2, first.text);
    }
  }

  if (byline === null && metaAuthor !== null) {
    byline = metaAuthor.text;
    removed.push({ rule: 'metaLineRule', text: metaAuthor.text, movedTo: 'byline', ...spanOf(metaAuthor.index) });
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
    removed.push({ rule: s.rule ?? 'dateWidgetRule', text: s.text, movedTo: 'dates', ...spanOf(i) });
  });
  dates.sort((a, b) => a.index - b.index);

  // Chrome removals in page order (title/byline/date moves were recorded above).
  states.forEach((s, i) => {
    if (s.kind === 'removed' && s.rule !== 'titleRule' && s.rule !== 'bylineRule') {
      removed.push({ rule: s.rule, text: shorten(s.text), ...spanOf(i) });
    }
  });

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

  return { title, ...(titleWhy === undefined ? {} : { titleWhy }), paragraphs, captions, byline, dates: dates.map((d) => d.line), removed };
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

/** How far down a capture the portal's header may reach (banner, menus, today widget, breadcrumb). */
const HEADER_LINES = 15;
/** The province printed alone under a portal's banner: "TỈNH THÁI BÌNH", "Thành phố Hà Nội". */
const PROVINCE_LINE = /^(?:TỈNH|THÀNH PHỐ|Tỉnh|Thành phố)\s+\p{Lu}[\p{L} -]{1,30}$/u;

/**
 * The portal's name as its header prints it, for the page's `siteName` (a text capture has no
 * metadata): the banner ("CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN TIỀN HẢI", "UBND HUYỆN TAM BÌNH - TỈNH VĨNH
 * LONG", "Trang thông tin điện tử xã Trùng Khánh") with the province line printed under it, if any.
 * The extractor reads the publisher's province from it, as it does from an HTML page's site name.
 */
function portalSiteName(lines: readonly string[]): string | null {
  const top = lines.slice(0, HEADER_LINES).map((l) => l.trim());
  for (const [i, line] of top.entries()) {
    if (line === '' || !isPortalName(line)) continue;
    // The banner block: the body's banner, the portal's name and the province line under it
    // ("ỦY BAN NHÂN DÂN HUYỆN X" / "Cổng thông tin điện tử huyện X - tỉnh Y"): one site name.
    const parts = [line];
    for (const l of top.slice(i + 1)) {
      if (l === '') continue;
      if (!(isPortalName(l) || PROVINCE_LINE.test(l)) || parts.length >= 3) break;
      parts.push(l);
    }
    return parts.join(' - ');
  }
  return null;
}

/**
 * Clean text that is already text (a portal's text dump): re-flow hard-wrapped lines, remove chrome
 * lines, take out the title (saying why in `titleWhy`), byline and visible dates, keep every real
 * sentence. Removals carry the capture's line numbers. See {@link CleanResult}.
 */
export function cleanText(text: string, _opts: CleanOptions = {}): CleanResult {
  const flowed = reflowLines(cleanMultiline(text).split('\n'));
  const out = runLinePipeline({ lines: flowed.lines, spans: flowed.spans, pickTitle: true, detectCaptions: true });
  const verdict = articleVerdict(out.paragraphs);
  return {
    mode: 'text',
    isArticle: verdict.isArticle,
    reason: verdict.reason,
    title: out.title,
    ...(out.titleWhy === undefined ? {} : { titleWhy: out.titleWhy }),
    lead: null,
    paragraphs: out.paragraphs,
    text: out.paragraphs.join('\n\n'),
    captions: out.captions,
    byline: out.byline,
    dates: out.dates,
    meta: { ...emptyMeta(), siteName: portalSiteName(flowed.lines) },
    removed: out.removed,
  };
}
