/**
 * Cleaner evaluation on the demo portals (@provnews/demo-portals): every template, its hand-written
 * articles and generated ones, scored against the text each page was rendered from.
 *
 * Per template: word-level P / R / F1 of `text` against the true body (sapo + body paragraphs; captions
 * and byline are not body text), with the same scoring functions as the article-extraction-benchmark;
 * title exact-match rate; byline found rate; caption recall; chrome leaks (known chrome strings that
 * survive in `text`: visitor counters, "Tin liên quan" headings and items, licence footers, the titles
 * of the portal's other articles).
 *
 * Run alone for the failing pages: `npx tsx bench/cleaner-demo-eval.ts [--details]`.
 */
import { cleanHtml, normalizeForMatch, type CleanResult } from '@provnews/cleaner';
import { renderArticlePage, startDemoPortals, type DemoArticle, type DemoPortal } from '@provnews/demo-portals';
import { corpusMetrics, scorePage, type PageScore } from './cleaner-scoring.ts';

/** Generated articles added to each portal (on top of its 5 hand-written ones). */
export const GENERATED_PER_PORTAL = 50;

/**
 * Chrome strings every demo template prints somewhere outside the article. Matched on the
 * normalised text, so case and tone placement do not matter.
 */
const CHROME_STRINGS = [
  'Thống kê truy cập',
  'Đang truy cập',
  'Đang online',
  'Tổng lượt truy cập',
  'Số lượt truy cập',
  'Tháng hiện tại',
  'Lượt xem',
  'Tin liên quan',
  'Tin cùng chuyên mục',
  'Các tin khác',
  'Tin khác',
  'Xem thêm',
  'Đọc nhiều',
  'Xem nhiều',
  'Ý kiến bạn đọc',
  'bình luận',
  'Chia sẻ',
  'Cỡ chữ',
  'In trang',
  'Gửi email',
  'Cơ quan chủ quản',
  'Tổng Biên tập',
  'Trưởng Ban biên tập',
  'GP-BTTTT',
  'GP-STTTT',
  'Ghi rõ nguồn',
  'Trang mô phỏng',
  'Đăng nhập',
  'Trang chủ',
];

export interface TemplateRow {
  template: string;
  portal: string;
  pages: number;
  isArticle: number;
  f1: number;
  precision: number;
  recall: number;
  titleExact: number;
  bylineFound: number;
  captionRecall: number;
  /** Chrome strings found in `text`, summed over pages. */
  leaks: number;
  /** Pages with at least one leak. */
  leakPages: number;
}

export interface PageDetail {
  id: string;
  f1: number;
  title: string | null;
  expectedTitle: string;
  byline: string | null;
  expectedByline: string;
  missingCaptions: string[];
  leaks: string[];
  isArticle: boolean;
}

const k = normalizeForMatch;

/** The article text a perfect cleaner returns: sapo then body paragraphs. */
export function trueBody(a: DemoArticle): string {
  return [a.source.sapo, ...a.source.blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : []))].join('\n\n');
}

function leaksOf(r: CleanResult, a: DemoArticle, otherTitles: readonly string[]): string[] {
  const text = k(r.text);
  const body = k(trueBody(a));
  const found: string[] = [];
  for (const c of CHROME_STRINGS) {
    const ck = k(c);
    // A chrome word that the article itself uses ("chia sẻ kinh nghiệm") is not a leak.
    if (text.includes(ck) && !body.includes(ck)) found.push(c);
  }
  for (const t of otherTitles) if (text.includes(k(t)) && !body.includes(k(t))) found.push(`title: ${t}`);
  return found;
}

function scoreArticle(portal: DemoPortal, a: DemoArticle, otherTitles: readonly string[]): { score: PageScore; detail: PageDetail; r: CleanResult } {
  const r = cleanHtml(renderArticlePage(portal, a), { url: a.url });
  const score = scorePage(trueBody(a), r.text);
  const f1 = score.tp > 0 ? (2 * score.tp) / (2 * score.tp + score.fp + score.fn) : 0;
  const captions = a.source.blocks.flatMap((b) => (b.kind === 'figure' ? [b.caption] : []));
  const got = new Set(r.captions.map(k));
  return {
    score,
    r,
    detail: {
      id: a.id,
      f1,
      title: r.title,
      expectedTitle: a.source.title,
      byline: r.byline,
      expectedByline: a.source.byline,
      missingCaptions: captions.filter((c) => !got.has(k(c))),
      leaks: leaksOf(r, a, otherTitles),
      isArticle: r.isArticle,
    },
  };
}

