/**
 * The page's own metadata, read before any cleaning: JSON-LD, Open Graph, `article:*` meta tags,
 * `<time datetime>`, canonical link and `<html lang>`.
 */
import type { CheerioAPI } from 'cheerio';
import { isTag } from 'domhandler';
import type { PageMeta } from './types.ts';
import { cleanInline } from './vietnamese.ts';
import { emptyMeta } from './result.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isRecord(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse a JSON-LD script body; CMSs often leave trailing commas or raw newlines in strings. */
function parseJsonLd(raw: string): Json | null {
  const body = raw.trim().replace(/^<!--|-->$/gu, '');
  for (const candidate of [body, body.replace(/,\s*([}\]])/gu, '$1').replace(/[\r\n\t]+/gu, ' ')]) {
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // try the repaired form, then give up
    }
  }
  return null;
}

/** Flatten `@graph` arrays and top-level arrays into a list of objects. */
function flattenJsonLd(v: Json): Record<string, Json>[] {
  if (Array.isArray(v)) return v.flatMap(flattenJsonLd);
  if (!isRecord(v)) return [];
  const graph = v['@graph'];
  return Array.isArray(graph) ? [v, ...graph.flatMap(flattenJsonLd)] : [v];
}

function asStrings(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(asStrings);
  if (isRecord(v)) return asStrings(v['name']);
  return [];
}

const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|WebPage|NewsArticle)$/u;

/** A JSON-LD object describing the article (NewsArticle, Article, BlogPosting, ...). */
export function jsonLdArticle(objects: readonly unknown[]): Record<string, Json> | null {
  for (const o of objects) {
    if (!isRecord(o)) continue;
    const types = asStrings(o['@type']);
    if (types.some((t) => ARTICLE_TYPES.test(t) && t !== 'WebPage')) return o;
  }
  return null;
}

function pushUnique(list: string[], value: string | null | undefined): void {
  const v = value ? cleanInline(value) : '';
  if (v && !list.includes(v)) list.push(v);
}

/** Read the page metadata. Never throws: a broken JSON-LD block is skipped. */
export function extractMeta($: CheerioAPI): PageMeta {
  const meta = emptyMeta();
  // One pass over <meta> tags into a map (first value wins): querying a 5 MB DOM once per key is slow.
  const metaByKey = new Map<string, string>();
  $('meta').each((_i, el) => {
    const content = el.attribs['content'];
    if (!content || !content.trim()) return;
    for (const attr of ['property', 'name', 'itemprop']) {
      const k = el.attribs[attr]?.trim().toLowerCase();
      if (k && !metaByKey.has(k)) metaByKey.set(k, content);
    }
  });
  const metaContent = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metaByKey.get(k.toLowerCase());
      if (v) return cleanInline(v);
    }
    return null;
  };

  $('script').each((_i, el) => {
    if (el.attribs['type']?.trim().toLowerCase() !== 'application/ld+json') return;
    const parsed = parseJsonLd($(el).text());
    if (parsed !== null) meta.jsonLd.push(...flattenJsonLd(parsed));
  });
  const ld = jsonLdArticle(meta.jsonLd);

  meta.canonicalUrl =
    $('link')
      .toArray()
      .find((el) => el.attribs['rel']?.toLowerCase() === 'canonical')
      ?.attribs['href']?.trim() || metaContent('og:url');
  meta.lang = $('html').attr('lang')?.trim() || metaContent('og:locale', 'language', 'content-language');
  meta.siteName = metaContent('og:site_name', 'application-name');
  meta.ogTitle = metaContent('og:title', 'twitter:title');
  meta.description = metaContent('og:description', 'description', 'twitter:description');
  meta.section = metaContent('article:section');

  pushUnique(meta.publishedTimes, metaContent('article:published_time'));
  if (ld) for (const d of asStrings(ld['datePublished'])) pushUnique(meta.publishedTimes, d);
  pushUnique(meta.publishedTimes, metaContent('pubdate', 'publishdate', 'date', 'dc.date.issued', 'datePublished', 'og:published_time'));
  $('time[datetime]').each((_i, el) => pushUnique(meta.publishedTimes, $(el).attr('datetime')));

  pushUnique(meta.modifiedTimes, metaContent('article:modified_time', 'og:updated_time'));
  if (ld) for (const d of asStrings(ld['dateModified'])) pushUnique(meta.modifiedTimes, d);

  const footers = footerTexts($);
  // A print view or a portal prints the licence line in its header instead ("Cơ quan chủ quản: …" under the masthead).
  meta.publisher =
    footerLicensee(footers) ??
    (ld ? (asStrings(ld['publisher'])[0] ?? null) : null) ??
    footerAddressProvince(footers) ??
    footerLicensee(headerTexts($)) ??
    // A footer whose markup names nothing (no <footer>, no "footer" class): the end of the page.
    (footers.length === 0 ? footerLicensee([pageTail($)]) : null);

  pushUnique(meta.authors, metaContent('author', 'article:author', 'dc.creator'));
  if (ld) for (const a of asStrings(ld['author'])) pushUnique(meta.authors, a);
  // Facebook profile URLs are not names.
  meta.authors = meta.authors.filter((a) => !/^https?:/u.test(a));
  return meta;
}

