import { open, readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertSuccess, decodeBody, fetchPage } from '@provnews/crawler';

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

/** An input that cannot be used; the message starts with a reason code like a failed job's. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(`[${reason}] ${message}`);
  }
}

/** NUL bytes in the first KiB (outside UTF-16, which has a BOM) mean an image, a PDF, an archive… */
function looksBinary(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 1024).includes(0);
}

function checked(bytes: Buffer, contentType: string | null, where: string): string {
  if (bytes.length === 0) throw new InputError('empty', `${where} is empty`);
  if (looksBinary(bytes)) throw new InputError('not-html', `${where} is a binary file, not HTML or text`);
  const text = decodeBody(bytes, contentType).text;
  if (!text.trim()) throw new InputError('empty', `${where} has no text`);
  return text;
}

/**
 * Reads a file or fetches a URL and decodes it with the crawler's charset rules (header, BOM,
 * `<meta charset>`, detection), so `provnews extract` sees exactly what the pipeline would.
 * An HTTP error status, a binary body, an empty input or one over the crawler's size cap throws
 * an {@link InputError} (or the crawler's reasoned error) instead of producing an empty record.
 */
export async function readPageInput(arg: string, opts: ReadInputOptions): Promise<PageInput> {
  if (/^https?:\/\//i.test(arg)) {
    const page = await fetchPage(arg, opts);
    assertSuccess(page);
    return { url: page.finalUrl, text: checked(page.body, page.headers['content-type'] ?? null, page.finalUrl) };
  }
  const path = resolve(arg);
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError('not-found', `${arg}: no such file`);
  if (info.size > opts.maxBodyBytes) throw new InputError('too-large', `${arg}: ${info.size} bytes exceeds the ${opts.maxBodyBytes}-byte limit (CRAWL_MAX_BODY_BYTES)`);
  const handle = await open(path);
  try {
    return { url: pathToFileURL(path).href, text: checked(await handle.readFile(), null, arg) };
  } finally {
    await handle.close();
  }
}

const PAGE_FILES = new Set(['.html', '.htm', '.xhtml', '.txt', '.text']);

/**
 * The inputs named on the command line, with directories expanded to the page files they hold
 * (`.html`, `.htm`, `.xhtml`, `.txt`, recursively, in name order). URLs pass through.
 */
export async function expandInputs(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && PAGE_FILES.has(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  for (const arg of args) {
    if (/^https?:\/\//i.test(arg)) out.push(arg);
    else if ((await stat(arg).catch(() => null))?.isDirectory()) await walk(arg);
    else out.push(arg);
  }
  return out;
}
