import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPortalEntry, runDemo, startPipeline } from '@provnews/cli';
import { loadEnv } from '@provnews/config';
import { hashPassword, startDashboard, type Dashboard } from '@provnews/dashboard';
import { startDemoPortals, type DemoPortalsServer } from '@provnews/demo-portals';
import { silentLogger } from '@provnews/logger';
import { PermanentJobError } from '@provnews/queues';
import { createContext, type AppContext } from '@provnews/runtime';
import { ContentStore, JsonlSink, SnapshotStore } from '@provnews/storage';
import { dropPrefix, testRedis, testRedisHandle, uniqueName, waitFor } from '@provnews/testing';

/** Debian's chromium (installed by .ci/run when missing), driven by playwright-core. */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** `PROVNEWS_SCREENSHOTS=1 npx vitest run tests/e2e/dashboard-browser.test.ts` refreshes the README's screenshots. */
const SHOTS = process.env.PROVNEWS_SCREENSHOTS === '1' ? fileURLToPath(new URL('../../docs/', import.meta.url)) : mkdtempSync(join(tmpdir(), 'provnews-shots-'));

/**
 * The operations console in a real browser, on a real run of the demo portals: login, the
 * overview's portals and counts, a replay with preview → confirm → the record landing once,
 * a read-only user who can change nothing, failure text with markup rendered inert, and API
 * calls without a session refused.
 */
