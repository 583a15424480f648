import type { CleanResult, DateLine } from '@provnews/cleaner';

/** Vietnam's UTC offset: every timestamp the extractor writes carries it. */
const VN_OFFSET = '+07:00';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Formats a UTC instant as Vietnam local time with +07:00. */
function toVietnamTime(ms: number): string {
  const local = new Date(ms + 7 * 3600_000);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${VN_OFFSET}`
  );
}

/**
 * The clock written in words, "14 giờ 10 phút" or "9 giờ", rewritten as "14:10" / "9:00" so it is read
 * like any clock ("Đăng lúc 14 giờ 10 phút, ngày 07/06/2024").
 */
export function clockInWords(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])([01]?\d|2[0-3])\s*giờ(?:\s*([0-5]?\d)\s*phút)?(?![\p{L}])/giu, (_m, h: string, mi?: string) => `${h}:${(mi ?? '0').padStart(2, '0')}`);
}

/**
 * Parses a date as Vietnamese portals print it, to the precision given:
 *
 * - "Thứ Sáu, 13/03/2020, 18:23 [GMT+7]" → "2020-03-13T18:23:00+07:00"
 * - "Cập nhật lúc 07:40 Thứ Tư, 02/06/2021", "Ngày xuất bản: 05/09/2019 - 16:02",
 *   "17:54, 08/04/2024", "03/07/2022 11:15" → timestamps with +07:00
 * - "Chủ nhật, 9/10/2022 (GMT+7)" → "2022-10-09"; "ngày 30 tháng 4 năm 2020" → "2020-04-30";
 *   "Thứ Năm, 22 tháng 8 năm 2024" → "2024-08-22"; "Thứ Năm, 14 tháng 9, 2023" → "2023-09-14"
 * - "date 2021-02" → "2021-02"; "tháng 6/2023" → "2023-06"
 * - ISO 8601 from metadata ("2020-03-13T11:23:00Z") → converted to +07:00
 *
 * @returns a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a timestamp), or null
 */
export function parseVietnameseDate(input: string): string | null {
  const text = clockInWords(input.normalize('NFC').slice(0, 300));
  // ISO timestamp with a zone, as in JSON-LD datePublished / article:published_time.
  const iso = /(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?/.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s = '00', zone] = iso;
    if (zone) {
      const z = zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
      const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${z}`);
      if (!Number.isNaN(ms)) return toVietnamTime(ms);
    }
    return `${y}-${mo}-${d}T${h}:${mi}:${s}${VN_OFFSET}`;
  }
  // Why: the time may come before or after the date ("07:40 Thứ Tư, 02/06/2021", "13/03/2020, 18:23").
  const time = /(?<!\d)([01]?\d|2[0-3])\s*[:hg]\s*([0-5]\d)(?:\s*:\s*([0-5]\d))?(?!\d)(?:\s*([AaPp])\.?[Mm]\.?(?![\p{L}])|\s*(SA|CH|sa|ch)(?![\p{L}]))?/u.exec(
    text.replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, (m) => ' '.repeat(m.length)),
  );
  const dmy = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/.exec(text);
  // "ngày 30 tháng 4 năm 2020", and after a weekday without "ngày": "Thứ Năm, 22 tháng 8 năm 2024";
  // the year may follow a comma instead of "năm", as the vi locale of Blogger and Google prints it
  // ("Thứ Năm, 14 tháng 9, 2023").
  const longForm = /(?:ngày\s+|(?<!\d))(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|\s*,)\s+(\d{4})(?!\d)/i.exec(text);
  const ymd = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(text);
  let y = 0;
  let m = 0;
  let d = 0;
  if (dmy) {
    [y, m, d] = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])];
    // US form, as one CMS family writes its meta tags: "9/11/2021 3:29:47 PM" is 11 September.
    // An AM/PM clock marks it; so does a "month" above 12 ("11/21/2023").
    // A "month" above 12 rules the US reading out whatever the clock says: "16/08/2024 07:15 AM" is
    // 16 August (an English AM/PM marker on a day-first date).
    if ((time?.[4] && dmy[0].includes('/') && d <= 12) || (m > 12 && d <= 12)) [m, d] = [d, m];
  } else if (longForm) [y, m, d] = [Number(longForm[3]), Number(longForm[2]), Number(longForm[1])];
  else if (ymd) [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  if (y && validDay(y, m, d)) {
    const day = `${y}-${pad(m)}-${pad(d)}`;
    // "Ngày 26/07/2023 00:00:00": a CMS that stores no time prints midnight; the day is all it knows.
    if (!time || (Number(time[1]) === 0 && time[2] === '00' && (time[3] ?? '00') === '00' && !time[4] && !time[5])) return day;
    let hour = Number(time[1]);
    // vi-VN 12-hour clock: "3:15:00 CH" (chiều, p.m.), "9:05 SA" (sáng, a.m.); day-first, never US.
    const half = time[4]?.toLowerCase() ?? ({ ch: 'p', sa: 'a' } as Record<string, string>)[time[5]?.toLowerCase() ?? ''];
    if (half === 'p' && hour < 12) hour += 12;
    else if (half === 'a' && hour === 12) hour = 0;
    return `${day}T${pad(hour)}:${time[2]}:${time[3] ?? '00'}${VN_OFFSET}`;
  }
  // Month precision: "date 2021-02", "tháng 6/2023", "06/2023".
  const ym = /(?<!\d)(\d{4})-(\d{2})(?![\d-])/.exec(text) ?? null;
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return `${ym[1]}-${ym[2]}`;
  const my = /(?<![\d/])(\d{1,2})\s*\/\s*(\d{4})(?!\d)/.exec(text);
  if (my && Number(my[1]) >= 1 && Number(my[1]) <= 12) return `${my[2]}-${pad(Number(my[1]))}`;
  return null;
}

