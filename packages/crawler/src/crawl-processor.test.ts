import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker, type Job } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@provnews/logger';
import { backoffStrategy, PermanentJobError, Queues, reasonOf, type CrawlPayloadInput } from '@provnews/queues';
import { ContentStore, SnapshotStore } from '@provnews/storage';
import { testRedis, uniqueName, waitFor } from '@provnews/testing';
import { createCrawlProcessor, type CrawlerConfig, type CrawlOutcome } from './crawl-processor.ts';
import { closeFetchAgents } from './fetch-page.ts';
import { portalSchema, type Portal, type PortalInput } from './registry.ts';
import { htmlPage, slow, startSite, text, type Hit, type Route, type TestSite } from './test-site.ts';

const redis = testRedis();
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await closeFetchAgents();
  await redis.quit();
});

const baseConfig: CrawlerConfig = {
  userAgent: 'provnews-test/0.1 (+https://example.org/provnews)',
  hostDelayMs: 50,
  maxBodyBytes: 256 * 1024,
  timeoutMs: 2000,
  allowPrivate: false,
};

function portal(site: TestSite, input: Partial<PortalInput> & { id: string }): Portal {
  return portalSchema.parse({ name: input.id, province: 'Hà Giang', baseUrl: `${site.origin}/`, local: true, ...input });
}

interface Crawler {
  prefix: string;
  queues: Queues;
  outcomes: CrawlOutcome[];
  enqueue(payload: CrawlPayloadInput, opts?: { attempts?: number }): Promise<Job>;
  /** Resolves when no crawl job is waiting, active or delayed. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

/** A real BullMQ Worker running the crawl processor against the test Redis. */
/** Wraps the processor's queue hand-offs, e.g. to crash a job between two steps. */
type HandOffs = Pick<Parameters<typeof createCrawlProcessor>[0], 'enqueue' | 'enqueueBulk'>;

async function startCrawler(
  portals: Portal[],
  opts: { config?: Partial<CrawlerConfig>; concurrency?: number; prefix?: string; wrap?: (real: HandOffs) => HandOffs } = {},
): Promise<Crawler> {
  const prefix = opts.prefix ?? uniqueName('crawler');
  const queues = new Queues({ connection: redis, prefix });
  const dir = await mkdtemp(join(tmpdir(), 'provnews-crawler-'));
  const outcomes: CrawlOutcome[] = [];
  const processor = createCrawlProcessor({
    redis,
    prefix,
    snapshots: new SnapshotStore(new ContentStore(dir)),
    portals: new Map(portals.map((p) => [p.id, p])),
    ...(opts.wrap ?? ((h: HandOffs) => h))({ enqueue: queues.enqueue.bind(queues), enqueueBulk: queues.enqueueBulk.bind(queues) }),
    logger: silentLogger,
    config: { ...baseConfig, ...opts.config },
  });
  const connection = testRedis();
  const worker = new Worker(
    'crawl',
    async (job, token) => {
      const outcome = await processor(job, token);
      outcomes.push(outcome);
      return outcome;
    },
    // Short backoff so retries happen within the test; Retry-After still wins when longer.
    { connection, prefix, concurrency: opts.concurrency ?? 2, settings: { backoffStrategy: backoffStrategy({ baseMs: 100, maxMs: 1000 }) } },
  );
  worker.on('error', () => undefined);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await worker.close();
    await connection.quit();
  };
  cleanups.push(async () => {
    await stop();
    await queues.obliterate();
    await queues.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    prefix,
    queues,
    outcomes,
    enqueue: (payload, jobOpts = {}) => queues.enqueue('crawl', payload, jobOpts),
    drained: async () => {
      await waitFor('crawl queue drained', async () => {
        const c = await queues.get('crawl').getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) === 0;
      });
    },
    stop,
  };
}

async function site(routes: Record<string, Route>): Promise<TestSite> {
  const s = await startSite(routes);
  cleanups.push(() => s.close());
  return s;
}

const article = (title: string, headers: Record<string, string> = {}) => text(htmlPage(title, `<article><h1>${title}</h1><p>Nội dung bài viết.</p></article>`), 'text/html; charset=utf-8', headers);
const links = (...hrefs: string[]) => hrefs.map((h) => `<a href="${h}">${h}</a>`).join('\n');

/** Gaps (ms) between the end of one request and the start of the next on one host. */
function gaps(hits: Hit[]): number[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  return sorted.slice(1).map((h, i) => h.start - sorted[i]!.end);
}

