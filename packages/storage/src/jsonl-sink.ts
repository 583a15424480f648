import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
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
 */
export class JsonlSink implements Sink {
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

  write(record: ArticleRecord): Promise<SinkOutcome> {
    const run = this.queue.then(async (): Promise<SinkOutcome> => {
      await this.check();
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