/** Labels of a post date: "Ngày đăng", "Đăng ngày", "Ngày xuất bản", "Cập nhật", "Posted", "Published". */
const POST_DATE_LABEL = /(?:ngày đăng|đăng ngày|đăng lúc|ngày xuất bản|xuất bản|ngày cập nhật|cập nhật|posted|published|updated)/iu;

/** True when a date line shows a clock time: a today-date widget does not. */
function hasTime(line: string): boolean {
  return /(?<!\d)([01]?\d|2[0-3])\s*[:hg]\s*[0-5]\d(?!\d)/.test(clockInWords(line));
}

/** A full timestamp with its zone, as JSON-LD writes it: "2023-11-21T09:28:56+07:00". */
const ISO_WITH_ZONE = /^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\s*$/;

/** A visible date labelled as a later edit ("Cập nhật: ...", "Sửa lần cuối ..."), not the publication. */
const MODIFIED_LABEL = /(?<![\p{L}])(cập nhật|sửa đổi|chỉnh sửa|sửa lần cuối|updated?|modified)(?![\p{L}])/iu;

/** True when `parsed` is a timestamp (it carries a clock time). */
function isTimestamp(parsed: string): boolean {
  return parsed.length > 10;
}

/**
 * The publication date: page metadata first, then the visible dates by where they stood (under
 * the title, glued to the lead, in a date element, in the footer).
 *
 * - Among metadata values, a full ISO timestamp with its zone (JSON-LD `datePublished`) beats a
 *   meta tag in a local form ("9/11/2021 3:29:47 PM", read month-first because of its AM/PM).
 * - A date-only metadata value ("2014-03-12") is completed by a visible timestamp of the same
 *   day ("12/03/2014 - 13:14").
 * - Traps: modified dates are never read from metadata; a visible line labelled as an update is
 *   used only when no other visible date is left; a date above the title without a clock time
 *   is taken for the portal's today-date widget or the capture date ("Thứ tư, 18/05/2022" over
 *   an article from July 2021) and ignored.
 */
