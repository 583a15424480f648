import type { Metric } from '@provnews/record';
import { MULTIPLIERS, parseDigits, roundFloat } from './numbers.ts';
import { loadVocabulary } from './vocabulary.ts';

/** Second syllables that make "đồng" a word of its own ("đồng bào", "đồng chí"), not the currency. */
const DONG_COMPOUNDS = new Set(loadVocabulary('dong-compounds.txt'));

/**
 * Units as written → normalised unit. Longest spellings first so "tiêu chí" wins over nothing and
 * "lượt người" over "người". Only quantities followed by one of these become metrics: a bare
 * number (a year, a phone number, a document number, "1/500" scale) is never a metric.
 */
const UNITS: ReadonlyArray<readonly [string, string]> = [
  ['phần trăm', '%'],
  ['%', '%'],
  ['đồng', 'đồng'],
  ['vnđ', 'đồng'],
  ['vnd', 'đồng'],
  ['đ', 'đồng'],
  ['usd', 'USD'],
  ['đô la mỹ', 'USD'],
  ['héc-ta', 'ha'],
  ['hécta', 'ha'],
  ['hecta', 'ha'],
  ['ha', 'ha'],
  ['tấn', 'tấn'],
  ['tạ', 'tạ'],
  ['kg', 'kg'],
  ['hộ', 'hộ'],
  ['lượt người', 'lượt người'],
  ['lượt khách', 'lượt khách'],
  ['lượt', 'lượt'],
  ['người', 'người'],
  ['nhân khẩu', 'nhân khẩu'],
  ['lao động', 'lao động'],
  ['đảng viên', 'đảng viên'],
  ['học sinh', 'học sinh'],
  ['doanh nghiệp', 'doanh nghiệp'],
  ['hợp tác xã', 'hợp tác xã'],
  ['dự án', 'dự án'],
  ['công trình', 'công trình'],
  ['tiêu chí', 'tiêu chí'],
  ['xã', 'xã'],
  ['thôn', 'thôn'],
  ['bản', 'bản'],
  ['km²', 'km2'],
  ['km2', 'km2'],
  ['km', 'km'],
  ['m²', 'm2'],
  ['m2', 'm2'],
  ['m³', 'm3'],
  ['m3', 'm3'],
  ['con', 'con'],
  ['ca', 'ca'],
];

const MULTIPLIER_WORDS = Object.keys(MULTIPLIERS).sort((a, b) => b.length - a.length);

interface Quantity {
  value: number;
  end: number;
}

/** Reads one number token at `pos` (sticky), trimming sentence punctuation glued to it ("46%."). */
const NUMBER_AT = /\d[\d.,]*/y;
const SPACES_AT = /[ \t\u00a0]*/y;
const PER_UNIT_AT = /\/([\p{L}]+)/uy;
// Range joiner: "5 - 7%", "5-7%", "5 đến 7%".
const RANGE_DASH_AT = /[ \t\u00a0]*(?:[-–—]|đến)[ \t\u00a0]*(?=\d)/uy;

function readNumber(text: string, pos: number): Quantity | null {
  const re = NUMBER_AT;
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m) return null;
  const raw = m[0].replace(/[.,]+$/, '');
  const value = parseDigits(raw);
  return value === null ? null : { value, end: pos + raw.length };
}

/** Matches a multiplier word at `pos` after optional spaces ("17,2 nghìn"). */
function readMultiplier(text: string, pos: number): { factor: number; end: number } {
  const ws = SPACES_AT;
  ws.lastIndex = pos;
  ws.exec(text);
  const at = ws.lastIndex;
  const lower = text.slice(at, at + 12).toLowerCase();
  for (const word of MULTIPLIER_WORDS) {
    if (lower.startsWith(word) && !/\p{L}/u.test(lower.charAt(word.length))) {
      return { factor: MULTIPLIERS[word] ?? 1, end: at + word.length };
    }
  }
  return { factor: 1, end: pos };
}

