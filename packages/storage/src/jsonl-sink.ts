import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { ArticleRecord } from '@provnews/record';
import { writeFileAtomic } from './content-store.ts';
import type { Sink, SinkOutcome } from './sink.ts';

/**
 * A JSON Lines file of records, one line per canonical URL. New records are appended; a changed
 * record rewrites the file atomically (rare: pages seldom change), so the file never holds two
 * lines for one URL. Writes are serialised within the process; run one writer per file.
 *
 * Memory stays flat as the file grows: the index keeps a digest of each URL's line (about 100
 * bytes per URL), not the line (several KB), and the file is read line by line.
 */
export class JsonlSink implements Sink {
  /** Canonical URL → digest of its current line. */
  private index: Map<string, string> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  get description(): string {
    return `jsonl:${this.path}`;
  }

  private async load(): Promise<Map<string, string>> {
    if (this.index) return this.index;
    const index = new Map<string, string>();
    try {
      for await (const line of this.lines()) index.set((JSON.parse(line) as { url: string }).url, digest(line)); // a later line for the same URL wins
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await mkdir(dirname(this.path), { recursive: true });
    }
    this.index = index;
    return index;
  }

  /** The file's non-empty lines, streamed. */
  private async *lines(): AsyncGenerator<string> {
    const stream = createReadStream(this.path, 'utf8');
    // Surface ENOENT before readline swallows it into an empty iteration.
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) if (line.trim()) yield line;
  }

  write(record: ArticleRecord): Promise<SinkOutcome> {
    const run = this.queue.then(async (): Promise<SinkOutcome> => {
      const index = await this.load();
      const line = JSON.stringify(record);
      const previous = index.get(record.url);
      const hash = digest(line);
      if (previous === hash) return 'unchanged';
      index.set(record.url, hash);
      if (previous === undefined) {
        await appendFile(this.path, `${line}\n`);
        return 'inserted';
      }
      // Rare (a page changed): rewrite the file with this URL's line replaced in place.
      const kept: string[] = [];
      let replaced = false;
      for (const l of (await readFile(this.path, 'utf8')).split('\n')) {
        if (!l.trim()) continue;
        if ((JSON.parse(l) as { url: string }).url !== record.url) kept.push(l);
        else if (!replaced) {
          kept.push(line);
          replaced = true;
        }
      }
      await writeFileAtomic(this.path, kept.map((l) => `${l}\n`).join(''));
      return 'updated';
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async count(): Promise<number> {
    return (await this.load()).size;
  }

  /** Every stored record (reads the file; for tests, `provnews demo` summaries and exports). */
  async all(): Promise<ArticleRecord[]> {
    await this.queue;
    const byUrl = new Map<string, ArticleRecord>();
    try {
      for await (const line of this.lines()) {
        const record = JSON.parse(line) as ArticleRecord;
        byUrl.set(record.url, record);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    return [...byUrl.values()];
  }

  async close(): Promise<void> {
    await this.queue;
  }
}

function digest(line: string): string {
  return createHash('sha1').update(line).digest('base64');
}