export function extractPublishedAt(clean: Pick<CleanResult, 'meta' | 'dates'>): string | null {
  let fromMeta: string | null = null;
  for (const raw of clean.meta.publishedTimes) {
    const parsed = parseVietnameseDate(raw);
    if (!parsed) continue;
    if (ISO_WITH_ZONE.test(raw)) {
      fromMeta = parsed;
      break;
    }
    if (fromMeta === null || (isTimestamp(parsed) && !isTimestamp(fromMeta))) fromMeta = parsed;
  }
  const shown = visiblePublishedAt(clean.dates);
  const visible = shown?.date ?? null;
  if (fromMeta && !isTimestamp(fromMeta) && visible && isTimestamp(visible) && visible.startsWith(fromMeta)) return visible;
  // The post time the page prints by the headline falls on another day than the metadata's timestamp
  // (an `article:published_time` left at the draft's creation): what the reader is shown wins. A
  // date-only metadata value is a publication date set on purpose and stands (see above).
  if (fromMeta && isTimestamp(fromMeta) && visible && shown?.byTitle && isTimestamp(visible) && visible.slice(0, 10) !== fromMeta.slice(0, 10)) return visible;
  return fromMeta ?? visible;
}

/** The visible post date, and whether it stood by the headline (a date element or the line under the title). */
function visiblePublishedAt(dates: readonly DateLine[]): { date: string; byTitle: boolean } | null {
  const order: ReadonlyArray<DateLine['where']> = ['meta', 'underTitle', 'inlinePrefix', 'footer', 'header'];
  let modified: string | null = null;
  for (const where of order) {
    for (const line of dates) {
      if (line.where !== where) continue;
      // A labelled post date ("Ngày đăng: 12/05/2023") above the title is no today-date widget.
      if (where === 'header' && !hasTime(line.text) && !POST_DATE_LABEL.test(line.text)) continue;
      const parsed = parseVietnameseDate(line.text);
      if (!parsed) continue;
      if (MODIFIED_LABEL.test(line.text)) {
        modified ??= parsed;
        continue;
      }
      // "Ngày 26/07/2023 00:00:00": CMSs that store only the day print midnight; the day is all we know.
      const byTitle = where === 'meta' || where === 'underTitle';
      if (/(?<!\d)00\s*[:h]\s*00(?::00)?(?!\d)/u.test(line.text) && parsed.endsWith('T00:00:00+07:00')) return { date: parsed.slice(0, 10), byTitle };
      return { date: parsed, byTitle };
    }
  }
  return modified === null ? null : { date: modified, byTitle: false };
}

/** A day and month (and maybe year) read from the text, with where it was found. */
interface DayMonth {
  d: number;
  m: number;
  y: number | null;
}

/** A weekday name: "thứ Hai" … "thứ Bảy", "Chủ nhật" ("Sáng thứ Ba (14/3)", "Thứ Sáu, 17/3"). */
const WEEKDAY = String.raw`thứ[ \u00a0]+(?:hai|ba|tư|năm|sáu|bảy)|chủ[ \u00a0]+nhật`;

/**
 * Day-month expressions that report an event, anchored by a time-of-day word or "ngày":
 * "Chiều 25.2", "Sáng ngày 14/2/2020", "chiều 29/5", "Hôm nay (21/7)", "Tối 6-9",
 * "Từ ngày 2 đến 4/10" and "Từ 13 - 15/6" (the start day), "ngày 14 và 15/3", "ngày 9 & 10/9", "ngày 30 tháng 4",
 * "Trong các ngày 14, 15/3", "Ngày mùng 5/2", "Sáng thứ Ba (14/3)", "Thứ Sáu, 17/3". The anchor keeps "Covid - 19", "2020 - 2025" and
 * document dates out. Groups: time word, day word, first day, last day, month separator,
 * month (numeric), month (after "tháng"), year.
 */
const EVENT_ANCHORED = new RegExp(
  String.raw`(?<![\p{L}])(?:(sáng|chiều|trưa|tối|đêm|hôm nay|hôm qua|sáng nay|chiều nay|tối nay|tối qua|chiều qua|sáng qua)(?:[ \u00a0]+(?:ngày|hôm|${WEEKDAY}))?|(từ ngày|từ|ngày|hôm|${WEEKDAY}))` +
    String.raw`[ \u00a0]*,?[ \u00a0]*\(?[ \u00a0]*(?:(?:mùng|mồng)[ \u00a0]+)?(\d{1,2})(?:[ \u00a0]*(?:đến|-|–|và|&|,)[ \u00a0]*(?:ngày[ \u00a0]*)?(\d{1,2}))?` +
    String.raw`(?:[ \u00a0]*([/.\-])[ \u00a0]*(\d{1,2})|[ \u00a0]+tháng[ \u00a0]+(\d{1,2}))` +
    String.raw`(?:(?:[ \u00a0]*[/.\-][ \u00a0]*|[ \u00a0]+năm[ \u00a0]+)(\d{4}))?(?![\d/])`,
  'giu',
);

