import type { DocumentRef } from '@provnews/record';
import { foldVietnamese } from './vietnamese-text.ts';

/** Document kinds as the canonical name, with the folded spellings that announce them. */
const KINDS: ReadonlyArray<readonly [string, string]> = [
  ['chương trình hành động', 'Chương trình hành động'],
  ['nghị quyết liên tịch', 'Nghị quyết liên tịch'],
  ['nghị quyết', 'Nghị quyết'],
  ['nghị định', 'Nghị định'],
  ['chỉ thị', 'Chỉ thị'],
  ['kết luận', 'Kết luận'],
  ['quyết định', 'Quyết định'],
  ['đề án', 'Đề án'],
  ['kế hoạch', 'Kế hoạch'],
  ['chương trình', 'Chương trình'],
  ['thông báo kết luận', 'Thông báo kết luận'],
  ['thông báo', 'Thông báo'],
  ['công điện', 'Công điện'],
  ['thông tri', 'Thông tri'],
  ['quy chế', 'Quy chế'],
  ['hướng dẫn', 'Hướng dẫn'],
  ['quy định', 'Quy định'],
  ['công văn', 'Công văn'],
  ['thông tư', 'Thông tư'],
  ['luật', 'Luật'],
  ['pháp lệnh', 'Pháp lệnh'],
  ['tờ trình', 'Tờ trình'],
  ['báo cáo', 'Báo cáo'],
];

/**
 * A document reference: kind, optional "số", a number-and-symbol, optional signing date.
 * Matches "Nghị quyết số 19-NQ/TW ngày 25/10/2017", "Đề án số 02-ĐA/TU, ngày 25/6/2021",
 * "chương trình hành động số 21-Ctr/TU", "Quyết định số 1234/QĐ-UBND", "Nghị định
 * 15/2020/NĐ-CP", "Đề án 02-ĐA/TU". The symbol needs letters after a dash or slash, so
 * "Nghị quyết Đại hội" or "đề án 196" are not documents. A symbol may hold "&" ("123/UBND-KT&HT",
 * "45/SNN&PTNT-TT"), never as its first character. Every quantifier is bounded or over a
 * character class disjoint from what follows it, so matching is linear.
 */
const NUMBER = String.raw`(\d{1,5}(?:\/\d{4})?[-\/][\p{L}\d][\p{L}\d&]{0,11}(?:[-\/.][\p{L}\d][\p{L}\d&]{0,11}){0,4})`;
const SIGNED = String.raw`(?:[ \u00a0]*,?[ \u00a0]*ngày[ \u00a0]+(\d{1,2})[ \u00a0]*(?:\/|-|\.|tháng)[ \u00a0]*(\d{1,2})[ \u00a0]*(?:\/|-|\.|năm)[ \u00a0]*(\d{4}))?`;

const DOCUMENT = new RegExp(
  String.raw`(?<![\p{L}])(chương trình hành động|nghị quyết liên tịch|nghị quyết|nghị định|chỉ thị|kết luận|quyết định|đề án|kế hoạch|chương trình|thông báo kết luận|thông báo|công điện|thông tri|quy chế|hướng dẫn|quy định|công văn|thông tư|luật|pháp lệnh|tờ trình|báo cáo)` +
    String.raw`[ \u00a0]+(?:số[ \u00a0]*:?[ \u00a0]*)?` +
    NUMBER +
    SIGNED,
  'giu',
);

/**
 * A further number of the same kind right after a document: "Nghị quyết số 12-NQ/TU, 13-NQ/TU và
 * số 14-NQ/TU". Sticky, tried at the end of the previous match only.
 */
const SAME_KIND_NEXT = new RegExp(String.raw`[ \u00a0]*(?:,|;|và)[ \u00a0]*(?:số[ \u00a0]*:?[ \u00a0]*)?` + NUMBER + SIGNED, 'yiu');

function pad(n: string): string {
  return n.padStart(2, '0');
}

/**
 * Documents cited in the text, one entry per kind+number (a later mention that gives the date
 * fills it in). Dates are `YYYY-MM-DD`.
 *
 * @param text the text to read; `span` offsets are into it
 */
export function extractDocuments(text: string): DocumentRef[] {
  const out: DocumentRef[] = [];
  const byKey = new Map<string, DocumentRef>();
  DOCUMENT.lastIndex = 0;
  const add = (kind: string, start: number, whole: string, numberRaw: string, d?: string, mo?: string, y?: string): boolean => {
    const number = numberRaw.replace(/[.&-]+$/, '');
    // "1/500", "25/6/2021": digits only after the slash are a scale or a date, not a symbol.
    if (!/\p{L}/u.test(number)) return false;
    let date: string | null = null;
    if (d && mo && y && Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31) date = `${y}-${pad(mo)}-${pad(d)}`;
    const key = `${kind}|${foldVietnamese(number)}`;
    const known = byKey.get(key);
    if (known) {
      if (!known.date && date) known.date = date;
      return true;
    }
    const end = start + whole.length - (numberRaw.length - number.length) * (d ? 0 : 1);
    const doc: DocumentRef = { kind, number, date, span: [start, end] };
    byKey.set(key, doc);
    out.push(doc);
    return true;
  };
  for (let m = DOCUMENT.exec(text); m; m = DOCUMENT.exec(text)) {
    const [whole, kindRaw = '', numberRaw = '', d, mo, y] = m;
    const kind = KINDS.find(([k]) => k === foldVietnamese(kindRaw))?.[1] ?? kindRaw;
    if (!add(kind, m.index, whole, numberRaw, d, mo, y)) continue;
    // Each further number advances past its own text, so the list costs linear time overall.
    SAME_KIND_NEXT.lastIndex = DOCUMENT.lastIndex;
    for (let n = SAME_KIND_NEXT.exec(text); n; n = SAME_KIND_NEXT.exec(text)) {
      const [nWhole, nNumber = '', nd, nmo, ny] = n;
      const at = nWhole.indexOf(nNumber);
      if (!add(kind, n.index + at, nWhole.slice(at), nNumber, nd, nmo, ny)) break;
      DOCUMENT.lastIndex = SAME_KIND_NEXT.lastIndex;
    }
  }
  return out;
}
