import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CachedBlobStore } from './cached-blob-store.ts';
import { ContentStore, sha256 } from './content-store.ts';
import { SnapshotStore } from './snapshot-store.ts';

const roots: string[] = [];
function disk(): ContentStore {
  const root = mkdtempSync(join(tmpdir(), 'provnews-cache-'));
  roots.push(root);
  return new ContentStore(root);
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('CachedBlobStore', () => {
  it('serves what this process just stored without reading the store again', async () => {
    const inner = disk();
    const cache = new CachedBlobStore(inner, 1024 * 1024);
    const id = await cache.putJson('cleaned', { title: 'Hội nghị tổng kết', paragraphs: ['Sáng 3/12, xã Tân Thử họp.'] });
    // The object is on disk too: a cache never holds what the store does not.
    expect(await inner.getJson('cleaned', id)).toEqual({ title: 'Hội nghị tổng kết', paragraphs: ['Sáng 3/12, xã Tân Thử họp.'] });
    rmSync(join(inner.root, 'cleaned'), { recursive: true });
    expect(await cache.getJson('cleaned', id)).toEqual({ title: 'Hội nghị tổng kết', paragraphs: ['Sáng 3/12, xã Tân Thử họp.'] });
    expect(cache.hits).toBe(1);
  });

  it('hands out copies, so a caller that changes its bytes does not change the next read', async () => {
    const cache = new CachedBlobStore(disk(), 1024 * 1024);
    const data = Buffer.from('<p>Đoàn công tác thăm xã Bản Thử.</p>');
    const id = await cache.putBytes('bodies', data);
    data.fill(0);
    const first = (await cache.getBytes('bodies', id))!;
    first.fill(0);
    expect((await cache.getBytes('bodies', id))!.toString()).toBe('<p>Đoàn công tác thăm xã Bản Thử.</p>');
  });

  it('keeps at most maxBytes, dropping the least recently used first, and never caches a large object', async () => {
    const inner = disk();
    const cache = new CachedBlobStore(inner, 8000);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await cache.putBytes('bodies', Buffer.alloc(900, 65 + i)));
    expect(cache.size).toBeLessThanOrEqual(8000);
    await cache.getBytes('bodies', ids[9]!); // hit
    await cache.getBytes('bodies', ids[0]!); // evicted long ago: a miss, read from disk
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    await cache.putBytes('bodies', Buffer.alloc(1001, 90)); // over maxBytes / 8
    expect(cache.size).toBeLessThanOrEqual(8000);
    const big = sha256(Buffer.alloc(1001, 90));
    expect((await cache.getBytes('bodies', big))!.length).toBe(1001);
    expect(cache.misses).toBe(2);
  });

  it('caches a derived-id object only when its write was the one the store kept', async () => {
    const inner = disk();
    const id = 'c'.repeat(64);
    expect(await inner.putBytesAt('snapshots', id, Buffer.from('{"copy":"first"}'))).toBe(true);
    const cache = new CachedBlobStore(inner, 1024 * 1024);
    expect(await cache.putBytesAt('snapshots', id, Buffer.from('{"copy":"later"}'))).toBe(false);
    expect(await cache.getJson('snapshots', id)).toEqual({ copy: 'first' });
  });

  it('gives the store\'s reasoned error for cached bytes that are not a JSON object', async () => {
    const inner = disk();
    const cache = new CachedBlobStore(inner, 1024 * 1024);
    const id = await cache.putBytes('cleaned', Buffer.from('not json'));
    await expect(cache.getJson('cleaned', id)).rejects.toThrow(/\[store-corrupt\]|not valid JSON/);
  });

  it('round-trips snapshots through the cache as the store alone does', async () => {
    const inner = disk();
    const snapshots = new SnapshotStore(new CachedBlobStore(inner, 1024 * 1024));
    const body = Buffer.from('<html><body><p>Chiều 2/12, UBND xã Hòa Thử khánh thành cầu.</p></body></html>');
    const snap = { url: 'https://tinh-thu.gov.vn/a', finalUrl: 'https://tinh-thu.gov.vn/a', status: 200, headers: { 'content-type': 'text/html' }, fetchedAt: '2026-12-02T07:00:00.000Z', body };
    const id = await snapshots.put(snap);
    const fromCache = await snapshots.get(id);
    const fromDisk = await new SnapshotStore(inner).get(id);
    expect(fromCache).toEqual(fromDisk);
    expect(fromCache?.body.equals(body)).toBe(true);
  });

  it('does not hide a corrupt object it never held', async () => {
    const inner = disk();
    const id = await inner.putBytes('bodies', Buffer.from('abc'));
    writeFileSync(join(inner.root, 'bodies', id.slice(0, 2), `${id}.gz`), 'garbage');
    await expect(new CachedBlobStore(inner, 1024).getBytes('bodies', id)).rejects.toThrow(/store-corrupt/);
    // Nor one it read: what a miss read is not kept, so a later fault of the store shows.
    const cache = new CachedBlobStore(inner, 1024);
    const other = await inner.putBytes('bodies', Buffer.from('def'));
    expect((await cache.getBytes('bodies', other))?.toString()).toBe('def');
    writeFileSync(join(inner.root, 'bodies', other.slice(0, 2), `${other}.gz`), 'garbage');
    await expect(cache.getBytes('bodies', other)).rejects.toThrow(/store-corrupt/);
  });
});
