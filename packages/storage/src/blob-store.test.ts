import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from './blob-store.ts';
import { ContentStore, sha256 } from './content-store.ts';
import { openPgBlobStore, type PgBlobStore } from './pg-blob-store.ts';
import { openS3BlobStore, type S3BlobStore } from './s3-blob-store.ts';
import { SnapshotStore } from './snapshot-store.ts';
// DATABASE_URL, else the local server CI runs; if neither answers the suite fails, never skips.
import { privateSchema } from '@provnews/testing';


interface Opened {
  /** Two handles on the same store, as two processes (on two machines) would hold. */
  a: BlobStore;
  b: BlobStore;
  /** How many objects of `kind` the backend holds. */
  objects(kind: string): Promise<number>;
  cleanup(): Promise<void>;
}

const snapshot = (body: string) => ({
  url: 'https://baohagiang.vn/xa-hoi/bai-mot.html',
  finalUrl: 'https://baohagiang.vn/xa-hoi/bai-mot.html',
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'sid=2' },
  fetchedAt: '2026-03-02T01:02:03.000Z',
  body: Buffer.from(body),
});

function storeContract(name: string, open: () => Promise<Opened>) {
  describe(name, () => {
    let s: Opened;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => {
      await s?.cleanup();
    });

    it('round-trips bytes and JSON under their sha256; what one handle writes the other reads', async () => {
      const bytes = Buffer.from('<p>Chiều 12/3, đoàn công tác của huyện đã kiểm tra tiến độ.</p>');
      const id = await s.a.putBytes('bodies', bytes);
      expect(id).toBe(sha256(bytes));
      expect((await s.b.getBytes('bodies', id))?.equals(bytes)).toBe(true);
      const jsonId = await s.b.putJson('cleaned', { title: 'Một', paragraphs: ['Hai', 'Ba'] });
      expect(await s.a.getJson('cleaned', jsonId)).toEqual({ title: 'Một', paragraphs: ['Hai', 'Ba'] });
      // Kinds are separate namespaces.
      expect(await s.a.getBytes('cleaned', id)).toBeNull();
      expect(await s.a.getBytes('bodies', 'e'.repeat(64))).toBeNull();
    });

    it('stores the same content once, even when two handles write it at the same moment', async () => {
      const kind = `race${randomBytes(3).toString('hex')}`;
      const bodies = Array.from({ length: 20 }, (_, i) => Buffer.from(`bài số ${i % 5}`));
      const ids = await Promise.all(bodies.map((b, i) => (i % 2 ? s.a : s.b).putBytes(kind, b)));
      expect(new Set(ids).size).toBe(5);
      expect(await s.objects(kind)).toBe(5);
    });

    it('putBytesAt keeps the first object under a derived id', async () => {
      const id = sha256('a key, not the content');
      expect(await s.a.putBytesAt('snapshots', id, Buffer.from('first'))).toBe(true);
      expect(await s.b.putBytesAt('snapshots', id, Buffer.from('second'))).toBe(false);
      expect((await s.a.getBytes('snapshots', id))?.toString()).toBe('first');
    });

    it('refuses ids that are not sha256 hex and kinds that are not plain names', async () => {
      await expect(s.a.getBytes('bodies', '../../etc/passwd')).rejects.toThrow(/invalid content id/);
      await expect(s.a.putBytesAt('bodies', 'ABC', Buffer.from('x'))).rejects.toThrow(/invalid content id/);
      if (!(s.a instanceof ContentStore)) await expect(s.a.getBytes('bo dies', 'e'.repeat(64))).rejects.toThrow(/invalid content kind/);
    });

    it('lists every object of a kind (ids), page by page on a shared store, nothing of other kinds or unfinished writes', async () => {
      const kind = `list${randomBytes(3).toString('hex')}`;
      const ids = await Promise.all(Array.from({ length: 7 }, (_, i) => (i % 2 ? s.a : s.b).putBytes(kind, Buffer.from(`tin số ${i}`))));
      await s.a.putBytes(`${kind}x`, Buffer.from('một loại khác'));
      if (s.a instanceof ContentStore) {
        // A write cut short leaves its temp file in the shard directory: not an object.
        writeFileSync(join(s.a.root, kind, ids[0]!.slice(0, 2), `${ids[0]}.gz.0a1b2c.tmp`), 'half');
      }
      // Shared stores take a page size (ContentStore has no pages and ignores it).
      const listed = async (store: BlobStore, k: string, pageSize?: number) => {
        const out: string[] = [];
        for await (const id of (store as BlobStore & { ids(kind: string, pageSize?: number): AsyncIterable<string> }).ids(k, pageSize)) out.push(id);
        return out.sort();
      };
      expect(await listed(s.b, kind)).toEqual([...ids].sort());
      expect(await listed(s.a, kind, 2)).toEqual([...ids].sort());
      expect(await listed(s.a, `${kind}x`)).toHaveLength(1);
      expect(await listed(s.a, `${kind}none`)).toEqual([]);
    });

    it('carries SnapshotStore: the crawler on one handle, the cleaner on the other', async () => {
      const crawler = new SnapshotStore(s.a);
      const cleaner = new SnapshotStore(s.b);
      const id = await crawler.put(snapshot('<html><body>Nội dung</body></html>'));
      expect(await cleaner.put({ ...snapshot('<html><body>Nội dung</body></html>'), fetchedAt: '2026-03-03T00:00:00.000Z' })).toBe(id);
      const back = await cleaner.get(id);
      expect(back?.body.toString()).toBe('<html><body>Nội dung</body></html>');
      expect(back?.status).toBe(200);
      expect(back?.headers).not.toHaveProperty('set-cookie');
    });
  });
}

