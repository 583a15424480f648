/**
 * The article-extraction-benchmark's scoring, reimplemented from its README:
 * tokens `[\p{L}\p{N}_]+`, 4-gram shingles as multisets, per-page tp/fp/fn normalised by their sum,
 * corpus precision and recall as means over pages, F1 of the two means, accuracy as identical token
 * lists, ± as the standard deviation over 1,000 bootstrap resamples of the pages.
 */

import type { CleanResult } from '@provnews/cleaner';
import { normalizeForMatch } from '@provnews/cleaner';
import { seededRandom } from '@provnews/demo-portals';

/**
 * A gold chrome entry is gone when no kept line equals it and, for entries of four words or more (other
 * articles' headlines), no kept text contains it. Short labels ("Chia sẻ") are compared as whole
 * lines only: the same words may appear inside a real sentence ("chia sẻ kinh nghiệm").
 */
export function chromeGone(r: CleanResult, entry: string): boolean {
  const k = normalizeForMatch(entry);
  const kept = [...r.paragraphs, ...(r.title ? [r.title] : [])].map(normalizeForMatch);
  if (kept.some((p) => p === k)) return false;
  if (k.split(' ').length >= 4 && kept.some((p) => p.includes(k))) return false;
  return true;
}

/** A gold mustKeep sentence is kept when the cleaned paragraphs contain it word for word (after NFC/case/space folding). */
export function mustKeepKept(r: CleanResult, sentence: string): boolean {
  return normalizeForMatch(r.paragraphs.join(' ')).includes(normalizeForMatch(sentence));
}

/** Maximal runs of Unicode letters, digits and underscore. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

/** 4-gram shingles as a multiset; fewer than 4 tokens give one shingle of all of them. */
export function shingles(tokens: readonly string[], n = 4): Map<string, number> {
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  if (tokens.length < n) {
    out.set(tokens.join(' '), 1);
    return out;
  }
  for (let i = 0; i + n <= tokens.length; i++) {
    const s = tokens.slice(i, i + n).join(' ');
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/** One page's normalised counts and whether the token lists are identical. */
export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  exact: boolean;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const tt = tokenize(truth);
  const pt = tokenize(predicted);
  const ts = shingles(tt);
  const ps = shingles(pt);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, c] of ps) {
    const t = ts.get(k) ?? 0;
    tp += Math.min(t, c);
    fp += Math.max(0, c - t);
  }
  for (const [k, c] of ts) fn += Math.max(0, c - (ps.get(k) ?? 0));
  const s = tp + fp + fn;
  const exact = tt.length === pt.length && tt.every((t, i) => t === pt[i]);
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s, exact } : { tp: 0, fp: 0, fn: 0, exact };
}

/** Corpus metrics of a set of page scores. */
export interface CorpusMetrics {
  f1: number;
  precision: number;
  recall: number;
  accuracy: number;
}

export function corpusMetrics(pages: readonly PageScore[]): CorpusMetrics {
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  let rN = 0;
  let exact = 0;
  for (const p of pages) {
    if (p.tp + p.fp > 0) {
      pSum += p.tp / (p.tp + p.fp);
      pN++;
    }
    if (p.tp + p.fn > 0) {
      rSum += p.tp / (p.tp + p.fn);
      rN++;
    }
    if (p.exact) exact++;
  }
  const precision = pN > 0 ? pSum / pN : 0;
  const recall = rN > 0 ? rSum / rN : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, accuracy: pages.length > 0 ? exact / pages.length : 0 };
}

/** Standard deviation of each metric over `rounds` bootstrap resamples of the pages. */
export function bootstrapStd(pages: readonly PageScore[], rounds = 1000, seed = 42): CorpusMetrics {
  // Seeded so the ± figures are reproducible run to run.
  const rnd = seededRandom(seed);
  const samples: CorpusMetrics[] = [];
  for (let r = 0; r < rounds; r++) {
    const sample: PageScore[] = [];
    for (let i = 0; i < pages.length; i++) sample.push(pages[Math.floor(rnd() * pages.length)] as PageScore);
    samples.push(corpusMetrics(sample));
  }
  const std = (key: keyof CorpusMetrics): number => {
    const xs = samples.map((s) => s[key]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  };
  return { f1: std('f1'), precision: std('precision'), recall: std('recall'), accuracy: std('accuracy') };
}
