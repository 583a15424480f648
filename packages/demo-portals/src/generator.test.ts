import { describe, expect, it } from 'vitest';
import { generateArticles } from './generator.ts';
import { PROVINCE_DISTRICTS } from './provinces.ts';
import { renderArticlePage } from './server.ts';
import { expectationProblems, sourceText, splitPage } from './test-helpers.ts';

describe('generateArticles', () => {
  it('is deterministic for a seed and varies with it', () => {
    const a = generateArticles(50, { seed: 7 });
    expect(generateArticles(50, { seed: 7 })).toEqual(a);
    expect(generateArticles(50, { seed: 8 })).not.toEqual(a);
    expect(a).toHaveLength(50);
    expect(new Set(a.map((x) => x.key)).size).toBe(50);
  });

  it('writes expectations consistent with the text, over many articles', () => {
    for (const province of ['Hà Giang', 'Cao Bằng', 'Thanh Hóa']) {
      for (const g of generateArticles(300, { seed: 11, province })) {
        const text = sourceText(g);
        expect(expectationProblems(text, g.expected, g.byline), g.key).toEqual([]);
        expect(g.expected.province).toBe(province);
        for (const d of g.expected.districts) expect(PROVINCE_DISTRICTS[province]).toContain(d);
        expect(g.expected.officials.length).toBeGreaterThanOrEqual(2);
        expect(g.expected.metrics.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('spreads publication over 2022–2024 with events on the day or up to two days before', () => {
    const years = new Set<string>();
    for (const g of generateArticles(400, { seed: 3 })) {
      years.add(g.publishedAt.slice(0, 4));
      const day = Date.parse(`${g.publishedAt.slice(0, 10)}T00:00:00+07:00`);
      const event = Date.parse(`${g.expected.eventDate}T00:00:00+07:00`);
      expect((day - event) / 86_400_000).toBeGreaterThanOrEqual(0);
      expect((day - event) / 86_400_000).toBeLessThanOrEqual(2);
    }
    expect([...years].sort()).toEqual(['2022', '2023', '2024']);
  });

  it('keeps to the districts it is given and rejects unknown provinces', () => {
    for (const g of generateArticles(40, { seed: 5, province: 'Thanh Hóa', districts: ['Quan Hóa'] })) {
      expect(g.expected.districts).toEqual(['Quan Hóa']);
    }
    expect(() => generateArticles(1, { seed: 1, province: 'Sơn Lâm' })).toThrow(/unknown province/);
  });

  it('renders a generated article in every template with the officials in the body', () => {
    const [g] = generateArticles(1, { seed: 21, province: 'Lạng Sơn' });
    if (!g) throw new Error('nothing generated');
    const templates = { 'demo-hagiang': 'modern-newspaper', 'demo-langson': 'jsonld-newspaper', 'demo-caobang': 'cms-portal', 'demo-quanhoa': 'table-portal' } as const;
    for (const [id, template] of Object.entries(templates)) {
      const { body } = splitPage(renderArticlePage(id, g), template);
      for (const o of g.expected.officials) expect(body).toContain(o.name);
    }
  });
});
