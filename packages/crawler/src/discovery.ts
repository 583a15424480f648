import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import type { Candidate } from './frontier.ts';
import { articleMatcher, isNonPageUrl, type Portal } from './registry.ts';
import { canonicalizeUrl, isSameSite } from './url.ts';

/** Links of an HTML page, canonicalised and deduplicated. */
export interface PageLinks {
  /** `<a href>` targets (http(s) only). */
  links: string[];
  /** RSS/Atom feeds announced with `<link rel="alternate" type="application/rss+xml">`. */
  feeds: string[];
  /** The next page of a paginated listing (`<a rel="next">` or `<link rel="next">`). */
  next: string[];
}

/** Extracts links and announced feeds from HTML, resolving against `<base href>` when present. */
export function extractPageLinks(html: string, pageUrl: string): PageLinks {
  const $ = cheerio.load(html);
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && canonicalizeUrl(baseHref, pageUrl)) || pageUrl;
  const collect = (hrefs: (string | undefined)[]) =>
    [...new Set(hrefs.map((h) => (h ? canonicalizeUrl(h, base) : null)).filter((u): u is string => u !== null))];
  const links = collect($('a[href]').map((_, el) => $(el).attr('href')).get());
  const feeds = collect(
    $('link[href]')
      .filter((_, el) => /(^|\s)alternate(\s|$)/i.test($(el).attr('rel') ?? '') && /(rss|atom)\+xml/i.test($(el).attr('type') ?? ''))
      .map((_, el) => $(el).attr('href'))
      .get(),
  );
  const next = collect(
    $('a[href], link[href]')
      .filter((_, el) => /(^|\s)next(\s|$)/i.test($(el).attr('rel') ?? ''))
      .map((_, el) => $(el).attr('href'))
      .get(),
  );
  return { links, feeds, next };
}

/** `/chinh-tri/trang-2`, `/tin-tuc/page/3`: a page number in the path. */
const PAGE_SUFFIX = /\/(trang|page)[-/]\d+$/i;
/** `?page=2`, `?trang=3`, `?p=4`, `?PageIndex=2`: a page number in the query. */
const PAGE_PARAM = /^(page|trang|p|pageindex)$/i;

/**
 * Links to other pages of the same paginated listing: `rel="next"` when the page has one,
 * else same-path links that only add a page number (`/chinh-tri?page=2`, `/chinh-tri/trang-2`).
 */
export function paginationLinks(page: PageLinks, pageUrl: string): string[] {
  const here = new URL(pageUrl);
  const stem = (u: URL) => u.pathname.replace(PAGE_SUFFIX, '').replace(/\/$/, '');
  const candidates = page.next.length ? page.next : page.links;
  return candidates.filter((link) => {
    const u = new URL(link);
    if (!isSameSite(u, here) || stem(u) !== stem(here) || link === pageUrl) return false;
    return page.next.length > 0 || PAGE_SUFFIX.test(u.pathname) || [...u.searchParams.keys()].some((k) => PAGE_PARAM.test(k));
  });
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Entities in feeds are usually escaped URLs (&amp;); expand them, but do not let a feed
  // define its own (billion-laughs style payloads).
  processEntities: true,
  isArray: (name) => ['item', 'entry', 'url', 'sitemap', 'link'].includes(name),
});

type XmlNode = Record<string, unknown>;

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as XmlNode)['#text']);
  return undefined;
}

function asArray(v: unknown): XmlNode[] {
  return Array.isArray(v) ? (v as XmlNode[]) : v && typeof v === 'object' ? [v as XmlNode] : [];
}

