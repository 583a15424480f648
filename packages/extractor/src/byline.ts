import { isAllCaps, isCapitalized, squashSpaces, titleCase } from './vietnamese-text.ts';
import { escapeRegExp, loadVocabulary } from './vocabulary.ts';
import { isAccountName } from '@provnews/cleaner';

/** Authors and credited outlet read from a byline. */
export interface Byline {
  authors: string[];
  /** Credited outlet ("baocaobang.vn", "TTXVN"), or null. */
  source: string | null;
}

/**
 * Role prefixes before the names: "Tin, ảnh: …", "Bài và ảnh: …", "Tác giả: …", "PV: …".
 * Why a character-class-free alternation: each prefix is a fixed phrase, so the match is linear.
 */
const ROLE_PREFIX =
  /^(?:(?:phóng sự ảnh|phóng sự|tin bài|bài viết|tin|bài)(?:\s*(?:,|và|\/|-|&)\s*(?:ảnh|bài|video))*|ảnh|video|clip|thực hiện|tác giả|người viết|nhóm (?:pv|phóng viên)|pv|phóng viên|ctv|bài và ảnh|nhóm tác giả)\s*:\s*/iu;

/**
 * A role label inside the line, after the first part: " – Ảnh: ", ". Ảnh: ", " - Video: ".
 * Why lookahead-free: the separator class and the fixed labels cannot overlap, so matching is linear.
 */
const ROLE_INSIDE = /(?:\s*[-–—|.;,]\s*|\s+)(?=(?:ảnh|video|clip|đồ họa|đồ hoạ|thiết kế|thực hiện)\s*:)/giu;

/**
 * Words that open a byline part naming an organisation rather than a person ("Trung tâm VH-TT
 * huyện", "Phòng Văn hóa và Thông tin"). Only as the first word: inside a name they are given
 * names ("Lê Trường", "Hoàng Phòng").
 */
const ORG_START = /^(?:trung tâm|báo|đài|ban|phòng|sở|ubnd|hội|cổng|tạp chí|huyện|tỉnh|xã|thành phố|văn phòng|công an|bộ|cục|viện|trường|ttxvn|vov|vtv|theo)(?:\s|$)/iu;

/** Outlet abbreviations that are never part of a name, wherever they stand ("VOV Tây Bắc"). */
const OUTLET_WORD = /(?:^|\s)(?:ubnd|ttxvn|vov|vtv)(?:\s|$)/iu;

/**
 * A credit to the newsroom's staff, which names no one: "Nhóm PV", "Nhóm phóng viên", "PV",
 * "CTV", "Phóng viên". Neither an author nor an outlet.
 */
const STAFF_CREDIT = /^(?:nhóm\s+)?(?:pv|ctv|btv|phóng viên|cộng tác viên|pv\s*-\s*ctv)$/iu;

/**
 * A name written with initials: "P.Nguyên", "T.T.Hà", "N. V. An". Kept as written.
 * Why linear: each repetition consumes a capital and a dot, nothing overlaps.
 */
const INITIALS_NAME = /^(?:\p{Lu}\.\s?){1,3}\p{Lu}\p{Ll}+$/u;

/** Initials alone, as a byline signs a short piece: "H.A", "T.L.", "N.H.T". */
const INITIALS_ONLY = /^(?:\p{Lu}\.\s?){1,3}\p{Lu}\.?$/u;

/**
 * Honorifics before a name ("BS", "ThS.BS", "PGS.TS", "PV", "Nhà báo"), from data/honorifics.txt,
 * each followed by a dot or a space. Why linear: a fixed alternation repeated, no overlap.
 */
const HONORIFICS = new RegExp(
  `^(?:(?:${loadVocabulary('honorifics.txt').map(escapeRegExp).sort((a, b) => b.length - a.length).join('|')})(?:\\s*\\.\\s*|\\s+))+`,
  'iu',
);

/** A name without the honorifics before it: "BS ĐOÀN VĂN AN" → "ĐOÀN VĂN AN"; "PV" alone stays. */
export function stripHonorifics(s: string): string {
  const rest = s.replace(HONORIFICS, '').trim();
  return rest.length > 0 ? rest : s;
}

