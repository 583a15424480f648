/**
 * Where snapshots and cleaned pages live: a content-addressed object store shared by the
 * crawler (writes raw responses), the cleaner (reads them, writes cleaned pages) and the
 * extractor (reads cleaned pages). Ids are sha256 hex, so queues carry ids, never bodies.
 *
 * Implementations: {@link ContentStore} on the local disk (the embedded default, one machine),
 * {@link PgBlobStore} in a PostgreSQL table and {@link S3BlobStore} in an S3-compatible bucket
 * (both shared by processes on any number of machines).
 */
export interface BlobStore {
  /** Stores bytes under their sha256 (unless already there) and returns the id. */
  putBytes(kind: string, data: Uint8Array): Promise<string>;
  /**
   * Stores bytes under an id the caller derived (e.g. a hash of a key); an existing object is kept.
   * Resolves true when these bytes were stored, false when an earlier copy was kept.
   */
  putBytesAt(kind: string, id: string, data: Uint8Array): Promise<boolean>;
  /** The bytes stored under `id`, or null when there is no such object. */
  getBytes(kind: string, id: string): Promise<Buffer | null>;
  /** Stores a value as JSON under its sha256 and returns the id. */
  putJson(kind: string, value: unknown): Promise<string>;
  /** The JSON value stored under `id`, or null. */
  getJson<T>(kind: string, id: string): Promise<T | null>;
  /**
   * The id of every object stored under `kind`, in no set order, a page at a time on shared stores
   * (so a store of millions is never listed in one answer). For scans such as `provnews reprocess`;
   * objects stored while a listing runs may or may not be in it.
   */
  ids(kind: string): AsyncIterable<string>;
}

/** Page size of listings on shared stores (S3's own maximum per request). */
export const LIST_PAGE = 1000;

/** A stored object's id from its file or object name (`<id>.gz`), or null for anything else (temp files, strays). */
export function idOfName(name: string): string | null {
  const m = /^([0-9a-f]{64})\.gz$/.exec(name);
  return m ? m[1]! : null;
}

/** A shared store that holds connections: says where it points (no secrets) and closes them. */
export interface SharedBlobStore extends BlobStore {
  readonly description: string;
  close(): Promise<void>;
}

/** Content kinds are path-like names (`bodies`, `snapshots`, `cleaned`): letters, digits, `-`, `_`. */
export function assertKind(kind: string): void {
  if (!/^[a-z0-9_-]{1,64}$/i.test(kind)) throw new Error(`invalid content kind ${JSON.stringify(kind)}`);
}

/** Ids are sha256 hex (64 lower-case hex digits). */
export function assertId(id: string): void {
  if (!/^[0-9a-f]{64}$/.test(id)) throw new Error(`invalid content id ${JSON.stringify(id)}`);
}
