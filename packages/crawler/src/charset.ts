import iconv from 'iconv-lite';

/** Text decoded from a response body, and how its charset was decided. */
export interface DecodedBody {
  /** NFC-normalised text. */
  text: string;
  /** The charset used, as iconv-lite names it (`utf-8`, `windows-1258`, …). */
  charset: string;
  /**
   * Where the charset came from. `corrected`: the page declared another charset (`declared`), but
   * that decoding gave replacement characters or mojibake and this one gives clean text.
   */
  source: 'bom' | 'header' | 'meta' | 'xml-declaration' | 'detected' | 'corrected';
  /** With `corrected`: the charset the page declared. */
  declared?: string;
  /**
   * True when no decoding gave clean text (many U+FFFD or UTF-8 read as a one-byte code page):
   * the caller should fail the page with a reason code rather than keep garbage.
   */
  garbled: boolean;
}

/**
 * Labels browsers treat as windows-1252 (WHATWG Encoding): pages that say `iso-8859-1` are
 * in practice written in windows-1252, and decoding them strictly loses the 0x80–0x9F range.
 */
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-user-defined': 'windows-1252',
  utf8: 'utf-8',
  unicode: 'utf-16le',
};

/** A charset label iconv-lite can decode, normalised, or null when unknown. */
export function normaliseCharset(label: string | undefined | null): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  const name = LABEL_ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

/** The `charset=` parameter of a Content-Type header. */
export function charsetFromContentType(contentType: string | undefined | null): string | null {
  const m = contentType ? /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType) : null;
  return m?.[2] ?? null;
}

function charsetFromBom(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/**
 * `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
 * first 4 KiB (where HTML requires the declaration to be), read as latin1 so any ASCII-compatible
 * encoding can be scanned before it is known.
 */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

/** `<?xml version="1.0" encoding="windows-1258"?>` at the start of a feed or sitemap. */
function charsetFromXmlDeclaration(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a page body to NFC text. Order: a byte-order mark (it wins over any label, as in
 * browsers), the HTTP `charset`, `<meta charset>` / the XML declaration, then detection: strict
 * UTF-8 if the bytes are valid UTF-8, else windows-1258 — the legacy Vietnamese code page
 * provincial portals still use.
 *
 * windows-1258 writes tones as combining marks ("Hà" = `H a U+0300`); the NFC step
 * composes them ("Hà" = `H U+00E0`) so later stages match text regardless of the source encoding.
 *
 * @param bytes the (decompressed) body
 * @param contentType the response's Content-Type header, if any
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = charsetFromBom(buf);
  if (bom) return finish(buf.subarray(bom.length), bom.charset, 'bom');

  const fromHeader = normaliseCharset(charsetFromContentType(contentType));
  if (fromHeader) return checkDeclared(buf, fromHeader, 'header');

  const xml = normaliseCharset(charsetFromXmlDeclaration(buf));
  if (xml) return checkDeclared(buf, xml, 'xml-declaration');

  const meta = normaliseCharset(charsetFromMeta(buf));
  // A UTF-16 meta label on a page we could scan as ASCII is a lie: HTML says to use UTF-8.
  if (meta) return checkDeclared(buf, meta.startsWith('utf-16') ? 'utf-8' : meta, 'meta');

  return finish(buf, isValidUtf8(buf) ? 'utf-8' : 'windows-1258', 'detected');
}

/** One-byte code pages a Vietnamese page may declare (or be in despite declaring UTF-8). */
const ONE_BYTE = new Set(['windows-1258', 'windows-1252', 'iso-8859-15', 'windows-1250', 'tcvn', 'viscii']);

/**
 * A declared charset is believed unless its decoding is broken and the other usual one is clean:
 * - declared one-byte (windows-1258, -1252) but the bytes are valid UTF-8 with multi-byte
 *   sequences: real one-byte Vietnamese text is practically never valid UTF-8 by accident, and
 *   reading UTF-8 as one byte per character gives mojibake ("Ä\u0090á»\u0093ng" for "Đồng");
 * - declared UTF-8 but most non-ASCII bytes are invalid UTF-8 (each becomes U+FFFD), and
 *   windows-1258 — the legacy Vietnamese code page — decodes them to Vietnamese letters.
 */
function checkDeclared(buf: Buffer, declared: string, source: DecodedBody['source']): DecodedBody {
  const high = countHighBytes(buf);
  if (high === 0) return finish(buf, declared, source);
  if (ONE_BYTE.has(declared) && isValidUtf8(buf)) return { ...finish(buf, 'utf-8', 'corrected'), declared };
  if (declared === 'utf-8' && !isValidUtf8(buf)) {
    const asDeclared = finish(buf, declared, source);
    const replaced = count(asDeclared.text, REPLACEMENT);
    // A few stray bytes in a UTF-8 page are not a lie; most high bytes failing is.
    if (replaced * 4 >= high) {
      const legacy = finish(buf, 'windows-1258', 'corrected');
      if (!legacy.garbled && count(legacy.text, VIETNAMESE_LETTER) > 0) return { ...legacy, declared };
    }
    return asDeclared;
  }
  return finish(buf, declared, source);
}

const REPLACEMENT = /\uFFFD/g;
/** Letters only Vietnamese uses among Latin scripts (tone and vowel marks, đ), NFC. */
const VIETNAMESE_LETTER = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu;
/**
 * UTF-8 read as a one-byte code page: a lead byte shown as Ã, Ä, Æ, or "á»"/"áº" (the lead of the
 * U+1EA0–U+1EFF block holding most Vietnamese toned vowels) followed by a continuation byte shown
 * as a C1 control or a 0x80–0xBF symbol. Example: "Ä\u0090á»\u0093ng" is "Đồng".
 */
const MOJIBAKE = /(?:[ÃÄÆ]|á[º»])[\u0080-\u00BF\u0152-\u0178\u02C6\u02DC\u2013-\u203A\u20AC\u2122]/gu;

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

function countHighBytes(buf: Buffer): number {
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0x80) n++;
  return n;
}

function finish(bytes: Buffer, charset: string, source: DecodedBody['source']): DecodedBody {
  const text = iconv.decode(bytes, charset).normalize('NFC');
  return { text, charset, source, garbled: isGarbled(text) };
}

/** At least 3 replacement characters or mojibake pairs, and more than 1 in 1,000 characters. */
function isGarbled(text: string): boolean {
  const bad = count(text, REPLACEMENT) + count(text, MOJIBAKE);
  return bad >= 3 && bad * 1000 > text.length;
}