/** A byline part labelled as the credited unit: "Nguồn: Văn phòng HĐND và UBND phường", "Nguồn tin: …" (kept whole). */
const CREDITED_PART = /^nguồn(?:\s+tin)?\s*:\s*/iu;

/** A credit word before an outlet: "Theo TTXVN", "Nguồn: baoxyz.vn", "Nguồn baoxyz.vn". */
const CREDIT_PREFIX = /^(?:theo|nguồn(?:\s+tin(?=\s*:))?)(?:\s*:\s*|\s+)/iu;

/**
 * True when a string looks like a person's name as bylines write it: 2–5 words, each starting
 * with a capital (or all in capitals, "TRÍ DŨNG"), no digits.
 */
export function looksLikePersonName(s: string): boolean {
  const clean = squashSpaces(s);
  if (INITIALS_NAME.test(clean) || INITIALS_ONLY.test(clean)) return true;
  const words = clean.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  if (ORG_START.test(clean) || OUTLET_WORD.test(clean) || STAFF_CREDIT.test(clean) || /^nhóm\s/iu.test(clean)) return false;
  return words.every((w) => /^[\p{L}'’.]+$/u.test(w) && (isCapitalized(w) || isAllCaps(w)));
}

function personName(s: string): string {
  const clean = squashSpaces(s);
  if (INITIALS_NAME.test(clean) || INITIALS_ONLY.test(clean)) return clean;
  return isAllCaps(clean.replace(/[\s.'’]/g, '')) ? titleCase(clean) : clean;
}

/**
 * Parses a byline as the provincial press writes it:
 *
 * - "Tin, ảnh: Duy Tuấn", "Bài và ảnh: Minh Hà" → author
 * - "TRÍ DŨNG" → "Trí Dũng"
 * - "Bảo Bình (baocaobang.vn)" → author and credited source
 * - "Tác giả: Lê Minh - Trung tâm VH-TT huyện", "Người viết: Lê Minh - Nguồn: Văn phòng UBND xã" → author and source (the unit)
 * - "Minh Hà - Quang Huy", "Minh Hà và Quang Huy" → two authors
 * - "Theo TTXVN" → source only
 */
export function parseByline(input: string | null | undefined): Byline {
  const out: Byline = { authors: [], source: null };
  if (!input) return out;
  let line = squashSpaces(input.normalize('NFC')).replace(/[./]+$/u, '').trim();
  if (line.length === 0 || line.length > 160) return out;
  const theo = CREDIT_PREFIX.exec(line);
  if (theo) {
    const rest = line.slice(theo[0].length).trim();
    // "Theo Minh Tâm (Báo Lào Cai)", "Theo Minh Tâm - Báo Lào Cai": the writer and the outlet
    // that first ran the piece; "Theo Báo Lào Cai", "Theo TTXVN": the outlet only; "Theo PV
    // (TTXVN)": an unnamed reporter of the outlet.
    const credited = parseByline(rest);
    if (credited.authors.length > 0 && credited.source) return credited;
    // "Theo PV": the paper's own unnamed reporter credits no one.
    if (STAFF_CREDIT.test(rest)) return out;
    out.source = credited.source && credited.authors.length === 0 ? credited.source : rest.replace(/[()]/g, '').trim();
    return out;
  }
  // "Minh Hà/Báo Lào Cai", "Thu Trang/VOV": a writer and the outlet, split by a slash.
  const slash = /^([^/]{3,40}?)\s*\/\s*([^/]{2,60})$/u.exec(line);
  if (slash?.[1] && slash[2] && looksLikePersonName(stripHonorifics(slash[1])) && !looksLikePersonName(slash[2])) {
    return { authors: [personName(stripHonorifics(slash[1]))], source: slash[2].replace(CREDIT_PREFIX, '').trim() };
  }
  // "(baocaobang.vn)" or "(TTXVN)" at the end credits an outlet; "(Theo Medical News)" too.
  const credited = /\(([^()]{2,60})\)\s*$/u.exec(line);
  if (credited?.[1]) {
    const outlet = credited[1].replace(CREDIT_PREFIX, '').trim();
    // "(tổng hợp)", "(lược dịch)": how the piece was made, not who ran it; an outlet has a
    // capital or a domain.
    if (/[\p{Lu}.]/u.test(outlet)) out.source = outlet;
    line = line.slice(0, credited.index).trim();
  }
  line = line.replace(ROLE_PREFIX, '');
  // "Bài: Hà Minh – Ảnh: Lê Quân", "Bài: Hà Minh. Ảnh: Lê Quân": a second role starts a new
  // part; the writer and the photographer are both authors.
  line = line.replace(ROLE_INSIDE, ' – ');
  // Dash-separated parts first: an organisation part stays whole ("Phòng Văn hóa và Thông tin"),
  // a part of names splits on commas and "và" ("Thu Trang và Văn Tú").
  const parts = line
    .split(/\s+[-–—|]\s+/u)
    .map((p) => p.replace(ROLE_PREFIX, '').trim())
    .flatMap((p) => (ORG_START.test(p) || CREDITED_PART.test(p) ? [p] : p.split(/\s*[,;]\s*|\s+và\s+/u)))
    .map((p) => p.replace(ROLE_PREFIX, '').trim())
    .filter(Boolean);
  for (const raw of parts) {
    if (STAFF_CREDIT.test(raw)) continue;
    // "Người viết: Châu Ngọc Thảo - Nguồn: Văn phòng HĐND và UBND phường": a labelled part credits the unit.
    const labelled = CREDITED_PART.exec(raw);
    if (labelled) {
      out.source ??= raw.slice(labelled[0].length).trim() || null;
      continue;
    }
    const part = stripHonorifics(raw);
    if (looksLikePersonName(part)) out.authors.push(personName(part));
    // A CMS login ("qtv_ngabay") names nobody and no unit.
    else if (!out.source && part.length > 1 && !isAccountName(part)) out.source = part;
  }
  return out;
}

/**
 * Reads a dateline at the start of the text: "BHG - Chiều 25.2, …", "(QNO) - …", "CTO - …".
 * Returns the outlet code, or null.
 */
export function parseDateline(text: string): string | null {
  // Why: an outlet code is 2-8 capitals, maybe in parentheses, then a dash ("(QNO) -", "BHG –").
  const m = /^\s*(?:date\s+\S+\s+)?\(?([\p{Lu}]{2,8})\)?\s*[-–—]\s/u.exec(text.slice(0, 80));
  return m?.[1] ?? null;
}

/**
 * Finds a byline in the last paragraph when the cleaner left it in the text: a short line
 * that is a role prefix plus names, names with a credited outlet, or a name in capitals.
 */
export function findTrailingByline(paragraphs: readonly string[]): string | null {
  const last = squashSpaces(paragraphs[paragraphs.length - 1] ?? '');
  // "H.A" then "(Theo Readers Digest)" on the next line: one byline split by a line break.
  const creditLine = /^\(\s*((?:theo|nguồn)(?:\s*:\s*|\s+)[^()]{2,60})\)$/iu.exec(last);
  if (creditLine?.[1] && paragraphs.length >= 2) {
    const prev = squashSpaces(paragraphs[paragraphs.length - 2] ?? '');
    if (prev && prev.length <= 60 && !/[.!?:;]$/.test(prev.replace(/\.$/u, '')) && prev.split(/\s+[-–]\s+|\s+và\s+/u).every((n) => looksLikePersonName(stripHonorifics(n)))) {
      return `${prev} (${creditLine[1]})`;
    }
    return creditLine[1];
  }
  for (let k = paragraphs.length - 1; k >= Math.max(0, paragraphs.length - 2); k--) {
    const p = squashSpaces(paragraphs[k] ?? '');
    if (!p || p.length > 80) continue;
    if (ROLE_PREFIX.test(p) || /^(?:theo\s|nguồn(?:\s+tin)?\s*:)/iu.test(p)) return p;
    const slash = /^([^/]{3,40}?)\s*\/\s*([^/]{2,60})$/u.exec(p);
    if (slash?.[1] && slash[2] && !/[.!?:;]$/.test(p) && looksLikePersonName(stripHonorifics(slash[1])) && /^(?:\p{Lu}|\p{Ll}+\.\p{Ll})/u.test(slash[2])) return p;
    const noCredit = p.replace(/\s*\([^()]{2,60}\)\s*$/u, '');
    if (!/[.!?:;]$/.test(noCredit) && noCredit.split(/\s+[-–]\s+|\s+và\s+/u).every((n) => looksLikePersonName(stripHonorifics(n)))) return p;
    return null;
  }
  return null;
}

/**
 * Section labels and list headings in capitals that a capture may leave under the title and that
 * look like two-word names ("THỜI SỰ", "TIN LIÊN QUAN"). Folded loosely (lower case).
 */
const CAPS_LABELS =
  /(?:^|\s)(?:tin|tin tức|thời sự|kinh tế|chính trị|văn hóa|văn hoá|xã hội|thể thao|pháp luật|giáo dục|quốc phòng|an ninh|du lịch|sức khỏe|sức khoẻ|nông nghiệp|bạn đọc|tiêu điểm|sự kiện|trang chủ|đọc thêm|xem thêm|chia sẻ|bình luận|liên quan)(?:\s|$)/u;

/**
 * Finds a byline standing alone as the first paragraph, under the title, as some papers print
 * it: a name in capitals ("MINH TÂM", "LÊ THỊ NGỌC") or a credit ("Bài, ảnh: Minh Tâm"). Used
 * only when the cleaner found no byline and none trails the text.
 */
export function findLeadingByline(paragraphs: readonly string[]): string | null {
  if (paragraphs.length < 2) return null;
  const p = squashSpaces(paragraphs[0] ?? '');
  if (!p || p.length > 60) return null;
  if (ROLE_PREFIX.test(p)) return parseByline(p).authors.length > 0 ? p : null;
  const words = p.split(' ');
  if (words.length > 4 || !isAllCaps(p.replace(/[\s.'’-]/g, '')) || CAPS_LABELS.test(p.toLowerCase())) return null;
  return p.split(/\s+[-–]\s+/u).every(looksLikePersonName) ? p : null;
}

function vietnameseNameShape(name: string): boolean {
  const words = name.split(' ');
  // "VNPT Media": a name is written all in capitals or not at all; f, j, w, z are not in
  // Vietnamese syllables ("Software", "Jsc"), so a word holding one is not a Vietnamese name.
  const caps = words.filter((w) => w.length > 1 && isAllCaps(w)).length;
  return (caps === 0 || caps === words.length) && !/[fjwz]/iu.test(name);
}

/**
 * Authors from `<meta name="author">` / JSON-LD, kept only when they name a person: these fields
 * often hold the CMS vendor ("VNPT Media", "Tập đoàn ..."), the site name ("Báo An Bình",
 * "Báo Điện tử X"), a domain or a CMS account ("admin", "bientap02"). The visible byline is read
 * first; these are the fallback.
 *
 * @param names the metadata's author values
 * @param siteName `og:site_name`, which an author equal to it repeats
 */
export function personAuthorsFromMeta(names: readonly string[], siteName: string | null): string[] {
  const site = siteName ? squashSpaces(siteName).toLowerCase() : null;
  const out: string[] = [];
  for (const raw of names) {
    const name = stripHonorifics(squashSpaces(raw.normalize('NFC')));
    if (site && name.toLowerCase() === site) continue;
    if (/[@/:_\d]|\.(?:vn|com|net|org)(?:\s|$)/iu.test(name)) continue;
    if (!looksLikePersonName(name) || !INITIALS_ONLY.test(name) && !INITIALS_NAME.test(name) && !vietnameseNameShape(name)) continue;
    const written = personName(name);
    if (!out.includes(written)) out.push(written);
  }
  return out;
}
