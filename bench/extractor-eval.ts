/**
 * Extractor evaluation: runs `extractFromPage` (what `provnews extract <file>` calls) over the
 * seed pages in ../shared/seeds and scores each field against ../shared/gold/seeds.gold.json, then
 * does the same for the hand-written demo-portal articles against their `expected` blocks.
 * Prints both tables and writes bench/results/extractor.md.
 *
 * Usage: npm run eval   (= tsx bench/extractor-eval.ts)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleRecordSchema, type ArticleRecord } from '@provnews/record';
import { extractFromPage, type ExtractPageContext } from '@provnews/extractor';
import { normalizeForMatch, type CleanResult } from '@provnews/cleaner';
import { chromeGone, mustKeepKept } from './cleaner-scoring.ts';
import { renderArticlePage, startDemoPortals } from '@provnews/demo-portals';
import {
  foldKey,
  officialTitleKey,
  scoreRow,
  type Counts,
  type GoldSeed,
} from './extractor-scoring.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const shared = resolve(root, '..', 'shared');
const seedsDir = join(shared, 'seeds');
const goldFile = join(shared, 'gold', 'seeds.gold.json');
const resultFile = join(here, 'results', 'extractor.md');

/** The metric units the gold lists; other units are not scored. */
const SCORED_UNITS = new Set(['%', 'đồng', 'ha', 'tấn', 'hộ']);

const FIELDS = [
  'title',
  'publishedAt',
  'eventDate',
  'authors',
  'source',
  'province',
  'districts',
  'officials (name)',
  'officials (name+titles)',
  'officials (each title)',
  'documents (kind+number)',
  'documents (+date)',
  'metrics (value+unit)',
] as const;
type Field = (typeof FIELDS)[number];

function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

function add(c: Counts, d: Counts): void {
  c.tp += d.tp;
  c.fp += d.fp;
  c.fn += d.fn;
}

/** Set comparison by key; each gold item matches at most one predicted item. */
function compareSets(gold: readonly string[], pred: readonly string[]): Counts {
  const remaining = [...gold];
  let tp = 0;
  let fp = 0;
  for (const p of pred) {
    const k = remaining.indexOf(p);
    if (k >= 0) {
      tp++;
      remaining.splice(k, 1);
    } else fp++;
  }
  return { tp, fp, fn: remaining.length };
}

function single(gold: string | null | undefined, pred: string | null): Counts {
  return compareSets(gold ? [gold] : [], pred ? [pred] : []);
}

