import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { assertKind, idOfName, type BlobStore } from './blob-store.ts';
import { PermanentJobError, TransientJobError } from '@provnews/queues';

/** sha256 of some bytes or text, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes a file so readers never see half of it: a temp file in the same directory, then rename. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

/**
 * gzip level of stored objects. Level 1, not 6: on the store's typical objects (news pages of
 * 5-10 KB of HTML, cleaned-page JSON) level 6 took about twice the CPU for files only a few
 * hundred bytes smaller, and a file under 4 KB takes one disk block either way
 * (bench/results/store-cost.md). Reading is the same cost at any level.
 */
export const STORE_GZIP_LEVEL = 1;

/**
 * Objects up to this size (packed) are written with synchronous calls. A stored page is a few KB:
 * its five file calls (write, link, unlink…) take microseconds each against the page cache, while
 * the same calls through libuv's thread pool cost a thread wake-up and a callback apiece, more CPU
 * than the writes (bench/results/orchestration.md). Larger objects go through the pool so a slow
 * disk cannot hold the event loop for long.
 */
export const SYNC_WRITE_MAX_BYTES = 256 * 1024;

/** The file calls a write makes; synchronous ones return at once, awaiting them costs a microtask. */
interface FileCalls {
  mkdir(dir: string): unknown;
  writeFile(path: string, data: Uint8Array): unknown;
  rename(from: string, to: string): unknown;
  link(existing: string, path: string): unknown;
  unlink(path: string): unknown;
}
const SYNC_FILE_CALLS: FileCalls = { mkdir: (d) => mkdirSync(d, { recursive: true }), writeFile: writeFileSync, rename: renameSync, link: linkSync, unlink: unlinkSync };
const POOLED_FILE_CALLS: FileCalls = { mkdir: (d) => mkdir(d, { recursive: true }), writeFile, rename, link, unlink };

/**
 * A content-addressed file store: an object's id is the sha256 of its bytes, so writing the same
 * content twice stores it once and ids can be passed through queues instead of the content.
 * Objects are gzip-compressed on disk under `<root>/<kind>/<id[0..2]>/<id>.gz`.
 *
 * Writes never stat or read first: the object goes to a temp file in its final directory, then
 * is moved into place in one step (`rename`, or `link` where the first copy must win), so a crash
 * leaves at most a stray `*.tmp` file, never a torn object. Each shard directory is created once
 * per process.
 */
export class ContentStore implements BlobStore {
  /** Directories this process has created (or found), so `mkdir` runs once per directory. */
  private readonly dirs = new Set<string>();

  constructor(readonly root: string) {}

  private pathOf(kind: string, id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new PermanentJobError('bad-payload', `invalid content id ${JSON.stringify(id)}`);
    return join(this.root, kind, id.slice(0, 2), `${id}.gz`);
  }

  /** Stores bytes under their sha256 and returns the id. */
  async putBytes(kind: string, data: Uint8Array): Promise<string> {
    const id = sha256(data);
    const path = this.pathOf(kind, id);
    // Same id, same bytes: replacing an existing copy changes nothing (and repairs a damaged one).
    await this.write(path, gzipSync(data, { level: STORE_GZIP_LEVEL }), `${kind}/${id}`, 'replace');
    return id;
  }

  /** Stores bytes under an id the caller derived (e.g. a hash of a key); the first copy stored is kept. */
  async putBytesAt(kind: string, id: string, data: Uint8Array): Promise<boolean> {
    const path = this.pathOf(kind, id);
    return this.write(path, gzipSync(data, { level: STORE_GZIP_LEVEL }), `${kind}/${id}`, 'keep-first');
  }