/**
 * A date that belongs to something other than the reported event, judged from the words before
 * it (`before`, the clause up to the date) and after it:
 * - a document's date: "Nghị quyết số 18-NQ/TW ngày 25/10/2017", "Quyết định 120/QĐ-UBND ngày 5/3",
 *   "02-ĐA/TU, ngày 25/6/2021", "ban hành ngày 3/4";
 * - a deadline: "đến ngày 30/6", "trước ngày 15/8", "hạn chót ngày 1/9", "chậm nhất ngày 10/10";
 * - an anniversary span: "ngày 28/3/1950 – 28/3/2020".
 */
function dateOfSomethingElse(before: string, after: string, hasYear: boolean): boolean {
  if (/\/[\p{Lu}]+[,\s]*$/u.test(before.slice(-24)) || /(số|ban hành)[^.]*$/iu.test(before.slice(-24))) return true;
  const clause = before.slice(-90).split(/[.;!?\n]/).pop() ?? '';
  // Why a number or a year: "Thực hiện Kế hoạch, ngày 5/9 ..." may still open the event.
  if (/(?<![\p{L}])(nghị quyết|quyết định|chỉ thị|công văn|thông báo|nghị định|thông tư|kết luận|kế hoạch|đề án|luật)(?![\p{L}])/iu.test(clause) &&
    (hasYear || /(?<![\p{L}])(nghị quyết|quyết định|chỉ thị|công văn|thông báo|nghị định|thông tư|kết luận|kế hoạch|đề án)[ \u00a0]+(số[ \u00a0]+)?\d/iu.test(clause))) return true;
  if (/(?<![\p{L}])(đến|tới|trước|hạn|hạn chót|hết|chậm nhất|kể từ|sau)[ \u00a0]*$/iu.test(before)) return true;
  return /^[ \u00a0]*[-–][ \u00a0]*\d{1,2}[/.]\d{1,2}[/.]\d{4}/u.test(after);
}

/**
 * How far into the lead a day-month still opens the article. Why: the press opens with the
 * event's date ("BHG - Ngày 5/9, đồng chí ...", "(LSO) – Hôm nay 12/3, ..."); a dateline code is
 * at most ~10 characters, so a date within the first 60 is the opening one, and it beats a
 * time-of-day date further on ("Từ đêm 2/9 đến sáng 4/9, mưa lớn ...", the background).
 */
const OPENING_CHARS = 60;

/** A day-month found by {@link findEventDayMonth}. */
interface EventHit {
  found: DayMonth;
  /** Opens a paragraph of the lead or carries a time of day: beats any "ngày" date further on. */
  strong: boolean;
  /** Opens the article's first paragraph: the one date trusted even with an old year. */
  first: boolean;
}

/**
 * Where the paragraph holding `index` starts, and whether that paragraph's opening (a dateline
 * code, then the date: "BHG - Ngày 5/9, ...") reaches `index` with no sentence ended before it.
 */
