import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyRecord } from '@provnews/record';
import { ContentStore } from './content-store.ts';
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