storeContract('ContentStore on the local disk (the embedded default)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'provnews-blobs-'));
  const { readdir } = await import('node:fs/promises');
  return {
    a: new ContentStore(root),
    b: new ContentStore(root),
    async objects(kind) {
      const dirs = await readdir(join(root, kind));
      let n = 0;
      for (const d of dirs) n += (await readdir(join(root, kind, d))).filter((f) => f.endsWith('.gz')).length;
      return n;
    },
    cleanup: async () => undefined,
  };
});

storeContract('PgBlobStore on a PostgreSQL server (two pools, as two machines)', async () => {
  // A schema of its own, so parallel runs on one database never see each other's rows.
  const db = await privateSchema('blobs');
  const table = `${db.schema}.blobs`;
  const a: PgBlobStore = await openPgBlobStore(db.url, table);
  const b: PgBlobStore = await openPgBlobStore(db.url, table);
  // Both create the table at once, as two processes starting together would.
  await Promise.all([a.migrate(), b.migrate()]);
  return {
    a,
    b,
    async objects(kind) {
      const { rows } = await db.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE kind = $1`, [kind]);
      return rows[0]!.n;
    },
    async cleanup() {
      const stats = await a.stats();
      expect(stats.find((k) => k.kind === 'bodies')?.objects).toBeGreaterThan(0);
      await a.close();
      await b.close();
      await db.drop();
    },
  };
});

storeContract('S3BlobStore through the AWS SDK v3 on a real S3-protocol server (s3rver on loopback)', async () => {
  // No Docker engine here for MinIO: s3rver speaks the S3 REST protocol over HTTP, so the SDK's
  // requests, signatures and errors (404 NoSuchKey, conditional writes) go through the real wire format.
  const { default: S3rver } = await import('s3rver');
  const directory = mkdtempSync(join(tmpdir(), 'provnews-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'other-bucket' }] });
  const { port } = await server.run();
  const options = {
    bucket: 'provnews-test',
    prefix: `run-${randomBytes(3).toString('hex')}/`,
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  const a: S3BlobStore = await openS3BlobStore(options);
  const b: S3BlobStore = await openS3BlobStore(options);
  // A fresh server has no bucket: both processes create it at once, and both succeed.
  expect(await a.getBytes('bodies', 'e'.repeat(64)).catch((err: Error) => err.name)).toBe('NoSuchBucket');
  await Promise.all([a.ensureBucket(), b.ensureBucket()]);
  await a.ensureBucket();
  const { readdir } = await import('node:fs/promises');
  return {
    a,
    b,
    async objects(kind) {
      const { ListObjectsV2Command, S3Client } = await import('@aws-sdk/client-s3');
      const client = new S3Client({ region: 'us-east-1', endpoint: options.endpoint, forcePathStyle: true, credentials: options.credentials });
      const res = await client.send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: `${options.prefix}${kind}/` }));
      client.destroy();
      return res.KeyCount ?? 0;
    },
    async cleanup() {
      expect((await readdir(directory)).length).toBeGreaterThan(0);
      await a.close();
      await b.close();
      await server.close();
    },
  };
});
