import { mkdtempSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createLogger } from '@provnews/logger';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'bullmq';
import { ContentStore, SnapshotStore } from '@provnews/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalSchema } from '@provnews/crawler';
import { PermanentJobError, Queues } from '@provnews/queues';
import { dropPrefix, startRedisServer, testRedis, testRedisHandle, uniqueName, waitFor } from '@provnews/testing';
import { startDashboard, type Dashboard } from './app.ts';
import { hashPassword } from './credentials.ts';
import { MAX_SCANS } from './scans.ts';

const prefix = uniqueName('dash');
const redis = testRedis();
const queues = new Queues({ connection: redis, prefix });
const portal = portalSchema.parse({ id: 'demo-one', name: 'Cổng demo', province: 'Hà Giang', baseUrl: 'http://127.0.0.1:9/', local: true });
const content = new ContentStore(mkdtempSync(join(tmpdir(), 'provnews-dash-store-')));
const snapshots = new SnapshotStore(content);
let dashboard: Dashboard;
let origin: string;
// The dashboard's log, as JSON lines (failed logins must be logged).
const logLines: { msg: string; user?: string; ip?: string; password?: unknown }[] = [];
const logStream = new PassThrough();
logStream.on('data', (b: Buffer) => {
  for (const line of b.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as (typeof logLines)[number]);
});

beforeAll(async () => {
  // Real failed jobs with reason codes from a real worker; one reason carries markup that must render inert.
  const worker = new Worker('crawl', async (job) => {
    const url = (job.data as { url: string }).url;
    if (url.includes('evil')) throw new PermanentJobError('no-article', '<img src=x onerror="alert(1)"><script>alert(2)</script>');
    throw new PermanentJobError('http-404', `${url} answered 404`);
  }, { connection: testRedis(), prefix });
  for (const url of ['https://x.vn/a.html', 'https://x.vn/evil.html']) {
    const job = await queues.enqueue('crawl', { url, portal: 'demo-one' });
    await waitFor('the job to fail', async () => (await job.getState()) === 'failed');
  }
  await worker.close();
  await snapshots.put({ url: 'http://127.0.0.1:9/tin/a.html', finalUrl: 'http://127.0.0.1:9/tin/a.html', status: 200, headers: {}, fetchedAt: '2026-11-30T02:00:00.000Z', body: Buffer.from('<p>Tin</p>') });
  dashboard = await startDashboard({
    queues,
    redisUrl: testRedisHandle().url,
    portals: [portal],
    content,
    snapshots,
    log: createLogger('dashboard', { level: 'info', format: 'json', destination: logStream }),
    port: 0,
    users: [
      { name: 'ops', role: 'admin', hash: await hashPassword('admin-secret-1') },
      { name: 'watcher', role: 'viewer', hash: await hashPassword('viewer-secret-1') },
    ],
  });
  origin = dashboard.url;
});

afterAll(async () => {
  await dashboard.close();
  await queues.close();
  await redis.quit();
  await dropPrefix(prefix);
});

/** A logged-in client: keeps the cookies, sends the CSRF token and a same-origin Origin on writes. */
async function login(user: string, password: string, at = origin) {
  const origin = at;
  const res = await fetch(`${origin}/login`, { method: 'POST', redirect: 'manual', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user, password, next: '/overview' }) });
  expect(res.status).toBe(303);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('XSRF-TOKEN='))!.split('=')[1]!;
  const cookie = cookies.join('; ');
  return {
    csrf,
    get: (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { redirect: 'manual', headers: { cookie, accept: 'application/json', ...headers } }),
    send: (method: string, path: string, body: Record<string, string> = {}, headers: Record<string, string> = {}) =>
      fetch(`${origin}${path}`, { method, redirect: 'manual', headers: { cookie, origin, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body) }),
  };
}

