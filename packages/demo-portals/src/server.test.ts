import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortals } from './server.ts';
import { assertWellFormedXml, rawGet } from './test-helpers.ts';
import type { DemoPortal, DemoPortalsServer } from './types.ts';

const text = async (url: string, headers: Record<string, string> = {}) => (await rawGet(url, headers)).body.toString('utf8');

describe('demo portals server', () => {
  let server: DemoPortalsServer;
  beforeAll(async () => {
    server = await startDemoPortals();
  });
  afterAll(() => server.close());

  it('serves four portals, each on its own loopback port', () => {
    const ids = server.portals.map((p) => p.id);
    expect(ids).toEqual(['demo-hagiang', 'demo-langson', 'demo-caobang', 'demo-quanhoa']);
    const hosts = server.portals.map((p) => new URL(p.baseUrl).host);
    expect(new Set(hosts).size).toBe(4);
    for (const p of server.portals) expect(p.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves home, listings and articles as UTF-8 HTML that links to the feed', async () => {
    for (const p of server.portals) {
      const home = await rawGet(`${p.baseUrl}/`);
      expect(home.status, p.id).toBe(200);
      expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = home.body.toString('utf8');
      expect(html).toContain('type="application/rss+xml"');
      expect(html).toContain(p.feedUrl);
      for (const listing of p.listingUrls) expect(html).toContain(`href="${new URL(listing).pathname}`);
      expect(html).toContain(`href="${p.articles[0]?.path}"`);
      for (const a of p.articles) {
        const res = await rawGet(a.url);
        expect(res.status, a.url).toBe(200);
        expect(res.headers.etag).toMatch(/^"[0-9a-f]{16}"$/);
        expect(new Date(String(res.headers['last-modified'])).toISOString()).toBe(new Date(a.publishedAt).toISOString());
      }
    }
  });

  it('paginates listings and answers 404 past the last page and for unknown paths', async () => {
    // The aggregate listing (first of listingUrls) has a second page with the default page size of 4.
    const pages: Record<string, string> = {
      'demo-hagiang': '/tin-tuc/?page=2',
      'demo-langson': '/tin-tuc/tin-moi/trang-2',
      'demo-caobang': '/tin-moi?page=2',
      'demo-quanhoa': '/Pages/chuyen-muc/tin-tuc-su-kien.aspx?page=2',
    };
    for (const p of server.portals) {
      const first = await text(p.listingUrls[0] ?? '');
      expect(first, p.id).toContain(`href="${pages[p.id]?.replace(/&/g, '&amp;')}"`);
      expect((await rawGet(`${p.baseUrl}${pages[p.id]}`)).status, p.id).toBe(200);
      expect((await rawGet(`${p.baseUrl}${(pages[p.id] ?? '').replace('2', '9')}`)).status, p.id).toBe(404);
      const missing = await rawGet(`${p.baseUrl}/khong-ton-tai/bai-viet-123.html`);
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    }
  });

  it('answers 304 to If-None-Match and If-Modified-Since', async () => {
    for (const p of server.portals) {
      const a = p.articles[0];
      if (!a) throw new Error('no article');
      const first = await rawGet(a.url);
      const etag = String(first.headers.etag);
      const lastModified = String(first.headers['last-modified']);
      const byEtag = await rawGet(a.url, { 'if-none-match': etag });
      expect(byEtag.status).toBe(304);
      expect(byEtag.body.length).toBe(0);
      expect(byEtag.headers.etag).toBe(etag);
      expect((await rawGet(a.url, { 'if-modified-since': lastModified })).status).toBe(304);
      expect((await rawGet(a.url, { 'if-modified-since': 'Mon, 01 Jan 2018 00:00:00 GMT' })).status).toBe(200);
      // If-None-Match wins over If-Modified-Since.
      expect((await rawGet(a.url, { 'if-none-match': '"stale"', 'if-modified-since': lastModified })).status).toBe(200);
    }
  });

  it('gzips when asked and only then', async () => {
    const a = server.portals[0]?.articles[0];
    if (!a) throw new Error('no article');
    const plain = await rawGet(a.url);
    const zipped = await rawGet(a.url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect((await rawGet(a.url, { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
    expect((await rawGet(a.url, { 'accept-encoding': 'gzip', 'if-none-match': String(zipped.headers.etag) })).status).toBe(304);
  });

  it('answers HEAD with headers only and rejects POST', async () => {
    const a = server.portals[1]?.articles[0];
    if (!a) throw new Error('no article');
    const head = await rawGet(a.url, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    expect(head.body.length).toBe(0);
    expect((await rawGet(a.url, {}, 'POST')).status).toBe(405);
  });

  it('publishes robots.txt with the disallows and the sitemap', async () => {
    for (const p of server.portals) {
      const res = await rawGet(`${p.baseUrl}/robots.txt`);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      const robots = res.body.toString('utf8');
      expect(robots).toMatch(/^User-agent: \*$/m);
      expect(robots).toMatch(/^Disallow: \/admin\/$/m);
      expect(robots).toMatch(/^Disallow: \/tim-kiem$/m);
      expect(robots).toContain(`Sitemap: ${p.sitemapUrl}`);
    }
  });

  it('lists every article URL in the sitemap', async () => {
    for (const p of server.portals) {
      const xml = await text(p.sitemapUrl);
      expect(assertWellFormedXml(xml)).toBe('urlset');
      const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
      for (const a of p.articles) expect(locs).toContain(a.url);
    }
  });

  it('serves a well-formed RSS 2.0 feed of the latest articles', async () => {
    for (const p of server.portals) {
      const res = await rawGet(p.feedUrl);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const xml = res.body.toString('utf8');
      expect(assertWellFormedXml(xml)).toBe('rss');
      expect(xml).toContain('<rss version="2.0"');
      const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
      expect(links).toEqual(p.articles.map((a) => a.url));
      expect(xml).toMatch(/<pubDate>\w{3}, \d{2} \w{3} 20\d{2} \d{2}:\d{2}:00 \+0700<\/pubDate>/);
    }
  });

  it('can be crawled from the home page to every article without disallowed paths or broken links', async () => {
    const broken: string[] = [];
    for (const p of server.portals) {
      const seen = new Set<string>();
      const queue = ['/'];
      while (queue.length && seen.size < 200) {
        const path = queue.shift() ?? '/';
        if (seen.has(path)) continue;
        seen.add(path);
        const res = await fetch(`${p.baseUrl}${path}`);
        if (res.status !== 200) broken.push(`${p.id} ${path} ${res.status}`);
        const html = await res.text();
        for (const m of html.matchAll(/href="([^"#]+)"/g)) {
          const href = (m[1] ?? '').replace(/&amp;/g, '&');
          const url = new URL(href, `${p.baseUrl}${path}`);
          if (url.origin !== p.baseUrl) continue;
          const next = url.pathname + url.search;
          if (/^\/(admin\/|tim-kiem)/.test(next) || /\.(css|js|png|jpe?g|gif|ico|xml)$/.test(url.pathname) || url.pathname.startsWith('/rss')) continue;
          if (!seen.has(next)) queue.push(next);
        }
      }
      for (const a of p.articles) expect(seen, `${p.id} ${a.path}`).toContain(a.path);
      const article = new RegExp(p.articleUrlPattern);
      for (const path of seen) if (article.test(path)) expect(p.articles.map((a) => a.path), path).toContain(path);
    }
    expect(broken).toEqual([]);
  });

  it('serves a listing with or without its trailing slash', async () => {
    for (const p of server.portals) {
      const listing = new URL(p.listingUrls[1] ?? p.listingUrls[0]!);
      const twin = listing.pathname.endsWith('/') ? listing.pathname.slice(0, -1) : `${listing.pathname}/`;
      expect((await fetch(`${p.baseUrl}${twin}`)).status, `${p.id} ${twin}`).toBe(200);
    }
  });

  it('records requests per portal with path and status', async () => {
    const p = server.portals[3] as DemoPortal;
    await rawGet(`${p.baseUrl}/robots.txt`);
    await rawGet(`${p.baseUrl}/admin/?x=1`);
    const log = server.requests().filter((r) => r.portal === p.id);
    expect(log).toContainEqual({ portal: p.id, path: '/robots.txt', status: 200 });
    expect(log).toContainEqual({ portal: p.id, path: '/admin/?x=1', status: 200 });
  });
});

describe('demo portals with generated articles', () => {
  let server: DemoPortalsServer;
  beforeAll(async () => {
    server = await startDemoPortals({ generated: 60, seed: 4, pageSize: 10 });
  });
  afterAll(() => server.close());

  it('adds the generated articles to every portal: listings, feed of 20, full sitemap', async () => {
    for (const p of server.portals) {
      expect(p.articles).toHaveLength(65);
      expect(p.articles.filter((a) => a.generated)).toHaveLength(60);
      const feed = await text(p.feedUrl);
      expect(feed.match(/<item>/g)).toHaveLength(20);
      const sitemap = await text(p.sitemapUrl);
      for (const a of p.articles) expect(sitemap).toContain(`<loc>${a.url}</loc>`);
      const sorted = [...p.articles].sort((x, y) => y.publishedAt.localeCompare(x.publishedAt));
      expect(p.articles.map((a) => a.id)).toEqual(sorted.map((a) => a.id));
      const generated = p.articles.find((a) => a.generated);
      expect((await rawGet(generated?.url ?? '')).status).toBe(200);
    }
  });

  it('generates different articles for each portal, in its province', () => {
    const titles = server.portals.map((p) => p.articles.find((a) => a.generated)?.title);
    expect(new Set(titles).size).toBe(4);
    for (const p of server.portals) for (const a of p.articles) expect(a.expected.province).toBe(p.province);
  });

  it('is deterministic across starts for the same seed', async () => {
    const again = await startDemoPortals({ generated: 60, seed: 4, pageSize: 10 });
    try {
      const strip = (s: DemoPortalsServer) => s.portals.map((p) => p.articles.map((a) => [a.id, a.path, a.title, a.publishedAt]));
      expect(strip(again)).toEqual(strip(server));
    } finally {
      await again.close();
    }
  });

  it('starts and closes again without generated articles', async () => {
    const quick = await startDemoPortals();
    expect(quick.portals.every((p) => p.articles.length > 0)).toBe(true);
    await quick.close();
    await quick.close();
  });
});