/** Item links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, with their publication/update time. */
export function parseFeed(body: string, feedUrl: string): Candidate[] {
  const doc = xml.parse(body) as XmlNode;
  const out: Candidate[] = [];
  const push = (href: string | undefined, lastmod: string | undefined) => {
    const url = href ? canonicalizeUrl(href, feedUrl) : null;
    if (url) out.push(lastmod ? { url, lastmod } : { url });
  };
  const rss = (doc.rss as XmlNode | undefined)?.channel as XmlNode | undefined;
  const rdf = doc.RDF as XmlNode | undefined;
  for (const item of [...asArray(rss?.item), ...asArray(rdf?.item)]) {
    const guid = item.guid as XmlNode | string | undefined;
    const guidLink = typeof guid === 'object' && guid?.['@_isPermaLink'] !== 'false' ? text(guid) : undefined;
    push(text(asArray(item.link)[0]) ?? guidLink, text(item.pubDate) ?? text(item.date));
  }
  const atom = doc.feed as XmlNode | undefined;
  for (const entry of asArray(atom?.entry)) {
    const links = asArray(entry.link);
    const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
    push(alt?.['@_href'] as string | undefined, text(entry.updated) ?? text(entry.published));
  }
  return out;
}

/** A sitemap's entries: pages (`urlset`) or child sitemaps (`sitemapindex`). */
export interface SitemapEntries {
  type: 'urlset' | 'index';
  entries: Candidate[];
}

/** Parses an XML sitemap or sitemap index. */
export function parseSitemap(body: string, sitemapUrl: string): SitemapEntries {
  const doc = xml.parse(body) as XmlNode;
  const index = doc.sitemapindex as XmlNode | undefined;
  const nodes = index ? asArray(index.sitemap) : asArray((doc.urlset as XmlNode | undefined)?.url);
  const entries: Candidate[] = [];
  for (const n of nodes) {
    const url = canonicalizeUrl(text(n.loc) ?? '', sitemapUrl);
    const lastmod = text(n.lastmod);
    if (url) entries.push(lastmod ? { url, lastmod } : { url });
  }
  return { type: index ? 'index' : 'urlset', entries };
}

/**
 * Paths that are site furniture, not news categories: admin, contact, login, search, tags, print
 * views. Matches `/admin/dang-nhap`, `/lien-he`, `/dang-nhap`, `/tim-kiem?q=`, `/tag/abc`, `/gioi-thieu`.
 */
const UTILITY_PATH = /^\/(admin|lien-he|contact|dang-nhap|dang-ky|login|register|search|tim-kiem|tag|tags|gioi-thieu|about|rss|sitemap|print|in-bai|author|tac-gia|quang-cao|advertise)(\/|$|\.)/i;

/** Most category links a home page can contribute per run: keeps one run's fan-out bounded. */
export const MAX_LISTINGS_PER_PAGE = 40;

/** Same-site links of a page sorted into article pages and category listing pages. */
export interface ClassifiedLinks {
  articles: string[];
  listings: string[];
}

/**
 * Sorts a page's links: same-site URLs matching the portal's article rule are articles; other
 * same-site, shallow (one or two path segments), non-utility page URLs are listing candidates.
 */
export function classifyLinks(links: string[], pageUrl: string, portal: Portal | undefined): ClassifiedLinks {
  const isArticle = articleMatcher(portal);
  const site = portal?.baseUrl ?? pageUrl;
  const articles: string[] = [];
  const listings: string[] = [];
  for (const link of links) {
    const u = new URL(link);
    if (!isSameSite(u, site) || isNonPageUrl(u)) continue;
    if (isArticle(link)) {
      articles.push(link);
      continue;
    }
    const segments = u.pathname.split('/').filter(Boolean);
    if (segments.length >= 1 && segments.length <= 2 && !UTILITY_PATH.test(u.pathname) && listings.length < MAX_LISTINGS_PER_PAGE) {
      listings.push(link);
    }
  }
  return { articles, listings };
}

/** Feed or sitemap entries that are same-site article URLs of the portal. */
export function keepArticles(entries: Candidate[], portal: Portal | undefined, siteUrl: string, fromFeed: boolean): Candidate[] {
  // A feed lists articles by definition: without include patterns only the excludes apply.
  const isArticle = articleMatcher(portal, { assumeArticle: fromFeed });
  return entries.filter((e) => {
    const u = new URL(e.url);
    return isSameSite(u, siteUrl) && !isNonPageUrl(u) && isArticle(e.url);
  });
}
