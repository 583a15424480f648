import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { ArticleRecord } from '@provnews/record';
import { SinkError, type Sink, type SinkOutcome } from './sink.ts';

/** The little a SQL sink needs from a database client; `pg.Pool` and PGlite both fit. */
export interface SqlClient {
  query<R extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * One row per canonical URL. The whole record is kept as JSONB (query anything with `->`/`@>`),
 * with the fields people filter on most as plain columns.
 */
export const ARTICLES_DDL = [
  `CREATE TABLE IF NOT EXISTS provnews_articles (
     url text PRIMARY KEY,
     portal text,
     title text,
     published_at text,
     event_date text,
     province text,
     districts text[] NOT NULL DEFAULT '{}',
     official_names text[] NOT NULL DEFAULT '{}',
     record jsonb NOT NULL,
     record_hash text NOT NULL,
     first_stored_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  'CREATE INDEX IF NOT EXISTS provnews_articles_portal_idx ON provnews_articles (portal)',
  'CREATE INDEX IF NOT EXISTS provnews_articles_province_idx ON provnews_articles (province)',
  'CREATE INDEX IF NOT EXISTS provnews_articles_officials_idx ON provnews_articles USING gin (official_names)',
  'CREATE INDEX IF NOT EXISTS provnews_articles_record_idx ON provnews_articles USING gin (record jsonb_path_ops)',
];

/**
 * A PostgreSQL (or PGlite) sink. The upsert only touches a row when the record's hash changed,
 * and `xmax = 0` tells an insert from an update, so a replayed page is `unchanged` and never
 * duplicated.
 */
export class SqlSink implements Sink {
  private ready: Promise<void> | null = null;

  constructor(
    private readonly client: SqlClient,
    readonly description: string,
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {}

  private migrate(): Promise<void> {
    this.ready ??= (async () => {
      for (const statement of ARTICLES_DDL) {
        try {
          await this.client.query(statement);
        } catch (err) {
          // Several extractors starting together race on CREATE … IF NOT EXISTS; the loser sees a
          // duplicate-object error and the object exists, so running the statement again is a no-op.
          if (!['23505', '42P07'].includes((err as { code?: string }).code ?? '')) throw err;
          await this.client.query(statement);
        }
      }
    })().catch((err: unknown) => {
      // Not cached: the next write tries again once the database is back.
      this.ready = null;
      throw classifySqlError(err, this.description);
    });
    return this.ready;
  }

  /** Start-up check: the database answers and the table exists (created if needed). */
  async check(): Promise<void> {
    await this.migrate();
  }

  async write(record: ArticleRecord): Promise<SinkOutcome> {
    try {
      return await this.upsert(record);
    } catch (err) {
      throw classifySqlError(err, this.description);
    }
  }

  private async upsert(record: ArticleRecord): Promise<SinkOutcome> {
    await this.migrate();
    const json = JSON.stringify(record);
    const hash = createHash('sha256').update(json).digest('hex');
    const { rows } = await this.client.query<{ inserted: boolean }>(
      `INSERT INTO provnews_articles (url, portal, title, published_at, event_date, province, districts, official_names, record, record_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
       ON CONFLICT (url) DO UPDATE SET
         portal = EXCLUDED.portal, title = EXCLUDED.title, published_at = EXCLUDED.published_at,
         event_date = EXCLUDED.event_date, province = EXCLUDED.province, districts = EXCLUDED.districts,
         official_names = EXCLUDED.official_names, record = EXCLUDED.record, record_hash = EXCLUDED.record_hash,
         updated_at = now()
       WHERE provnews_articles.record_hash <> EXCLUDED.record_hash
       RETURNING (xmax = 0) AS inserted`,
      [
        record.url,
        record.portal,
        record.title,
        record.publishedAt,
        record.eventDate,
        record.province,
        record.districts,
        record.officials.map((o) => o.name),
        json,
        hash,
      ],
    );
    const row = rows[0];
    if (!row) return 'unchanged';
    return row.inserted ? 'inserted' : 'updated';
  }

  async count(): Promise<number> {
    await this.migrate();
    const { rows } = await this.client.query<{ n: number | string }>('SELECT count(*)::int AS n FROM provnews_articles');
    return Number(rows[0]?.n ?? 0);
  }

  /** Every stored record, oldest first (tests, exports). */
  async all(): Promise<ArticleRecord[]> {
    await this.migrate();
    const { rows } = await this.client.query<{ record: ArticleRecord | string }>('SELECT record FROM provnews_articles ORDER BY first_stored_at, url');
    return rows.map((r) => (typeof r.record === 'string' ? (JSON.parse(r.record) as ArticleRecord) : r.record));
  }

  async close(): Promise<void> {
    await this.onClose();
  }
}

/** Node socket errors that mean "the database is not reachable right now". */
const OUTAGE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Sorts a database error: an outage (connection refused or lost, server shutting down or
 * starting — SQLSTATE classes 08 and 57P, too many connections 53300) becomes a SinkError with
 * `outage: true`, which the extractor rides out; anything else is rethrown as it is.
 */
export function classifySqlError(err: unknown, where: string): Error {
  if (err instanceof SinkError) return err;
  const e = err as Error & { code?: string };
  const code = e?.code ?? '';
  const outage =
    OUTAGE_ERRNO.has(code) ||
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code === '53300' ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(e?.message ?? '');
  if (!outage) return e instanceof Error ? e : new Error(String(err));
  return new SinkError(`database ${where} unreachable: ${code ? `${code} ` : ''}${e?.message ?? String(err)}`, true);
}

/** A sink on a PostgreSQL server (`postgres://…`). */
export async function openPostgresSink(databaseUrl: string): Promise<SqlSink> {
  const { default: pg } = await import('pg');
  // A dead server must fail a write in seconds, not hang it until the job lock expires.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => undefined); // an idle client dropped by the server is replaced on next use
  return new SqlSink(pool as unknown as SqlClient, `postgres:${databaseUrl.replace(/\/\/([^@/]*)@/, '//***@')}`, () => pool.end());
}

/** An embedded PostgreSQL (PGlite) sink with its files in `dir`; no server needed. */
export async function openPgliteSink(dir: string): Promise<SqlSink> {
  const { PGlite } = await import('@electric-sql/pglite');
  await mkdir(dir, { recursive: true });
  const db = await PGlite.create(dir);
  return new SqlSink(db as unknown as SqlClient, `pglite:${dir}`, () => db.close());
}
