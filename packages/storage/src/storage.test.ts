import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRecord } from '@provnews/record';
import { ContentStore, sha256, SYNC_WRITE_MAX_BYTES } from './content-store.ts';
import { JsonlSink } from './jsonl-sink.ts';
import { SnapshotStore } from './snapshot-store.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'provnews-storage-'));

describe('SnapshotStore', () => {
  it('round-trips a response and gives an unchanged page the same id', async () => {
    const snapshots = new SnapshotStore(new ContentStore(dir()));
    const snap = {
      url: 'https://baolangson.vn/a.html',
      finalUrl: 'https://baolangson.vn/a.html',
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'sid=1' },
      fetchedAt: '2024-04-08T10:54:00.000Z',
      body: Buffer.from('<html><body><p>Sáng 8/4, …</p></body></html>'),
    };
    const id = await snapshots.put(snap);
    expect(await snapshots.put({ ...snap, fetchedAt: '2024-04-09T00:00:00.000Z' })).toBe(id);
    const back = await snapshots.get(id);
    expect(back?.body.toString()).toBe(snap.body.toString());
    expect(back?.headers).not.toHaveProperty('set-cookie');
    expect(await snapshots.put({ ...snap, body: Buffer.from('changed') })).not.toBe(id);
    expect(await snapshots.get('f'.repeat(64))).toBeNull();
  });
});

// Small objects are written with synchronous calls, large ones through the thread pool: both paths.
const noise = randomBytes(SYNC_WRITE_MAX_BYTES + 1024); // incompressible: stays over the limit once gzipped
describe.each([
  ['small objects (synchronous writes)', (text: string) => Buffer.from(text)],
  ['large objects (thread-pool writes)', (text: string) => Buffer.concat([noise, Buffer.from(text)])],
])('ContentStore writes, %s', (_, body) => {
  const text = (b: Buffer | null | undefined) => b?.subarray(b.length > SYNC_WRITE_MAX_BYTES ? noise.length : 0).toString();
  const files = (root: string): string[] =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));

  it('putBytesAt keeps the first copy, also when writers race, and leaves no temp files', async () => {
    const root = dir();
    const a = new ContentStore(root);
    const b = new ContentStore(root); // a second process on the same directory
    const id = 'ab'.repeat(32);
    await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).putBytesAt('snapshots', id, body(`copy ${i}`))));
    const first = text(await a.getBytes('snapshots', id));
    expect(first).toMatch(/^copy [0-7]$/);
    await a.putBytesAt('snapshots', id, body('a later copy'));
    expect(text(await b.getBytes('snapshots', id))).toBe(first);
    expect(files(root)).toEqual([join(root, 'snapshots', 'ab', `${id}.gz`)]);
  });

  it('putBytes stores identical bytes once, replaces a damaged copy, and recreates a removed directory', async () => {
    const root = dir();
    const store = new ContentStore(root);
    const id = await store.putBytes('bodies', body('<p>một</p>'));
    expect(await store.putBytes('bodies', body('<p>một</p>'))).toBe(id);
    expect(files(root)).toHaveLength(1);
    writeFileSync(join(root, 'bodies', id.slice(0, 2), `${id}.gz`), 'torn');
    await store.putBytes('bodies', body('<p>một</p>'));
    expect(text(await store.getBytes('bodies', id))).toBe('<p>một</p>');
    rmSync(join(root, 'bodies'), { recursive: true });
    expect(await store.putBytes('bodies', body('<p>một</p>'))).toBe(id);
    expect(text(await store.getBytes('bodies', id))).toBe('<p>một</p>');
    expect(files(root)).toHaveLength(1);
  });
});

