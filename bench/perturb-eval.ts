/**
 * Perturbation evaluation: the extraction sets run again after changes that a different portal,
 * browser or capture tool makes without changing what the article says, scored against the same
 * gold. A field that holds on the original page but not on its perturbed copy leans on something
 * this one site happens to have (its CMS's class names, its metadata, its line width), which pages
 * never seen will not share.
 *
 *   npm run eval:perturb            (tsx bench/perturb-eval.ts; writes bench/results/perturb.md)
 *   npm run eval:perturb -- --cases (also prints each changed page's differing fields)
 *
 * HTML pages (../shared/real-pages, bench/blind4–blind10 pages/*.html):
 * - `no-metadata`: every `<meta>`, JSON-LD block and `<title>` removed (what the page shows stays;
 *   the post time is scored to the minute, as seconds are printed only in metadata);
 * - `anonymous-classes`: every class and id value replaced by an opaque token (the same value, the
 *   same token: the structure stays, the CMS's vocabulary goes);
 * - `optional-end-tags`: the end tags HTML lets a page leave out (`</p>`, `</li>`, `</td>`, `</tr>`) left out;
 * - `nfd`: the whole page in Unicode NFD (decomposed tone marks, as some Vietnamese editors save).
 * Text captures (../shared/real-text, ../shared/seeds, bench/blind–blind3 texts, blind4–blind10 *.txt):
 * - `rewrap-72`: every line longer than 72 characters hard-wrapped at 72 (a narrower window), in a
 *   capture saved one paragraph a line (one that is wrapped already is left as it is);
 * - `blank-lines`: an empty line after every line that ends a block (what some copy tools paste
 *   between paragraphs, menu items and labels; a hard-wrapped paragraph's inner lines stay together);
 * - `crlf-trailing`: CRLF line ends and trailing spaces and tabs;
 * - `nfd`: as above.
 *
 * bench/blind6, blind11 and blind12 are held out: they are counted in the totals of their kind only,
 * and their pages are never listed. Everything else here is a development set.
 */
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Counts } from './extractor-scoring.ts';
import { blindCases, fmt, overallF1, pageSetCases, realCases, runCases, seedCases, shared, FIELDS, type EvalCase, type Field } from './extractor-cases.ts';

const here = dirname(fileURLToPath(import.meta.url));
const resultFile = join(here, 'results', 'perturb.md');
const { values: args } = parseArgs({ options: { cases: { type: 'boolean', default: false } } });

type Perturb = (input: string) => string;

/** Opaque tokens for class and id values: one per distinct word, in order of first use. */
function anonymousClasses(html: string): string {
  const tokens = new Map<string, string>();
  const token = (w: string) => {
    let t = tokens.get(w);
    if (!t) tokens.set(w, (t = `k${tokens.size + 1}`));
    return t;
  };
  return html.replace(/(\s(?:class|id)\s*=\s*)(?:"([^"]*)"|'([^']*)')/giu, (_m, lead: string, dq?: string, sq?: string) => {
    const words = (dq ?? sq ?? '').split(/\s+/u).filter(Boolean);
    return `${lead}"${words.map(token).join(' ')}"`;
  });
}

