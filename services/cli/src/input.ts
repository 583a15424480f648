import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBody, fetchPage } from '@provnews/crawler';

/** A page given on the command line, decoded to text. */
export interface PageInput {
  /** `https://…` for URLs, `file://…` for files. */
  url: string;
  text: string;
}

export interface ReadInputOptions {
  userAgent: string;
  timeoutMs: number;
  maxBodyBytes: number;
  allowPrivate: boolean;
}

/**
 * Reads a file or fetches a URL and decodes it with the crawler's charset rules (header, BOM,
 * `<meta charset>`, detection), so `provnews extract` sees exactly what the pipeline would.
 */
export async function readPageInput(arg: string, opts: ReadInputOptions): Promise<PageInput> {
  if (/^https?:\/\//i.test(arg)) {
    const page = await fetchPage(arg, opts);
    return { url: page.finalUrl, text: decodeBody(page.body, page.headers['content-type'] ?? null).text };
  }
  const path = resolve(arg);
  const bytes = await readFile(path);
  return { url: pathToFileURL(path).href, text: decodeBody(bytes, null).text };
}