describe('discovery and incremental runs', () => {
  it('discovers articles from a base URL alone (RSS link, robots Sitemap, category listings), once across restarts', async () => {
    let categoryBody = htmlPage('Chính trị', links('/', '/kinh-te', '/tin-tuc/bai-tu-chuyen-muc-bon-1004.html'));
    let sitemapLastmod = '2020-01-01T00:00:00+07:00';
    const homeRoute = text(
      htmlPage(
        'Báo demo',
        links('/chinh-tri', '/kinh-te/', '/lien-he', '/admin/dang-nhap', '/chuyen-muc-an/bai-bi-robots-cam-lay-9001.html', '/tin-tuc/bai-viet-tu-trang-chu-so-mot-1001.html?utm_source=fb#top', 'https://example.com/bai-ngoai-trang-khong-lay-1.html'),
        '<link rel="alternate" type="application/rss+xml" href="/rss/home.rss">',
      ),
      'text/html; charset=utf-8',
      { etag: '"home-v1"' },
    );
    const s = await site({
      '/robots.txt': (_q, r) => void r.writeHead(200, { 'content-type': 'text/plain' }).end(`User-agent: *\nDisallow: /admin/\nDisallow: /chuyen-muc-an/\nSitemap: ${s.origin}/sitemap-news.xml\n`),
      // The home page would answer 304 to a conditional GET: it must not get one, or run 2 would stop there.
      '/': (q, r) => {
        if (q.headers['if-none-match']) return void r.writeHead(304).end();
        void homeRoute(q, r);
      },
      '/rss/home.rss': (_q, r) =>
        void r.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title>
           <item><title>a</title><link>${s.origin}/tin-tuc/bai-tu-rss-hai-1002.html</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>
           <item><title>b</title><link>${s.origin}/tin-tuc/bai-viet-tu-trang-chu-so-mot-1001.html</link></item>
           </channel></rss>`,
        ),
      '/sitemap-news.xml': (_q, r) =>
        void r.writeHead(200, { 'content-type': 'application/xml' }).end(
          `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${s.origin}/tin-tuc/bai-tu-sitemap-ba-1003.html</loc><lastmod>${sitemapLastmod}</lastmod></url></urlset>`,
        ),
      '/chinh-tri': (_q, r) => void r.writeHead(200, { 'content-type': 'text/html' }).end(categoryBody),
      '/kinh-te': text(htmlPage('Kinh tế', links('/tin-tuc/bai-kinh-te-nam-1005.html', '/kinh-te?page=2', '/kinh-te?page=3'), '<link rel="next" href="/kinh-te?page=2">')),
      '/kinh-te?page=2': text(htmlPage('Kinh tế, trang 2', links('/tin-tuc/bai-kinh-te-trang-hai-1007.html', '/kinh-te'))),
      '/tin-tuc/bai-viet-tu-trang-chu-so-mot-1001.html': article('Một'),
      '/tin-tuc/bai-tu-rss-hai-1002.html': article('Hai'),
      // Conditional GET: answers 304 when the client sends the ETag it got.
      '/tin-tuc/bai-tu-sitemap-ba-1003.html': (q, r) => {
        if (q.headers['if-none-match'] === '"ba-v1"') return void r.writeHead(304, { etag: '"ba-v1"' }).end();
        void article('Ba', { etag: '"ba-v1"' })(q, r);
      },
      '/tin-tuc/bai-tu-chuyen-muc-bon-1004.html': article('Bốn'),
      '/tin-tuc/bai-kinh-te-nam-1005.html': article('Năm'),
      '/tin-tuc/bai-kinh-te-trang-hai-1007.html': article('Bảy'),
      '/tin-tuc/bai-moi-dang-sau-sau-1006.html': article('Sáu'),
    });
    const p = portal(s, { id: 'demo-disc' });
    const articlePaths = [
      '/tin-tuc/bai-viet-tu-trang-chu-so-mot-1001.html',
      '/tin-tuc/bai-tu-rss-hai-1002.html',
      '/tin-tuc/bai-tu-sitemap-ba-1003.html',
      '/tin-tuc/bai-tu-chuyen-muc-bon-1004.html',
      '/tin-tuc/bai-kinh-te-nam-1005.html',
      '/tin-tuc/bai-kinh-te-trang-hai-1007.html', // on page 2 of a listing (rel=next)
    ];

    // Run 1: only the base URL is known.
    const first = await startCrawler([p]);
    await first.enqueue({ url: p.baseUrl, portal: p.id, kind: 'portal', runId: 'run-1' });
    await first.drained();
    for (const path of articlePaths) expect(s.hitsOf(path), path).toHaveLength(1);
    expect(s.hits.filter((h) => h.path.includes('example.com'))).toHaveLength(0);
    expect(s.hitsOf('/lien-he')).toHaveLength(0); // site furniture is not a listing
    expect(s.hitsOf('/kinh-te?page=3')).toHaveLength(0); // rel=next is followed, not every pager link
    // robots.txt-disallowed links are dropped at discovery, not turned into failed jobs
    expect(s.hits.filter((h) => h.path.startsWith('/admin/') || h.path.startsWith('/chuyen-muc-an/'))).toHaveLength(0);
    expect(s.hitsOf('/sitemap.xml')).toHaveLength(0); // robots.txt named the sitemap: no guessing
    const cleanJobs = await first.queues.get('clean').getJobs(['waiting']);
    expect(cleanJobs.map((j) => j.data.url).sort()).toEqual(articlePaths.map((a) => `${s.origin}${a}`).sort());
    expect(cleanJobs.every((j) => j.data.portal === p.id && j.data.runId === 'run-1' && /^[0-9a-f]{64}$/.test(j.data.snapshotId))).toBe(true);
    expect((await first.queues.get('crawl').getJobs(['failed'])).length).toBe(0);
    await first.stop();

    // Run 2 after a "restart" (new worker and processor, same Redis): listings refetched, no article refetched.
    categoryBody = htmlPage('Chính trị', links('/tin-tuc/bai-tu-chuyen-muc-bon-1004.html', '/tin-tuc/bai-moi-dang-sau-sau-1006.html'));
    sitemapLastmod = new Date(Date.now() + 3600_000).toISOString(); // the sitemap says article 1003 changed
    const second = await startCrawler([p], { prefix: first.prefix });
    await second.enqueue({ url: p.baseUrl, portal: p.id, kind: 'portal', runId: 'run-2' });
    await second.drained();
    for (const path of ['/', '/chinh-tri', '/kinh-te', '/rss/home.rss', '/sitemap-news.xml']) expect(s.hitsOf(path), path).toHaveLength(2);
    for (const path of articlePaths.filter((a) => !a.includes('1003'))) expect(s.hitsOf(path), path).toHaveLength(1);
    expect(s.hitsOf('/tin-tuc/bai-moi-dang-sau-sau-1006.html')).toHaveLength(1); // new on the listing
    // The changed article is refetched with a conditional GET; the 304 ends it as unchanged.
    const ba = s.hitsOf('/tin-tuc/bai-tu-sitemap-ba-1003.html');
    expect(ba).toHaveLength(2);
    expect(ba[1]!.headers['if-none-match']).toBe('"ba-v1"');
    expect(second.outcomes.find((o) => o.url.endsWith('1003.html'))?.status).toBe('unchanged');
    expect(await second.queues.get('clean').count()).toBe(7);
  });

  it('probes /sitemap.xml when robots.txt names none, and a missing one is skipped, not failed', async () => {
    const s = await site({ '/': text(htmlPage('x', links('/tin-tuc/bai-duy-nhat-tren-trang-chu-7001.html'))), '/tin-tuc/bai-duy-nhat-tren-trang-chu-7001.html': article('x') });
    const p = portal(s, { id: 'demo-probe' });
    const c = await startCrawler([p]);
    await c.enqueue({ url: p.baseUrl, portal: p.id, kind: 'portal' });
    await c.drained();
    expect(s.hitsOf('/sitemap.xml')).toHaveLength(1);
    expect(c.outcomes.find((o) => o.url.endsWith('/sitemap.xml'))?.status).toBe('skipped');
    expect(await c.queues.get('crawl').getJobCountByTypes('failed')).toBe(0);
  });
});

describe('politeness', () => {
  it('obeys robots.txt Disallow (permanent, not fetched) and Crawl-delay (spacing)', async () => {
    const s = await site({
      '/robots.txt': text('User-agent: *\nDisallow: /private/\nCrawl-delay: 0.4\n', 'text/plain'),
      '/a/bai-mot-hai-ba-bon-1.html': article('1'),
      '/a/bai-mot-hai-ba-bon-2.html': article('2'),
      '/a/bai-mot-hai-ba-bon-3.html': article('3'),
      '/private/bai-bi-mat-khong-duoc-doc-4.html': article('4'),
    });
    const p = portal(s, { id: 'demo-robots', politeness: { hostDelayMs: 50 } });
    const c = await startCrawler([p], { concurrency: 3 });
    const priv = await c.enqueue({ url: `${s.origin}/private/bai-bi-mat-khong-duoc-doc-4.html`, portal: p.id });
    for (const n of [1, 2, 3]) await c.enqueue({ url: `${s.origin}/a/bai-mot-hai-ba-bon-${n}.html`, portal: p.id });
    await c.drained();
    const failed = await c.queues.get('crawl').getJob(priv.id!);
    expect(reasonOf(failed?.failedReason)).toBe('robots-disallow');
    expect(failed?.attemptsMade).toBe(1); // permanent: no retry
    expect(s.hitsOf('/private/bai-bi-mat-khong-duoc-doc-4.html')).toHaveLength(0);
    expect(s.hitsOf('/robots.txt')).toHaveLength(1); // cached
    const spacing = gaps(s.hits);
    expect(Math.min(...spacing)).toBeGreaterThanOrEqual(390); // Crawl-delay 0.4 s beats the portal's 50 ms
    process.stdout.write(`[crawler figures] Crawl-delay 0.4 s: gaps ${spacing.join(', ')} ms\n`);
  });

  it('keeps one request in flight on a host while a request outlasts its lease (the lease is renewed)', async () => {
    const paths = [1, 2, 3].map((n) => `/cham/bai-viet-tai-lau-hon-han-thue-${n}.html`);
    const s = await site(Object.fromEntries(paths.map((p) => [p, slow(600, article(p))])));
    const p = portal(s, { id: 'demo-renew', politeness: { hostDelayMs: 0 } });
    // A 150 ms lease against 600 ms responses: without renewal a second request would start at ~150 ms.
    const c = await startCrawler([p], { concurrency: 3, config: { hostLeaseMs: 150 } });
    for (const path of paths) await c.enqueue({ url: `${s.origin}${path}`, portal: p.id });
    await c.drained();
    const pages = s.hits.filter((h) => h.path !== '/robots.txt');
    expect(pages).toHaveLength(3);
    expect(Math.max(...pages.map((h) => h.inFlight))).toBe(1);
    expect(c.outcomes.filter((o) => o.status === 'fetched')).toHaveLength(3);
  });

  it('spaces requests per host with one in flight, and a slow host does not hold back a fast one', async () => {
    const slowPaths = [1, 2, 3, 4].map((n) => `/cham/bai-viet-may-chu-cham-${n}.html`);
    const fastPaths = [1, 2, 3, 4].map((n) => `/nhanh/bai-viet-may-chu-nhanh-${n}.html`);
    const slowSite = await site(Object.fromEntries(slowPaths.map((p) => [p, slow(700, article(p))])));
    const fastSite = await site(Object.fromEntries(fastPaths.map((p) => [p, article(p)])));
    const delay = 200;
    const ps = portal(slowSite, { id: 'demo-slow', politeness: { hostDelayMs: delay } });
    const pf = portal(fastSite, { id: 'demo-fast', politeness: { hostDelayMs: delay } });
    const c = await startCrawler([ps, pf], { concurrency: 2 });
    const t0 = Date.now();
    // The slow host's jobs are first in the queue: a per-queue limiter would make the fast host wait behind them.
    for (const p of slowPaths) await c.enqueue({ url: `${slowSite.origin}${p}`, portal: ps.id });
    for (const p of fastPaths) await c.enqueue({ url: `${fastSite.origin}${p}`, portal: pf.id });
    await c.drained();

    expect(slowSite.maxInFlight()).toBe(1);
    expect(fastSite.maxInFlight()).toBe(1);
    const slowGaps = gaps(slowSite.hits);
    const fastGaps = gaps(fastSite.hits);
    expect(Math.min(...slowGaps, ...fastGaps)).toBeGreaterThanOrEqual(delay - 10);
    const fastDone = Math.max(...fastSite.hits.map((h) => h.end)) - t0;
    const slowSecondDone = [...slowSite.hits].filter((h) => h.path !== '/robots.txt').sort((a, b) => a.start - b.start)[1]!.end - t0;
    const slowDone = Math.max(...slowSite.hits.map((h) => h.end)) - t0;
    // All four fast pages are in before the slow host has finished its second.
    expect(fastDone).toBeLessThan(slowSecondDone);
    expect(c.outcomes.filter((o) => o.status === 'fetched')).toHaveLength(8);
    // Parking a job until its host's turn is not a failed attempt: every job succeeded on its
    // first attempt although the slow host's jobs were started (and parked) several times.
    const jobs = await c.queues.get('crawl').getJobs(['completed']);
    expect(jobs.every((j) => j.attemptsMade === 1)).toBe(true);
    const parked = jobs.reduce((n, j) => n + (j.attemptsStarted - 1), 0);
    expect(parked).toBeGreaterThan(0);
    process.stdout.write(
      `[crawler figures] two hosts, delay ${delay} ms, slow host 700 ms/response, concurrency 2: fast host done at ${fastDone} ms ` +
        `(gaps ${fastGaps.join(', ')}), slow host 2nd page at ${slowSecondDone} ms, done at ${slowDone} ms (gaps ${slowGaps.join(', ')}); max in flight per host 1; ${parked} parkings, 0 attempts used by them\n`,
    );
  });

  it("portals take turns: two sitemaps' articles are fetched alternately, not one sitemap's after the other", async () => {
    const paths = (slug: string) => Array.from({ length: 6 }, (_, i) => `/tin-tuc/bai-viet-${slug}-so-${2001 + i}.html`);
    const sitemapOf = (origin: string, ps: string[]) =>
      text(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${ps.map((p) => `<url><loc>${origin}${p}</loc></url>`).join('')}</urlset>`, 'application/xml');
    const sites = await Promise.all(
      ['lang-mot', 'lang-hai'].map(async (slug) => {
        const ps = paths(slug);
        const s: TestSite = await site({
          '/robots.txt': text('', 'text/plain'),
          '/sitemap.xml': (q, r) => sitemapOf(s.origin, ps)(q, r),
          ...Object.fromEntries(ps.map((p) => [p, article(p)])),
        });
        return { s, p: portal(s, { id: `demo-${slug}`, sitemaps: [`${s.origin}/sitemap.xml`], politeness: { hostDelayMs: 0 } }) };
      }),
    );
    // One job at a time: the order of fetches is the order the queue hands jobs out.
    const c = await startCrawler(sites.map((x) => x.p), { concurrency: 1 });
    for (const { p } of sites) await c.enqueue({ url: p.baseUrl, portal: p.id, kind: 'portal', force: true, runId: 'luot' });
    await c.drained();
    const order = sites
      .flatMap(({ s }, i) => s.hits.filter((h) => h.path.startsWith('/tin-tuc/')).map((h) => ({ i, start: h.start })))
      .sort((a, b) => a.start - b.start)
      .map((h) => h.i);
    expect(order).toHaveLength(12);
    // Longest stretch of one host's articles in a row: 6 when the first sitemap's articles all go first.
    let longest = 1;
    for (let k = 1, run = 1; k < order.length; k++) longest = Math.max(longest, (run = order[k] === order[k - 1] ? run + 1 : 1));
    expect(longest, order.join('')).toBeLessThanOrEqual(2);
  });

  it('with no delay, hands the host from request to request inside the process, still one in flight', async () => {
    const paths = Array.from({ length: 12 }, (_, i) => `/tin/bai-viet-trao-tay-${i + 1}.html`);
    const s = await site({ '/robots.txt': text('', 'text/plain'), ...Object.fromEntries(paths.map((p) => [p, slow(15, article(p))])) });
    const p = portal(s, { id: 'demo-handover', politeness: { hostDelayMs: 0 } });
    // A waiter's own timer is long here (the default 100 ms can run out on a loaded test machine,
    // and the waiter then parks): the hand-over, not the timer, must end every wait.
    const shortWaitMs = 5_000;
    const c = await startCrawler([p], { concurrency: 4, config: { shortWaitMs } });
    // One page first, so robots.txt is known (a job that fetches it parks itself for the page).
    await c.enqueue({ url: `${s.origin}${paths[0]}`, portal: p.id });
    await c.drained();
    const t0 = Date.now();
    for (const path of paths.slice(1)) await c.enqueue({ url: `${s.origin}${path}`, portal: p.id });
    await c.drained();
    const elapsed = Date.now() - t0;
    expect(s.maxInFlight()).toBe(1);
    expect(c.outcomes.filter((o) => o.status === 'fetched')).toHaveLength(12);
    // Waiters were handed the lease: every later job ran once, and none sat out its timer (without
    // the hand-over a waiter behind a busy host of this process waits the whole shortWaitMs).
    const jobs = (await c.queues.get('crawl').getJobs(['completed'])).filter((j) => j.data.url !== `${s.origin}${paths[0]}`);
    expect(jobs).toHaveLength(11);
    expect(jobs.map((j) => j.attemptsStarted)).toEqual(jobs.map(() => 1));
    expect(elapsed).toBeLessThan(shortWaitMs);
    // The host is free at the end: nobody holds a lease handed over to them.
    const gate = await redis.hgetall(`${c.prefix}:crawler:host:${new URL(s.origin).host}`);
    expect(gate.holder).toBe('');
    expect(Number(gate.busy)).toBe(0);
  });

  it('slows a host down on 429 Retry-After and retries the job after it', async () => {
    let busyCalls = 0;
    const s = await site({
      '/a/bai-bi-gioi-han-toc-do-1.html': (q, r) => {
        busyCalls += 1;
        if (busyCalls === 1) return void r.writeHead(429, { 'retry-after': '1', 'content-type': 'text/plain' }).end('slow down');
        void article('ok')(q, r);
      },
      '/a/bai-cung-may-chu-khac-2.html': article('2'),
    });
    const p = portal(s, { id: 'demo-429', politeness: { hostDelayMs: 50 } });
    const c = await startCrawler([p], { concurrency: 2 });
    const job = await c.enqueue({ url: `${s.origin}/a/bai-bi-gioi-han-toc-do-1.html`, portal: p.id });
    await waitFor('the 429', () => busyCalls >= 1);
    await c.enqueue({ url: `${s.origin}/a/bai-cung-may-chu-khac-2.html`, portal: p.id });
    await c.drained();
    const done = await c.queues.get('crawl').getJob(job.id!);
    expect(await done?.getState()).toBe('completed');
    expect(done?.attemptsMade).toBe(2); // one failed attempt, then success
    const hits = s.hits.filter((h) => h.path !== '/robots.txt').sort((a, b) => a.start - b.start);
    const tooMany = hits[0]!;
    expect(tooMany.path).toBe('/a/bai-bi-gioi-han-toc-do-1.html');
    // Nothing reached the host for the Retry-After second, not even the other job.
    for (const h of hits.slice(1)) expect(h.start - tooMany.end).toBeGreaterThanOrEqual(990);
    process.stdout.write(`[crawler figures] 429 Retry-After 1: next requests ${hits.slice(1).map((h) => h.start - tooMany.end).join(', ')} ms after it\n`);
  });
});

describe('failures', () => {
  it('fails permanent problems at once and retries transient ones, each with a reason code', async () => {
    const s = await site({
      '/a/khong-ton-tai-nua-1.html': text('gone', 'text/plain', {}, 404),
      '/a/tep-nhi-phan-2.html': text(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]), 'application/octet-stream'),
      '/a/nhi-phan-gia-html-3.html': text(Buffer.from([0x3c, 0x68, 0, 0, 0xff, 0x00]), 'text/html'),
      '/a/trang-qua-lon-4.html': text('z'.repeat(300 * 1024)),
      '/a/vong-lap-5.html': (_q, r) => void r.writeHead(302, { location: '/a/vong-lap-5.html?x=1' }).end(),
      '/a/vong-lap-5.html?x=1': (_q, r) => void r.writeHead(302, { location: '/a/vong-lap-5.html' }).end(),
      '/a/loi-may-chu-6.html': text('oops', 'text/plain', {}, 500),
      '/a/tra-loi-cham-7.html': slow(1500, article('late')),
    });
    const p = portal(s, { id: 'demo-fail', politeness: { hostDelayMs: 20 } });
    const c = await startCrawler([p], { concurrency: 3, config: { timeoutMs: 400 } });
    const expected: Record<string, [string, number]> = {
      '/a/khong-ton-tai-nua-1.html': ['http-404', 1],
      '/a/tep-nhi-phan-2.html': ['not-html', 1],
      '/a/nhi-phan-gia-html-3.html': ['not-html', 1],
      '/a/trang-qua-lon-4.html': ['too-large', 1],
      '/a/vong-lap-5.html': ['redirect-limit', 1],
      '/a/loi-may-chu-6.html': ['http-5xx', 2],
      '/a/tra-loi-cham-7.html': ['timeout', 2],
    };
    const ids: Record<string, string> = {};
    for (const path of Object.keys(expected)) ids[path] = (await c.enqueue({ url: `${s.origin}${path}`, portal: p.id }, { attempts: 2 })).id!;
    await c.drained();
    for (const [path, [reason, attempts]] of Object.entries(expected)) {
      const job = await c.queues.get('crawl').getJob(ids[path]!);
      expect(await job?.getState(), path).toBe('failed');
      expect(reasonOf(job?.failedReason), path).toBe(reason);
      expect(job?.attemptsMade, path).toBe(attempts);
    }
  });

  it('refuses loopback targets for a portal not marked local', async () => {
    const s = await site({ '/a/bai-noi-bo-khong-duoc-1.html': article('x') });
    const p = portal(s, { id: 'demo-ssrf', local: false });
    const c = await startCrawler([p]);
    const job = await c.enqueue({ url: `${s.origin}/a/bai-noi-bo-khong-duoc-1.html`, portal: p.id });
    await c.drained();
    const failed = await c.queues.get('crawl').getJob(job.id!);
    expect(reasonOf(failed?.failedReason)).toBe('blocked-address');
    expect(failed?.attemptsMade).toBe(1);
    expect(s.hits).toHaveLength(0);
  });

  it('local: true exempts only the portal own host: a redirect or a URL to another loopback host is refused', async () => {
    // The "internal service" another port on the same machine would be (Redis, a metadata proxy…).
    const internal = await site({ '/secret': text('internal data', 'text/plain') });
    const s = await site({
      '/robots.txt': text('', 'text/plain'),
      '/tin-tuc/bai-chuyen-huong-noi-bo-3001.html': (_req, res) => {
        res.writeHead(302, { location: `${internal.origin}/secret` });
        res.end();
      },
      '/tin-tuc/bai-binh-thuong-cua-cong-3002.html': article('Bài của cổng'),
    });
    const p = portal(s, { id: 'demo-local-only', local: true, politeness: { hostDelayMs: 0 } });
    const c = await startCrawler([p]);
    const own = await c.enqueue({ url: `${s.origin}/tin-tuc/bai-binh-thuong-cua-cong-3002.html`, portal: p.id });
    const redirected = await c.enqueue({ url: `${s.origin}/tin-tuc/bai-chuyen-huong-noi-bo-3001.html`, portal: p.id });
    const direct = await c.enqueue({ url: `${internal.origin}/secret`, portal: p.id });
    await c.drained();
    const crawl = c.queues.get('crawl');
    expect(await (await crawl.getJob(own.id!))?.getState()).toBe('completed');
    for (const job of [redirected, direct]) {
      const done = await crawl.getJob(job.id!);
      expect(reasonOf(done?.failedReason), done?.failedReason).toBe('blocked-address');
      expect(done?.attemptsMade).toBe(1);
    }
    expect(internal.hits).toHaveLength(0);
  });

  it('a disabled portal accepts no jobs: [portal-disabled], nothing fetched', async () => {
    const s = await site({ '/tin-tuc/bai-cua-cong-tat-4001.html': article('x') });
    const p = portal(s, { id: 'demo-off', enabled: false });
    const c = await startCrawler([p]);
    const page = await c.enqueue({ url: `${s.origin}/tin-tuc/bai-cua-cong-tat-4001.html`, portal: p.id });
    const run = await c.enqueue({ url: `${s.origin}/`, portal: p.id, kind: 'portal' });
    await c.drained();
    for (const job of [page, run]) {
      const done = await c.queues.get('crawl').getJob(job.id!);
      expect(done?.failedReason).toMatch(/^\[portal-disabled\] portal "demo-off" is disabled/);
      expect(done?.attemptsMade).toBe(1);
    }
    expect(s.hits).toHaveLength(0);
  });

  it('rejects a bad payload or an unknown portal with bad-payload', async () => {
    const processor = createCrawlProcessor({
      redis,
      prefix: uniqueName('crawler'),
      snapshots: new SnapshotStore(new ContentStore(tmpdir())),
      portals: () => undefined,
      enqueue: async () => undefined,
      enqueueBulk: async () => undefined,
      logger: silentLogger,
      config: baseConfig,
    });
    const job = (data: unknown) => ({ id: '1', data, timestamp: Date.now() }) as unknown as Job;
    await expect(processor(job({ url: 'ftp://x' }))).rejects.toThrow(PermanentJobError);
    await expect(processor(job({ url: 'ftp://x' }))).rejects.toThrow(/\[bad-payload\] crawl payload: url/);
    await expect(processor(job({ url: 'https://x.vn/a', portal: 'nope' }))).rejects.toThrow(/\[bad-payload\] unknown portal "nope"/);
  });
});