function paragraphOpening(text: string, index: number): { start: number; opens: boolean } {
  // Why a bounded look-back: an opening is short, and the scan must stay linear on 1 MB of text.
  const from = Math.max(0, index - OPENING_CHARS);
  const window = text.slice(from, index);
  const newline = window.lastIndexOf('\n');
  if (newline < 0 && from > 0) return { start: -1, opens: false };
  const start = from + newline + 1;
  const head = text.slice(start, index);
  return { start, opens: !/[.!?…][\s"”]/u.test(head) };
}

function findEventDayMonth(text: string, opening = false): EventHit | null {
  EVENT_ANCHORED.lastIndex = 0;
  let weak: DayMonth | null = null;
  for (let m = EVENT_ANCHORED.exec(text); m; m = EVENT_ANCHORED.exec(text)) {
    const [whole, timeWord, dayWord, d1, _d2, sep, mSlash, mWord, y] = m;
    void _d2;
    const d = Number(d1);
    const mo = Number(mSlash ?? mWord);
    if (!(d >= 1 && d <= 31 && mo >= 1 && mo <= 12)) continue;
    // Why per paragraph: a sapo without a date may come before "Ngày 12/4, UBND huyện ..."; and
    // "Vừa qua, huyện họp. Ngày 12/5/2019, ..." is a second sentence, not the opening.
    const para = opening && !weak ? paragraphOpening(text, m.index) : null;
    const atOpening = para?.opens === true;
    // A bare "từ" opens a date only at the start and with "/" or "tháng": "Từ 13 - 15/6, ..."
    // but not "từ 3-5 triệu đồng" nor a background "từ 1/1 đến nay".
    if (dayWord?.toLowerCase() === 'từ' && (!atOpening || sep === '-' || sep === '.')) continue;
    const before = text.slice(Math.max(0, m.index - 90), m.index);
    const after = text.slice(m.index + whole.length, m.index + whole.length + 16);
    if (dateOfSomethingElse(before, after, y !== undefined)) continue;
    const dm: DayMonth = { d, m: mo, y: y ? Number(y) : null };
    // "Mưa lớn kéo dài từ đêm 16/11 ...": mid-sentence, "từ" + a time of day starts a span (background); a fallback only.
    if (timeWord && /(?<![\p{L}])từ[ \u00a0]*$/iu.test(before) && (!atOpening || m.index - (para?.start ?? 0) > 16)) {
      weak ??= dm;
      continue;
    }
    if (timeWord || atOpening) return { found: dm, strong: true, first: atOpening && para?.start === 0 };
    if (dayWord && !weak) weak = dm;
  }
  return weak ? { found: weak, strong: false, first: false } : null;
}

/**
 * Years the text talks about, latest first, leaving out targets and periods ("đến năm 2030",
 * "giai đoạn 2021 - 2025", "nhiệm kỳ 2020 - 2025", "tầm nhìn 2045") that are not when the article
 * was written.
 */
export function yearsTalkedAbout(text: string): number[] {
  const years = new Set<number>();
  const re = /(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 14), m.index).toLowerCase();
    const after = text.slice(m.index + 4, m.index + 8);
    if (/(đến|tới|tầm nhìn|kỳ|đoạn|phấn đấu|mục tiêu|chỉ tiêu|dự kiến)\s*((?:hết|cuối|trước)\s*)?(năm\s*)?$/u.test(before)) continue;
    // "Năm 2025, huyện phấn đấu ..." / "năm 2025 sẽ ...": a target, not the year written in.
    if (/^\s*,?\s*(huyện|xã|tỉnh|thành phố|thị xã|toàn huyện|toàn tỉnh)?\s*(phấn đấu|sẽ|dự kiến)(?![\p{L}])/iu.test(text.slice(m.index + 4, m.index + 40))) continue;
    if (/^\s*[-–]\s*\d{4}/.test(after) || /\d{4}\s*[-–]\s*$/.test(before)) continue;
    years.add(Number(m[1]));
  }
  return [...years].sort((a, b) => b - a);
}

/**
 * A report for part of a year ("7 tháng đầu năm 2021", "6 tháng năm 2022", "quý I/2023", "quý II
 * năm 2023"): its period ends in month N (or 3 × the quarter). Why: such reports are given or
 * planned within months of their period, so they date the event more surely than any "năm YYYY"
 * (often a plan: "đưa vào danh mục đầu tư năm 2022").
 */
const PART_YEAR_PERIOD =
  /(?<![\p{L}\d])(?:(\d{1,2})[ \u00a0]+tháng(?:[ \u00a0]+đầu)?[ \u00a0]+năm|quý[ \u00a0]+(IV|I{1,3}|[1-4])[ \u00a0]*(?:\/|năm))[ \u00a0]*(\d{4})(?!\d)/giu;

/**
 * The year of an event in month `month` from the part-year reports in the text, or null: the
 * period's year, or the next one when the period ends more than half a year after the event's
 * month (results of "quý IV/2022" given in January 2023). The latest such year wins.
 */