describe('without credentials', () => {
  it('refuses every page and API call (bull-board included), but answers /healthz', async () => {
    for (const path of ['/overview', '/failures', '/api/ops/overview', '/queues/api/queues', '/queues/', '/metrics', '/actions/replay']) {
      const res = await fetch(`${origin}${path}`, { redirect: 'manual', headers: { accept: 'application/json' } });
      expect([401, 303], path).toContain(res.status);
    }
    expect((await fetch(`${origin}/overview`, { redirect: 'manual' })).headers.get('location')).toMatch(/^\/login/);
    for (const [method, path] of [['PUT', '/queues/api/queues/crawl/retry/failed'], ['DELETE', '/queues/api/queues/crawl/obliterate'], ['POST', '/actions/replay'], ['POST', '/actions/crawl'], ['PUT', '/queues/api/queues/crawl/pause']] as const) {
      const res = await fetch(`${origin}${path}`, { method, headers: { origin, accept: 'application/json' } });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    expect(await queues.get('crawl').getFailedCount()).toBe(2);
    expect((await fetch(`${origin}/healthz`)).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) before anything else', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(origin);
      request({ host: u.hostname, port: u.port, path: '/login', headers: { host: 'evil.example:3000' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end();
    });
    expect(status).toBe(421);
  });

  it('rate-limits failed logins per user name', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${origin}/login`, { method: 'POST', redirect: 'manual', headers: { origin }, body: new URLSearchParams({ user: 'ghost', password: `guess-${i}` }) });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const failed = logLines.filter((l) => l.msg === 'dashboard login failed' && l.user === 'ghost');
    expect(failed).toHaveLength(5);
    expect(failed[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(logLines)).not.toContain('guess-');
    expect(logLines.some((l) => l.msg === 'dashboard login refused: too many failures')).toBe(true);
  });

  it('refuses to bind a non-loopback address without credentials, in one line', async () => {
    const err = await startDashboard({ queues, redisUrl: testRedisHandle().url, host: '0.0.0.0', port: 0 }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^refusing to bind 0\.0\.0\.0 without credentials: set DASHBOARD_USERS/);
    expect((err as Error).message).not.toContain('\n');
  });
});

describe('admin', () => {
  it('sees the overview with security headers', async () => {
    const admin = await login('ops', 'admin-secret-1');
    const res = await admin.get('/overview', { accept: 'text/html' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toContain('demo-one');
    expect(text).toContain('Crawl now');
  });

  it('shows a Redis wipe that a worker noticed, and the stalled jobs recovered', async () => {
    const admin = await login('ops', 'admin-secret-1');
    expect(await (await admin.get('/overview', { accept: 'text/html' })).text()).not.toContain('Redis was wiped');
    await redis.set(`${prefix}:provnews:wiped`, JSON.stringify({ at: '2026-11-30T01:00:00.000Z', previous: 'old-<b>id</b>', current: 'new-id' }));
    await redis.hset(`${prefix}:provnews:stalled`, 'clean', '3');
    try {
      const text = await (await admin.get('/overview', { accept: 'text/html' })).text();
      expect(text).toContain('Redis was wiped');
      expect(text).toContain('old-&#60;b&#62;id&#60;/b&#62;');
      expect(text).toMatch(/stalled jobs recovered: clean 3/);
      expect(((await (await admin.get('/api/ops/overview')).json()) as { redis: { wiped: { previous: string } } }).redis.wiped.previous).toBe('old-<b>id</b>');
    } finally {
      await redis.del(`${prefix}:provnews:wiped`, `${prefix}:provnews:stalled`);
    }
  });

  it('needs the CSRF token and a same-origin request for every state change', async () => {
    const admin = await login('ops', 'admin-secret-1');
    const filter = { queue: 'crawl', reason: 'http-404', expect: '1' };
    expect((await admin.send('POST', '/actions/replay', filter)).status).toBe(403); // no token
    expect((await admin.send('POST', '/actions/replay', { ...filter, _csrf: 'x'.repeat(43) })).status).toBe(403); // wrong token
    expect((await admin.send('POST', '/actions/replay', { ...filter, _csrf: admin.csrf }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await admin.send('PUT', '/queues/api/queues/crawl/pause', {})).status).toBe(403); // bull-board write without token
    expect(await queues.get('crawl').getFailedCount()).toBe(2);
    const preview = (await (await admin.get('/actions/replay?queue=crawl&reason=http-404')).json()) as { total: number };
    expect(preview.total).toBe(1);
    const ok = await admin.send('POST', '/actions/replay', { ...filter, _csrf: admin.csrf });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { jobs: unknown[] }).jobs).toHaveLength(1);
    expect(await queues.get('crawl').getFailedCount()).toBe(1);
  });

  it('refuses a confirmation whose previewed count no longer holds', async () => {
    const admin = await login('ops', 'admin-secret-1');
    const res = await admin.send('POST', '/actions/discard', { queue: 'crawl', reason: 'no-article', expect: '5', _csrf: admin.csrf });
    expect(res.status).toBe(409);
    expect(await queues.get('crawl').getFailedCount()).toBe(1);
  });

  it('uses bull-board with its XSRF header (as its own client sends it)', async () => {
    const admin = await login('ops', 'admin-secret-1');
    const res = await admin.send('PUT', '/queues/api/queues/clean/pause', {}, { 'x-xsrf-token': admin.csrf });
    expect(res.status).toBe(200);
    expect(await queues.get('clean').isPaused()).toBe(true);
    await queues.get('clean').resume();
  });

  it('previews and starts a reprocess of stored pages, and a crawl now', async () => {
    const admin = await login('ops', 'admin-secret-1');
    expect(await (await admin.get('/actions/reprocess?portal=demo-one&since=2026-11-01')).json()).toEqual({ snapshots: 1 });
    const res = await admin.send('POST', '/actions/reprocess', { portal: 'demo-one', since: '2026-11-01T00:00:00Z', _csrf: admin.csrf });
    const { reprocessId } = (await res.json()) as { reprocessId: string };
    const waiting = await queues.get('clean').getWaiting();
    expect(waiting.map((j) => [j.data.url, j.data.reprocess])).toEqual([['http://127.0.0.1:9/tin/a.html', reprocessId]]);
    const crawl = await admin.send('POST', '/actions/crawl', { portal: 'demo-one', _csrf: admin.csrf });
    const { jobId } = (await crawl.json()) as { jobId: string };
    expect((await queues.get('crawl').getJob(jobId))?.data).toMatchObject({ kind: 'portal', portal: 'demo-one' });
  });

  it('rejects unknown reason codes and portals in filters', async () => {
    const admin = await login('ops', 'admin-secret-1');
    expect((await admin.get('/actions/replay?reason=http-4040')).status).toBe(400);
    expect((await admin.get('/actions/replay?reason=http-404&reason=no-article')).status).toBe(400);
    expect((await admin.send('POST', '/actions/crawl', { portal: 'nope', _csrf: admin.csrf })).status).toBe(400);
  });
});

describe('read-only viewer', () => {
  it('reads everything and changes nothing (own pages and bull-board API)', async () => {
    const viewer = await login('watcher', 'viewer-secret-1');
    expect((await viewer.get('/overview')).status).toBe(200);
    const html = await (await viewer.get('/overview', { accept: 'text/html' })).text();
    expect(html).not.toContain('Crawl now');
    expect((await viewer.get('/queues/api/queues')).status).toBe(200);
    for (const [method, path] of [['POST', '/actions/crawl'], ['POST', '/actions/discard'], ['POST', '/actions/reprocess'], ['PUT', '/queues/api/queues/crawl/retry/failed'], ['PUT', '/queues/api/queues/crawl/pause'], ['DELETE', '/queues/api/queues/crawl/obliterate']] as const) {
      const res = await viewer.send(method, path, { portal: 'demo-one', queue: 'crawl', expect: '1', _csrf: viewer.csrf }, { 'x-xsrf-token': viewer.csrf });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect(await queues.get('crawl').getFailedCount()).toBe(1);
    expect(await queues.get('crawl').isPaused()).toBe(false);
  });

  it('renders a failure reason containing HTML as text', async () => {
    const viewer = await login('watcher', 'viewer-secret-1');
    const html = await (await viewer.get('/failures', { accept: 'text/html' })).text();
    expect(html).toContain('no-article');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&#60;img src=x onerror=&#34;alert(1)&#34;&#62;');
  });
});

describe('metrics and health', () => {
  it('serves Prometheus metrics to HTTP Basic credentials', async () => {
    const res = await fetch(`${origin}/metrics`, { headers: { authorization: `Basic ${Buffer.from('watcher:viewer-secret-1').toString('base64')}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/provnews_queue_jobs\{queue="crawl",state="failed"\} 1/);
    expect(text).toMatch(/provnews_failed_jobs_by_reason\{queue="crawl",reason="no-article"\} 1/);
  });

  it('answers 503 on /healthz and /metrics when Redis is down, without hanging', async () => {
    const own = await startRedisServer();
    const ownRedis = new (await import('ioredis')).Redis(own.url, { maxRetriesPerRequest: null });
    ownRedis.on('error', () => undefined);
    const q = new Queues({ connection: ownRedis, prefix });
    const d = await startDashboard({ queues: q, redisUrl: own.url, port: 0, users: [{ name: 'p', role: 'viewer', hash: await hashPassword('prom-secret-1') }] });
    try {
      const auth = { authorization: `Basic ${Buffer.from('p:prom-secret-1').toString('base64')}` };
      expect((await fetch(`${d.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${d.url}/metrics`, { headers: auth })).status).toBe(200);
      await own.stop();
      // A deadline for the test, not a speed claim: without the dashboard's own timeouts these requests would hang.
      expect((await fetch(`${d.url}/healthz`, { signal: AbortSignal.timeout(5000) })).status).toBe(503);
      expect((await fetch(`${d.url}/metrics`, { headers: auth, signal: AbortSignal.timeout(5000) })).status).toBe(503);
      expect((await fetch(`${d.url}/overview`, { headers: { cookie: `provnews_session=${'a'.repeat(43)}` }, signal: AbortSignal.timeout(5000) })).status).toBe(503);
    } finally {
      await d.close();
      ownRedis.disconnect();
      await q.close().catch(() => undefined);
    }
  });
});

