import { readFileSync } from 'node:fs';
import { foldVietnamese } from './vietnamese-text.ts';

/**
 * Reads a word list under `packages/extractor/vocabulary/`: one entry per line, `#` starts a comment,
 * blank lines skipped, each entry trimmed and its inner spaces made single. Read synchronously
 * once at module load (lists are a few kB); a missing file is a packaging bug and throws.
 *
 * @param path path inside `vocabulary/`, e.g. `officials/names/surnames.txt`
 */
export function readWordList(path: string): string[] {
  const text = readFileSync(new URL(`../vocabulary/${path}`, import.meta.url), 'utf8');
  const entries: string[] = [];
  for (const line of text.split('\n')) {
    const entry = line.replace(/#.*$/, '').replace(/\s+/g, ' ').trim();
    if (entry) entries.push(entry.normalize('NFC'));
  }
  return entries;
}

/** A word list as a set of folded entries (see {@link foldVietnamese}). */
export function foldedWordSet(path: string): ReadonlySet<string> {
  return new Set(readWordList(path).map(foldVietnamese));
}

/** A list of phrases as folded word arrays ("hội đồng quản trị" → ["hội", "đồng", "quản", "trị"]). */
export function foldedPhrases(path: string): readonly (readonly string[])[] {
  return readWordList(path).map((p) => p.split(' ').map(foldVietnamese));
}