/** Runs the evaluation; starts the demo portals on loopback and stops them before returning. */
export async function evaluateDemoPortals(generated = GENERATED_PER_PORTAL): Promise<{ rows: TemplateRow[]; details: PageDetail[] }> {
  const server = await startDemoPortals({ generated, seed: 1 });
  try {
    const rows: TemplateRow[] = [];
    const details: PageDetail[] = [];
    for (const portal of server.portals) {
      const titles = portal.articles.map((a) => a.title).filter((t) => t.length >= 20);
      const scores: PageScore[] = [];
      let titleOk = 0;
      let bylineOk = 0;
      let captionsTotal = 0;
      let captionsFound = 0;
      let leaks = 0;
      let leakPages = 0;
      let articles = 0;
      for (const a of portal.articles) {
        const { score, detail } = scoreArticle(
          portal,
          a,
          titles.filter((t) => t !== a.title),
        );
        scores.push(score);
        details.push(detail);
        if (detail.isArticle) articles++;
        if (detail.title !== null && k(detail.title) === k(a.source.title)) titleOk++;
        if (detail.byline !== null && k(detail.byline).includes(k(a.source.byline))) bylineOk++;
        const nCaptions = a.source.blocks.filter((b) => b.kind === 'figure').length;
        captionsTotal += nCaptions;
        captionsFound += nCaptions - detail.missingCaptions.length;
        leaks += detail.leaks.length;
        if (detail.leaks.length > 0) leakPages++;
      }
      const m = corpusMetrics(scores);
      const n = portal.articles.length;
      rows.push({
        template: portal.template,
        portal: portal.id,
        pages: n,
        isArticle: articles / n,
        f1: m.f1,
        precision: m.precision,
        recall: m.recall,
        titleExact: titleOk / n,
        bylineFound: bylineOk / n,
        captionRecall: captionsTotal > 0 ? captionsFound / captionsTotal : 1,
        leaks,
        leakPages,
      });
    }
    return { rows, details };
  } finally {
    await server.close();
  }
}

/** Markdown table of the rows. */
export function demoTable(rows: readonly TemplateRow[]): string[] {
  const f = (x: number): string => x.toFixed(3);
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  return [
    '| template (portal) | pages | isArticle | F1 | precision | recall | title exact | byline found | caption recall | chrome leaks (pages) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.template} (${r.portal}) | ${r.pages} | ${pct(r.isArticle)} | ${f(r.f1)} | ${f(r.precision)} | ${f(r.recall)} | ${pct(r.titleExact)} | ${pct(r.bylineFound)} | ${pct(r.captionRecall)} | ${r.leaks} (${r.leakPages}) |`,
    ),
  ];
}

// Stand-alone run: the table, then every page that is not perfect.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) {
  const { rows, details } = await evaluateDemoPortals();
  for (const line of demoTable(rows)) console.log(line);
  if (process.argv.includes('--details')) {
    for (const d of details) {
      const titleBad = d.title === null || k(d.title) !== k(d.expectedTitle);
      const bylineBad = d.byline === null || !k(d.byline).includes(k(d.expectedByline));
      if (d.f1 >= 0.999 && !titleBad && !bylineBad && d.missingCaptions.length === 0 && d.leaks.length === 0) continue;
      console.log(`\n${d.id} f1=${d.f1.toFixed(3)}${d.isArticle ? '' : ' NOT-ARTICLE'}`);
      if (titleBad) console.log(`  title: ${d.title ?? 'null'}  ≠  ${d.expectedTitle}`);
      if (bylineBad) console.log(`  byline: ${d.byline ?? 'null'}  ≠  ${d.expectedByline}`);
      for (const c of d.missingCaptions) console.log(`  caption missing: ${c}`);
      for (const l of d.leaks) console.log(`  leak: ${l}`);
    }
  }
}
