/**
 * Scale benchmark: the compiled crawler, cleaner and extractor services as separate processes
 * (1 and then 2 per stage), each with its own data dir, one Redis, snapshots and cleaned pages in
 * the PostgreSQL store, records in the PostgreSQL sink, on the demo portals with generated articles.
 *
 *   npm run bench:scale -- [generatedPerPortal=100] [hostDelayMs=0]
 *
 * Measures articles/s per setup, Redis memory per article (after a run, completed jobs kept as the
 * catalog's retention keeps them) and per queued job (a backlog with no worker), and store bytes
 * per article. Needs PostgreSQL (DATABASE_URL or 127.0.0.1:5432/test), redis-server on PATH and
 * `npm run build`. Writes bench/results/scale.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Redis } from 'ioredis';
import { demoPortalEntry } from '@provnews/cli';
import { startDemoPortals } from '@provnews/demo-portals';
import { Queues } from '@provnews/queues';
import { startRedisServer } from '@provnews/redis-local';
import { privateSchema } from '@provnews/testing';

const generated = Number(process.argv[2] ?? 100);
const hostDelayMs = Number(process.argv[3] ?? 0);
const root = fileURLToPath(new URL('..', import.meta.url));
const say = (s: string) => process.stderr.write(`${s}\n`);

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
}

interface RunResult {
  perStage: number;
  articles: number;
  seconds: number;
  failed: number;
  redisBytesPerArticle: number;
  frontierBytesPerArticle: number;
  storeRawBytes: number;
  storeStoredBytes: number;
  blobTableBytes: number;
  sinkTableBytes: number;
  byKind: { kind: string; objects: number; storedBytes: number; rawBytes: number }[];
}

async function runSetup(perStage: number): Promise<RunResult> {
  const redisServer = await startRedisServer();
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  const db = await privateSchema('scale');
  const { admin, schema } = db;
  const server = await startDemoPortals({ generated });
  const expected = server.portals.reduce((n, p) => n + p.articles.length, 0);
  const registry = join(mkdtempSync(join(tmpdir(), 'provnews-scale-')), 'portals.json');
  writeFileSync(registry, JSON.stringify({ portals: server.portals.map((p) => demoPortalEntry(p, hostDelayMs)) }));
  const prefix = 'scale';
  const procs: { child: ChildProcess; out: string; exited: Promise<number | null> }[] = [];
  try {
    for (const stage of ['crawler', 'cleaner', 'extractor']) {
      for (let i = 0; i < perStage; i++) {
        const dataDir = mkdtempSync(join(tmpdir(), `provnews-scale-${stage}-`));
        const child = spawn(process.execPath, [join(root, 'services', stage, 'dist', 'main.js')], {
          cwd: dataDir,
          env: {
            PATH: process.env.PATH,
            REDIS_URL: redisServer.url,
            PROVNEWS_QUEUE_PREFIX: prefix,
            PROVNEWS_DATA_DIR: dataDir,
            PROVNEWS_REGISTRY: registry,
            PROVNEWS_STORE: 'postgres',
            PROVNEWS_SINK: 'postgres',
            DATABASE_URL: db.url,
            LOG_FORMAT: 'json',
            LOG_LEVEL: 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const proc = { child, out: '', exited: new Promise<number | null>((r) => child.once('exit', (c) => r(c))) };
        child.stdout!.on('data', (c: Buffer) => (proc.out += c.toString()));
        child.stderr!.on('data', (c: Buffer) => (proc.out += c.toString()));
        procs.push(proc);
      }
    }
    await until('workers', async () => procs.every((p) => p.out.includes('"worker started"')), 60_000);
    const queues = new Queues({ connection: redis, prefix });
    const before = await usedMemory(redis);
    const started = Date.now();
    const runId = `scale-${Date.now()}`;
    for (const p of server.portals) await queues.enqueue('crawl', { url: `${p.baseUrl}/`, portal: p.id, kind: 'portal', force: true, runId });
    let lastLine = 0;
    await until(
      'all articles stored',
      async () => {
        const stored = Number((await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM provnews_articles').catch(() => ({ rows: [{ n: 0 }] }))).rows[0]?.n ?? 0);
        const counts = await queues.counts();
        // The crawlers sync the registry's schedules at start-up: their next runs wait in the delayed set.
        const parked = (await queues.get('crawl').getDelayed()).filter((j) => !j.repeatJobKey).length;
        const others = (counts.clean.delayed ?? 0) + (counts.extract.delayed ?? 0);
        const pending = Object.values(counts).reduce((n, c) => n + (c.waiting ?? 0) + (c.active ?? 0), parked + others);
        if (Date.now() - lastLine > 3000) {
          lastLine = Date.now();
          say(`  ${perStage}/stage: ${stored}/${expected} stored, ${pending} pending`);
        }
        return stored >= expected && pending === 0;
      },
      30 * 60_000,
    );
    const seconds = (Date.now() - started) / 1000;
    const after = await usedMemory(redis);
    const frontier = (await redis.memory('USAGE', `${prefix}:crawler:seen`)) ?? 0;
    const states = (await redis.memory('USAGE', `${prefix}:crawler:state`)) ?? 0;
    const counts = await queues.counts();
    const failed = Object.values(counts).reduce((n, c) => n + (c.failed ?? 0), 0);
    const { rows: kinds } = await admin.query<{ kind: string; objects: number; stored: string; raw: string }>(
      'SELECT kind, count(*)::int AS objects, sum(octet_length(data))::bigint AS stored, sum(bytes)::bigint AS raw FROM provnews_blobs GROUP BY kind ORDER BY kind',
    );
    const size = async (table: string) => Number((await admin.query<{ n: string }>(`SELECT pg_total_relation_size('${schema}.${table}')::bigint AS n`)).rows[0]!.n);
    const byKind = kinds.map((k) => ({ kind: k.kind, objects: k.objects, storedBytes: Number(k.stored), rawBytes: Number(k.raw) }));
    const result: RunResult = {
      perStage,
      articles: expected,
      seconds,
      failed,
      redisBytesPerArticle: (after - before) / expected,
      frontierBytesPerArticle: (Number(frontier) + Number(states)) / expected,
      storeRawBytes: byKind.reduce((n, k) => n + k.rawBytes, 0) / expected,
      storeStoredBytes: byKind.reduce((n, k) => n + k.storedBytes, 0) / expected,
      blobTableBytes: (await size('provnews_blobs')) / expected,
      sinkTableBytes: (await size('provnews_articles')) / expected,
      byKind,
    };
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await queues.close();
    return result;
  } finally {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await server.close();
    await db.drop().catch(() => undefined);
    redis.disconnect();
    await redisServer.stop();
  }
}

/** Redis bytes per waiting crawl job: a backlog of article jobs with no worker to take them. */
async function queuedJobBytes(n: number): Promise<number> {
  const redisServer = await startRedisServer();
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  try {
    const queues = new Queues({ connection: redis, prefix: 'backlog' });
    await queues.get('crawl').waitUntilReady();
    const before = await usedMemory(redis);
    for (let i = 0; i < n; i += 500) {
      await queues.enqueueBulk(
        'crawl',
        Array.from({ length: Math.min(500, n - i) }, (_, j) => ({
          payload: { url: `https://baoquangninh.vn/chinh-tri/bai-viet-so-${i + j}-ve-phat-trien-kinh-te-3${i + j}.html`, portal: 'quang-ninh', kind: 'article' as const, force: false },
        })),
      );
    }
    const after = await usedMemory(redis);
    await queues.close();
    return (after - before) / n;
  } finally {
    redis.disconnect();
    await redisServer.stop();
  }
}

