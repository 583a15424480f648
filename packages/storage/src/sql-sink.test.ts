import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRecord, type ArticleRecord } from '@provnews/record';
import { openPgliteSink, openPostgresSink, type SqlSink } from './sql-sink.ts';
// The PostgreSQL the tests use: DATABASE_URL, else the local server CI runs (trust auth, database
// `test`). If neither answers the suite fails: it is never skipped.
import { privateSchema } from '@provnews/testing';


const record = (url: string, patch: Partial<ArticleRecord> = {}): ArticleRecord => ({
  ...emptyRecord(url, 'demo-hagiang'),
  title: 'Bí thư Tỉnh ủy làm việc tại huyện Vị Xuyên',
  province: 'Hà Giang',
  districts: ['Vị Xuyên'],
  officials: [{ name: 'Lục Văn Khoa', titles: ['Bí thư Tỉnh ủy'] }],
  ...patch,
});

function sinkContract(name: string, open: () => Promise<{ sink: SqlSink; cleanup: () => Promise<void> }>) {
  describe(name, () => {
    let sink: SqlSink;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ sink, cleanup } = await open());
    });
    afterAll(async () => {
      await sink?.close();
      await cleanup?.();
    });

    it('inserts once, reports an identical record as unchanged, replaces a changed one', async () => {
      expect(await sink.write(record('https://x.vn/a'))).toBe('inserted');
      expect(await sink.write(record('https://x.vn/a'))).toBe('unchanged');
      expect(await sink.write(record('https://x.vn/b'))).toBe('inserted');
      expect(await sink.write(record('https://x.vn/a', { title: 'Sửa tiêu đề' }))).toBe('updated');
      expect(await sink.count()).toBe(2);
      const a = (await sink.all()).find((r) => r.url === 'https://x.vn/a');
      expect(a?.title).toBe('Sửa tiêu đề');
      expect(a?.officials[0]?.name).toBe('Lục Văn Khoa');
    });
  });
}

sinkContract('SqlSink on PGlite (embedded PostgreSQL)', async () => ({
  sink: await openPgliteSink(mkdtempSync(join(tmpdir(), 'provnews-pglite-'))),
  cleanup: async () => undefined,
}));

sinkContract('SqlSink on a PostgreSQL server', async () => {
  // A schema of its own, so parallel runs on one database never see each other's rows.
  const db = await privateSchema('t');
  return {
    sink: await openPostgresSink(db.url),
    cleanup: () => db.drop(),
  };
});

describe('SqlSink when the database is down', () => {
  it('start-up check and writes fail fast with a SinkError marked as an outage, in one line', async () => {
    const { freePort } = await import('@provnews/testing');
    const sink = await openPostgresSink(`postgresql://postgres@127.0.0.1:${await freePort()}/test`);
    try {
      const err = (await sink.check().catch((e: unknown) => e)) as Error & { outage?: boolean };
      expect(err.name).toBe('SinkError');
      expect(err.outage).toBe(true);
      expect(err.message).toMatch(/^database postgres:.* unreachable: ECONNREFUSED/);
      expect(err.message).not.toContain('\n');
      const write = (await sink.write(record('https://x.vn/down')).catch((e: unknown) => e)) as Error & { outage?: boolean };
      expect(write.name).toBe('SinkError');
      expect(write.outage).toBe(true);
    } finally {
      await sink.close();
    }
  });
});