function yearFromReportingPeriods(text: string, month: number): number | null {
  let best: number | null = null;
  PART_YEAR_PERIOD.lastIndex = 0;
  for (let m = PART_YEAR_PERIOD.exec(text); m; m = PART_YEAR_PERIOD.exec(text)) {
    const [, months, quarter, year] = m;
    const q = quarter ? ({ I: 1, II: 2, III: 3, IV: 4 } as Record<string, number>)[quarter.toUpperCase()] ?? Number(quarter) : 0;
    const periodEnd = months ? Number(months) : q * 3;
    if (!(periodEnd >= 1 && periodEnd <= 11)) continue;
    const y = Number(year) + (periodEnd - month > 6 ? 1 : 0);
    if (best === null || y > best) best = y;
  }
  return best;
}

/**
 * "Sáng nay, ...", "Hôm qua, ...", "Tối qua, ..." opening the lead without a date: the publication
 * day, or the day before it. Needs a publication date with a day.
 */
function relativeEventDay(lead: string, publishedAt: string | null): string | null {
  const pub = publishedAt ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt) : null;
  if (!pub) return null;
  // Why the opening only: "như hôm nay" deep in a quote is not the event's day.
  const m = /(?<![\p{L}])(hôm|sáng|trưa|chiều|tối|đêm) (nay|qua)(?![\p{L}])/iu.exec(lead.slice(0, OPENING_CHARS));
  if (!m?.[2]) return null;
  const day = new Date(Date.UTC(Number(pub[1]), Number(pub[2]) - 1, Number(pub[3])));
  if (m[2].toLowerCase() === 'qua') day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/**
 * A lead that reports an event without its day: "Vừa qua, ...", "Mới đây, ...", "Thời gian qua",
 * "Những ngày qua", "Gần đây". The gold convention is no event date; a date further down the
 * body is background (a deadline, an earlier stage, a document) rather than the event's day.
 */
const UNDATED_OPENING = /(?<![\p{L}])(vừa qua|mới đây|vừa rồi|thời gian qua|những ngày qua|gần đây|thời gian gần đây)(?![\p{L}])/iu;

/** Year, month and day of a publication date of any precision, or null. */
function publicationParts(publishedAt: string | null): { y: number; m: number; d: number } | null {
  const pub = publishedAt ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(publishedAt) : null;
  if (!pub) return null;
  return { y: Number(pub[1]), m: pub[2] ? Number(pub[2]) : 12, d: pub[3] ? Number(pub[3]) : 31 };
}

/**
 * The date of the event the article reports (YYYY-MM-DD), from the lead first. A missing
 * year is completed from `publishedAt`, or failing that from the part-year reports the text
 * gives ("7 tháng đầu năm 2021"), or from the latest year it talks about; an event never lands
 * after its publication (a later day-month means the year before: "ngày 28/12" published on
 * 3/1/2024 is 2023-12-28). A date read from the body rather than the lead's opening must not
 * be dated in an earlier year than the article ("Ngày 12/5/2019, xã được công nhận ..." is
 * background in a 2023 article).
 *
 * @param text cleaned article text
 * @param publishedAt the article's publication date (any precision) or null
 */
export function extractEventDate(text: string, publishedAt: string | null): string | null {
  const paragraphs = text.split(/\n\s*\n/);
  const lead = paragraphs.slice(0, 2).join('\n\n');
  const inLead = findEventDayMonth(lead, true);
  const undated = UNDATED_OPENING.test(lead.slice(0, OPENING_CHARS));
  const hit = inLead?.strong || undated ? inLead : (findEventDayMonth(text.slice(0, 200_000)) ?? inLead);
  if (!hit) return undated ? null : relativeEventDay(lead, publishedAt);
  const { d, m } = hit.found;
  let y = hit.found.y;
  const pub = publicationParts(publishedAt);
  if (y !== null && !hit.first) {
    const current = pub?.y ?? yearsTalkedAbout(text.slice(0, 200_000))[0] ?? y;
    // Why a year's slack: a report published in January looks back at December.
    if (y < current - (pub && pub.m === 1 ? 1 : 0)) return null;
  }
  if (y === null) {
    if (pub) {
      y = pub.y;
      if (m > pub.m || (m === pub.m && d > pub.d)) y -= 1;
    } else {
      y = yearFromReportingPeriods(text.slice(0, 200_000), m) ?? yearsTalkedAbout(text)[0] ?? null;
    }
  }
  if (y === null || !validDay(y, m, d)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}
