import { clean, type CleanResult, type SelectorHints } from '@provnews/cleaner';
import type { ArticleRecord } from '@provnews/record';
import { extractArticle, type ExtractContext } from './extract-article.ts';

/** Context for {@link extractFromPage}: the extract context plus the cleaner's options. */
export type ExtractPageContext = ExtractContext & { hints?: SelectorHints; mode?: 'html' | 'text' };

/**
 * Cleans a page (HTML or captured text) with `@provnews/cleaner` and extracts its record.
 * This is what `provnews extract <file>` and the extractor worker call.
 */
export function extractFromPage(input: string, ctx: ExtractPageContext): { clean: CleanResult; record: ArticleRecord } {
  const options: Parameters<typeof clean>[1] = { url: ctx.url };
  if (ctx.hints) options.hints = ctx.hints;
  if (ctx.mode) options.mode = ctx.mode;
  const cleaned = clean(input, options);
  return { clean: cleaned, record: extractArticle(cleaned, ctx) };
}
