/**
 * Bylines printed at the end of an HTML body in the forms the line rules do not take on their own:
 * a name and its credit split across a `<br>` ("H.T<br>(Theo Báo Tin Tức)") and a name with its
 * outlet after a slash ("Minh Hằng/Báo Hòa Bình"). Grammar only; what a name looks like comes from
 * {@link isBylineLine}.
 */
import type { Element } from 'domhandler';
import { endsLikeSentence, isBylineLine, isCreditOnly, isDateOnlyLine, lineKey, matchChromeRule, wordsOf } from './line-rules.ts';

/** A kept block of the body: its text and the block element that holds it. */
export interface BodyLine {
  text: string;
  el: Element;
}

/**
 * What a slash byline credits after the name: an outlet ("Báo Hòa Bình", "TTXVN", "Đài PT-TH huyện"),
 * a site ("baohoabinh.vn") or a unit in capitals ("VNA").
 */
const SLASH_OUTLET = /^(?:báo|đài|tạp chí|truyền hình|cổng|trang|ttxvn|vov|vtv|vnews|thông tấn)(?:\s|$)|^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:vn|com|net|org)$/iu;
/** An outlet in capitals: "VNA", "TTXVN", "QĐND". */
const CAPS_OUTLET = /^[\p{Lu}\p{N}&. -]{2,30}$/u;

/** "Minh Hằng/Báo Hòa Bình", "NGỌC LAN / TTXVN": a name, a slash, an outlet. */
const NAME_SLASH_OUTLET = /^([^/()\d]{2,40}?)\s*\/\s*([^/()]{2,60})$/u;

function isSlashByline(text: string): boolean {
  const m = NAME_SLASH_OUTLET.exec(text.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return false;
  const name = m[1].trim();
  const outlet = m[2].trim();
  if (wordsOf(name).length > 6 || wordsOf(outlet).length > 8 || !isBylineLine(name)) return false;
  if (endsLikeSentence(outlet) && !/\.(?:vn|com|net|org)$/iu.test(outlet)) return false;
  return SLASH_OUTLET.test(outlet) || CAPS_OUTLET.test(outlet);
}

/** Lines after the byline that the line rules will drop anyway (a "Tin liên quan" heading, a date). */
function isTrailingNoise(text: string): boolean {
  const key = lineKey(text);
  return matchChromeRule(text, key) !== null || isDateOnlyLine(key);
}

/**
 * Find a split or slashed byline at the end of the body. Returns the byline as one line and the body
 * lines without it, or null when the end of the body holds neither form (the line pipeline then looks
 * for the ordinary forms). Looks at the last three lines only: constant work.
 */
export function trailingByline(lines: readonly BodyLine[]): { byline: string; lines: BodyLine[] } | null {
  let end = lines.length - 1;
  while (end >= 0 && end >= lines.length - 3 && isTrailingNoise(lines[end]?.text ?? '')) end--;
  const last = lines[end];
  if (!last || end < 1) return null;
  const text = last.text.trim();
  if (isSlashByline(text)) return { byline: text, lines: [...lines.slice(0, end), ...lines.slice(end + 1)] };
  const prev = lines[end - 1];
  if (!prev || !isCreditOnly(text) || wordsOf(text).length > 10) return null;
  const name = prev.text.trim();
  // The name line: short, name-shaped, and printed with the credit (same paragraph split by <br>,
  // or two short lines one under the other).
  const together = prev.el === last.el || (name.length <= 40 && text.length <= 60);
  if (!together || wordsOf(name).length > 6 || !isBylineLine(name) || isCreditOnly(name)) return null;
  return { byline: `${name} ${text}`, lines: [...lines.slice(0, end - 1), ...lines.slice(end + 1)] };
}
