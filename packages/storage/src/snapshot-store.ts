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

interface SnapshotMeta extends Omit<Snapshot, 'body'> {
  bodyId: string;
  bodyBytes: number;
}

/**
 * Raw responses, content-addressed. The body is stored by its own hash (identical bodies once);
 * the snapshot id hashes the final URL, status and body hash, so refetching an unchanged page
 * gives the same id and the cleaner's idempotent job id skips it.
 */
export class SnapshotStore {
  constructor(private readonly store: BlobStore) {}

  async put(snapshot: Snapshot): Promise<string> {
    const { body, ...rest } = snapshot;
    const headers = Object.fromEntries(Object.entries(rest.headers).filter(([k]) => k !== 'set-cookie' && k !== 'cookie'));
    const bodyId = await this.store.putBytes('bodies', body);
    const id = sha256(JSON.stringify([rest.finalUrl, rest.status, bodyId]));
    const meta: SnapshotMeta = { ...rest, headers, bodyId, bodyBytes: body.byteLength };
    // putBytesAt keeps the first copy: a refetch of unchanged bytes writes nothing.
    await this.store.putBytesAt('snapshots', id, Buffer.from(JSON.stringify(meta)));
    return id;
  }

  /**
   * The snapshot, or null when no snapshot has this id. A snapshot whose metadata is unreadable
   * or lacks fields, or whose body is gone, throws `[store-corrupt]` (see ContentStore.getBytes).
   */
  async get(id: string): Promise<Snapshot | null> {
    const meta = await this.store.getJson<SnapshotMeta>('snapshots', id);
    if (!meta) return null;
    if (typeof meta.bodyId !== 'string' || typeof meta.finalUrl !== 'string' || typeof meta.headers !== 'object' || meta.headers === null) {
      throw new PermanentJobError('store-corrupt', `snapshots/${id}: metadata lacks bodyId, finalUrl or headers`);
    }
    const body = await this.store.getBytes('bodies', meta.bodyId);
    if (!body) throw new PermanentJobError('store-corrupt', `snapshots/${id}: body ${meta.bodyId} is gone from the store`);
    const { bodyId: _b, bodyBytes: _n, ...rest } = meta;
    return { ...rest, body };
  }
}
