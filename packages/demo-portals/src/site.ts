import { createHash } from 'node:crypto';
import type { PortalDefinition } from './portals.ts';
import { counter, type SectionInfo, type SiteContext } from './templates/shared.ts';
import type { ArticleSource, DemoArticle, DemoPortal } from './types.ts';
import { escapeXml, parseLocal, rfc822, toInstant } from './vietnamese.ts';

/** A response body with the validators the server uses for conditional GETs. */
export interface Page {
  status: number;
  contentType: string;
  body: Buffer;
  /** Quoted strong validator, e.g. `"3f2a9c0d1b7e4a55"`. */
  etag: string;
  /** Set on articles, the feed and the sitemap. */
  lastModified?: Date;
}

/** The portal's "today" in header widgets: fixed after the last demo date, so pages never change. */
const SITE_TODAY = { year: 2025, month: 1, day: 6, hour: 8, minute: 0 };
/** Latest articles in the RSS feed. */
const FEED_SIZE = 20;
/** A 1×1 transparent GIF served for every image path. */
const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function makePage(status: number, contentType: string, body: string | Buffer, lastModified?: Date): Page {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const etag = `"${createHash('sha1').update(buf).digest('hex').slice(0, 16)}"`;
  return lastModified ? { status, contentType, body: buf, etag, lastModified } : { status, contentType, body: buf, etag };
}

const HTML = 'text/html; charset=utf-8';

/** One portal's pages: its articles, URL routes and page cache. Pure; the HTTP server sits on top. */
export class PortalSite {
  readonly context: SiteContext;
  /** Every article, newest first. */
  readonly articles: DemoArticle[];
  readonly portal: DemoPortal;
  private readonly byPath = new Map<string, DemoArticle>();
  /** Position of each article (by id) in `articles`, newest first. */
  private readonly position = new Map<DemoArticle['id'], number>();
  private readonly listings = new Map<string, { section: SectionInfo; page: number }>();
  private readonly cache = new Map<string, Page>();
  private readonly mostRead: DemoArticle[];

  constructor(
    readonly def: PortalDefinition,
    baseUrl: string,
    generated: ArticleSource[],
    private readonly pageSize: number,
  ) {
    const t = def.template;
    this.context = {
      id: def.id,
      name: def.name,
      province: def.province,
      baseUrl,
      sections: def.sections,
      feedPath: t.feedPath,
      today: SITE_TODAY,
      editor: def.editor,
      licence: def.licence,
      owner: def.owner,
      address: def.address,
    };
    const sources = [...def.articles.map((s) => ({ s, generated: false })), ...generated.map((s) => ({ s, generated: true }))];
    // Numeric ids grow with publication time, as a CMS's auto-increment would.
    sources.sort((a, b) => a.s.publishedAt.localeCompare(b.s.publishedAt) || a.s.key.localeCompare(b.s.key));
    const wrapped = sources.map(({ s, generated: g }, i) => this.wrap(s, def.idBase + i, g));
    this.articles = wrapped.reverse();
    this.articles.forEach((a, i) => {
      this.byPath.set(a.path, a);
      this.position.set(a.id, i);
    });
    for (const section of def.sections) {
      const pages = Math.max(1, Math.ceil(this.inSection(section).length / pageSize));
      for (let n = 1; n <= pages; n++) this.listings.set(t.listingPath(section, n), { section, page: n });
    }
    this.mostRead = this.articles
      .filter((a) => !a.generated)
      .sort((a, b) => counter(b.id, 100_000) - counter(a.id, 100_000))
      .slice(0, 6);
    this.portal = {
      id: def.id,
      name: def.name,
      province: def.province,
      baseUrl,
      template: t.name,
      articles: this.articles,
      feedUrl: `${baseUrl}${t.feedPath}`,
      sitemapUrl: `${baseUrl}/sitemap.xml`,
      listingUrls: def.sections.map((s) => `${baseUrl}${t.listingPath(s, 1)}`),
      articleUrlPattern: t.articlePattern,
    };
  }

  /** Gives an article source its place on this portal. */
  wrap(s: ArticleSource, numericId: number, generated: boolean): DemoArticle {
    const section = this.sectionInfo(s);
    const path = this.def.template.articlePath(section, s.slug, numericId);
    return {
      id: `${this.def.id}/${s.key}`,
      path,
      url: `${this.context.baseUrl}${path}`,
      title: s.title,
      publishedAt: s.publishedAt,
      section: s.section,
      generated,
      expected: s.expected,
      source: s,
    };
  }

  /** The HTML of an article page (also for articles that are not routed, e.g. in benchmarks). */
  renderArticle(article: DemoArticle): string {
    // "Tin liên quan": the next older stories of the section, then the nearest newer ones. Walked
    // outward from the article's own position, so a page costs the same whatever the portal's size.
    const at = this.position.get(article.id) ?? -1;
    const related: DemoArticle[] = [];
    const take = (i: number): void => {
      const a = this.articles[i]!;
      if (a.section === article.section && a.id !== article.id) related.push(a);
    };
    for (let i = at + 1; i < this.articles.length && related.length < 3; i++) take(i);
    for (let i = at - 1; i >= 0 && related.length < 3; i--) take(i);
    const mostRead = this.mostRead.filter((a) => a.id !== article.id).slice(0, 5);
    return this.def.template.article(this.context, { article, related, mostRead });
  }

  /** Answers a request target (`/path?query`); never throws for unknown paths (404 page). */
  handle(target: string): Page {
    const cached = this.cache.get(target);
    if (cached) return cached;
    const page = this.route(target);
    // Only cache what the portal serves itself; a crawler probing random paths must not grow memory.
    if (page.status === 200 && !target.startsWith('/tim-kiem')) this.cache.set(target, page);
    return page;
  }