const uniq = (xs: string[]): string[] => [...new Set(xs)];

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function scoreSeed(gold: GoldSeed, record: ArticleRecord): { counts: Record<Field, Counts>; notOfficialHits: string[]; notes: string[] } {
  const counts = Object.fromEntries(FIELDS.map((f) => [f, zero()])) as Record<Field, Counts>;
  const notes: string[] = [];
  const norm = (s: string | null | undefined): string | null => (s ? foldKey(s) : null);

  if ('title' in gold) add(counts.title, single(norm(gold.title), norm(record.title)));

  if ('publishedAt' in gold) add(counts.publishedAt, single(gold.publishedAt ?? null, record.publishedAt));
  else if (gold.publishedAtNot !== undefined && record.publishedAt) {
    // The gold's note: null or the reported event's day is right, the widget date is wrong.
    const day = record.publishedAt.slice(0, 10);
    const days = Array.isArray(gold.eventDate) ? gold.eventDate : gold.eventDate ? [gold.eventDate] : [];
    if (day === gold.publishedAtNot || (days.length > 0 && !days.includes(day))) counts.publishedAt.fp++;
  }

  if ('eventDate' in gold) {
    // A list of days means any of them is right (an event over two days).
    const days = Array.isArray(gold.eventDate) ? gold.eventDate : gold.eventDate ? [gold.eventDate] : [];
    const hit = record.eventDate !== null && days.includes(record.eventDate) ? record.eventDate : (days[0] ?? null);
    add(counts.eventDate, single(hit, record.eventDate));
  }
  // A field the gold leaves out is not scored (the real sets omit what is ambiguous).
  if ('authors' in gold) add(counts.authors, compareSets(uniq((gold.authors ?? []).map(foldKey)), uniq(record.authors.map(foldKey))));
  if (gold.creditedSource !== undefined) add(counts.source, single(norm(gold.creditedSource), norm(record.source)));
  if ('province' in gold) add(counts.province, single(norm(gold.province), norm(record.province)));
  if ('districts' in gold) add(counts.districts, compareSets(uniq((gold.districts ?? []).map(foldKey)), uniq(record.districts.map(foldKey))));

  const goldOfficials = gold.officials ?? [];
  const goldNames = goldOfficials.map((o) => foldKey(o.name));
  const predNames = uniq(record.officials.map((o) => foldKey(o.name)));
  add(counts['officials (name)'], compareSets(goldNames, predNames));
  const fullKey = (name: string, titles: readonly string[]): string =>
    `${foldKey(name)}|${[...new Set(titles.map(officialTitleKey))].sort().join(';')}`;
  add(
    counts['officials (name+titles)'],
    compareSets(
      goldOfficials.map((o) => fullKey(o.name, o.titles)),
      record.officials.map((o) => fullKey(o.name, o.titles)),
    ),
  );
  const pairs = (list: ReadonlyArray<{ name: string; titles: readonly string[] }>): string[] =>
    uniq(list.flatMap((o) => o.titles.map((t) => `${foldKey(o.name)}|${officialTitleKey(t)}`)));
  add(counts['officials (each title)'], compareSets(pairs(goldOfficials), pairs(record.officials)));
  const notOfficialHits = record.officials.filter((o) => (gold.notOfficials ?? []).some((n) => foldKey(n) === foldKey(o.name))).map((o) => o.name);

  const docKey = (d: { kind: string; number: string | null }): string => `${foldKey(d.kind)}|${foldKey(d.number ?? '')}`;
  const goldDocuments = gold.documents ?? [];
  add(counts['documents (kind+number)'], compareSets(goldDocuments.map(docKey), uniq(record.documents.map(docKey))));
  add(
    counts['documents (+date)'],
    compareSets(
      goldDocuments.map((d) => `${docKey(d)}|${d.date ?? ''}`),
      uniq(record.documents.map((d) => `${docKey(d)}|${d.date ?? ''}`)),
    ),
  );

  // Metrics: value+unit, only the gold's units; allowedExtraMetrics are neither TP nor FP.
  const goldMetrics = (gold.metrics ?? []).map((m) => ({ ...m, used: false }));
  const allowed = (gold.allowedExtraMetrics ?? []).map((m) => ({ ...m, used: false }));
  const mc = zero();
  for (const m of record.metrics) {
    if (!SCORED_UNITS.has(m.unit)) continue;
    const g = goldMetrics.find((x) => !x.used && x.unit === m.unit && sameNumber(x.value, m.value));
    if (g) {
      g.used = true;
      mc.tp++;
      continue;
    }
    const a = allowed.find((x) => !x.used && x.unit === m.unit && sameNumber(x.value, m.value));
    if (a) {
      a.used = true;
      continue;
    }
    mc.fp++;
    notes.push(`extra metric ${m.value} ${m.unit} ("${m.text}")`);
  }
  mc.fn = goldMetrics.filter((x) => !x.used).length;
  for (const g of goldMetrics.filter((x) => !x.used)) notes.push(`missed metric ${g.value} ${g.unit}`);
  add(counts['metrics (value+unit)'], mc);
  return { counts, notOfficialHits, notes };
}

function fmt(n: number | null): string {
  return n === null ? '—' : n.toFixed(2);
}

