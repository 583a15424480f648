/**
 * Scoring shared by the extraction evaluations (bench/extractor-eval.ts, bench/perturb-eval.ts):
 * the per-field counts of one record against its gold, the eval cases of the real and blind sets,
 * and the tables. No side effects on import.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleRecord } from '@provnews/record';
import { extractFromPage, type ExtractPageContext } from '@provnews/extractor';
import { normalizeForMatch, type CleanResult } from '@provnews/cleaner';
import { chromeGone, mustKeepKept } from './cleaner-scoring.ts';
import { foldKey, officialTitleKey, scoreRow, type Counts, type GoldSeed } from './extractor-scoring.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
export const shared = resolve(root, '..', 'shared');
export const seedsDir = join(shared, 'seeds');
export const goldFile = join(shared, 'gold', 'seeds.gold.json');

/** The metric units the gold lists; other units are not scored. */
export const SCORED_UNITS = new Set(['%', 'đồng', 'ha', 'tấn', 'hộ']);

export const FIELDS = [
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
export type Field = (typeof FIELDS)[number];

export function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function add(c: Counts, d: Counts): void {
  c.tp += d.tp;
  c.fp += d.fp;
  c.fn += d.fn;
}

/** Set comparison by key; each gold item matches at most one predicted item. */
export function compareSets(gold: readonly string[], pred: readonly string[]): Counts {
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

export function single(gold: string | null | undefined, pred: string | null): Counts {
  return compareSets(gold ? [gold] : [], pred ? [pred] : []);
}

export const uniq = (xs: string[]): string[] => [...new Set(xs)];

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function scoreSeed(gold: GoldSeed, record: ArticleRecord): { counts: Record<Field, Counts>; notOfficialHits: string[]; notes: string[] } {
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

export function fmt(n: number | null): string {
  return n === null ? '—' : n.toFixed(2);
}


/** One page to score: its input, the context the extractor gets, and its gold. */
export interface EvalCase {
  name: string;
  input: string;
  ctx: ExtractPageContext;
  gold: GoldSeed;
}

/** Scores of one set of pages. */
export interface RunResult {
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
export function runCases(cases: readonly EvalCase[]): RunResult {
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

export function scoreTable(total: Record<Field, Counts>): string {
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
export function overallF1(total: Record<Field, Counts>): number | null {
  const all = zero();
  for (const f of FIELDS) add(all, total[f]);
  return scoreRow(all).f1;
}

/** The cleaner's share of a real set: chrome gone and mustKeep kept. */
export function cleanerLine(r: RunResult): string {
  const captions = r.mustKeep.inCaptions ? ` (${r.mustKeep.inCaptions} more kept as photo captions, which the record holds apart from the text)` : '';
  return `cleaned text: chrome strings gone **${r.chrome.gone}/${r.chrome.total}**, mustKeep sentences kept word for word **${r.mustKeep.kept}/${r.mustKeep.total}**${captions}`;
}

/**
 * Real pages with gold in the seeds' format (../shared/real-pages, ../shared/real-text): each file run
 * through \`extractFromPage(input, { url: 'file://…' })\` as \`provnews extract <file>\` does — no portal
 * context, so the province must come from the page itself.
 */
export function realCases(dir: string, goldPath: string): EvalCase[] {
  if (!existsSync(goldPath) || !existsSync(dir)) return [];
  const goldDoc = JSON.parse(readFileSync(goldPath, 'utf8')) as { seeds: Record<string, GoldSeed> };
  return Object.entries(goldDoc.seeds)
    .filter(([file]) => existsSync(join(dir, file)))
    .map(([file, gold]) => ({ name: file, input: readFileSync(join(dir, file), 'utf8'), ctx: { url: `file://${join(dir, file)}` }, gold }));
}

/** A blind set of pages with gold (bench/<name>/pages, bench/<name>/blind.gold.json), run like the real pages. */
export function pageSetCases(name: string): EvalCase[] {
  const dir = join(root, 'bench', name);
  return realCases(join(dir, 'pages'), join(dir, 'blind.gold.json'));
}

export function seedCases(): EvalCase[] {
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
 * The blind set in bench/blind (written without looking at the extractor): texts in the seeds'
 * style with gold in the seeds' format. The old split is kept for continuity: 001–008 print their
 * differences, 009–015 only totals; both are development sets now (rules were fitted to them).
 */
export function blindCases(split: 'dev' | 'heldout' | 'all', set = 'blind'): EvalCase[] {
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