/** Raw and gzip sizes of real portal pages (sizes only; the pages are not copied anywhere). */
function realPageSizes(): { pages: number; raw: number; gz: number } | null {
  const dir = '/work/shared/real-pages';
  try {
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    const raw = files.map((f) => statSync(join(dir, f)).size);
    const gz = files.map((f) => gzipSync(readFileSync(join(dir, f)), { level: 6 }).length);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return { pages: files.length, raw: mean(raw), gz: mean(gz) };
  } catch {
    return null;
  }
}

const results: RunResult[] = [];
for (const perStage of [1, 2]) {
  say(`${perStage} process(es) per stage…`);
  results.push(await runSetup(perStage));
}
const jobBytes = await queuedJobBytes(10_000);
const real = realPageSizes();

const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const lines = [
  '# Scale benchmark',
  '',
  `Command: \`npm run bench:scale -- ${generated} ${hostDelayMs}\` (= \`tsx --conditions=source bench/scale-bench.ts\`, after \`npm run build\`), run ${new Date().toISOString()} on Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average at the end ${loadavg()[0]!.toFixed(1)} (a shared machine).`,
  '',
  `Compiled crawler, cleaner and extractor services as separate processes, each with its own data dir; one Redis (its own redis-server);`,
  `snapshots and cleaned pages in the PostgreSQL store and records in the PostgreSQL sink (local server); four demo portals with ${generated}`,
  `generated articles each on top of the hand-written ones; host delay ${hostDelayMs} ms (politeness gate still one request in flight per host).`,
  '',
  '| processes per stage | articles | failed jobs | seconds | articles/s | Redis bytes / article (after run) | of which seen-set + URL state | store bytes / article (raw → gzip) | blob table / article | sink table / article |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.perStage} | ${r.articles} | ${r.failed} | ${r.seconds.toFixed(1)} | ${(r.articles / r.seconds).toFixed(1)} | ${kb(r.redisBytesPerArticle)} | ${kb(r.frontierBytesPerArticle)} | ${kb(r.storeRawBytes)} → ${kb(r.storeStoredBytes)} | ${kb(r.blobTableBytes)} | ${kb(r.sinkTableBytes)} |`,
  ),
  '',
  `Store objects by kind (2 per stage run): ${results[1]!.byKind.map((k) => `${k.kind} ${k.objects} objects, ${kb(k.rawBytes / k.objects)} → ${kb(k.storedBytes / k.objects)} each`).join('; ')}.`,
  '',
  `Redis bytes per queued crawl job (10,000 article jobs waiting, no worker): ${kb(jobBytes)}.`,
  '',
  'Redis per article after a run counts the completed crawl/clean/extract jobs BullMQ keeps (catalog retention: 24 h, at most',
  '20,000 per queue), the listing/feed jobs of the run, the seen-set and the URL states (ETag/Last-Modified). Only the last two',
  'are permanent (one entry per article URL); completed jobs age out.',
  ...(real
    ? ['', `Real portal pages for scale (the ${real.pages} pages in the shared real-pages set, sizes only): mean ${kb(real.raw)} raw, ${kb(real.gz)} gzip-compressed as the store keeps a body. Demo pages are smaller, so capacity planning uses the real-page figure for bodies.`]
    : []),
];
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'scale.md'), `${lines.join('\n')}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
