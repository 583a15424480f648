import { gunzipSync, gzipSync } from 'node:zlib';
import { assertId, assertKind, LIST_PAGE, type SharedBlobStore } from './blob-store.ts';
import { sha256, STORE_GZIP_LEVEL } from './content-store.ts';
import type { SqlClient } from './sql-sink.ts';

/** Default table of the PostgreSQL blob store. */
export const BLOBS_TABLE = 'provnews_blobs';

/** `schema.table` or `table`, plain identifiers only (they are spliced into SQL). */
function checkTableName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}(\.[a-z_][a-z0-9_]{0,62})?$/.test(name)) throw new Error(`invalid table name ${JSON.stringify(name)}`);
  return name;
}

/** Codes PostgreSQL raises when two processes create the same table at once; the table exists afterwards. */
const CONCURRENT_DDL_CODES = new Set(['23505', '42P07']);

/**
 * Snapshots and cleaned pages in one PostgreSQL table, `(kind, id) → gzip bytes`, so crawler,
 * cleaner and extractor processes on different machines share them through the database the
 * sink already uses. Writes are `INSERT … ON CONFLICT DO NOTHING`: two processes storing the
 * same content at once store it once, and an existing object is never rewritten.
 *
 * Objects are gzip-compressed by the client (as on disk), so PostgreSQL's TOAST keeps them as
 * they are and the bytes on the wire are the compressed ones.
 */
export class PgBlobStore implements SharedBlobStore {
  private ready: Promise<void> | null = null;
  readonly table: string;

  constructor(
    private readonly client: SqlClient,
    readonly description: string,
    options: { table?: string; onClose?: () => Promise<void> } = {},
  ) {
    this.table = checkTableName(options.table ?? BLOBS_TABLE);
    this.onClose = options.onClose ?? (async () => undefined);
  }

  private readonly onClose: () => Promise<void>;

  /** Creates the table once per process (idempotent; safe when several processes start together). */
  migrate(): Promise<void> {
    this.ready ??= (async () => {
      const ddl = `CREATE TABLE IF NOT EXISTS ${this.table} (
        kind text NOT NULL,
        id text NOT NULL,
        data bytea NOT NULL,
        bytes integer NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      )`;
      try {
        await this.client.query(ddl);
      } catch (err) {
        if (!CONCURRENT_DDL_CODES.has((err as { code?: string }).code ?? '')) throw err;
        await this.client.query(ddl);
      }
    })();
    this.ready.catch(() => {
      this.ready = null;
    });
    return this.ready;
  }

  async putBytes(kind: string, data: Uint8Array): Promise<string> {
    const id = sha256(data);
    await this.putBytesAt(kind, id, data);
    return id;
  }

  async putBytesAt(kind: string, id: string, data: Uint8Array): Promise<boolean> {
    assertKind(kind);
    assertId(id);
    await this.migrate();
    const res = await this.client.query(`INSERT INTO ${this.table} (kind, id, data, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (kind, id) DO NOTHING RETURNING id`, [
      kind,
      id,
      gzipSync(data, { level: STORE_GZIP_LEVEL }),
      data.byteLength,
    ]);
    // RETURNING gives a row only when this insert stored the object.
    return res.rows.length === 1;
  }

  async getBytes(kind: string, id: string): Promise<Buffer | null> {
    assertKind(kind);
    assertId(id);
    await this.migrate();
    const { rows } = await this.client.query<{ data: Buffer }>(`SELECT data FROM ${this.table} WHERE kind = $1 AND id = $2`, [kind, id]);
    const row = rows[0];
    return row ? gunzipSync(row.data) : null;
  }

  async putJson(kind: string, value: unknown): Promise<string> {
    return this.putBytes(kind, Buffer.from(JSON.stringify(value)));
  }

  async getJson<T>(kind: string, id: string): Promise<T | null> {
    const bytes = await this.getBytes(kind, id);
    return bytes ? (JSON.parse(bytes.toString('utf8')) as T) : null;
  }

  /** Every object of `kind`, in id order, `pageSize` rows per query (keyset paging on the primary key). */
  async *ids(kind: string, pageSize = LIST_PAGE): AsyncIterable<string> {
    assertKind(kind);
    await this.migrate();
    let after = '';
    for (;;) {
      const { rows } = await this.client.query<{ id: string }>(`SELECT id FROM ${this.table} WHERE kind = $1 AND id > $2 ORDER BY id LIMIT $3`, [kind, after, pageSize]);
      for (const row of rows) yield row.id;
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  /** Objects and bytes per kind (compressed as stored, and raw): for `status`, benchmarks and capacity planning. */
  async stats(): Promise<{ kind: string; objects: number; storedBytes: number; rawBytes: number }[]> {
    await this.migrate();
    const { rows } = await this.client.query<{ kind: string; objects: number; stored: string; raw: string }>(
      `SELECT kind, count(*)::int AS objects, sum(octet_length(data))::bigint AS stored, sum(bytes)::bigint AS raw
         FROM ${this.table} GROUP BY kind ORDER BY kind`,
    );
    return rows.map((r) => ({ kind: r.kind, objects: r.objects, storedBytes: Number(r.stored), rawBytes: Number(r.raw) }));
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}

/** A blob store in `table` on a PostgreSQL server (`postgres://…`), with its own small pool. */
export async function openPgBlobStore(databaseUrl: string, table: string = BLOBS_TABLE): Promise<PgBlobStore> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
  return new PgBlobStore(pool as unknown as SqlClient, `postgres:${databaseUrl.replace(/\/\/([^@/]*)@/, '//***@')}/${table}`, {
    table,
    onClose: () => pool.end(),
  });
}
