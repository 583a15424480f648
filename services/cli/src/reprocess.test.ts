import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCleanerWorker } from '@provnews/cleaner-worker';
import { loadEnv } from '@provnews/config';
import { portalSchema } from '@provnews/crawler';
import { createMetrics } from '@provnews/dashboard';
import { startExtractorWorker } from '@provnews/extractor-worker';
import { silentLogger } from '@provnews/logger';
import { awaitReprocess, findSnapshots, runStats, startReprocess } from '@provnews/ops';
import { createContext, flushWorkerMetrics, type AppContext } from '@provnews/runtime';
import { JsonlSink, openPgBlobStore } from '@provnews/storage';
import { privateSchema, testRedis, testRedisHandle, uniqueName } from '@provnews/testing';

// Invented article pages, in the style of a provincial portal.
function page(i: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Tin ${i}</title></head><body>
<div class="menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>
<article><h1>Huyện Yên Minh khánh thành cầu treo số ${i} cho bà con vùng cao</h1>
<p>Ngày 14/10, UBND huyện Yên Minh tổ chức lễ khánh thành cầu treo số ${i} bắc qua suối Nậm Lương, xã Hữu Vinh.</p>
<p>Công trình có tổng mức đầu tư ${i + 2},5 tỷ đồng, giúp hơn ${i * 100 + 50} hộ dân đi lại thuận tiện trong mùa mưa lũ.</p>
<p>Phát biểu tại buổi lễ, đồng chí Triệu Văn Lâm, Phó Chủ tịch UBND huyện đề nghị xã tổ chức quản lý, bảo trì công trình.</p>
<p class="author">Hoài Thu</p></article><div class="footer">Bản quyền thuộc Cổng thông tin huyện</div></body></html>`;
}

const dataDir = mkdtempSync(join(tmpdir(), 'provnews-reprocess-'));
const prefix = uniqueName('reprocess');
const portal = portalSchema.parse({ id: 'yen-minh', name: 'Cổng huyện Yên Minh', province: 'Hà Giang', baseUrl: 'http://127.0.0.1:9/', local: true });
const portals = new Map([[portal.id, portal]]);
const sinkPath = join(dataDir, 'records.jsonl');
let a: AppContext;
let b: AppContext;
const workers: Worker[] = [];

beforeAll(async () => {
  const env = loadEnv({ PROVNEWS_DATA_DIR: dataDir });
  // Two contexts stand for two worker processes: each has its own metrics registry and pushes its own snapshot.
  // (They share one sink object: a JSON Lines file takes one writer.)
  const sink = new JsonlSink(sinkPath);
  a = await createContext(env, silentLogger, { redisHandle: testRedisHandle(), prefix, sink });
  b = await createContext(env, silentLogger, { redisHandle: testRedisHandle(), prefix, sink });
  for (let i = 1; i <= 3; i++) {
    const url = `http://127.0.0.1:9/tin/cau-treo-${i}.html`;
    await a.snapshots.put({ url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, fetchedAt: `2026-11-2${i}T03:00:00.000Z`, body: Buffer.from(page(i)) });
  }
  // A page of another site and a 404 are not this portal's stored pages.
  await a.snapshots.put({ url: 'http://127.0.0.2:9/x.html', finalUrl: 'http://127.0.0.2:9/x.html', status: 200, headers: {}, fetchedAt: '2026-11-25T00:00:00.000Z', body: Buffer.from(page(9)) });
  await a.snapshots.put({ url: 'http://127.0.0.1:9/gone.html', finalUrl: 'http://127.0.0.1:9/gone.html', status: 404, headers: {}, fetchedAt: '2026-11-25T00:00:00.000Z', body: Buffer.from('nope') });
  workers.push(startCleanerWorker(a, portals), startExtractorWorker(a, portals), startExtractorWorker(b, portals));
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await a.queues.obliterate();
  await a.close();
  await b.close();
});

it('finds the newest 2xx snapshots of the portal since a date', async () => {
  expect((await findSnapshots(a.content, portal.baseUrl, new Date(0))).map((s) => s.url)).toEqual([1, 2, 3].map((i) => `http://127.0.0.1:9/tin/cau-treo-${i}.html`));
  expect((await findSnapshots(a.content, portal.baseUrl, new Date('2026-11-22T00:00:00Z'))).length).toBe(2);
  // Read a few at a time, with progress: the same pages, every stored snapshot (5) read once.
  const progress: number[] = [];
  const few = await findSnapshots(a.content, portal.baseUrl, new Date(0), { inFlight: 2, onProgress: (n) => progress.push(n) });
  expect(few).toEqual(await findSnapshots(a.content, portal.baseUrl, new Date(0)));
  expect(progress).toEqual([2, 4, 5]);
});

it('finds the same snapshots in a PostgreSQL store (PROVNEWS_STORE=postgres) as on disk', async () => {
  // DATABASE_URL, else the local server CI runs; if neither answers the test fails, never skips.
  const db = await privateSchema('reprocess');
  const store = await openPgBlobStore(db.url, `${db.schema}.blobs`);
  try {
    // The disk store's snapshots, copied object by object (as a move to the shared store would).
    for await (const id of a.content.ids('snapshots')) await store.putBytesAt('snapshots', id, (await a.content.getBytes('snapshots', id))!);
    const onDisk = await findSnapshots(a.content, portal.baseUrl, new Date(0));
    expect(onDisk).toHaveLength(3);
    expect(await findSnapshots(store, portal.baseUrl, new Date(0))).toEqual(onDisk);
  } finally {
    await store.close();
    await db.drop();
  }
});