describe('dashboard in a real browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'provnews-browser-'));
  const outputPath = join(dataDir, 'records.jsonl');
  const prefix = uniqueName('browser');
  const env = loadEnv({ PROVNEWS_DATA_DIR: dataDir, CRAWL_CONCURRENCY: '4' });
  let server: DemoPortalsServer;
  let ctx: AppContext;
  let workers: Worker[] = [];
  let dashboard: Dashboard;
  let browser: Browser;
  let page: Page;
  let stored = 0;
  let replayUrl = '';

  beforeAll(async () => {
    server = await startDemoPortals();
    const summary = await runDemo({ env, log: silentLogger, redisHandle: testRedisHandle(), server, prefix, outputPath, hostDelayMs: 30, keepQueues: true, timeoutMs: 120_000 });
    stored = summary.stored;
    expect(summary.failures).toEqual([]);
    const portals = server.portals.map((p) => demoPortalEntry(p, 30));

    ctx = await createContext(env, silentLogger, { redisHandle: testRedisHandle(), prefix, sink: new JsonlSink(outputPath) });

    // A failure whose message carries markup (from a real worker, before the pipeline's crawler starts).
    const evil = new Worker('crawl', async () => {
      throw new PermanentJobError('no-article', '<img src=x onerror="document.title=\'pwned\'"><b id="injected">bold</b>');
    }, { connection: testRedis(), prefix });
    const evilJob = await ctx.queues.enqueue('crawl', { url: new URL('/evil-page.html', portals[0]!.baseUrl).href, portal: portals[0]!.id });
    await waitFor('the markup failure', async () => (await evilJob.getState()) === 'failed');
    await evil.close();

    // A page whose clean job fails because its snapshot is not stored yet: replaying it once the
    // snapshot is there must store its record exactly once.
    replayUrl = new URL('/tin-bo-sung/bai-phat-lai.html', portals[1]!.baseUrl).href;
    const snapshot = {
      url: replayUrl, finalUrl: replayUrl, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, fetchedAt: new Date().toISOString(),
      body: Buffer.from('<html><body><article><h1>Huyện Bảo Lâm tổ chức hội nghị tổng kết công tác dân vận</h1><p>Ngày 20/11, Huyện ủy Bảo Lâm tổ chức hội nghị tổng kết công tác dân vận năm 2026, đánh giá kết quả thực hiện phong trào thi đua dân vận khéo tại các xã.</p><p>Năm qua, toàn huyện có 48 mô hình dân vận khéo được công nhận, tập trung vào phát triển kinh tế hộ gia đình và giữ gìn an ninh trật tự.</p></article></body></html>'),
    };
    const snapshotId = await new SnapshotStore(new ContentStore(mkdtempSync(join(tmpdir(), 'provnews-browser-scratch-')))).put(snapshot);
    workers = startPipeline(ctx, portals);
    const cleanJob = await ctx.queues.enqueue('clean', { snapshotId, url: replayUrl, portal: portals[1]!.id, fetchedAt: snapshot.fetchedAt });
    await waitFor('the clean job to fail', async () => (await cleanJob.getState()) === 'failed');
    await ctx.snapshots.put(snapshot);

    dashboard = await startDashboard({
      queues: ctx.queues,
      redisUrl: testRedisHandle().url,
      portals,
      content: ctx.content,
      snapshots: ctx.snapshots,
      port: 0,
      users: [
        { name: 'ops', role: 'admin', hash: await hashPassword('admin-secret-1') },
        { name: 'watcher', role: 'viewer', hash: await hashPassword('viewer-secret-1') },
      ],
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await Promise.all(workers.map((w) => w.close()));
    await ctx?.close();
    await server?.close();
    await dropPrefix(prefix);
  });

  async function login(user: string, password: string): Promise<void> {
    await page.goto(`${dashboard.url}/overview`);
    await page.waitForURL(/\/login/);
    await page.fill('input[name=user]', user);
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL(/\/overview/), page.click('button[type=submit]')]);
  }

  it('refuses API calls without a session', async () => {
    for (const [method, path] of [['GET', '/api/ops/overview'], ['GET', '/queues/api/queues'], ['POST', '/actions/crawl'], ['PUT', '/queues/api/queues/crawl/pause']] as const) {
      const res = await fetch(`${dashboard.url}${path}`, { method, headers: { origin: dashboard.url, accept: 'application/json' } });
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    await page.goto(`${dashboard.url}/queues/`);
    expect(page.url()).toMatch(/\/login\?next=/);
  });

  it('logs in and shows every demo portal with its counts from the run', async () => {
    await login('ops', 'admin-secret-1');
    for (const p of server.portals) {
      const row = page.locator(`tr[data-portal="${p.id}"]`);
      await expect(row.count()).resolves.toBe(1);
      // Columns: portal, state, schedule, last run, last error, then 24 h fetched / stored / unchanged / failed.
      const storedCell = Number(await row.locator('td').nth(6).textContent());
      expect(storedCell).toBe(p.articles.length);
    }
    const total = (await page.locator('tr[data-portal] td:nth-child(7)').allTextContents()).reduce((n, t) => n + Number(t), 0);
    expect(total).toBe(stored);
    await expect(page.locator('.chart svg').count()).resolves.toBe(6);
    await page.screenshot({ path: join(SHOTS, 'dashboard-overview.png'), fullPage: true });
  });

  it('renders failure text with markup inert', async () => {
    await page.goto(`${dashboard.url}/failures`);
    const text = await page.locator('#failures').innerText();
    expect(text).toContain('<img src=x onerror=');
    expect(await page.locator('#failures img').count()).toBe(0);
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    await page.screenshot({ path: join(SHOTS, 'dashboard-failures.png'), fullPage: true });
  });

  it('replays with a preview, then a confirmation, and the record lands once', async () => {
    const before = (readFileSync(outputPath, 'utf8').match(/bai-phat-lai/g) ?? []).length;
    expect(before).toBe(0);
    await page.goto(`${dashboard.url}/overview`);
    await page.selectOption('#replay-form select[name=queue]', 'clean');
    await page.selectOption('#replay-form select[name=reason]', 'snapshot-missing');
    await Promise.all([page.waitForURL(/\/actions\/replay\?/), page.click('#replay-form button[type=submit]')]);
    expect(await page.locator('#preview-count').innerText()).toMatch(/^1 failed jobs match/);
    await Promise.all([page.waitForURL(/\/actions\/replay$/), page.click('#confirm')]);
    expect(await page.locator('#result').innerText()).toBe('Replayed 1 jobs');
    await waitFor('the replayed record', () => readFileSync(outputPath, 'utf8').includes('bai-phat-lai'), 30_000);
    await waitFor('the pipeline to settle', async () => {
      const c = await ctx.queues.counts();
      return Object.values(c).every((q) => !q.waiting && !q.active && !q.delayed);
    });
    const lines = readFileSync(outputPath, 'utf8').trim().split('\n').filter((l) => (JSON.parse(l) as { url: string }).url === replayUrl);
    expect(lines).toHaveLength(1);
  });

  it('reprocesses a portal\'s stored pages with a preview, then a confirmation, and shows what changed', async () => {
    await page.goto(`${dashboard.url}/overview`);
    const portal = await page.locator('#reprocess-form select[name=portal] option').first().getAttribute('value');
    await Promise.all([page.waitForURL(/\/actions\/reprocess\?/), page.click('#reprocess-form button[type=submit]')]);
    const count = Number((await page.locator('#preview-count strong').innerText()).trim());
    expect(count).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(/\/actions\/reprocess$/), page.click('#confirm')]);
    expect(await page.locator('#result').innerText()).toBe(`Reprocessing ${count} pages of ${portal}`);
    await Promise.all([page.waitForURL(/\/reprocess\/[a-z0-9-]+\/reprocess-/), page.click('main a')]);
    // The same pages give the same records: every one comes back unchanged.
    await waitFor('every reprocessed page to finish', async () => {
      await page.reload();
      return (await page.locator('#result').count()) > 0 && (await page.locator('#result').innerText()).endsWith(`unchanged: ${count}, failed: 0`);
    }, 60_000);
    expect(await page.locator('#result').innerText()).toBe(`records changed: 0, unchanged: ${count}, failed: 0`);
  });

  it('a read-only user sees everything and can change nothing, in the UI or the API', async () => {
    await page.click('nav button[type=submit]'); // log out
    await page.waitForURL(/\/login/);
    await login('watcher', 'viewer-secret-1');
    expect(await page.locator('text=Crawl now').count()).toBe(0);
    expect(await page.locator('#replay-form').count()).toBe(0);
    const statuses = await page.evaluate(async () => {
      // (Runs in the page: the browser's own cookie jar and fetch.)
      const cookie = (globalThis as unknown as { document: { cookie: string } }).document.cookie;
      const token = decodeURIComponent(cookie.split('; ').find((c: string) => c.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '');
      const headers = { 'x-xsrf-token': token, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      const calls: [string, string][] = [['POST', '/actions/crawl'], ['POST', '/actions/discard'], ['PUT', '/queues/api/queues/crawl/pause'], ['PUT', '/queues/api/queues/clean/retry/failed']];
      const out: number[] = [];
      for (const [method, path] of calls) out.push((await fetch(path, { method, headers, body: `_csrf=${token}&portal=x` })).status);
      return out;
    });
    expect(statuses).toEqual([403, 403, 403, 403]);
    expect(await ctx.queues.get('crawl').isPaused()).toBe(false);
    // bull-board opens in read-only mode for a viewer.
    await page.goto(`${dashboard.url}/queues/`);
    await page.waitForSelector('text=crawl', { timeout: 20_000 });
    expect(await page.title()).toMatch(/provnews \(read-only\)|provnews/);
  });
});