describe('reprocess of a store that takes long to scan', () => {
  /** The test's store behind a gate: listing waits until the test opens it (or fails with `broken`). */
  class GatedStore extends ContentStore {
    reads = 0;
    broken: Error | null = null;
    private open!: () => void;
    private readonly gate = new Promise<void>((resolve) => (this.open = resolve));
    release(): void {
      this.open();
    }
    override async *ids(kind: string): AsyncIterable<string> {
      await this.gate;
      if (this.broken) throw this.broken;
      yield* super.ids(kind);
    }
    override async getJson<T>(kind: string, id: string): Promise<T | null> {
      this.reads++;
      return super.getJson<T>(kind, id);
    }
  }

  async function dashboardOn(store: GatedStore) {
    const name = uniqueName('dash-scan');
    const q = new Queues({ connection: redis, prefix: name });
    const d = await startDashboard({
      queues: q,
      redisUrl: testRedisHandle().url,
      portals: [portal],
      content: store,
      log: createLogger('dashboard', { level: 'silent', format: 'json' }),
      port: 0,
      users: [{ name: 'ops', role: 'admin', hash: await hashPassword('admin-secret-1') }],
    });
    return {
      q,
      admin: await login('ops', 'admin-secret-1', d.url),
      close: async () => {
        await d.close();
        await q.obliterate();
        await q.close();
      },
    };
  }

  it('answers at once with how far the scan got, refuses scans over the limit, and enqueues what the preview found without scanning again', async () => {
    const store = new GatedStore(content.root);
    const { q, admin, close } = await dashboardOn(store);
    try {
      const preview = '/actions/reprocess?portal=demo-one&since=2026-11-01T00:00:00Z';
      const first = await admin.get(preview);
      expect(first.status).toBe(202);
      expect(await first.json()).toEqual({ scanning: true, scanned: 0 });
      // The same preview finds the running scan; a browser is told to come back.
      const page = await admin.get(preview, { accept: 'text/html' });
      expect(await page.text()).toMatch(/<meta http-equiv="refresh" content="2">[\s\S]*Scanning the snapshot store: <strong>0<\/strong>/);
      for (let i = 1; i < MAX_SCANS; i++) expect((await admin.get(`/actions/reprocess?portal=demo-one&since=2026-10-0${i}`)).status).toBe(202);
      const busy = await admin.get('/actions/reprocess?portal=demo-one&since=2026-09-01');
      expect(busy.status).toBe(503);
      expect(await busy.json()).toEqual({ error: `${MAX_SCANS} scans of the snapshot store are running; try again when one has finished` });

      store.release();
      for (let i = 1; i < MAX_SCANS; i++) await waitFor('the other scans finished', async () => (await admin.get(`/actions/reprocess?portal=demo-one&since=2026-10-0${i}`)).status === 200);
      await waitFor('the preview scan finished', async () => (await admin.get(preview)).status === 200);
      expect(await (await admin.get(preview)).json()).toEqual({ snapshots: 1 });
      const reads = store.reads;
      const res = await admin.send('POST', '/actions/reprocess', { portal: 'demo-one', since: '2026-11-01T00:00:00Z', _csrf: admin.csrf });
      const started = (await res.json()) as { reprocessId: string; snapshots: number };
      expect(started.snapshots).toBe(1);
      expect(store.reads).toBe(reads);
      expect((await q.get('clean').getWaiting()).map((j) => [j.data.url, j.data.reprocess])).toEqual([['http://127.0.0.1:9/tin/a.html', started.reprocessId]]);
      expect(await (await admin.get(`/reprocess/demo-one/${started.reprocessId}`)).json()).toEqual({ pages: 1 });
    } finally {
      store.release();
      await close();
    }
  });

  it('shows a scan that failed with its reason, and keeps answering', async () => {
    const store = new GatedStore(content.root);
    store.broken = new Error('[store-io] snapshots: the disk went away');
    store.release();
    const { admin, close } = await dashboardOn(store);
    try {
      const res = await admin.get('/actions/reprocess?portal=demo-one&since=2026-11-01');
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: '[store-io] snapshots: the disk went away' });
      const post = await admin.send('POST', '/actions/reprocess', { portal: 'demo-one', since: '2026-10-01T00:00:00Z', _csrf: admin.csrf });
      expect(post.status).toBe(500);
      const { reprocessId } = (await post.json()) as { reprocessId: string };
      expect((await admin.get(`/reprocess/demo-one/${reprocessId}`)).status).toBe(500);
      expect((await admin.get('/overview')).status).toBe(200);
    } finally {
      await close();
    }
  });
});
