import { startDemoPortals, renderArticlePage } from '@provnews/demo-portals';
import { extractFromPage, foldVietnamese } from '@provnews/extractor';
const demo = await startDemoPortals({ generated: 60, seed: 7 });
const f = (s: string) => foldVietnamese(s).replace(/\s+/g, ' ').trim();
const stats: Record<string, [number, number, number]> = {};
const bump = (k: string, tp: number, fp: number, fn: number) => { const s = (stats[k] ??= [0, 0, 0]); s[0] += tp; s[1] += fp; s[2] += fn; };
const cmp = (k: string, gold: string[], pred: string[], show: string) => {
  const g = new Set(gold), p = new Set(pred);
  const tp = [...p].filter((x) => g.has(x)).length;
  bump(k, tp, p.size - tp, g.size - tp);
  if (tp !== p.size || tp !== g.size) misses.push(`${show} ${k}: gold=${JSON.stringify([...g].filter(x=>!p.has(x)))} pred=${JSON.stringify([...p].filter(x=>!g.has(x)))}`);
};
const misses: string[] = [];
for (const portal of demo.portals) for (const a of portal.articles.filter((x) => x.generated)) {
  const { record } = extractFromPage(renderArticlePage(portal, a), { url: a.url, portal: { id: portal.id, province: portal.province } });
  const e = a.expected;
  cmp('officials', e.officials.map((o) => f(o.name) + '|' + o.titles.map(f).sort().join(';')), record.officials.map((o) => f(o.name) + '|' + o.titles.map(f).sort().join(';')), a.id);
  cmp('districts', e.districts.map(f), record.districts.map(f), a.id);
  cmp('documents', e.documents.map((d) => f(d.kind + ' ' + d.number + ' ' + d.date)), record.documents.map((d) => f(d.kind + ' ' + d.number + ' ' + d.date)), a.id);
  cmp('authors', e.authors.map(f), record.authors.map(f), a.id);
  cmp('eventDate', e.eventDate ? [e.eventDate] : [], record.eventDate ? [record.eventDate] : [], a.id);
  cmp('province', [f(e.province)], record.province ? [f(record.province)] : [], a.id);
}
await demo.close();
console.log(stats);
console.log(misses.slice(0, 40).join('\n'));
