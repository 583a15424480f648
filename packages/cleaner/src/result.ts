/** Small builders shared by both modes. */
import type { PageMeta } from './types.ts';

/** Metadata with every field empty (text mode, or a page without any). */
export function emptyMeta(): PageMeta {
  return {
    canonicalUrl: null,
    lang: null,
    siteName: null,
    ogTitle: null,
    description: null,
    publishedTimes: [],
    modifiedTimes: [],
    authors: [],
    section: null,
    jsonLd: [],
  };
}

/** Shorten a removed block for the report: "first 200 chars …". */
export function shorten(text: string, max = 200): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
