import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { ArticleRecord } from '@provnews/record';
import { writeFileAtomic } from './content-store.ts';
import { SinkError, type Sink, type SinkOutcome } from './sink.ts';

/**
 * A JSON Lines file of records, one line per canonical URL. New records are appended; a changed
 * record rewrites the file atomically (rare: pages seldom change), so the file never holds two
 * lines for one URL. Writes are serialised within the process.
 *
 * One writer per file: each writer keeps the file's index in memory, so a second writer would
 * overwrite the first one's lines on its next rewrite. The first write (or {@link check}) takes
 * `<file>.lock` (pid, host); a second writer is refused with one line naming the holder. A lock
 * left by a process that died (same host, pid gone) is taken over. Reading needs no lock.
 *
 * Memory stays flat as the file grows: the index keeps a digest of each URL's line (about 100
 * bytes per URL), not the line (several KB), and the file is read line by line.
 */
export class JsonlSink implements Sink {
  /** Canonical URL → digest of its current line. */
  private index: Map<string, string> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private locked: Promise<void> | null = null;
  private readonly token = `${process.pid} ${hostname()} ${randomBytes(4).toString('hex')}`;

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

  /** Takes the writer lock (see the class comment); throws a SinkError when another process holds it. */
  check(): Promise<void> {
    this.locked ??= this.lock().catch((err: unknown) => {
      this.locked = null;
      throw err;
    });
    return this.locked;
  }

  private get lockPath(): string {
    return `${this.path}.lock`;
  }

  private async lock(): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await writeFile(this.lockPath, `${this.token}\n`, { flag: 'wx' });
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new SinkError(`cannot lock ${this.path}: ${(err as Error).message}`, false);
      }
      const holder = (await readFile(this.lockPath, 'utf8').catch(() => '')).trim();
      const [pid, host] = holder.split(' ');
      if (host === hostname() && pid && !processAlive(Number(pid))) {
        await unlink(this.lockPath).catch(() => undefined); // left by a process that died; take it over
        continue;
      }
      throw new SinkError(
        `${this.path} is already written by another process (pid ${pid ?? '?'} on ${host ?? '?'}); run one extractor per JSON Lines file or use PROVNEWS_SINK=postgres`,
        false,
      );
    }
    throw new SinkError(`cannot lock ${this.path}: the lock file keeps reappearing`, false);
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
      await this.check();
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
    if (this.locked && (await this.locked.then(() => true, () => false))) {
      const holder = await readFile(this.lockPath, 'utf8').catch(() => '');
      if (holder.trim() === this.token) await unlink(this.lockPath).catch(() => undefined);
    }
    this.locked = null;
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function digest(line: string): string {
  return createHash('sha1').update(line).digest('base64');
}
