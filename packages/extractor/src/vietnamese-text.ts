/**
 * Text helpers shared by the field extractors: Vietnamese folding for matching, tokenising
 * with offsets, and casing.
 */

/** Tone marks as combining characters (NFD): grave, acute, tilde, hook above, dot below. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;

/**
 * Vowel pairs whose tone mark the two Vietnamese spelling conventions place differently:
 * old style "hóa", "thủy", "khỏe" against new style "hoá", "thuỷ", "khoẻ".
 */
const TONE_PAIR = /([oO][aAeE]|[uU][yY])/;

/**
 * Moves the tone mark of an `oa`/`oe`/`uy` pair onto its first letter so that "Quan Hoá" and
 * "Quan Hóa", "Huyện uỷ" and "Huyện ủy" fold to the same string. Length-preserving on NFC input.
 */
function canonicalTonePlacement(nfc: string): string {
  // Why: both placements are in daily use in the provincial press ("Tỉnh uỷ" and "Tỉnh ủy"
  // in the same article), and the gazetteer itself mixes them ("Hoà Bình", "Thanh Hóa").
  return nfc.replace(/[oòóỏõọuùúủũụOÒÓỎÕỌUÙÚỦŨỤ][aàáảãạeèéẻẽẹyỳýỷỹỵAÀÁẢÃẠEÈÉẺẼẸYỲÝỶỸỴ]/g, (pair) => {
    const d = pair.normalize('NFD');
    const mark = d.match(TONE_MARKS)?.[0];
    const base = d.replace(TONE_MARKS, '').normalize('NFC');
    if (!mark || !TONE_PAIR.test(base)) return pair;
    const first = base.slice(0, 1);
    const second = base.slice(1);
    return ((first + mark).normalize('NFC') + second).normalize('NFC');
  });
}

/**
 * Folds text for comparison: NFC, lower case, tone mark of `oa/oe/uy` moved to a canonical
 * place. Keeps the length of NFC input so offsets found in the folded text are valid in the
 * original (lower-casing Vietnamese letters, including "Đ", keeps length).
 */
export function foldVietnamese(text: string): string {
  if (text.length <= 64) {
    const hit = foldCache.get(text);
    if (hit !== undefined) return hit;
    const folded = foldUncached(text);
    // Why bounded: the cache serves repeated words and names; a flood of distinct strings resets it.
    if (foldCache.size >= 100_000) foldCache.clear();
    foldCache.set(text, folded);
    return folded;
  }
  return foldUncached(text);
}

const foldCache = new Map<string, string>();

function foldUncached(text: string): string {
  const nfc = text.normalize('NFC');
  let out = '';
  for (const ch of nfc) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return canonicalTonePlacement(out);
}

/** Removes every diacritic and maps đ→d: a loose key for abbreviations and slugs. */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** One word of the text with its offsets. */
export interface Token {
  /** The word as written (NFC). */
  text: string;
  /** Folded form (see {@link foldVietnamese}). */
  key: string;
  start: number;
  end: number;
}

/**
 * Word tokens: letters and digits, keeping internal dots, slashes, hyphens and apostrophes so
 * that "T.Ư", "đ/c", "02-ĐA/TU" and "UVT.Ư" stay one token. Linear time.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Why a per-call cache: articles repeat their words, and folding is the costly part.
  const folded = new Map<string, string>();
  const re = /[\p{L}\p{N}]+(?:[./'’-][\p{L}\p{N}]+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let key = folded.get(m[0]);
    if (key === undefined) {
      key = foldVietnamese(m[0]);
      if (folded.size < 50_000) folded.set(m[0], key);
    }
    tokens.push({ text: m[0], key, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** True when the word starts with an upper-case letter ("Nguyễn", "Đặng", "HĐND"). */
export function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** True when every letter of the word is upper case ("TRÍ", "UBND"). */
export function isAllCaps(word: string): boolean {
  return /\p{L}/u.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** "TRÍ DŨNG" → "Trí Dũng", "nguyễn văn a" → "Nguyễn Văn A". */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/(\s+)/)
    .map((w) => (w.trim() ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join('');
}

/** Upper-cases the first letter only ("tỉnh uỷ viên" → "Tỉnh uỷ viên"). */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Collapses runs of whitespace to one space and trims. */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