const HTML_PERTURBATIONS: Record<string, Perturb> = {
  'no-metadata': (h) =>
    h
      .replace(/<meta\b[^>]*>/giu, '')
      .replace(/<script\b[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script>/giu, '')
      .replace(/<title\b[^>]*>[\s\S]*?<\/title>/giu, ''),
  'anonymous-classes': anonymousClasses,
  'optional-end-tags': (h) => h.replace(/<\/(p|li|td|tr)\s*>/giu, ''),
  nfd: (h) => h.normalize('NFD'),
};

/** Hard-wraps one line at `width` on spaces (a word longer than the width stays whole). */
function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    if (cur && cur.length + 1 + word.length > width) {
      out.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * An empty line after every line that ends a block: one ending a sentence or a label, or one
 * clearly shorter than the capture's full lines (a hard-wrapped paragraph's inner lines stay joined).
 */
function blankLines(t: string): string {
  const lines = t.split('\n');
  const lengths = lines.map((l) => l.trimEnd().length).filter((n) => n > 0).sort((a, b) => a - b);
  const full = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  return lines.map((l) => (/[.!?:;"”)]\s*$/u.test(l) || l.trimEnd().length < 0.75 * full ? `${l}\n` : l)).join('\n');
}

const TEXT_PERTURBATIONS: Record<string, Perturb> = {
  // Only a capture saved one paragraph a line: wrapping an already wrapped capture again gives ragged
  // lines no capture tool makes.
  'rewrap-72': (t) =>
    t.split('\n').some((l) => l.length > 150)
      ? t
          .split('\n')
          .flatMap((l) => wrapLine(l, 72))
          .join('\n')
      : t,
  'blank-lines': blankLines,
  'crlf-trailing': (t) =>
    t
      .split('\n')
      .map((l, i) => `${l}${i % 3 === 0 ? '  ' : i % 3 === 1 ? '\t' : ' '}`)
      .join('\r\n'),
  nfd: (t) => t.normalize('NFD'),
};

interface Group {
  name: string;
  cases: EvalCase[];
  /** Totals only: never list its pages. */
  heldOut?: boolean;
}

const isHtml = (c: EvalCase) => /\.html?$/iu.test(c.name);
const pageSet = (name: string) => pageSetCases(name);
const htmlGroups: Group[] = [
  { name: 'real pages', cases: realCases(join(shared, 'real-pages'), join(shared, 'gold', 'real-dev.gold.json')) },
  { name: 'blind4–10 HTML', cases: ['blind4', 'blind5', 'blind7', 'blind8', 'blind9', 'blind10'].flatMap(pageSet).filter(isHtml) },
  { name: 'blind6 HTML (held out, totals only)', cases: pageSet('blind6').filter(isHtml), heldOut: true },
  { name: 'blind11–12 HTML (held out, totals only)', cases: ['blind11', 'blind12'].flatMap(pageSet).filter(isHtml), heldOut: true },
];
const textGroups: Group[] = [
  { name: 'real text', cases: realCases(join(shared, 'real-text'), join(shared, 'gold', 'real-text-dev.gold.json')) },
  { name: 'seeds', cases: seedCases() },
  {
    name: 'blind–blind10 texts',
    cases: [...blindCases('all'), ...blindCases('all', 'blind2'), ...blindCases('all', 'blind3'), ...['blind4', 'blind5', 'blind7', 'blind8', 'blind9', 'blind10'].flatMap(pageSet).filter((c) => !isHtml(c))],
  },
  { name: 'blind6 texts (held out, totals only)', cases: pageSet('blind6').filter((c) => !isHtml(c)), heldOut: true },
  { name: 'blind11–12 texts (held out, totals only)', cases: ['blind11', 'blind12'].flatMap(pageSet).filter((c) => !isHtml(c)), heldOut: true },
];

const totals = (t: Record<Field, Counts>): Counts =>
  FIELDS.reduce((a, f) => ({ tp: a.tp + t[f].tp, fp: a.fp + t[f].fp, fn: a.fn + t[f].fn }), { tp: 0, fp: 0, fn: 0 });

/** Fields of one page's line in the per-case list ("differs on a, b"). */
const differing = (line: string): string => /differs on ([^;\n]+)/u.exec(line)?.[1] ?? '';

const sections: string[] = [];
const printed: string[] = [];
for (const [kind, groups, perturbations] of [
  ['HTML pages', htmlGroups, HTML_PERTURBATIONS],
  ['Text captures', textGroups, TEXT_PERTURBATIONS],
] as const) {
  const rows: string[] = [];
  for (const g of groups) {
    if (g.cases.length === 0) continue;
    const base = runCases(g.cases);
    const b = totals(base.total);
    rows.push(`| ${g.name} (${g.cases.length}) | original | ${fmt(overallF1(base.total))} | ${b.tp} / ${b.fp} / ${b.fn} | — |`);
    for (const [pname, perturb] of Object.entries(perturbations)) {
      // Seconds are printed only in metadata: without it, a post time is right to the minute.
      const goldOf = (c: EvalCase) =>
        pname === 'no-metadata' && typeof c.gold.publishedAt === 'string' ? { ...c.gold, publishedAt: c.gold.publishedAt.replace(/(T\d\d:\d\d):\d\d/u, '$1:00') } : c.gold;
      const run = runCases(g.cases.map((c) => ({ ...c, input: perturb(c.input), gold: goldOf(c) })));
      const r = totals(run.total);
      // Pages whose differing fields changed (by name and field list; held-out sets only counted).
      const changed = g.cases.filter((_c, i) => differing(run.perCase[i] ?? '') !== differing(base.perCase[i] ?? '')).length;
      rows.push(`| | ${pname} | ${fmt(overallF1(run.total))} | ${r.tp} / ${r.fp} / ${r.fn} | ${changed}${run.failures.length ? `, ${run.failures.length} failed to run` : ''} |`);
      if (args.cases && !g.heldOut) {
        g.cases.forEach((c, i) => {
          const was = differing(base.perCase[i] ?? '');
          const now = differing(run.perCase[i] ?? '');
          if (was !== now) printed.push(`${pname} ${c.name}: ${was || 'all match'} → ${now || 'all match'}\n${run.perCase[i]}`);
        });
      }
    }
  }
  sections.push(`## ${kind}\n\n| set (pages) | perturbation | overall F1 | TP / FP / FN | pages whose differing fields changed |\n|---|---|---:|---|---:|\n${rows.join('\n')}`);
}

const md = `# Extraction under perturbation

Command: \`npm run eval:perturb\` (\`tsx bench/perturb-eval.ts\`), run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

Each set is scored as in \`npm run eval\` (same gold, micro F1 over every field), first as it is, then after each
perturbation (see the head of bench/perturb-eval.ts). The gold does not change: a perturbation changes how the page
is written, never what the article says. Every set but blind6 is a development set; blind6 is counted in totals only.

${sections.join('\n\n')}
`;
writeFileSync(resultFile, md);
console.log(md);
if (printed.length) console.log(printed.join('\n\n'));
console.log(`written to ${resultFile}`);
