/**
 * One measured run of bench/orchestration.ts, in its own process so its CPU time, peak RSS and
 * disk writes are its own (the demo portals and the harness run in the parent).
 *
 *   node --import tsx bench/orchestration-run.ts '<json RunSpec>'
 *
 * Prints one line `RESULT <json RunResult>` on stdout when done. Configurations:
 * - `pipeline`: the default deployment of `provnews run`/`demo` — `startPipeline` (crawl → clean →
 *   extract BullMQ workers in this process, default concurrency), one `portal` job per portal,
 *   its registry entry naming the portal's sitemap (so the crawler fetches robots.txt, the sitemap
 *   and the articles, as the baseline does);
 * - `pipeline-procs`: the same workers split over processes (default: one per stage), as with
 *   `npm start -w @provnews/<stage>-worker`; CPU, RSS and disk writes are summed over them;
 * - `inprocess`: the same fetch + clean + extract with no queues: each portal's sitemap, then every
 *   article fetched (undici, `fetchPage`), snapshot stored, cleaned, cleaned page stored, extracted,
 *   schema-checked and written to the same JSON Lines sink, 8 at a time (CRAWL_CONCURRENCY's default)
 *   and, unlike the pipeline, with no limit per host (`inprocess@PROVNEWS_BENCH_POLITE=1`: one
 *   request per host at a time, the pipeline's politeness);
 * - `crawlee`: Crawlee's CheerioCrawler fetching the same article URLs (from the same sitemaps),
 *   its request handler running the same snapshot + clean + extract + sink code. Crawlee comes
 *   from bench/crawlee/node_modules (bench-only, see bench/crawlee/package.json).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { clean } from '@provnews/cleaner';
import { demoPortalEntry, startPipeline, pendingJobs } from '@provnews/cli';
import { loadEnv } from '@provnews/config';
import { articleMatcher, closeFetchAgents, decodeBody, fetchPage, assertSuccess, parseSitemap, type FetchOptions, type Portal } from '@provnews/crawler';
import { extractArticle } from '@provnews/extractor';
import { silentLogger } from '@provnews/logger';
import { articleRecordSchema } from '@provnews/record';
import { startCleanerWorker } from '@provnews/cleaner-worker';
import { startCrawlerWorker } from '@provnews/crawler-worker';
import { startExtractorWorker } from '@provnews/extractor-worker';
import * as runtime from '@provnews/runtime';
import { createContext, type AppContext } from '@provnews/runtime';
import type { Worker } from 'bullmq';
import { CLEANED_KIND, ContentStore, JsonlSink, SnapshotStore } from '@provnews/storage';
import { commandCalls, redisCpuMs } from './redis-info.ts';
import { threadCpu } from './thread-cpu.ts';

/** What the harness sends a run. */
export interface RunSpec {
  config: 'pipeline' | 'pipeline-procs' | 'inprocess' | 'crawlee' | 'stage';
  /** `pipeline-procs`: stages per process, the first group in this process (default one process per stage). */
  stageGroups?: Stage[][];
  /** `stage` (a helper of `pipeline-procs`): the stages this process runs. */
  stages?: Stage[];
  redisUrl: string;
  dataDir: string;
  /** Articles the portals serve; the run ends when that many records are stored (and no job is pending). */
  expected: number;
  portals: { id: string; name: string; province: string; baseUrl: string; sitemapUrl: string; articleUrlPattern: string; articles: number }[];
  timeoutMs: number;
}

type Stage = 'crawl' | 'clean' | 'extract';
const STARTERS = { crawl: startCrawlerWorker, clean: startCleanerWorker, extract: startExtractorWorker } as const;