/** Bad inputs that must give a valid, sparse record quickly. */
function robustness(): string[] {
  const cases: Array<[string, string]> = [
    ['empty text', ''],
    ['listing page', Array.from({ length: 40 }, (_, i) => `Tin liên quan số ${i + 1} về huyện Bắc Quang`).join('\n')],
    ['English text', 'The provincial committee met on Monday to discuss the budget. Growth reached 5 percent.'.repeat(50)],
    ['1 MB of numbers', '1234567890'.repeat(100_000)],
    ['1 MB of "1.000,5 tỷ đồng "', '1.000,5 tỷ đồng '.repeat(65_000)],
    ['1 MB of one word', 'Nguyễn '.repeat(150_000)],
    ['1 MB of titles', 'Bí thư Tỉnh ủy '.repeat(70_000)],
  ];
  const lines: string[] = [];
  for (const [name, input] of cases) {
    const t0 = performance.now();
    let status: string;
    try {
      const { record } = extractFromPage(input, { url: `test://${name}`, mode: 'text' });
      const ok = articleRecordSchema.safeParse(record).success;
      status = `${ok ? 'valid record' : 'INVALID record'}, ${record.officials.length} officials, ${record.metrics.length} metrics`;
    } catch (e) {
      status = `THREW: ${(e as Error).message}`;
    }
    lines.push(`| ${name} | ${(input.length / 1024).toFixed(0)} kB | ${(performance.now() - t0).toFixed(0)} ms | ${status} |`);
  }
  return lines;
}

/** One page to score: its input, the context the extractor gets, and its gold. */
interface EvalCase {
  name: string;
  input: string;
  ctx: ExtractPageContext;
  gold: GoldSeed;
}

/** Scores of one set of pages. */
interface RunResult {
  total: Record<Field, Counts>;
  /** Cleaner checks where the gold has them: chrome strings gone, mustKeep sentences kept. */
  chrome: { gone: number; total: number };
  /** `inCaptions`: of those not in the text, the ones the record keeps as photo captions. */
  mustKeep: { kept: number; total: number; inCaptions: number };
  perCase: string[];
  notOfficialViolations: number;
  failures: string[];
}

/** Runs `extractFromPage` over each case and sums the per-field counts (micro-average). */
function runCases(cases: readonly EvalCase[]): RunResult {
  const total = Object.fromEntries(FIELDS.map((f) => [f, zero()])) as Record<Field, Counts>;
  const perCase: string[] = [];
  let notOfficialViolations = 0;
  const failures: string[] = [];
  const chrome = { gone: 0, total: 0 };
  const mustKeep = { kept: 0, total: 0, inCaptions: 0 };
  for (const c of cases) {
    let record: ArticleRecord;
    let cleaned: CleanResult;
    const t0 = performance.now();
    try {
      ({ record, clean: cleaned } = extractFromPage(c.input, c.ctx));
    } catch (e) {
      failures.push(`${c.name}: ${(e as Error).message}`);
      continue;
    }
    const ms = performance.now() - t0;
    const { counts, notOfficialHits, notes } = scoreSeed(c.gold, record);
    const leaked = (c.gold.chrome ?? []).filter((x) => !chromeGone(cleaned, x));
    const lost = (c.gold.mustKeep ?? []).filter((x) => !mustKeepKept(cleaned, x));
    chrome.total += c.gold.chrome?.length ?? 0;
    chrome.gone += (c.gold.chrome?.length ?? 0) - leaked.length;
    mustKeep.total += c.gold.mustKeep?.length ?? 0;
    mustKeep.kept += (c.gold.mustKeep?.length ?? 0) - lost.length;
    for (const x of leaked) notes.push(`chrome left: "${x}"`);
    const asCaption = (x: string) => cleaned.captions.some((k) => normalizeForMatch(k).includes(normalizeForMatch(x)));
    mustKeep.inCaptions += lost.filter(asCaption).length;
    for (const x of lost) notes.push(asCaption(x) ? `mustKeep kept as a caption, not in the text: "${x}"` : `mustKeep lost: "${x}"`);
    notOfficialViolations += notOfficialHits.length;
    for (const f of FIELDS) add(total[f], counts[f]);
    const bad = FIELDS.filter((f) => counts[f].fp + counts[f].fn > 0);
    perCase.push(
      `- \`${c.name}\` (${ms.toFixed(0)} ms): ${bad.length === 0 ? 'all fields match' : `differs on ${bad.join(', ')}`}` +
        (notOfficialHits.length ? `; NOT-OFFICIAL VIOLATIONS: ${notOfficialHits.join(', ')}` : '') +
        (notes.length ? `\n  - ${notes.join('\n  - ')}` : '') +
        (bad.length
          ? `\n  - predicted: publishedAt=${record.publishedAt} eventDate=${record.eventDate} title=${JSON.stringify(record.title)} ` +
            `authors=${JSON.stringify(record.authors)} source=${record.source} province=${record.province} districts=${JSON.stringify(record.districts)}` +
            `\n  - officials: ${record.officials.map((o) => `${o.name} [${o.titles.join('; ')}]`).join(' · ')}` +
            `\n  - documents: ${record.documents.map((d) => `${d.kind} ${d.number} ${d.date ?? ''}`).join(' · ')}`
          : ''),
    );
  }
  return { total, chrome, mustKeep, perCase, notOfficialViolations, failures };
}