describe('crash-safe hand-off', () => {
  // A process killed between two hand-off steps leaves its job active; BullMQ's stall check hands
  // it to another worker as a retry. A thrown error at the same point is the same situation for
  // the next attempt (same job id, same Redis and store state), without waiting for a stall.
  class Crash extends Error {}

  it('an article whose first attempt dies after storing the page still reaches clean on the retry', async () => {
    const s = await site({ '/robots.txt': text('', 'text/plain'), '/tin-tuc/bai-1.html': article('Bài một') });
    const p = portal(s, { id: 'demo-crash-art', politeness: { hostDelayMs: 0 } });
    let crashes = 0;
    const c = await startCrawler([p], {
      wrap: (real) => ({
        ...real,
        enqueue: async (queue, payload, o, then) => {
          if (queue === 'clean' && crashes++ === 0) throw new Crash('killed after the snapshot was stored');
          return real.enqueue(queue, payload, o, then);
        },
      }),
    });
    await c.enqueue({ url: `${s.origin}/tin-tuc/bai-1.html`, portal: p.id, kind: 'article' }, { attempts: 3 });
    await c.drained();
    expect(crashes).toBe(2);
    expect(c.outcomes.map((o) => o.status)).toEqual(['fetched']);
    expect(await c.queues.get('clean').getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    // And a later run does not fetch it again.
    await c.enqueue({ url: `${s.origin}/tin-tuc/bai-1.html`, portal: p.id, kind: 'article' });
    await c.drained();
    expect(c.outcomes.map((o) => o.status)).toEqual(['fetched', 'skipped-seen']);
  });

  it('a listing whose first attempt dies after claiming its articles re-enqueues them on the retry, each once', async () => {
    const s = await site({
      '/robots.txt': text('', 'text/plain'),
      '/chuyen-muc/thoi-su': text(htmlPage('Thời sự', links('/tin-tuc/bai-viet-thu-nhat-sap-nguon-2001.html', '/tin-tuc/bai-viet-thu-hai-sap-nguon-2002.html', '/tin-tuc/bai-viet-thu-ba-sap-nguon-2003.html'))),
      '/tin-tuc/bai-viet-thu-nhat-sap-nguon-2001.html': article('A'),
      '/tin-tuc/bai-viet-thu-hai-sap-nguon-2002.html': article('B'),
      '/tin-tuc/bai-viet-thu-ba-sap-nguon-2003.html': article('C'),
    });
    const p = portal(s, { id: 'demo-crash-list', politeness: { hostDelayMs: 0 } });
    let bulk = 0;
    const c = await startCrawler([p], {
      wrap: (real) => ({
        ...real,
        enqueueBulk: async (queue, items) => {
          bulk++;
          // Attempt 1 dies before enqueueing; attempt 2 dies right after (the jobs exist); attempt 3 finishes.
          if (bulk === 1) throw new Crash('killed after the articles were marked seen');
          const out = await real.enqueueBulk(queue, items);
          if (bulk === 2) throw new Crash('killed after enqueueing, before completing');
          return out;
        },
      }),
    });
    await c.enqueue({ url: `${s.origin}/chuyen-muc/thoi-su`, portal: p.id, kind: 'listing', force: true }, { attempts: 3 });
    await c.drained();
    const fetched = c.outcomes.filter((o) => o.kind === 'article' && o.status === 'fetched').map((o) => o.url.replace(s.origin, '')).sort();
    expect(fetched).toEqual(['/tin-tuc/bai-viet-thu-ba-sap-nguon-2003.html', '/tin-tuc/bai-viet-thu-hai-sap-nguon-2002.html', '/tin-tuc/bai-viet-thu-nhat-sap-nguon-2001.html']);
    expect(c.outcomes.filter((o) => o.kind === 'article')).toHaveLength(3);
    expect(await c.queues.get('clean').getJobCounts('waiting')).toMatchObject({ waiting: 3 });
  });
});
