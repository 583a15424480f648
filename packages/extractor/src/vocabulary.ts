import { readFileSync } from 'node:fs';

/**
 * Reads a vocabulary file of `packages/extractor/data`: one entry per line, `#` comments and blank
 * lines skipped, entries NFC-normalised. Read once per file by the module that uses it.
 */
export function loadVocabulary(file: string): string[] {
  const text = readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((l) => l.trim().normalize('NFC'))
    .filter((l) => l && !l.startsWith('#'));
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
