import type { BlobStore } from './blob-store.ts';

/**
 * A bounded in-memory cache in front of a {@link BlobStore}, for objects this process wrote
 * recently (reads that miss go to the store and are not kept). In the default one-process deployment the crawler stores a snapshot and the
 * cleaner reads it a few milliseconds later, and the same for the cleaned page and the extractor:
 * without the cache each hand-off costs a file read and a gunzip (or a database or S3 round trip).
 *
 * Safe because objects never change once stored: a content id is the sha256 of its bytes, and an
 * object under a derived id (`putBytesAt`) is cached only when this write is the one the store
 * kept. Least recently used objects go first once the cache holds `maxBytes`; an object larger
 * than an eighth of that is never cached. Reads return a copy, so a caller cannot change the cache.
 * Processes that share a store do not share caches: a miss simply reads the store.
 */
export class CachedBlobStore implements BlobStore {
  /** `kind/id` → bytes, oldest first (a Map keeps insertion order; a hit moves the entry last). */
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  private readonly maxObjectBytes: number;
  hits = 0;
  misses = 0;

  constructor(
    readonly inner: BlobStore,
    readonly maxBytes: number,
  ) {
    this.maxObjectBytes = Math.floor(maxBytes / 8);
  }

  /** Bytes held now (never more than `maxBytes`). */
  get size(): number {
    return this.bytes;
  }

  private remember(kind: string, id: string, data: Uint8Array): void {
    if (data.byteLength > this.maxObjectBytes) return;
    const key = `${kind}/${id}`;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.byteLength;
    }
    // A copy: the caller may reuse its buffer after the write.
    const copy = Buffer.from(data);
    this.entries.set(key, copy);
    this.bytes += copy.byteLength;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.byteLength;
    }
  }

  private recall(kind: string, id: string): Buffer | null {
    const key = `${kind}/${id}`;
    const hit = this.entries.get(key);
    if (!hit) return null;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  async putBytes(kind: string, data: Uint8Array): Promise<string> {
    const id = await this.inner.putBytes(kind, data);
    this.remember(kind, id, data);
    return id;
  }

  async putBytesAt(kind: string, id: string, data: Uint8Array): Promise<boolean> {
    const stored = await this.inner.putBytesAt(kind, id, data);
    // An earlier copy was kept: the store holds other bytes under this id, so do not cache these.
    if (stored) this.remember(kind, id, data);
    else this.forget(kind, id);
    return stored;
  }

  async getBytes(kind: string, id: string): Promise<Buffer | null> {
    const hit = this.recall(kind, id);
    if (hit) {
      this.hits++;
      return Buffer.from(hit);
    }
    this.misses++;
    // Not remembered: the cache is for hand-offs within this process (what it wrote); an object
    // read from the store is read once, and holding it would hide a later fault of the store.
    return this.inner.getBytes(kind, id);
  }

  async putJson(kind: string, value: unknown): Promise<string> {
    return this.putBytes(kind, Buffer.from(JSON.stringify(value)));
  }

  async getJson<T>(kind: string, id: string): Promise<T | null> {
    const hit = this.recall(kind, id);
    if (hit) {
      let value: unknown;
      try {
        value = JSON.parse(hit.toString('utf8'));
      } catch {
        value = undefined;
      }
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        this.hits++;
        return value as T;
      }
    }
    // A miss, or bytes that are not a JSON object: the store gives the value or the reasoned error.
    this.misses++;
    return this.inner.getJson<T>(kind, id);
  }

  /** The store's listing (the cache only holds copies of what the store has). */
  ids(kind: string): AsyncIterable<string> {
    return this.inner.ids(kind);
  }

  private forget(kind: string, id: string): void {
    const key = `${kind}/${id}`;
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.byteLength;
  }
}