/**
 * The licence line of a Vietnamese paper's footer names the body that owns it: "Cơ quan chủ
 * quản: Tỉnh ủy Nghệ An", "Cơ quan của Đảng bộ tỉnh Lạng Sơn", "Cơ quan chủ quản: UBND tỉnh X",
 * and on government portals the office that runs them ("Văn phòng UBND tỉnh X", "Trung tâm
 * Thông tin tỉnh X"). Only footer elements are read, each at most 4,000 characters, so the cost
 * stays small.
 */
const LICENSEE = /(?:cơ quan chủ quản|cơ quan của)\s*:?\s*((?:tỉnh|thành|đảng|ủy|uỷ|ubnd|hđnd|ban|sở|bộ|văn phòng|trung tâm)[^\n.;|,:]{2,60})/iu;

/** The text of the page's footer elements, innermost last: at most 12, each cut at 4,000 characters. */
function footerTexts($: CheerioAPI): string[] {
  return boxTexts($, 'footer, [class*="footer" i], [id*="footer" i]', 'last');
}

/** The page's header parts, outermost first (same bounds as {@link footerTexts}). */
function headerTexts($: CheerioAPI): string[] {
  return boxTexts($, 'header, [class*="header" i], [class*="banner" i]', 'first');
}

/**
 * The text of the elements `selector` picks, the 12 first or last in page order, each cut at 4,000
 * characters. Why at most 12 elements and no page wrappers: a "has-footer" class on <body> or a form
 * would make this read the whole page, and nested parts would read it again.
 */
function boxTexts($: CheerioAPI, selector: string, end: 'first' | 'last'): string[] {
  const boxes = $(selector)
    .toArray()
    .filter((el) => isTag(el) && !['html', 'body', 'main', 'form'].includes(el.tagName.toLowerCase()));
  return (end === 'first' ? boxes.slice(0, 12) : boxes.slice(-12)).map((el) => $(el).text().slice(0, 4000));
}

/** The last 4,000 characters of the page's text (where a footer stands). */
function pageTail($: CheerioAPI): string {
  const text = $('body').text();
  return text.slice(-4000);
}

function footerLicensee(footers: readonly string[]): string | null {
  for (const text of footers) {
    const m = LICENSEE.exec(text);
    if (m?.[1]) return cleanInline(m[1]);
  }
  return null;
}

/** The footer's address line: "Địa chỉ: Tiểu khu 2, thị trấn Mai Châu, huyện Mai Châu, tỉnh Hòa Bình". */
const FOOTER_ADDRESS = /(?:[Đđ]ịa chỉ|ĐỊA CHỈ)\s*[:：]?([^\n]{5,200})/u;
/** A province in an address, by its level word (a street may carry another province's name: "đường Hà Nội"). */
const ADDRESS_PROVINCE = /(?:[Tt]ỉnh|TỈNH|[Tt]hành phố|THÀNH PHỐ|TP\.)\s*(\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,3})/gu;

/**
 * The province of the address a footer prints for the site's owner, as "tỉnh X" (the last
 * "tỉnh"/"thành phố" of the address: a district-level city comes before its province), when no
 * licence line names the owner: a district portal often names its province nowhere else.
 */
function footerAddressProvince(footers: readonly string[]): string | null {
  for (const text of footers) {
    const address = FOOTER_ADDRESS.exec(text)?.[1];
    if (!address) continue;
    const last = [...cleanInline(address).matchAll(ADDRESS_PROVINCE)].at(-1)?.[1];
    if (last) return `tỉnh ${last}`;
  }
  return null;
}

/** The JSON-LD `headline`, if any. */
export function jsonLdHeadline(meta: PageMeta): string | null {
  const ld = jsonLdArticle(meta.jsonLd);
  const h = ld ? asStrings(ld['headline'])[0] : undefined;
  return h ? cleanInline(h) : null;
}