/** What a run reports back. */
export interface RunResult {
  config: RunSpec['config'];
  stored: number;
  seconds: number;
  /** Process CPU (user + system) over the measured window, ms. */
  cpuMs: number;
  /** The system (kernel) part of `cpuMs` (this process only), ms. */
  sysMs?: number;
  /** `pipeline`: Redis server CPU (INFO cpu) over the same window as `cpuMs`, ms. */
  redisCpuMs?: number;
  /**
   * Queued configurations: resident set (bytes) at each multiple of 10,000 records stored, the median of the
   * 100 ms samples taken while the last {@link RSS_WINDOW} records before it were stored (a single sample lands
   * anywhere on the garbage collector's saw-tooth, ±20 % here); `rssMaxAt`: the largest of those samples.
   */
  rssAt?: Record<string, number>;
  rssMaxAt?: Record<string, number>;
  /** Peak resident set of the process, bytes (includes start-up; see peakRss). */
  maxRssBytes: number;
  rssEndBytes: number;
  /** `/proc/self/io` deltas over the window: bytes handed to write(2), and bytes sent to the block layer. */
  wchar: number;
  writeBytes: number;
  error?: string;
}

const CONCURRENCY = 8;

interface Mark {
  t: number;
  cpu: NodeJS.CpuUsage;
  io: { wchar: number; writeBytes: number };
  threads?: Map<string, { name: string; ms: number }>;
}
function mark(): Mark {
  return { t: performance.now(), cpu: process.cpuUsage(), io: procIo(), ...(process.env.PROVNEWS_BENCH_CPULOG ? { threads: threadCpu() } : {}) };
}
/** Set when the work is done, before teardown (closing workers and connections is not measured). */
let doneMark: Mark | null = null;
/** Set by a configuration whose start-up (workers, page threads) ends after main's first mark: the window starts here instead. */
let startMark: Mark | null = null;
/** `pipeline`: Redis server CPU ms (user + system) at the window's start and end. */
let redisCpuAt: { start?: number; end?: number } = {};
/** Resident set samples per 10,000 records stored (see RunResult.rssAt). */
const rssSamples = new Map<number, number[]>();
const RSS_CHECKPOINT = 10_000;
const RSS_WINDOW = 2_000;

/** Files an RSS sample under the checkpoint whose window holds `n` records stored. */
function sampleRss(n: number): void {
  const checkpoint = Math.ceil(n / RSS_CHECKPOINT) * RSS_CHECKPOINT;
  if (checkpoint === 0 || checkpoint - n > RSS_WINDOW) return;
  let list = rssSamples.get(checkpoint);
  if (!list) rssSamples.set(checkpoint, (list = []));
  list.push(process.memoryUsage().rss);
}

function rssByCheckpoint(): Pick<RunResult, 'rssAt' | 'rssMaxAt'> {
  if (!rssSamples.size) return {};
  const rssAt: Record<string, number> = {};
  const rssMaxAt: Record<string, number> = {};
  for (const [k, list] of rssSamples) {
    const sorted = [...list].sort((a, b) => a - b);
    rssAt[k] = sorted[Math.floor(sorted.length / 2)]!;
    rssMaxAt[k] = sorted.at(-1)!;
  }
  return { rssAt, rssMaxAt };
}

const USER_AGENT = 'provnews-bench/0.1 (+loopback benchmark)';

let memLogNext = 0;
/**
 * Diagnostic (PROVNEWS_BENCH_MEMLOG=<records>, 1 meaning 10,000): at every multiple of that many records
 * stored, the process's resident set split as /proc reports it (anonymous, file-backed), the main
 * thread's V8 heap by space (size kept / used) and the store cache, on stderr.
 */
