import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server tests and benchmarks use: DATABASE_URL, else the local one CI runs. */
export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** A schema of its own on a PostgreSQL server (see {@link privateSchema}). */
export interface PrivateSchema {
  /** `<base>_<8 hex digits>`. */
  schema: string;
  /** The server's URL with the schema as `search_path`: unqualified table names land in it. */
  url: string;
  /** A client on the server, `search_path` set to the schema, for set-up and checks. */
  admin: pg.Client;
  /** Drops the schema with everything in it, then closes `admin` (closed even when the drop fails). */
  drop(): Promise<void>;
}

/**
 * A fresh schema on the test server, so parallel runs on one database never see each other's rows.
 * When no server answers it fails with what to set or run: a test that needs PostgreSQL never skips.
 */
export async function privateSchema(base: string, serverUrl: string = TEST_DATABASE_URL): Promise<PrivateSchema> {
  const schema = `${base}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect().catch((err: Error) => {
    throw new Error(`this needs a PostgreSQL server: set DATABASE_URL or run one on 127.0.0.1:5432 (user postgres, database "test") (${err.message})`);
  });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`SET search_path = ${schema}`);
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: url.toString(),
    admin,
    async drop() {
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
