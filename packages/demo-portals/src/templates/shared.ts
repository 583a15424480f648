import type { BodyBlock, DemoArticle, Section, TemplateName } from '../types.ts';
import { ddmmyyyy, escapeHtml, formatVi, hhmm, parseLocal, weekdayName, type LocalDateTime } from '../vietnamese.ts';

/** A listing as one portal names and routes it: one section, or `all` for the aggregate news listing. */
export interface SectionInfo {
  section: Section | 'all';
  /** URL segment ("chinh-tri", "hoat-dong-chinh-quyen"). */
  slug: string;
  /** Menu label ("Chính trị"). */
  name: string;
}

/** What every page of a portal knows about its site. */
export interface SiteContext {
  id: string;
  name: string;
  province: string;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  sections: SectionInfo[];
  feedPath: string;
  /** The portal's fixed "today", shown in header widgets (fixed so that pages, and ETags, are stable). */
  today: LocalDateTime;
  /** Chrome people and numbers: editor-in-chief, licence. */
  editor: string;
  licence: string;
  /** "Cơ quan chủ quản" line. */
  owner: string;
  /** Postal address and phone, as printed in the footer. */
  address: string;
}

/** An article page: the article and the boxes around it. */
export interface ArticleView {
  article: DemoArticle;
  /** "Tin liên quan": other articles of the same section. */
  related: DemoArticle[];
  /** "Đọc nhiều": a fixed set of the portal's articles. */
  mostRead: DemoArticle[];
}

/** One page of a section listing. */
export interface ListingView {
  section: SectionInfo;
  page: number;
  totalPages: number;
  items: DemoArticle[];
  /** Path of page `n` of this listing. */
  pagePath: (n: number) => string;
}

/** The home page. */
export interface HomeView {
  latest: DemoArticle[];
  bySection: { section: SectionInfo; items: DemoArticle[] }[];
  mostRead: DemoArticle[];
}

/** URL layout and HTML of one family of sites. */
export interface PortalTemplate {
  name: TemplateName;
  articlePath(section: SectionInfo, slug: string, numericId: number): string;
  /** Regex source matching this template's article paths (the registry's `articleUrls.include`). */
  articlePattern: string;
  /** Page 1 is the listing's canonical path; later pages add `?page=n` or `/trang-n`, per template. */
  listingPath(section: SectionInfo, page: number): string;
  feedPath: string;
  article(site: SiteContext, view: ArticleView): string;
  listing(site: SiteContext, view: ListingView): string;
  home(site: SiteContext, view: HomeView): string;
  /** Plain pages the chrome links to (contact, about, video…): served as short info pages. */
  infoPaths: string[];
  /** Body of a 404 page (served with status 404). */
  notFound(site: SiteContext, path: string): string;
  /** Search results page (disallowed by robots.txt, but it exists). */
  search(site: SiteContext, query: string): string;
}

export const esc = escapeHtml;

/** "Thứ Hai, 21/11/2022". */
export function longDate(d: LocalDateTime): string {
  return `${weekdayName(d)}, ${ddmmyyyy(d)}`;
}

/** Local parts of an article's publication time. */
export function published(a: DemoArticle): LocalDateTime {
  return parseLocal(a.publishedAt);
}

/** "21/11/2022 17:45". */
export function shortDateTime(a: DemoArticle): string {
  const d = published(a);
  return `${ddmmyyyy(d)} ${hhmm(d)}`;
}

/** Deterministic pseudo-random counter value from a string, for view and visitor counters. */
export function counter(seed: string, max: number): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return (h >>> 0) % max;
}

/** Visitor counter numbers printed in Vietnamese format ("1.234.567"). */
export function visitorStats(seed: string): { online: string; today: string; week: string; month: string; total: string } {
  return {
    online: formatVi(1 + counter(`${seed}o`, 60)),
    today: formatVi(100 + counter(`${seed}d`, 900)),
    week: formatVi(2000 + counter(`${seed}w`, 6000)),
    month: formatVi(9000 + counter(`${seed}m`, 30000)),
    total: formatVi(1_000_000 + counter(`${seed}t`, 3_000_000)),
  };
}

/** `<link rel="alternate">` to the portal's RSS feed. */
export function feedLink(site: SiteContext): string {
  return `<link rel="alternate" type="application/rss+xml" title="${esc(site.name)} - Tin mới" href="${site.baseUrl}${site.feedPath}">`;
}

/** The article text as plain paragraphs (sapo first); used for meta descriptions. */
export function sapoText(a: DemoArticle): string {
  return a.source.sapo;
}

/** Renders body blocks with per-template markup for paragraphs and figures. */
export function renderBlocks(blocks: BodyBlock[], para: (text: string) => string, figure: (image: string, caption: string) => string): string {
  return blocks.map((b) => (b.kind === 'p' ? para(b.text) : figure(b.image, b.caption))).join('\n');
}

/** Numbered pagination links with previous/next, as most Vietnamese CMSs print them. */
export function paginationLinks(view: ListingView, cls: { wrap: string; active: string }, labels = { prev: '«', next: '»' }): string {
  if (view.totalPages <= 1) return '';
  const parts: string[] = [];
  if (view.page > 1) parts.push(`<a href="${view.pagePath(view.page - 1)}" rel="prev">${labels.prev}</a>`);
  const from = Math.max(1, view.page - 3);
  const to = Math.min(view.totalPages, view.page + 3);
  for (let n = from; n <= to; n++) {
    parts.push(n === view.page ? `<span class="${cls.active}">${n}</span>` : `<a href="${view.pagePath(n)}">${n}</a>`);
  }
  if (view.page < view.totalPages) parts.push(`<a href="${view.pagePath(view.page + 1)}" rel="next">${labels.next}</a>`);
  return `<div class="${cls.wrap}">${parts.join(' ')}</div>`;
}

/** Footer note: every demo page says it is a simulation with invented people. */
export const DEMO_NOTICE = 'Trang mô phỏng phục vụ kiểm thử provnews. Nhân vật, sự kiện và số liệu là hư cấu.';