function memLog(n: number, ctx: AppContext): void {
  const setting = Number(process.env.PROVNEWS_BENCH_MEMLOG ?? 0);
  if (!setting || n < memLogNext) return;
  const every = setting === 1 ? RSS_CHECKPOINT : setting;
  memLogNext = (Math.floor(n / every) + 1) * every;
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (k: string) => statusBytes(status, k) ?? 0;
  const mu = process.memoryUsage();
  const spaces = v8.getHeapSpaceStatistics().map((s) => `${s.space_name.replace(/_space$/, '')} ${mb(s.space_size)}/${mb(s.space_used_size)}`).join(' ');
  process.stderr.write(`memory at ${n} rss ${mb(mu.rss)} (anon ${mb(kb('RssAnon'))} file ${mb(kb('RssFile'))}) heap ${mb(mu.heapTotal)}/${mb(mu.heapUsed)} [${spaces}] external ${mb(mu.external)} cache ${mb((ctx.content as { size?: number }).size ?? 0)}\n`);
}

/**
 * Peak resident set of this process, bytes: `VmHWM` of /proc/self/status, the high-water mark of the
 * memory this program mapped. Not `process.resourceUsage().maxRSS`: Linux carries that figure
 * across fork + exec, so a child spawned by a harness holding 1 GB reads at least 1 GB there
 * (a throwaway check: a parent at 1,066 MB, its child's maxRSS 1,028 MB, its VmHWM 39 MB).
 */
