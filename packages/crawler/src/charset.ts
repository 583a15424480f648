import iconv from 'iconv-lite';

/** Text decoded from a response body, and how its charset was decided. */
export interface DecodedBody {
  /** NFC-normalised text. */
  text: string;
  /** The charset used, as iconv-lite names it (`utf-8`, `windows-1258`, …). */
  charset: string;
  /** Where the charset came from. */
  source: 'bom' | 'header' | 'meta' | 'xml-declaration' | 'detected';
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
  if (fromHeader) return finish(buf, fromHeader, 'header');

  const xml = normaliseCharset(charsetFromXmlDeclaration(buf));
  if (xml) return finish(buf, xml, 'xml-declaration');

  const meta = normaliseCharset(charsetFromMeta(buf));
  // A UTF-16 meta label on a page we could scan as ASCII is a lie: HTML says to use UTF-8.
  if (meta) return finish(buf, meta.startsWith('utf-16') ? 'utf-8' : meta, 'meta');

  return finish(buf, isValidUtf8(buf) ? 'utf-8' : 'windows-1258', 'detected');
}

function finish(bytes: Buffer, charset: string, source: DecodedBody['source']): DecodedBody {
  return { text: iconv.decode(bytes, charset).normalize('NFC'), charset, source };
}
