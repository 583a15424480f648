import { cleanHtml } from '@provnews/cleaner';
import { renderArticlePage, startDemoPortals } from '@provnews/demo-portals';
const s = await startDemoPortals({ generated: 2 });
for (const p of s.portals) {
  const a = p.articles.find(x => x.source.blocks.some(b => b.kind==='figure'))!;
  const r = cleanHtml(renderArticlePage(p, a));
  console.log('=====', p.template, a.id, r.title, '|', r.byline, '|', JSON.stringify(r.dates));
  console.log(r.paragraphs.map(x=>'  > '+x.slice(0,100)).join('\n'));
  console.log('captions', r.captions);
}
await s.close();