function peakRss(): number {
  try {
    const hwm = statusBytes(readFileSync('/proc/self/status', 'utf8'), 'VmHWM');
    if (hwm !== undefined) return hwm;
  } catch {
    // not Linux: below
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** A `<key>: <n> kB` line of /proc/<pid>/status, in bytes (undefined when the key is missing). */
function statusBytes(status: string, key: string): number | undefined {
  const kb = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1];
  return kb === undefined ? undefined : Number(kb) * 1024;
}

function procIo(): { wchar: number; writeBytes: number } {
  try {
    const text = readFileSync('/proc/self/io', 'utf8');
    const get = (k: string) => Number(new RegExp(`^${k}: (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { wchar: get('wchar'), writeBytes: get('write_bytes') };
  } catch {
    return { wchar: NaN, writeBytes: NaN };
  }
}

/**
 * The demo registry entry, with the portal's sitemap named: the pipeline then fetches what the
 * in-process baseline and Crawlee fetch (robots.txt, the sitemap, every article), not also the home
 * page and its category listings, which only the pipeline would parse.
 */
function registryEntry(p: RunSpec['portals'][number]): Portal {
  return { ...demoPortalEntry(p, 0), sitemaps: [p.sitemapUrl] };
}

function pipelineContext(spec: RunSpec, sink: JsonlSink): Promise<AppContext> {
  const env = loadEnv({ ...process.env, PROVNEWS_DATA_DIR: spec.dataDir, REDIS_URL: spec.redisUrl, LOG_LEVEL: 'silent' });
  return createContext(env, silentLogger, {
    sink,
    prefix: 'bench',
    redisHandle: { url: spec.redisUrl, origin: 'REDIS_URL', stop: async () => undefined },
  });
}

/** A helper process of `pipeline-procs`: runs its stages until SIGTERM, then reports its CPU, RSS and writes. */
async function runStage(spec: RunSpec, portals: Portal[]): Promise<void> {
  const ctx = await pipelineContext(spec, new JsonlSink(join(spec.dataDir, 'records.jsonl')));
  const byId = new Map(portals.map((p) => [p.id, p]));
  const workers = (spec.stages ?? []).map((s) => STARTERS[s](ctx, byId));
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const start = mark();
  process.stdout.write('READY\n');
  process.once('SIGTERM', () => {
    const end = mark();
    const res = {
      cpuMs: (end.cpu.user - start.cpu.user + end.cpu.system - start.cpu.system) / 1000,
      maxRssBytes: peakRss(),
      writeBytes: end.io.writeBytes - start.io.writeBytes,
      wchar: end.io.wchar - start.io.wchar,
    };
    process.stdout.write(`STAGE ${JSON.stringify(res)}\n`, () => process.exit(0));
  });
}

interface Helper {
  child: ChildProcess;
  result: Promise<{ cpuMs: number; maxRssBytes: number; writeBytes: number; wchar: number }>;
}

/** Starts the helper processes of `pipeline-procs` and waits until their workers are ready. */
async function startHelpers(spec: RunSpec): Promise<Helper[]> {
  const groups = spec.stageGroups ?? [['crawl'], ['clean'], ['extract']];
  const helpers = groups.slice(1).map((stages): Helper & { ready: Promise<void> } => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), JSON.stringify({ ...spec, config: 'stage', stages })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let onReady: () => void = () => undefined;
    const ready = new Promise<void>((r) => (onReady = r));
    const result = new Promise<Helper['result'] extends Promise<infer T> ? T : never>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('READY\n')) onReady();
        const line = out.split('\n').find((l) => l.startsWith('STAGE '));
        if (line) resolve(JSON.parse(line.slice(6)));
      });
      child.on('exit', (code) => reject(new Error(`stage helper exited with ${code}`)));
    });
    result.catch(() => undefined);
    return { child, ready, result };
  });
  await Promise.all(helpers.map((h) => h.ready));
  return helpers;
}

/** Lines in a growing file, counted from where the last call stopped. */
function lineCounter(path: string): () => number {
  let offset = 0;
  let lines = 0;
  const buf = Buffer.alloc(1 << 20);
  return () => {
    if (!existsSync(path)) return 0;
    const fd = openSync(path, 'r');
    try {
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, offset);
        if (n <= 0) break;
        offset += n;
        for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
      }
    } finally {
      closeSync(fd);
    }
    return lines;
  };
}

/** CPU ms per thread between two {@link threadCpu} readings (taken with PROVNEWS_BENCH_CPULOG set), on stderr. */
function logThreadCpu(before: Map<string, { name: string; ms: number }>, after: Map<string, { name: string; ms: number }>): void {
  const byName = new Map<string, number>();
  for (const [tid, t] of after) {
    const name = tid === String(process.pid) ? 'main' : `${t.name}/${tid}`;
    byName.set(name, (byName.get(name) ?? 0) + t.ms - (before.get(tid)?.ms ?? 0));
  }
  process.stderr.write(`threads: ${[...byName].filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n} ${ms} ms`).join(', ')}\n`);
}

/**
 * Diagnostic (PROVNEWS_BENCH_CPULOG=<records>): process CPU and rate per slice of records stored,
 * on stderr, to tell warm-up from steady state. Off by default.
 */
function cpuLogger(): (stored: number) => boolean {
  const every = Number(process.env.PROVNEWS_BENCH_CPULOG ?? 0);
  if (!(every > 0)) return () => false;
  let next = every;
  let prev = { n: 0, ...mark() };
  return (n) => {
    if (n < next) return false;
    const now = mark();
    const cpu = (now.cpu.user - prev.cpu.user + now.cpu.system - prev.cpu.system) / 1000;
    process.stderr.write(`cpu at ${n}: ${(cpu / (n - prev.n)).toFixed(2)} ms/article, ${(((n - prev.n) * 1000) / (now.t - prev.t)).toFixed(0)} art/s\n`);
    prev = { n, ...now };
    next = n + every;
    return true;
  };
}

let redisSlicePrev = new Map<string, number>();
/** With PROVNEWS_BENCH_CPULOG: the Redis commands called since the last slice, the most called first. */
async function logRedisSlice(ctx: AppContext): Promise<void> {
  const now = await commandCalls(ctx.redis);
  const delta = [...now].map(([k, n]): [string, number] => [k, n - (redisSlicePrev.get(k) ?? 0)]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  redisSlicePrev = now;
  process.stderr.write(`  redis: ${delta.slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
}

/**
 * Starts one crawl per portal and polls `stored()` (no Redis commands) until every article is stored
 * and nothing is pending, or the deadline passes; `onDone` runs at that moment (before teardown).
 * Closes the workers and the context in any case.
 */
async function awaitQueuedRun(spec: RunSpec, portals: Portal[], ctx: AppContext, workers: Worker[], stored: () => number | Promise<number>, onDone: () => Promise<void> = async () => undefined): Promise<number> {
  try {
    for (const p of portals) await ctx.queues.enqueue('crawl', { url: p.baseUrl, portal: p.id, kind: 'portal', force: true, runId: 'bench' });
    const deadline = Date.now() + spec.timeoutMs;
    const cpuLog = cpuLogger();
    for (;;) {
      const n = await stored();
      if (cpuLog(n)) await logRedisSlice(ctx);
      sampleRss(n);
      memLog(n, ctx);
      if ((n >= spec.expected && (await pendingJobs(ctx)) === 0) || Date.now() > deadline) {
        doneMark = mark();
        if (redisCpuAt.start !== undefined) redisCpuAt.end = await redisCpuMs(ctx.redis);
        await onDone();
        return n;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await closeFetchAgents();
    await ctx.close();
  }
}

async function runPipelineProcs(spec: RunSpec, portals: Portal[], helpers: Helper[], extra: Partial<RunResult>): Promise<number> {
  const groups = spec.stageGroups ?? [['crawl'], ['clean'], ['extract']];
  const sink = new JsonlSink(join(spec.dataDir, 'records.jsonl'));
  const ctx = await pipelineContext(spec, sink);
  const byId = new Map(portals.map((p) => [p.id, p]));
  const workers = groups[0]!.map((s) => STARTERS[s](ctx, byId));
  return awaitQueuedRun(spec, portals, ctx, workers, lineCounter(sink.path), async () => {
    for (const h of helpers) h.child.kill('SIGTERM');
    const results = await Promise.all(helpers.map((h) => h.result));
    extra.cpuMs = results.reduce((n, r) => n + r.cpuMs, 0);
    extra.maxRssBytes = results.reduce((n, r) => n + r.maxRssBytes, 0);
    extra.writeBytes = results.reduce((n, r) => n + r.writeBytes, 0);
    extra.wchar = results.reduce((n, r) => n + r.wchar, 0);
  });
}

async function runPipeline(spec: RunSpec, portals: Portal[]): Promise<number> {
  const sink = new JsonlSink(join(spec.dataDir, 'records.jsonl'));
  const ctx = await pipelineContext(spec, sink);
  const workers = startPipeline(ctx, portals);
  // Start-up is not work: the window opens once the page threads have loaded the cleaner and the
  // extractor, as the baseline's window opens after its process imported them.
  // (A checkout from before pagePoolReady existed, run as `pipeline@ROOT=…`: its threads load
  // at start with no signal, so it gets a fixed 3 s.)
  const ready = (runtime as { pagePoolReady?: (owner: object) => Promise<void> }).pagePoolReady;
  await (ready ? ready(ctx) : new Promise((r) => setTimeout(r, 3000)));
  redisCpuAt = { start: await redisCpuMs(ctx.redis) };
  startMark = mark();
  return awaitQueuedRun(spec, portals, ctx, workers, () => sink.count());
}

/** The article URLs of every portal, from its sitemap (one fetch each). */
async function articleUrls(portals: Portal[], spec: RunSpec, fetchOpts: FetchOptions): Promise<{ url: string; portal: Portal }[]> {
  const out: { url: string; portal: Portal }[] = [];
  for (const [i, portal] of portals.entries()) {
    const page = await fetchPage(spec.portals[i]!.sitemapUrl, fetchOpts);
    assertSuccess(page);
    const isArticle = articleMatcher(portal);
    for (const e of parseSitemap(decodeBody(page.body, page.headers['content-type']).text, page.finalUrl).entries) {
      if (isArticle(e.url)) out.push({ url: e.url, portal });
    }
  }
  return out;
}

/** Everything after the fetch, shared by `inprocess` and `crawlee`: the same stores and sink as the pipeline. */
function articleHandler(dataDir: string) {
  const content = new ContentStore(join(dataDir, 'store'));
  const snapshots = new SnapshotStore(content);
  const sink = new JsonlSink(join(dataDir, 'records.jsonl'));
  async function handle(portal: Portal, url: string, page: { finalUrl: string; status: number; headers: Record<string, string>; fetchedAt: string; body: Buffer }): Promise<void> {
    const snapshotId = await snapshots.put({ url, ...page });
    const html = decodeBody(page.body, page.headers['content-type'] ?? null).text;
    const cleaned = clean(html, { url: page.finalUrl, ...(portal.hints ? { hints: portal.hints } : {}) });
    if (!cleaned.isArticle) throw new Error(`[no-article] ${url}`);
    await content.putJson(CLEANED_KIND, cleaned);
    void snapshotId;
    const record = extractArticle(cleaned, { url, portal: { id: portal.id, province: portal.province }, fetchedAt: page.fetchedAt });
    const checked = articleRecordSchema.parse(record);
    await sink.write(checked);
  }
  return { handle, sink };
}

async function runInProcess(spec: RunSpec, portals: Portal[]): Promise<number> {
  const fetchOpts: FetchOptions = { userAgent: USER_AGENT, timeoutMs: 30_000, maxBodyBytes: 10 * 1024 * 1024, allowPrivate: true };
  const { handle, sink } = articleHandler(spec.dataDir);
  const todo = await articleUrls(portals, spec, fetchOpts);
  // `inprocess@PROVNEWS_BENCH_POLITE=1`: one request per host at a time, as the pipeline's host gate
  // allows (a promise chain per host instead of Redis), to tell orchestration from politeness.
  const polite = process.env.PROVNEWS_BENCH_POLITE === '1';
  const hostTurn = new Map<string, Promise<unknown>>();
  const fetchPolitely = (url: string): ReturnType<typeof fetchPage> => {
    if (!polite) return fetchPage(url, fetchOpts);
    const host = new URL(url).host;
    const turn = (hostTurn.get(host) ?? Promise.resolve()).then(() => fetchPage(url, fetchOpts));
    hostTurn.set(host, turn.catch(() => undefined));
    return turn;
  };
  let next = 0;
  let done = 0;
  const cpuLog = cpuLogger();
  const loop = async () => {
    while (next < todo.length) {
      const { url, portal } = todo[next++]!;
      const page = await fetchPolitely(url);
      assertSuccess(page);
      await handle(portal, url, page);
      cpuLog(++done);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  await sink.close();
  doneMark = mark();
  await closeFetchAgents();
  const stored = await sink.count();
  await sink.close();
  return stored;
}

/** The slice of @crawlee/cheerio this benchmark uses (imported dynamically: it is not a workspace dependency). */
interface CrawleeModule {
  CheerioCrawler: new (opts: {
    minConcurrency: number;
    maxConcurrency: number;
    maxRequestRetries: number;
    requestHandler: (ctx: { request: { url: string; loadedUrl?: string; userData: { portal?: string } }; body: string | Buffer; response: { statusCode?: number; headers: Record<string, string | string[] | undefined> } }) => Promise<void>;
    failedRequestHandler?: (ctx: { request: { url: string } }, err: Error) => void;
  }) => { run(requests: { url: string; userData: { portal: string } }[]): Promise<{ requestsFinished: number; requestsFailed: number }> };
  log: { setLevel(level: number): void; LEVELS: { WARNING: number } };
}

/** Loads Crawlee from bench/crawlee/node_modules (before the measured window, like the other configurations' imports). */
async function loadCrawlee(): Promise<CrawleeModule> {
  const here = dirname(fileURLToPath(import.meta.url));
  const requireFromBench = createRequire(join(here, 'crawlee', 'package.json'));
  const crawlee = (await import(pathToFileURL(requireFromBench.resolve('@crawlee/cheerio')).href)) as CrawleeModule;
  crawlee.log.setLevel(crawlee.log.LEVELS.WARNING);
  return crawlee;
}

async function runCrawlee(spec: RunSpec, portals: Portal[], crawlee: CrawleeModule): Promise<number> {
  const fetchOpts: FetchOptions = { userAgent: USER_AGENT, timeoutMs: 30_000, maxBodyBytes: 10 * 1024 * 1024, allowPrivate: true };
  const { handle, sink } = articleHandler(spec.dataDir);
  const todo = await articleUrls(portals, spec, fetchOpts);
  await closeFetchAgents();
  const byId = new Map(portals.map((p) => [p.id, p]));
  const crawler = new crawlee.CheerioCrawler({
    // Pinned: Crawlee's autoscaling reads the whole machine's CPU, and on a machine shared with
    // other work it would throttle itself to one request at a time, unlike the other configurations.
    minConcurrency: CONCURRENCY,
    maxConcurrency: CONCURRENCY,
    maxRequestRetries: 2,
    async requestHandler({ request, body, response }) {
      const portal = byId.get(request.userData.portal ?? '')!;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(response.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      await handle(portal, request.url, {
        finalUrl: request.loadedUrl ?? request.url,
        status: response.statusCode ?? 200,
        headers,
        fetchedAt: new Date().toISOString(),
        body: typeof body === 'string' ? Buffer.from(body) : body,
      });
    },
    failedRequestHandler: ({ request }, err) => process.stderr.write(`crawlee failed ${request.url}: ${err.message}\n`),
  });
  await crawler.run(todo.map((t) => ({ url: t.url, userData: { portal: t.portal.id } })));
  await sink.close();
  doneMark = mark();
  const stored = await sink.count();
  await sink.close();
  return stored;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as RunSpec;
  if (spec.config === 'crawlee') process.env.CRAWLEE_STORAGE_DIR = join(spec.dataDir, 'crawlee-storage');
  const portals = spec.portals.map(registryEntry);
  if (spec.config === 'stage') return runStage(spec, portals);
  const crawlee = spec.config === 'crawlee' ? await loadCrawlee() : null;
  const helpers = spec.config === 'pipeline-procs' ? await startHelpers(spec) : [];
  const extra: Partial<RunResult> = {};
  const start0 = mark();
  let stored = 0;
  let error: string | undefined;
  try {
    if (spec.config === 'pipeline') stored = await runPipeline(spec, portals);
    else if (spec.config === 'pipeline-procs') stored = await runPipelineProcs(spec, portals, helpers, extra);
    else if (spec.config === 'inprocess') stored = await runInProcess(spec, portals);
    else stored = await runCrawlee(spec, portals, crawlee!);
  } catch (err) {
    error = (err as Error).message;
  }
  const end = doneMark ?? mark();
  const start = startMark ?? start0;
  if (start.threads && end.threads) logThreadCpu(start.threads, end.threads);
  const seconds = (end.t - start.t) / 1000;
  const cpuMs = (end.cpu.user - start.cpu.user + end.cpu.system - start.cpu.system) / 1000;
  const result: RunResult = {
    config: spec.config,
    stored,
    seconds,
    cpuMs: cpuMs + (extra.cpuMs ?? 0),
    sysMs: (end.cpu.system - start.cpu.system) / 1000,
    ...rssByCheckpoint(),
    ...(redisCpuAt.start !== undefined && redisCpuAt.end !== undefined ? { redisCpuMs: redisCpuAt.end - redisCpuAt.start } : {}),
    maxRssBytes: peakRss() + (extra.maxRssBytes ?? 0),
    rssEndBytes: process.memoryUsage().rss,
    wchar: end.io.wchar - start.io.wchar + (extra.wchar ?? 0),
    writeBytes: end.io.writeBytes - start.io.writeBytes + (extra.writeBytes ?? 0),
    ...(error ? { error } : {}),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

await main();