describe('SnapshotStore layout', () => {
  const snap = (body: Buffer) => ({ url: 'https://x.vn/a', finalUrl: 'https://x.vn/a', status: 200, headers: {}, fetchedAt: '2024-01-01T00:00:00.000Z', body });

  it('stores a snapshot as one object, with the id derived from final URL, status and body hash as before', async () => {
    const root = dir();
    const snapshots = new SnapshotStore(new ContentStore(root));
    const body = Buffer.from('<html><body>Tin mới</body></html>');
    const id = await snapshots.put(snap(body));
    expect(id).toBe(sha256(JSON.stringify(['https://x.vn/a', 200, sha256(body)])));
    expect(readdirSync(root)).toEqual(['snapshots']);
    // Metadata readers see the same fields as before.
    const meta = JSON.parse(gunzipSync(readFileSync(join(root, 'snapshots', id.slice(0, 2), `${id}.gz`))).toString()) as Record<string, unknown>;
    expect(meta).toMatchObject({ url: 'https://x.vn/a', status: 200, fetchedAt: '2024-01-01T00:00:00.000Z', bodyId: sha256(body), bodyBytes: body.byteLength });
  });

  it('gives back exactly the bytes stored: legacy encodings, a byte-order mark, invalid UTF-8, empty', async () => {
    const snapshots = new SnapshotStore(new ContentStore(dir()));
    const bodies = [
      Buffer.from([0x3c, 0x70, 0x3e, 0xd2, 0xe8, 0xf5, 0x3c, 0x2f, 0x70, 0x3e]), // windows-1258-style bytes
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>có BOM</p>')]),
      Buffer.from([0xed, 0xa0, 0x80, 0x41]), // an encoded surrogate: not UTF-8
      Buffer.alloc(0),
    ];
    for (const body of bodies) {
      const back = await snapshots.get(await snapshots.put(snap(body)));
      expect(back?.body.equals(body), body.toString('hex')).toBe(true);
    }
  });
});

describe('JsonlSink', () => {
  it('keys records by URL: same record twice is unchanged, a change replaces the line', async () => {
    const path = join(dir(), 'out', 'records.jsonl');
    const sink = new JsonlSink(path);
    const rec = { ...emptyRecord('https://x.vn/a'), title: 'Một' };
    expect(await sink.write(rec)).toBe('inserted');
    expect(await sink.write(rec)).toBe('unchanged');
    expect(await sink.write({ ...emptyRecord('https://x.vn/b') })).toBe('inserted');
    expect(await sink.write({ ...rec, title: 'Hai' })).toBe('updated');
    await sink.close();
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const reopened = new JsonlSink(path);
    expect(await reopened.count()).toBe(2);
    expect((await reopened.all()).find((r) => r.url === 'https://x.vn/a')?.title).toBe('Hai');
  });
});

describe('store faults carry reason codes', () => {
  it('corrupt gzip, bad JSON, JSON null and a lost body are [store-corrupt] (permanent); a missing object is null', async () => {
    const root = dir();
    const content = new ContentStore(root);
    const snapshots = new SnapshotStore(content);
    const id = await snapshots.put({ url: 'https://x.vn/a', finalUrl: 'https://x.vn/a', status: 200, headers: {}, fetchedAt: '2024-01-01T00:00:00.000Z', body: Buffer.from('<p>a</p>') });
    const path = (kind: string, key: string) => join(root, kind, key.slice(0, 2), `${key}.gz`);
    const reject = async (p: Promise<unknown>) => {
      const err = (await p.then(() => null, (e: unknown) => e)) as Error & { reason?: string };
      expect(err, 'expected a rejection').toBeInstanceOf(Error);
      return err;
    };

    const cleanedId = await content.putJson('cleaned', { text: 'x' });
    writeFileSync(path('cleaned', cleanedId), 'not gzip at all');
    const gz = await reject(content.getJson('cleaned', cleanedId));
    expect(gz.message).toMatch(/^\[store-corrupt\] cleaned\/[0-9a-f]{64}: not valid gzip/);
    expect(gz.name).toBe('PermanentJobError');

    writeFileSync(path('cleaned', cleanedId), gzipSync('{"text": "cut off'));
    expect((await reject(content.getJson('cleaned', cleanedId))).message).toMatch(/^\[store-corrupt\] .*not valid JSON/);
    writeFileSync(path('cleaned', cleanedId), gzipSync('null'));
    expect((await reject(content.getJson('cleaned', cleanedId))).message).toMatch(/^\[store-corrupt\] .*expected a JSON object, found null/);

    // A body of the wrong length (a damaged object that still parses).
    const meta = JSON.parse(gunzipSync(readFileSync(path('snapshots', id))).toString()) as { bodyText: string };
    writeFileSync(path('snapshots', id), gzipSync(JSON.stringify({ ...meta, bodyText: meta.bodyText.slice(1) })));
    expect((await reject(snapshots.get(id))).message).toMatch(/^\[store-corrupt\] snapshots\/[0-9a-f]{64}: body has 7 bytes, metadata says 8/);

    // The older two-object layout whose body is gone.
    const body = Buffer.from('<p>b</p>');
    const bodyId = await content.putBytes('bodies', body);
    const oldId = sha256(JSON.stringify(['https://x.vn/b', 200, bodyId]));
    await content.putBytesAt('snapshots', oldId, Buffer.from(JSON.stringify({ url: 'https://x.vn/b', finalUrl: 'https://x.vn/b', status: 200, headers: {}, fetchedAt: '2024-01-01T00:00:00.000Z', bodyId, bodyBytes: body.byteLength })));
    expect((await snapshots.get(oldId))?.body.toString()).toBe('<p>b</p>');
    rmSync(path('bodies', bodyId));
    expect((await reject(snapshots.get(oldId))).message).toMatch(/^\[store-corrupt\] snapshots\/.*body .* is gone/);
    expect(await snapshots.get('e'.repeat(64))).toBeNull();
  });

  it('a disk error is [store-io]', async () => {
    const root = dir();
    writeFileSync(join(root, 'cleaned'), 'a file where a directory should be');
    const err = (await new ContentStore(root).putJson('cleaned', { a: 1 }).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/^\[store-io\] cleaned\/[0-9a-f]{64} \(write\): E(NOTDIR|EXIST)/);
  });
});