  /**
   * Writes `packed` to a temp file beside `path`, then moves it into place: `rename` (atomic
   * replace) or `link`, which fails with EEXIST when an object is already there (then the
   * existing one stays). Disk errors become `[store-io]`. Resolves false when an existing object
   * was kept.
   */
  private async write(path: string, packed: Uint8Array, what: string, mode: 'replace' | 'keep-first'): Promise<boolean> {
    const fs = packed.byteLength <= SYNC_WRITE_MAX_BYTES ? SYNC_FILE_CALLS : POOLED_FILE_CALLS;
    const dir = dirname(path);
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      if (!this.dirs.has(dir)) {
        await fs.mkdir(dir);
        this.dirs.add(dir);
      }
      try {
        await fs.writeFile(tmp, packed);
      } catch (err) {
        // The directory went away since this process made it (e.g. the store was cleared): once more.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        this.dirs.delete(dir);
        await fs.mkdir(dir);
        this.dirs.add(dir);
        await fs.writeFile(tmp, packed);
      }
      if (mode === 'replace') {
        await fs.rename(tmp, path);
        return true;
      }
      let stored = true;
      try {
        await fs.link(tmp, path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        stored = false;
      }
      await fs.unlink(tmp);
      return stored;
    } catch (err) {
      await Promise.resolve()
        .then(() => fs.unlink(tmp))
        .catch(() => undefined);
      throw storeIoError(err, `${what} (write)`);
    }
  }

  /**
   * The bytes stored under `id`, or null when there is no such object. A file that is not valid
   * gzip throws `[store-corrupt]` (permanent: rereading gives the same bytes); a disk error throws
   * `[store-io]`.
   */
  async getBytes(kind: string, id: string): Promise<Buffer | null> {
    const path = this.pathOf(kind, id);
    let packed: Buffer;
    try {
      packed = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw storeIoError(err, `${kind}/${id}`);
    }
    let bytes: Buffer;
    try {
      bytes = gunzipSync(packed);
    } catch (err) {
      throw new PermanentJobError('store-corrupt', `${kind}/${id}: not valid gzip (${(err as Error).message})`);
    }
    return bytes;
  }

  async putJson(kind: string, value: unknown): Promise<string> {
    return this.putBytes(kind, Buffer.from(JSON.stringify(value)));
  }

  /** Every object of `kind`, shard directory by shard directory (temp files of unfinished writes skipped). */
  async *ids(kind: string): AsyncIterable<string> {
    assertKind(kind);
    const dir = join(this.root, kind);
    let shards: string[];
    try {
      shards = (await readdir(dir)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw storeIoError(err, `${kind} (list)`);
    }
    for (const shard of shards) {
      let names: string[];
      try {
        names = await readdir(join(dir, shard));
      } catch (err) {
        // A stray file beside the shard directories, or a shard removed meanwhile: nothing to list there.
        if ((err as NodeJS.ErrnoException).code === 'ENOTDIR' || (err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw storeIoError(err, `${kind}/${shard} (list)`);
      }
      for (const name of names.sort()) {
        const id = idOfName(name);
        if (id) yield id;
      }
    }
  }

  /**
   * The JSON object stored under `id`, or null when there is no such object. Bytes that are not
   * JSON, or JSON that is not an object (`null`, a number), throw `[store-corrupt]`.
   */
  async getJson<T>(kind: string, id: string): Promise<T | null> {
    const bytes = await this.getBytes(kind, id);
    if (!bytes) return null;
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      throw new PermanentJobError('store-corrupt', `${kind}/${id}: not valid JSON (${(err as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new PermanentJobError('store-corrupt', `${kind}/${id}: expected a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
    }
    return value as T;
  }
}

/**
 * A disk failure of the store as a reasoned error: `[store-io]`, transient (a full disk or a
 * flaky mount may recover), except a permission problem, which a retry will not fix.
 */
export function storeIoError(err: unknown, what: string): Error {
  if (err instanceof PermanentJobError || err instanceof TransientJobError) return err;
  const e = err as NodeJS.ErrnoException;
  const message = `${what}: ${e.code ? `${e.code} ` : ''}${e.message ?? String(err)}`;
  if (e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EISDIR' || e.code === 'ENOTDIR') return new PermanentJobError('store-io', message);
  return new TransientJobError('store-io', message);
}

/** Content-store kind of cleaned pages (`CleanResult` JSON), written by the cleaner, read by the extractor. */
export const CLEANED_KIND = 'cleaned';