  private route(target: string): Page {
    const url = new URL(target, 'http://portal.invalid');
    const page = this.routePath(url.pathname, url);
    // Like most CMSs, a path with or without its trailing slash is the same page.
    if (page.status !== 404 || url.pathname === '/') return page;
    const twin = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : `${url.pathname}/`;
    const other = this.routePath(twin, url);
    return other.status === 404 ? page : other;
  }

  private routePath(path: string, url: URL): Page {
    const t = this.def.template;
    const article = this.byPath.get(path);
    if (article) return makePage(200, HTML, this.renderArticle(article), toInstant(parseLocal(article.publishedAt)));
    const listing = this.listings.get(path + url.search) ?? (url.search === '' ? undefined : this.listings.get(path + url.search.replace(/&.*$/, '')));
    if (listing) return makePage(200, HTML, this.renderListing(listing.section, listing.page));
    if (path === '/' || path === '/index.html') return makePage(200, HTML, this.renderHome());
    if (path === '/robots.txt') return makePage(200, 'text/plain; charset=utf-8', this.robots());
    if (path === '/sitemap.xml') return makePage(200, 'application/xml; charset=utf-8', this.sitemap(), this.lastModified());
    if (path === t.feedPath) return makePage(200, 'application/rss+xml; charset=utf-8', this.feed(), this.lastModified());
    if (path === '/tim-kiem') return makePage(200, HTML, t.search(this.context, url.searchParams.get('q') ?? ''));
    if (path.startsWith('/admin/')) {
      return makePage(200, HTML, '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập quản trị</title></head><body><form method="post"><input name="u"><input name="p" type="password"><button>Đăng nhập</button></form></body></html>');
    }
    if (t.infoPaths.includes(path)) {
      return makePage(200, HTML, `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${escapeXml(this.def.name)}</title></head><body><h1>${escapeXml(this.def.name)}</h1><p>Trang thông tin đang được cập nhật.</p><p><a href="/">Trang chủ</a></p></body></html>`);
    }
    if (/\.(jpe?g|png|gif|svg|ico)$/i.test(path)) return makePage(200, 'image/gif', PIXEL_GIF);
    if (/\.css$/i.test(path)) return makePage(200, 'text/css; charset=utf-8', '/* demo */\n');
    if (/\.js$/i.test(path)) return makePage(200, 'application/javascript; charset=utf-8', '/* demo */\n');
    return makePage(404, HTML, t.notFound(this.context, path));
  }

  private sectionInfo(s: ArticleSource): SectionInfo {
    const section = this.def.sections.find((x) => x.section === s.section);
    if (!section) throw new Error(`portal ${this.def.id} has no section ${s.section}`);
    return section;
  }

  private inSection(section: SectionInfo): DemoArticle[] {
    return section.section === 'all' ? this.articles : this.articles.filter((a) => a.section === section.section);
  }

  private renderListing(section: SectionInfo, page: number): string {
    const all = this.inSection(section);
    const totalPages = Math.max(1, Math.ceil(all.length / this.pageSize));
    const items = all.slice((page - 1) * this.pageSize, page * this.pageSize);
    return this.def.template.listing(this.context, {
      section,
      page,
      totalPages,
      items,
      pagePath: (n) => this.def.template.listingPath(section, n),
    });
  }

  private renderHome(): string {
    return this.def.template.home(this.context, {
      latest: this.articles.slice(0, 10),
      bySection: this.def.sections.filter((s) => s.section !== 'all').map((section) => ({ section, items: this.inSection(section).slice(0, 4) })),
      mostRead: this.mostRead.slice(0, 5),
    });
  }

  private lastModified(): Date | undefined {
    const newest = this.articles[0];
    return newest ? toInstant(parseLocal(newest.publishedAt)) : undefined;
  }

  private robots(): string {
    return [
      '# robots.txt for ' + this.def.name,
      'User-agent: *',
      'Disallow: /admin/',
      'Disallow: /tim-kiem',
      '',
      'User-agent: BadBot',
      'Disallow: /',
      '',
      `Sitemap: ${this.context.baseUrl}/sitemap.xml`,
      '',
    ].join('\n');
  }

  private sitemap(): string {
    const base = this.context.baseUrl;
    const url = (loc: string, lastmod?: string) => `<url><loc>${escapeXml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
    const entries = [
      url(`${base}/`),
      ...this.def.sections.map((s) => url(`${base}${this.def.template.listingPath(s, 1)}`)),
      ...this.articles.map((a) => url(a.url, a.publishedAt)),
    ];
    return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
  }

  private feed(): string {
    const base = this.context.baseUrl;
    const items = this.articles.slice(0, FEED_SIZE).map((a) => {
      const section = this.sectionInfo(a.source);
      return `<item>
<title>${escapeXml(a.title)}</title>
<link>${escapeXml(a.url)}</link>
<guid isPermaLink="true">${escapeXml(a.url)}</guid>
<pubDate>${rfc822(parseLocal(a.publishedAt))}</pubDate>
<category>${escapeXml(section.name)}</category>
<description>${escapeXml(a.source.sapo)}</description>
</item>`;
    });
    const newest = this.articles[0];
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(this.def.name)} - Tin mới</title>
<link>${escapeXml(base)}/</link>
<description>Tin tức mới nhất của ${escapeXml(this.def.name)}</description>
<language>vi</language>
${newest ? `<lastBuildDate>${rfc822(parseLocal(newest.publishedAt))}</lastBuildDate>\n` : ''}<atom:link href="${escapeXml(base + this.def.template.feedPath)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`;
  }
}
