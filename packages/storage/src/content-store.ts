import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { BlobStore } from './blob-store.ts';

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
 * A content-addressed file store: an object's id is the sha256 of its bytes, so writing the same
 * content twice stores it once and ids can be passed through queues instead of the content.
 * Objects are gzip-compressed on disk under `<root>/<kind>/<id[0..2]>/<id>.gz`.
 */
export class ContentStore implements BlobStore {
  constructor(readonly root: string) {}

  private pathOf(kind: string, id: string): string {
    if (!/^[0-9a-f]{64}$/.test(id)) throw new Error(`invalid content id ${JSON.stringify(id)}`);
    return join(this.root, kind, id.slice(0, 2), `${id}.gz`);
  }

  /** Stores bytes under their sha256 (unless already there) and returns the id. */
  async putBytes(kind: string, data: Uint8Array): Promise<string> {
    const id = sha256(data);
    await this.putBytesAt(kind, id, data);
    return id;
  }

  /** Stores bytes under an id the caller derived (e.g. a hash of a key), overwriting nothing if present. */
  async putBytesAt(kind: string, id: string, data: Uint8Array): Promise<void> {
    const path = this.pathOf(kind, id);
    const exists = await stat(path).then(() => true, () => false);
    if (!exists) await writeFileAtomic(path, gzipSync(data, { level: 6 }));
  }

  /** The bytes stored under `id`, or null when there is no such object. */
  async getBytes(kind: string, id: string): Promise<Buffer | null> {
    try {
      return gunzipSync(await readFile(this.pathOf(kind, id)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async putJson(kind: string, value: unknown): Promise<string> {
    return this.putBytes(kind, Buffer.from(JSON.stringify(value)));
  }

  async getJson<T>(kind: string, id: string): Promise<T | null> {
    const bytes = await this.getBytes(kind, id);
    return bytes ? (JSON.parse(bytes.toString('utf8')) as T) : null;
  }
}

/** Content-store kind of cleaned pages (`CleanResult` JSON), written by the cleaner, read by the extractor. */
export const CLEANED_KIND = 'cleaned';
