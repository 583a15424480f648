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
    const existing = await this.store.getJson<SnapshotMeta>('snapshots', id).catch(() => null);
    if (!existing) await this.store.putBytesAt('snapshots', id, Buffer.from(JSON.stringify(meta)));
    return id;
  }

  async get(id: string): Promise<Snapshot | null> {
    const meta = await this.store.getJson<SnapshotMeta>('snapshots', id);
    if (!meta) return null;
    const body = await this.store.getBytes('bodies', meta.bodyId);
    if (!body) return null;
    const { bodyId: _b, bodyBytes: _n, ...rest } = meta;
    return { ...rest, body };
  }
}
