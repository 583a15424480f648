/**
 * Vietnamese text hygiene: Unicode form, whitespace, stray entities, and the
 * tone-placement-insensitive form used for matching.
 */

/** Combining tone marks in NFD: grave, acute, tilde, hook above, dot below. */
const TONE = '\u0300\u0301\u0303\u0309\u0323';

/**
 * Open syllables ending in the clusters oa / oe / uy with the tone on the second vowel
 * ("hoá", "khoẻ", "thuỷ", "uỷ"; in NFD `o a \u0301`). The lookahead (no letter or mark after)
 * keeps closed syllables ("hoàng", "huyện", "toán") as they are; `(?<!q)` keeps "quý" (qu + y).
 * One global pass per cluster family, no per-word callback: this runs on every line of a 5 MB page.
 */
const OA_OE_TONE_ON_SECOND = new RegExp(`o([ae])([${TONE}])(?![\\p{L}\\p{M}])`, 'gu');
const UY_TONE_ON_SECOND = new RegExp(`(?<!q)uy([${TONE}])(?![\\p{L}\\p{M}])`, 'gu');

/**
 * Form of a string for matching only: NFC, lower case, tone marks of open oa/oe/uy
 * syllables placed on the first vowel ("Uỷ ban" → "ủy ban", "hoá" → "hóa", "khoẻ" → "khỏe",
 * "thuỷ" → "thủy"), whitespace collapsed and trimmed. The cleaner's text keeps the
 * original placement; downstream code compares `normalizeForMatch(a) === normalizeForMatch(b)`.
 */
export function normalizeForMatch(s: string): string {
  const retoned = s
    .normalize('NFD')
    .toLowerCase()
    .replace(OA_OE_TONE_ON_SECOND, 'o$2$1')
    .replace(UY_TONE_ON_SECOND, 'u$1y');
  return retoned.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Named entities that survive in scraped text ("&nbsp;" pasted as text by some CMSs). */
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  bull: '•',
  middot: '·',
  copy: '©',
};

/** Decode leftover `&name;`, `&#123;` and `&#x1F;` entities; unknown names are left as they are. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/giu, (m, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

/**
 * Whitespace that text dumps carry: NBSP, the zero-width family, BOM, soft hyphen, and the
 * other Unicode spaces. Zero-width characters are dropped, the others become a plain space.
 */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;
const ODD_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/gu;

/** NFC, entities decoded, zero-width characters dropped, spaces collapsed, trimmed (one line). */
export function cleanInline(s: string): string {
  return decodeEntities(s.normalize('NFC'))
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACE, ' ')
    .replace(/[\r\n]+/gu, ' ')
    .replace(/ {2,}/gu, ' ')
    .trim();
}

/** Same as {@link cleanInline} but keeps line breaks (normalised to `\n`). */
export function cleanMultiline(s: string): string {
  return decodeEntities(s.normalize('NFC'))
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(ODD_SPACE, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/gu, ' ').trim())
    .join('\n');
}
