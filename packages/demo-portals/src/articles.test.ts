import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE_DISTRICTS } from './provinces.ts';
import { renderArticlePage, startDemoPortals } from './server.ts';
import { expectationProblems, rawGet, sourceText, splitPage } from './test-helpers.ts';
import type { DemoPortalsServer } from './types.ts';

/** Ground truth of the hand-written articles, checked against the pages the portals actually serve. */
describe('hand-written articles', () => {
  let server: DemoPortalsServer;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    server = await startDemoPortals();
    for (const portal of server.portals) {
      for (const a of portal.articles) pages.set(a.id, (await rawGet(a.url)).body.toString('utf8'));
    }
  });
  afterAll(() => server.close());

  it('has 5 per portal, 20 in all, published over 2022–2024', () => {
    expect(server.portals.map((p) => p.articles.length)).toEqual([5, 5, 5, 5]);
    for (const a of server.portals.flatMap((p) => p.articles)) {
      expect(a.publishedAt).toMatch(/^202[234]-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/);
      expect(a.generated).toBe(false);
    }
  });

  it('names every expected official in the article body, not only in the chrome', () => {
    for (const portal of server.portals) {
      for (const a of portal.articles) {
        const { body } = splitPage(pages.get(a.id) ?? '', portal.template);
        for (const o of a.expected.officials) {
          expect(body, `${a.id}: ${o.name}`).toContain(o.name);
          for (const t of o.titles) expect(body, `${a.id}: ${t}`).toContain(t);
        }
      }
    }
  });

  it('shows other officials in the chrome ("Tin liên quan", "Đọc nhiều") that are not expected', () => {
    for (const portal of server.portals) {
      const trapped = portal.articles.filter((a) => {
        const { body, chrome } = splitPage(pages.get(a.id) ?? '', portal.template);
        const others = portal.articles.flatMap((o) => o.expected.officials.map((x) => x.name)).filter((n) => !body.includes(n));
        return others.some((n) => chrome.includes(n));
      });
      expect(trapped.length, portal.id).toBeGreaterThan(0);
    }
  });

  it('keeps each expected block true to the served body text', () => {
    for (const portal of server.portals) {
      for (const a of portal.articles) {
        const { body } = splitPage(pages.get(a.id) ?? '', portal.template);
        expect(expectationProblems(body, a.expected, a.source.byline), a.id).toEqual([]);
        expect(a.expected.province).toBe(portal.province);
        // No district of the province is named in the body without being expected.
        const unexpected = (PROVINCE_DISTRICTS[portal.province] ?? []).filter((d) => body.includes(d) && !a.expected.districts.includes(d));
        expect(unexpected, a.id).toEqual([]);
        // District-level cities and towns would make `districts` ambiguous; the texts avoid them.
        expect(body, a.id).not.toMatch(/thành phố|thị xã/);
      }
    }
  });

  it('dates each event on the publication day or up to two days before', () => {
    for (const a of server.portals.flatMap((p) => p.articles)) {
      const event = Date.parse(`${a.expected.eventDate}T00:00:00+07:00`);
      const day = Date.parse(`${a.publishedAt.slice(0, 10)}T00:00:00+07:00`);
      expect((day - event) / 86_400_000, a.id).toBeGreaterThanOrEqual(0);
      expect((day - event) / 86_400_000, a.id).toBeLessThanOrEqual(2);
    }
  });

  it('shows the publication time in each portal’s own visible format', () => {
    const [hg, ls, cb, qh] = server.portals;
    const page = (id: string) => pages.get(id) ?? '';
    expect(page('demo-hagiang/hg-01')).toContain('<span class="post-date">Thứ Hai, 21/11/2022 17:45</span>');
    expect(page('demo-langson/ls-01')).toContain('<meta property="article:published_time" content="2022-07-21T19:30:00+07:00">');
    expect(page('demo-langson/ls-01')).toContain('"@type":"NewsArticle"');
    expect(page('demo-caobang/cb-03')).toContain('Thứ Ba, 30/05/2023, 09:00 [GMT+7]');
    expect(page('demo-quanhoa/qh-01')).toContain('Ngày xuất bản: 15/02/2022 - 16:02');
    expect([hg?.template, ls?.template, cb?.template, qh?.template]).toEqual(['modern-newspaper', 'jsonld-newspaper', 'cms-portal', 'table-portal']);
  });

  it('parses the JSON-LD of the newspaper template', () => {
    const html = pages.get('demo-langson/ls-04') ?? '';
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? '{}';
    const ld = JSON.parse(json) as { '@type': string; datePublished: string; author: { name: string }[] };
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.datePublished).toBe('2023-10-25T17:20:00+07:00');
    expect(ld.author.map((x) => x.name)).toEqual(['Hoàng Hải', 'Mai Lan']);
  });

  it('renders with renderArticlePage exactly what the server serves', async () => {
    const portal = server.portals[2];
    const a = portal?.articles[1];
    if (!portal || !a) throw new Error('no portal');
    const res = await rawGet(a.url, { 'accept-encoding': 'gzip' });
    expect(gunzipSync(res.body).toString('utf8')).toBe(renderArticlePage(portal, a));
  });

  it('keeps the source text and the served body in step', () => {
    for (const portal of server.portals) {
      for (const a of portal.articles) {
        const { body } = splitPage(pages.get(a.id) ?? '', portal.template);
        for (const line of sourceText(a.source).split('\n')) expect(body, a.id).toContain(line);
      }
    }
  });
});