function scoreTable(total: Record<Field, Counts>): string {
  const rows = FIELDS.map((f) => {
    const s = scoreRow(total[f]);
    return `| ${f} | ${total[f].tp} | ${total[f].fp} | ${total[f].fn} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} |`;
  });
  const all = zero();
  for (const f of FIELDS) add(all, total[f]);
  const o = scoreRow(all);
  rows.push(`| **overall (micro, all fields)** | ${all.tp} | ${all.fp} | ${all.fn} | ${fmt(o.precision)} | ${fmt(o.recall)} | **${fmt(o.f1)}** |`);
  return ['| field | TP | FP | FN | precision | recall | F1 |', '|---|---:|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

/** Overall micro F1 over every field, for the one-line summaries. */
function overallF1(total: Record<Field, Counts>): number | null {
  const all = zero();
  for (const f of FIELDS) add(all, total[f]);
  return scoreRow(all).f1;
}

/** The cleaner's share of a real set: chrome gone and mustKeep kept. */
function cleanerLine(r: RunResult): string {
  const captions = r.mustKeep.inCaptions ? ` (${r.mustKeep.inCaptions} more kept as photo captions, which the record holds apart from the text)` : '';
  return `cleaned text: chrome strings gone **${r.chrome.gone}/${r.chrome.total}**, mustKeep sentences kept word for word **${r.mustKeep.kept}/${r.mustKeep.total}**${captions}`;
}

/**
 * Real pages with gold in the seeds' format (../shared/real-pages, ../shared/real-text): each file run
 * through \`extractFromPage(input, { url: 'file://…' })\` as \`provnews extract <file>\` does — no portal
 * context, so the province must come from the page itself.
 */
function realCases(dir: string, goldPath: string): EvalCase[] {
  if (!existsSync(goldPath) || !existsSync(dir)) return [];
  const goldDoc = JSON.parse(readFileSync(goldPath, 'utf8')) as { seeds: Record<string, GoldSeed> };
  return Object.entries(goldDoc.seeds)
    .filter(([file]) => existsSync(join(dir, file)))
    .map(([file, gold]) => ({ name: file, input: readFileSync(join(dir, file), 'utf8'), ctx: { url: `file://${join(dir, file)}` }, gold }));
}

/** A blind set of pages with gold (bench/<name>/pages, bench/<name>/blind.gold.json), run like the real pages. */
function pageSetCases(name: string): EvalCase[] {
  const dir = join(root, 'bench', name);
  return realCases(join(dir, 'pages'), join(dir, 'blind.gold.json'));
}

/** A page set's totals under its heading (nothing when the set is absent); never its per-page results. */
function pageSetSection(r: RunResult, heading: string, intro: string): string {
  if (r.perCase.length === 0) return '';
  return `
## ${heading}

${intro}

${scoreTable(r.total)}

${cleanerLine(r)}

not-official violations: **${r.notOfficialViolations}**${r.failures.length ? `; failed to run: ${r.failures.length}` : ''}
`;
}

function seedCases(): EvalCase[] {
  const goldDoc = JSON.parse(readFileSync(goldFile, 'utf8')) as { about: string; seeds: Record<string, GoldSeed> };
  const cases: EvalCase[] = [];
  for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const gold = goldDoc.seeds[file];
    if (!gold) continue;
    cases.push({ name: file, input: readFileSync(join(seedsDir, file), 'utf8'), ctx: { url: `file://${join(seedsDir, file)}` }, gold });
  }
  return cases;
}

/**
 * The hand-written demo articles as eval cases: each page rendered by its portal, the extractor told
 * the portal's id and province (as the crawler's registry does). Gold is the article's `expected`
 * block; title and publishedAt come from the article source the page is rendered from. The demo
 * gold lists no non-officials and no credited source, so those are not scored here.
 */
async function demoCases(): Promise<EvalCase[]> {
  const demo = await startDemoPortals();
  try {
    const cases: EvalCase[] = [];
    for (const portal of demo.portals) {
      for (const article of portal.articles.filter((a) => !a.generated)) {
        const e = article.expected;
        const gold: GoldSeed = {
          title: article.title,
          publishedAt: article.publishedAt,
          eventDate: e.eventDate,
          authors: e.authors,
          province: e.province,
          districts: e.districts,
          officials: e.officials,
          notOfficials: [],
          documents: e.documents,
          metrics: e.metrics,
        };
        cases.push({
          name: article.id,
          input: renderArticlePage(portal, article),
          ctx: { url: article.url, portal: { id: portal.id, province: portal.province } },
          gold,
        });
      }
    }
    return cases;
  } finally {
    await demo.close();
  }
}

/**
 * The blind set in bench/blind (written without looking at the extractor): texts in the seeds'
 * style with gold in the seeds' format. The old split is kept for continuity: 001–008 print their
 * differences, 009–015 only totals; both are development sets now (rules were fitted to them).
 */
function blindCases(split: 'dev' | 'heldout' | 'all', set = 'blind'): EvalCase[] {
  const dir = join(here, set);
  if (!existsSync(join(dir, 'blind.gold.json'))) return [];
  const goldDoc = JSON.parse(readFileSync(join(dir, 'blind.gold.json'), 'utf8')) as { seeds: Record<string, GoldSeed & { portalHint?: string | null }> };
  const cases: EvalCase[] = [];
  for (const file of readdirSync(join(dir, 'texts')).filter((f) => f.endsWith('.txt')).sort()) {
    const gold = goldDoc.seeds[file];
    if (!gold) continue;
    const isDev = Number(file.slice(0, 3)) <= 8;
    if (split !== 'all' && (split === 'dev') !== isDev) continue;
    const path = join(dir, 'texts', file);
    cases.push({
      name: file,
      input: readFileSync(path, 'utf8'),
      // A portal hint stands for the registry's province of the portal the page came from.
      ctx: { url: `file://${path}`, ...(gold.portalHint ? { portal: { id: 'blind', province: gold.portalHint } } : {}) },
      gold,
    });
  }
  return cases;
}

async function main(): Promise<void> {
  if (!existsSync(seedsDir) || !existsSync(goldFile)) {
    console.log(`extractor-eval: ${seedsDir} or ${goldFile} not found; nothing to score.`);
    return;
  }
  const realPages = runCases(realCases(join(shared, 'real-pages'), join(shared, 'gold', 'real-dev.gold.json')));
  const realText = runCases(realCases(join(shared, 'real-text'), join(shared, 'gold', 'real-text-dev.gold.json')));
  const seeds = runCases(seedCases());
  const demo = runCases(await demoCases());
  const blindDev = runCases(blindCases('dev'));
  const blindHeld = runCases(blindCases('heldout'));
  const blind2 = runCases(blindCases('all', 'blind2'));
  const blind3Cases = blindCases('all', 'blind3');
  const blind3 = runCases(blind3Cases);
  const blind4 = runCases(pageSetCases('blind4'));
  const blind5 = runCases(pageSetCases('blind5'));
  const blind6 = runCases(pageSetCases('blind6'));
  const blind7 = runCases(pageSetCases('blind7'));
  const blind8 = runCases(pageSetCases('blind8'));
  const table = scoreTable(seeds.total);
  const demoTable = scoreTable(demo.total);
  const robust = ['| input | size | time | result |', '|---|---:|---:|---|', ...robustness()].join('\n');

  const md = `# Extractor evaluation

Command: \`npm run eval\` (\`tsx bench/extractor-eval.ts\`), run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

## Real article pages (../shared/real-pages, development set)

Saved article pages from provincial and city papers, full HTML with their CMS chrome (several CMS families),
gold in \`../shared/gold/real-dev.gold.json\`. Each page is run through \`extractFromPage(html, { url: 'file://…' })\`
with no portal context (as \`provnews extract page.html\` does). **A development set**: its failures were read while
writing rules. The first run, before any rule was written from these pages, is kept in
\`bench/results/real-first-run.md\`. A gold eventDate that lists two days accepts either.

${scoreTable(realPages.total)}

${cleanerLine(realPages)}

not-official violations: **${realPages.notOfficialViolations}**
${realPages.failures.length ? `\nPages that failed to run: ${realPages.failures.join('; ')}\n` : ''}
## Real portal text captures (../shared/real-text, development set)

Text captures of district, province, department and commune portal pages (*.gov.vn, *.dcs.vn), chrome included,
gold in \`../shared/gold/real-text-dev.gold.json\`; run like the seeds. **A development set** (first run in
\`bench/results/real-first-run.md\`).

${scoreTable(realText.total)}

${cleanerLine(realText)}

not-official violations: **${realText.notOfficialViolations}**
${realText.failures.length ? `\nCaptures that failed to run: ${realText.failures.join('; ')}\n` : ''}
## Seed pages

Input: the five seed pages in \`../shared/seeds\` (captured text, chrome included), each run through
\`extractFromPage(text, { url: 'file://…' })\` — the cleaner (\`@provnews/cleaner\`) then the extractor, exactly as
\`provnews extract <file>\` does. Gold: \`../shared/gold/seeds.gold.json\`.

${table}

not-official violations (a gold \`notOfficials\` name extracted as an official): **${seeds.notOfficialViolations}**
${seeds.failures.length ? `\nSeeds that failed to run: ${seeds.failures.join('; ')}\n` : ''}
## Demo articles (development set, not held out)

Input: the 20 hand-written articles of \`@provnews/demo-portals\` (5 per portal, four HTML templates), each page
rendered with \`renderArticlePage(portal, article)\` and run through
\`extractFromPage(html, { url, portal: { id, province } })\`. Gold: each article's \`expected\` block (officials with
titles as written, province, districts, authors, eventDate, documents, metrics); title and publishedAt from the
article source the page is rendered from. The demo gold has no \`notOfficials\` and no credited source, so those
are not scored (source shows —). Same matching rules as the seed table.

**These articles were used as a development set** while generalising the extractor (their misses were read and
general rules written for them), so like the seeds they are not held out and their scores are an upper bound.

${demoTable}
${demo.failures.length ? `\nArticles that failed to run: ${demo.failures.join('; ')}\n` : ''}
## Blind-written sets (bench/blind, blind2, blind3) — all development sets now

These texts in the seeds' style were written by authors who did not read the extractor (see each set's README).
An audit of the previous round found rules fitted to them (surnames added for missed names, date lines quoted
from texts that were called held-out), so **none of them is held out any more**: all three are development sets
and their scores are upper bounds, like the seeds'. The old split of bench/blind is kept only for continuity.

**bench/blind 001–008:**

${scoreTable(blindDev.total)}

not-official violations: **${blindDev.notOfficialViolations}**

**bench/blind 009–015** (formerly called held out; rules were fitted to them, so development):

${scoreTable(blindHeld.total)}

not-official violations: **${blindHeld.notOfficialViolations}**

**bench/blind2 (16 texts)** — emphasis on officials; development:

${scoreTable(blind2.total)}

not-official violations: **${blind2.notOfficialViolations}**
${
  blind3Cases.length
    ? `
**bench/blind3 (${blind3Cases.length} texts)** — written blind during the last round; its totals were seen while rules were
revised, so development:

${scoreTable(blind3.total)}

not-official violations: **${blind3.notOfficialViolations}**
`
    : ''
}
${pageSetSection(
  blind4,
  'Blind-written HTML pages (bench/blind4)',
  `${blind4.perCase.length} invented pages written blind (bench/blind4/README.md). **A development set since its first run**: the failures of that run were read and drove the rules named in the session-13 note (its scores then are in the file below); the scores here are upper bounds. Each page is run like the real pages: \`extractFromPage(html, { url: 'file://…' })\`, no portal
context. First run: \`bench/results/blind4-first-run.md\`.`,
)}
${pageSetSection(
  blind6,
  'Held-out set (bench/blind6)',
  `${blind6.perCase.length} invented pages (HTML pages and text captures) written blind (bench/blind6/README.md). **Held out**:
only these totals are printed, never the per-page results, so that no rule is written from its failures. They were
first run at the end of session 13, after every rule of that session (\`bench/results/blind6-first-run.md\`).`,
)}
${pageSetSection(
  blind7,
  'Blind-written pages and captures (bench/blind7)',
  `${blind7.perCase.length} invented pages (HTML pages and text captures) written blind (bench/blind7/README.md). Held out for its
first run (\`bench/results/blind7-first-run.md\`, totals only); **a development set since**: its per-page failures were then
read and drove the rules named in the session-14 note, so the scores here are upper bounds.`,
)}
${pageSetSection(
  blind8,
  'Blind-written pages and captures (bench/blind8)',
  `${blind8.perCase.length} invented pages (HTML pages and text captures) written blind (bench/blind8/README.md). Held out for its
first run (\`bench/results/blind8-first-run.md\`, totals only: overall F1 0.99); **a development set since**: its per-page
failures were then read and drove the rules named in the session-15 note, so the scores here are upper bounds.`,
)}
${pageSetSection(
  blind5,
  'Blind-written pages and captures (bench/blind5)',
  `${blind5.perCase.length} invented pages (HTML pages and text captures) written blind (bench/blind5/README.md). Held out for its
first run (\`bench/results/blind5-first-run.md\`, totals only); **a development set since**: its per-page failures were then
read and drove the rules named in the session-13 note, so the scores here are upper bounds.`,
)}
${[...blindDev.failures, ...blindHeld.failures].length ? `\nFailed to run: ${[...blindDev.failures, ...blindHeld.failures].join('; ')}\n` : ''}
## Matching rules

