import { PermanentJobError } from '@provnews/queues';
import type { BlobStore } from './blob-store.ts';
import { sha256 } from './content-store.ts';

/** A raw HTTP response as the crawler received it. */
export interface Snapshot {
  /** The URL that was requested (canonical form). */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers, lower-case names (cookies are not kept). */
  headers: Record<string, string>;
  /** When the response arrived (ISO 8601). */
  fetchedAt: string;
  body: Buffer;
}

/** The layout before issue 12: metadata only, the body stored apart under `bodies/<bodyId>`. */
interface SnapshotMeta extends Omit<Snapshot, 'body'> {
  bodyId: string;
  bodyBytes: number;
  /** One-object layout: the body itself, as text when it is valid UTF-8 (nearly every page)… */
  bodyText?: string;
  /** …or as base64 when it is not (a page in a legacy encoding). */
  bodyBase64?: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as text when its bytes are valid UTF-8 (then `Buffer.from(text)` gives them back exactly), else null. */
function asUtf8(body: Buffer): string | null {
  try {
    return strictUtf8.decode(body);
  } catch {
    return null;
  }
}

/**
 * Raw responses. A snapshot is ONE object, `snapshots/<id>`: a JSON object with the response
 * metadata and the body inline (`bodyText`, or `bodyBase64` for bytes that are not UTF-8), so a
 * fetched page costs one write instead of two. It stays a JSON object with the same metadata fields
 * as before, so readers of the metadata alone (metrics, reprocess) keep working. The snapshot id
 * hashes the final URL, status and the body's sha256 (as it always has), so refetching an unchanged
 * page gives the same id and the cleaner's idempotent job id skips it. Snapshots stored in the
 * older two-object layout (metadata with `bodyId`, body under `bodies/`) still load.
 */
export class SnapshotStore {
  constructor(private readonly store: BlobStore) {}

  async put(snapshot: Snapshot): Promise<string> {
    const { body, ...rest } = snapshot;
    const headers = Object.fromEntries(Object.entries(rest.headers).filter(([k]) => k !== 'set-cookie' && k !== 'cookie'));
    const bodyId = sha256(body);
    const id = sha256(JSON.stringify([rest.finalUrl, rest.status, bodyId]));
    const text = asUtf8(body);
    const meta: SnapshotMeta = { ...rest, headers, bodyId, bodyBytes: body.byteLength, ...(text !== null ? { bodyText: text } : { bodyBase64: body.toString('base64') }) };
    // putBytesAt keeps the first copy: a refetch of unchanged bytes leaves the stored one.
    await this.store.putBytesAt('snapshots', id, Buffer.from(JSON.stringify(meta)));
    return id;
  }

  /**
   * The snapshot, or null when no snapshot has this id. A snapshot whose object is unreadable,
   * lacks fields or holds a body of the wrong length, or (older layout) whose body is gone,
   * throws `[store-corrupt]` (see ContentStore.getBytes).
   */
  async get(id: string): Promise<Snapshot | null> {
    const meta = await this.store.getJson<SnapshotMeta>('snapshots', id);
    if (!meta) return null;
    if (typeof meta.bodyId !== 'string' || typeof meta.finalUrl !== 'string' || typeof meta.headers !== 'object' || meta.headers === null) {
      throw new PermanentJobError('store-corrupt', `snapshots/${id}: metadata lacks bodyId, finalUrl or headers`);
    }
    const { bodyId, bodyBytes, bodyText, bodyBase64, ...rest } = meta;
    let body: Buffer | null;
    if (typeof bodyText === 'string') body = Buffer.from(bodyText, 'utf8');
    else if (typeof bodyBase64 === 'string') body = Buffer.from(bodyBase64, 'base64');
    else {
      body = await this.store.getBytes('bodies', bodyId);
      if (!body) throw new PermanentJobError('store-corrupt', `snapshots/${id}: body ${bodyId} is gone from the store`);
    }
    if (typeof bodyBytes === 'number' && body.byteLength !== bodyBytes) {
      throw new PermanentJobError('store-corrupt', `snapshots/${id}: body has ${body.byteLength} bytes, metadata says ${bodyBytes}`);
    }
    return { ...rest, body };
  }
}