/** Matches a unit at `pos` after optional spaces; "%" may be glued ("46%"), words need a boundary. */
function readUnit(text: string, pos: number): { unit: string; per?: string; end: number } | null {
  const ws = SPACES_AT;
  ws.lastIndex = pos;
  ws.exec(text);
  const at = ws.lastIndex;
  const lower = text.slice(at, at + 16).toLowerCase();
  for (const [written, unit] of UNITS) {
    if (!lower.startsWith(written)) continue;
    const next = lower.charAt(written.length);
    if (/[\p{L}\p{N}]/u.test(next)) continue;
    if (written === 'đồng' && DONG_COMPOUNDS.has(/^\s+(\p{L}+)/u.exec(text.slice(at + written.length, at + written.length + 12))?.[1]?.toLowerCase() ?? '')) return null;
    let end = at + written.length;
    // "8,1 tiêu chí/xã", "38 triệu đồng/người": a rate. The unit stays the base unit ("đồng", so
    // money totals and rates share one unit) and the denominator goes to `per` ("người").
    const per = PER_UNIT_AT;
    per.lastIndex = end;
    const pm = per.exec(text);
    if (pm && pm[1] && unit !== '%') {
      end += pm[0].length;
      return { unit, per: pm[1].toLowerCase(), end };
    }
    return { unit, end };
  }
  return null;
}

/**
 * Quantities with a unit: "28,757 tỷ đồng" (value 28757000000, unit "đồng"), "17,2 nghìn tấn",
 * "46%", ranges "5 - 7%" (value 5, upTo 7), ratios "19/19 xã" (value 19, of 19).
 * Dates ("25/6/2021", "25.2"), years, phone and document numbers have no unit and are skipped.
 * Linear in the length of the text (each number token is visited once).
 *
 * @param text the text to read; `span` offsets are into it
 */
export function extractMetrics(text: string): Metric[] {
  const out: Metric[] = [];
  // Number tokens: a digit then digits, dots and commas. Greedy and non-overlapping, so linear.
  const NUMBER = /\d[\d.,]*/g;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const start = m.index;
    const prev = text.charAt(start - 1);
    // Part of a word or code ("COVID-19" written "Covid19", "A1", "XV2", "NQ/TW" numbers).
    if (/[\p{L}/\-–]/u.test(prev) && !/\s/.test(prev)) continue;
    const first = readNumber(text, start);
    if (!first) continue;
    let pos = first.end;
    let of: number | undefined;
    let upTo: number | undefined;

    const afterFirst = text.slice(pos, pos + 1);
    if (afterFirst === '/') {
      const second = readNumber(text, pos + 1);
      if (!second) continue;
      // "25/6/2021": a date, not a ratio.
      if (text.charAt(second.end) === '/' || text.charAt(second.end) === '.' && /\d/.test(text.charAt(second.end + 1))) {
        NUMBER.lastIndex = Math.max(NUMBER.lastIndex, second.end + 1);
        continue;
      }
      of = second.value;
      pos = second.end;
      NUMBER.lastIndex = Math.max(NUMBER.lastIndex, pos);
    } else {
      const dash = RANGE_DASH_AT;
      dash.lastIndex = pos;
      const dm = dash.exec(text);
      if (dm) {
        const second = readNumber(text, dash.lastIndex);
        if (second && readUnitAfter(text, second.end)) {
          upTo = second.value;
          pos = second.end;
          NUMBER.lastIndex = Math.max(NUMBER.lastIndex, pos);
        }
      }
    }
    const mult = readMultiplier(text, pos);
    const unit = readUnit(text, mult.end);
    if (!unit) continue;
    const factor = mult.factor;
    const metric: Metric = {
      value: roundFloat(first.value * (of === undefined ? factor : 1)),
      unit: unit.unit,
      text: text.slice(start, unit.end),
      span: [start, unit.end],
    };
    if (unit.per !== undefined) metric.per = unit.per;
    if (of !== undefined) metric.of = of;
    if (upTo !== undefined) metric.upTo = roundFloat(upTo * factor);
    out.push(metric);
    NUMBER.lastIndex = Math.max(NUMBER.lastIndex, unit.end);
  }
  return out;
}

/** True when a unit (possibly after a multiplier) follows `pos`. */
function readUnitAfter(text: string, pos: number): boolean {
  return readUnit(text, readMultiplier(text, pos).end) !== null;
}