describe('JsonlSink with more than one writer', () => {
  it('refuses a second writer with one line naming the holder, and lets it in once the first closes', async () => {
    const path = join(dir(), 'records.jsonl');
    const first = new JsonlSink(path);
    const second = new JsonlSink(path);
    expect(await first.write({ ...emptyRecord('https://x.vn/1') })).toBe('inserted');
    const err = (await second.write({ ...emptyRecord('https://x.vn/2') }).catch((e: unknown) => e)) as Error;
    expect(err.name).toBe('SinkError');
    expect(err.message).toMatch(/records\.jsonl is already written by another process \(pid \d+ on .+\); run one extractor per JSON Lines file/);
    expect(err.message).not.toContain('\n');
    await expect(second.check()).rejects.toThrow(/already written by another process/);
    // Reading needs no lock.
    expect(await second.count()).toBe(1);
    await first.close();
    expect(await second.write({ ...emptyRecord('https://x.vn/2') })).toBe('inserted');
    await second.close();
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('takes over a lock left by a process that died', async () => {
    const path = join(dir(), 'records.jsonl');
    // A pid that is not running: beyond pid_max on Linux.
    writeFileSync(`${path}.lock`, `4194999 ${hostname()} deadbeef\n`);
    const sink = new JsonlSink(path);
    expect(await sink.write({ ...emptyRecord('https://x.vn/1') })).toBe('inserted');
    await sink.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});

describe('JsonlSink memory', () => {
  it('keeps a digest per URL, not the record lines, and still detects unchanged and changed records', async () => {
    const path = join(dir(), 'records.jsonl');
    const sink = new JsonlSink(path);
    const long = 'Nội dung bài viết. '.repeat(500); // ~10 KB of text per record
    for (let i = 0; i < 50; i++) await sink.write({ ...emptyRecord(`https://x.vn/${i}`), text: long });
    const index = (sink as unknown as { index: Map<string, string> }).index;
    const held = [...index.values()].reduce((n, v) => n + v.length, 0);
    expect(index.size).toBe(50);
    expect(held).toBeLessThan(50 * 64);
    expect(await sink.write({ ...emptyRecord('https://x.vn/7'), text: long })).toBe('unchanged');
    expect(await sink.write({ ...emptyRecord('https://x.vn/7'), text: 'đổi' })).toBe('updated');
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(50);
    expect(JSON.parse(lines[7]!).text).toBe('đổi'); // replaced in place, order kept
    expect((await new JsonlSink(path).all()).find((r) => r.url === 'https://x.vn/7')?.text).toBe('đổi');
  });
});