Counts are summed over the seeds (micro-average); precision = TP/(TP+FP), recall = TP/(TP+FN).
Following the gold's \`about\`, strings are compared after NFC, lower-casing, old/new tone placement folding
(uỷ = ủy, hoá = hóa) and whitespace squashing; nothing else is loosened unless said below.

- **title, publishedAt, eventDate, province, source**: one value per seed. A wrong value is a FP *and* a FN; a value
  where the gold has null is a FP; null where the gold has a value is a FN. Dates are compared as exact strings
  (a gold \`2021-02\` needs \`2021-02\`; a gold timestamp needs the same timestamp with \`+07:00\`).
- **publishedAt with \`publishedAtNot\`** (seed 001): the gold has no value; per its note null or the reported
  event's day is right (not counted), the \`publishedAtNot\` date or any other date is a FP.
- **source**: scored only where the gold gives \`creditedSource\`; the other seeds' gold has no source value
  (a dateline code such as "BHG" that the extractor reports there is not judged).
- **authors, districts**: sets of names.
- **officials (name)**: set of names. **(name+titles)**: an official is a TP only when the name matches and
  the set of titles is equal. **(each title)**: (name, title) pairs. Titles are compared with the folding above
  plus the *same* abbreviation expansion on both sides (BT/CT/PBT/PCT/TUV/HUV/UVBTV, BCH, BTV, T.Ư/TW, HĐND,
  UBND, ĐBQH → their full words), so "Bí thư Huyện ủy" written "BT huyện uỷ" matches; trailing punctuation ignored.
- **not-official violations**: gold \`notOfficials\` names found among the extracted officials (target 0).
- **documents**: kind+number (folded), and kind+number+date (\`YYYY-MM-DD\` or null must agree).
- **metrics**: (value, unit) pairs, only predicted metrics in the gold's units (%, đồng, ha, tấn, hộ) are scored;
  values must be equal (relative 1e-9). A predicted metric equal to one of \`allowedExtraMetrics\` is neither TP
  nor FP (e.g. the bounds of "5 - 7%", the parts of "15/275 hộ"). Each gold metric matches at most once.

## Caveats

- Five seeds are a small sample (4–33 gold items per field); the rules were developed while reading these seeds,
  so these figures are an upper bound. The held-out pages will score lower; unit tests use invented fixtures
  in the same style to keep the rules general (no rule names a seed string).
- Not scored (no gold): topics, places (levels, communes, villages), spans, \`source\` on seeds without
  \`creditedSource\`, metrics in units other than %, đồng, ha, tấn, hộ.
- Scores depend on the cleaner's output at run time (title, byline, date lines, captions).

## Per real article page

${realPages.perCase.join('\n')}

## Per real text capture

${realText.perCase.join('\n')}

## Per seed

${seeds.perCase.join('\n')}

## Per demo article

${demo.perCase.join('\n')}

## Per blind development article (001–008)

${blindDev.perCase.join('\n')}

## Per article of the second blind set

${blind2.perCase.join('\n')}

${blind4.perCase.length ? `## Per page of the blind HTML set (bench/blind4)\n\n${blind4.perCase.join('\n')}\n\n` : ''}${blind5.perCase.length ? `## Per page of bench/blind5\n\n${blind5.perCase.join('\n')}\n\n` : ''}${blind7.perCase.length ? `## Per page of bench/blind7\n\n${blind7.perCase.join('\n')}\n\n` : ''}${blind8.perCase.length ? `## Per page of bench/blind8\n\n${blind8.perCase.join('\n')}\n\n` : ''}## Bad input (\`extractFromPage(input, { mode: 'text' })\`)

${robust}
`;
  mkdirSync(dirname(resultFile), { recursive: true });
  writeFileSync(resultFile, md);
  console.log(`real pages\n${scoreTable(realPages.total)}\n${cleanerLine(realPages)}\n`);
  console.log(`real text\n${scoreTable(realText.total)}\n${cleanerLine(realText)}\n`);
  console.log(`overall F1: real pages ${fmt(overallF1(realPages.total))}, real text ${fmt(overallF1(realText.total))}, seeds ${fmt(overallF1(seeds.total))}, demo ${fmt(overallF1(demo.total))}, blind3 ${fmt(overallF1(blind3.total))}, blind4 ${fmt(overallF1(blind4.total))}, blind5 ${fmt(overallF1(blind5.total))}, blind6 (held out) ${fmt(overallF1(blind6.total))}, blind7 ${fmt(overallF1(blind7.total))}, blind8 ${fmt(overallF1(blind8.total))}`);
  console.log(`seeds\n${table}\n\nnot-official violations: ${seeds.notOfficialViolations}`);
  console.log(`\ndemo articles\n${demoTable}`);
  const failures = [...seeds.failures, ...demo.failures];
  if (failures.length) console.log(`failed: ${failures.join('; ')}`);
  console.log(`\n${seeds.perCase.join('\n')}\n\n${demo.perCase.join('\n')}\n\n${robust}\n\nwritten to ${resultFile}`);
}

await main();