it('re-runs clean + extract through the queues and counts the records that changed', async () => {
  const snaps = await findSnapshots(a.content, portal.baseUrl, new Date(0));
  const first = await awaitReprocess(a.queues, await startReprocess(a.queues, portal.id, snaps), 30_000, 25);
  expect(first.failures).toEqual({});
  expect(first).toMatchObject({ snapshots: 3, inserted: 3, changed: 3, unchanged: 0, failed: 0, pending: 0 });

  // Same rules again: nothing changes, yet every page went through both stages again (fresh job ids).
  const second = await awaitReprocess(a.queues, await startReprocess(a.queues, portal.id, snaps), 30_000, 25);
  expect(second).toMatchObject({ snapshots: 3, changed: 0, unchanged: 3, failed: 0, pending: 0 });

  // A stored record that differs from what the rules now give (as after a rule change) is updated.
  const records = await a.sink.all();
  await a.sink.write({ ...records[0]!, title: 'Tiêu đề cũ do quy tắc cũ' });
  const third = await awaitReprocess(a.queues, await startReprocess(a.queues, portal.id, snaps), 30_000, 25);
  expect(third).toMatchObject({ failures: {}, pending: 0, changed: 1, updated: 1, unchanged: 2 });
  expect((await a.sink.all()).length).toBe(3);

  // The workers' statistics saw the run too (what the dashboard's reprocess page reads), once
  // their processes have written them (every STATS_FLUSH_MS; flushed here instead of waiting).
  await flushWorkerMetrics(a);
  await flushWorkerMetrics(b);
  const stats = await runStats(a.redis, prefix, portal.id, third.reprocessId);
  expect(stats).toMatchObject({ stored: 1, unchanged: 2, failed: 0 });
});

it('sums the counters of every worker process in /metrics', async () => {
  await flushWorkerMetrics(a);
  await flushWorkerMetrics(b);
  const redis = testRedis();
  try {
    const text = await createMetrics(a.queues, redis).metrics();
    // 9 extract jobs ran, spread over the two "processes" however BullMQ handed them out.
    const extract = [...text.matchAll(/^provnews_jobs_total\{queue="extract",portal="yen-minh",outcome="completed"\} (\d+)$/gm)];
    expect(extract).toHaveLength(1);
    expect(Number(extract[0]![1])).toBe(9);
    expect(text).toMatch(/^provnews_records_total\{portal="yen-minh",outcome="inserted"\} 3$/m);
    expect(text).toMatch(/^provnews_records_total\{portal="yen-minh",outcome="unchanged"\} 5$/m);
    expect(text).toMatch(/^provnews_job_duration_seconds_count\{queue="clean"\} 9$/m);
    expect(text).toMatch(/^process_resident_memory_bytes\{process="[^"]+"\} \d+/m);
    // The example alert rules and Grafana dashboard only use series that exist.
    for (const file of ['deploy/prometheus/provnews-alerts.yml', 'deploy/grafana/provnews-dashboard.json']) {
      const used = new Set([...readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8').matchAll(/\b(provnews_[a-z_]+?)(?:_bucket|_count|_sum)?\b/g)].map((m) => m[1]!));
      expect(used.size, file).toBeGreaterThan(3);
      for (const name of used) expect(text, `${file}: ${name}`).toContain(`# TYPE ${name} `);
    }
  } finally {
    await redis.quit();
  }
});

it('follows a reprocess whose finished jobs the queues dropped before a poll read them', async () => {
  const snaps = await findSnapshots(a.content, portal.baseUrl, new Date(0));
  const started = await startReprocess(a.queues, portal.id, snaps);
  // Let both stages finish without reading a job (clean adds each extract job before it completes).
  const deadline = Date.now() + 30_000;
  for (;;) {
    const c = await a.queues.counts();
    const busy = (q: 'clean' | 'extract') => (c[q].waiting ?? 0) + (c[q].active ?? 0) + (c[q].delayed ?? 0);
    if (busy('clean') + busy('extract') === 0) break;
    if (Date.now() > deadline) throw new Error(`reprocess did not finish: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  // What the retention of a busy queue (the newest 1,000 completed jobs) does before a slow poll gets there.
  for (const q of ['clean', 'extract'] as const) await a.queues.get(q).clean(0, 10_000, 'completed');
  expect(await a.queues.get('extract').getCompletedCount()).toBe(0);
  const report = await awaitReprocess(a.queues, started, 30_000, 25);
  expect(report).toMatchObject({ snapshots: 3, failed: 0, failures: {}, unchanged: 3, changed: 0, pending: 0 });
  // The notes served their purpose and are gone.
  expect(await a.redis.exists(a.queues.reprocessNotesKey(started.reprocessId))).toBe(0);
});

it('reports a page that fails in the clean stage by its reason, beside the ones that pass', async () => {
  const snaps = await findSnapshots(a.content, portal.baseUrl, new Date(0));
  // A snapshot id the store does not hold (a store cleared by hand): the clean job fails for good.
  const missing = { snapshotId: 'f'.repeat(64), url: 'http://127.0.0.1:9/tin/da-xoa.html', fetchedAt: '2026-11-24T03:00:00.000Z' };
  const report = await awaitReprocess(a.queues, await startReprocess(a.queues, portal.id, [...snaps, missing]), 30_000, 25);
  expect(report).toMatchObject({ snapshots: 4, failed: 1, failures: { 'snapshot-missing': 1 }, unchanged: 3, pending: 0 });
});
