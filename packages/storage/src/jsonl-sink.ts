import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ArticleRecord } from '@provnews/record';
import { writeFileAtomic } from './content-store.ts';
import type { Sink, SinkOutcome } from './sink.ts';

/**
 * A JSON Lines file of records, one line per canonical URL. New records are appended; a changed
 * record rewrites the file atomically (rare: pages seldom change), so the file never holds two
 * lines for one URL. Writes are serialised within the process; run one writer per file.
 */
export class JsonlSink implements Sink {
  private index: Map<string, string> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  get description(): string {
    return `jsonl:${this.path}`;
  }

  private async load(): Promise<Map<string, string>> {
    if (this.index) return this.index;
    const index = new Map<string, string>();
    let text = '';
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await mkdir(dirname(this.path), { recursive: true });
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const { url } = JSON.parse(line) as { url: string };
      index.set(url, line); // a later line for the same URL wins
    }
    this.index = index;
    return index;
  }

  write(record: ArticleRecord): Promise<SinkOutcome> {
    const run = this.queue.then(async (): Promise<SinkOutcome> => {
      const index = await this.load();
      const line = JSON.stringify(record);
      const previous = index.get(record.url);
      if (previous === line) return 'unchanged';
      index.set(record.url, line);
      if (previous === undefined) {
        await appendFile(this.path, `${line}\n`);
        return 'inserted';
      }
      await writeFileAtomic(this.path, [...index.values()].map((l) => `${l}\n`).join(''));
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
    return [...(await this.load()).values()].map((l) => JSON.parse(l) as ArticleRecord);
  }

  async close(): Promise<void> {
    await this.queue;
  }
}
