/**
 * Portals taking turns under politeness: the demo portals (generated articles, each portal's
 * sitemap named in its registry entry) crawled by the default pipeline with a host delay, until
 * every article is stored. Reports wall time, process CPU and Redis commands per article.
 *
 *   npm run bench:crawl-turns                                     # delay 30 ms, 200 generated per portal
 *   npm run bench:crawl-turns -- --delay 100 --generated 40 --compare /path/to/older/checkout --rounds 2
 *
 * `--compare DIR` runs the same measurement with another checkout's packages (its node_modules and
 * built dist/), in alternating order: a copy of this file is placed in DIR/bench for the run and
 * removed after. Results: bench/results/crawl-turns.md (or --out).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(import.meta.url);
const root = resolve(here, '../..');
const { values: args } = parseArgs({
  options: {
    delay: { type: 'string', default: '30' },
    generated: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '1' },
    compare: { type: 'string' },
    out: { type: 'string', default: 'bench/results/crawl-turns.md' },
    child: { type: 'boolean', default: false },
  },
});

interface Result {
  articles: number;
  seconds: number;
  cpuMsPerArticle: number;
  redisCallsPerArticle: number;
}

async function child(): Promise<void> {
  // Imported here: in --compare runs these resolve to the other checkout's packages.
  const { startDemoPortals } = await import('@provnews/demo-portals');
  const { demoPortalEntry, startPipeline, pendingJobs } = await import('@provnews/cli');
  const { loadEnv } = await import('@provnews/config');
  const { silentLogger } = await import('@provnews/logger');
  const { createContext } = await import('@provnews/runtime');
  const { JsonlSink } = await import('@provnews/storage');
  const { startRedisServer } = await import('@provnews/redis-local');
  const delay = Number(args.delay);
  const server = await startDemoPortals({ generated: Number(args.generated) });
  const redis = await startRedisServer({});
  const dir = mkdtempSync(join(tmpdir(), 'provnews-turns-'));
  const sink = new JsonlSink(join(dir, 'records.jsonl'));
  const env = loadEnv({ ...process.env, PROVNEWS_DATA_DIR: dir, REDIS_URL: redis.url, LOG_LEVEL: 'silent' });
  const ctx = await createContext(env, silentLogger, { sink, prefix: 'turns', redisHandle: { url: redis.url, origin: 'REDIS_URL', stop: async () => undefined } });
  try {
    const portals = server.portals.map((p) => ({ ...demoPortalEntry(p, delay), sitemaps: [p.sitemapUrl] }));
    const workers = startPipeline(ctx, portals);
    const expected = server.portals.reduce((n, p) => n + p.articles.length, 0);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const p of portals) await ctx.queues.enqueue('crawl', { url: p.baseUrl, portal: p.id, kind: 'portal', force: true, runId: 'turns' });
    const deadline = Date.now() + 600_000;
    while (!((await sink.count()) >= expected && (await pendingJobs(ctx)) === 0)) {
      if (Date.now() > deadline) throw new Error(`not done after 600 s: ${await sink.count()}/${expected} stored`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    const calls = (await ctx.redis.info('commandstats')).split('\n').reduce((n, l) => n + Number(/calls=(\d+)/.exec(l)?.[1] ?? 0), 0);
    const result: Result = { articles: expected, seconds, cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / expected, redisCallsPerArticle: calls / expected };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    await Promise.all(workers.map((w) => w.close()));
  } finally {
    await ctx.close();
    await redis.stop();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function runIn(checkout: string): Result {
  let script = here;
  if (checkout !== root) {
    script = join(checkout, 'bench', '.crawl-turns-child.ts');
    copyFileSync(here, script);
  }
  try {
    const res = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', '--delay', args.delay!, '--generated', args.generated!], { cwd: checkout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const line = res.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`run in ${checkout} exited with ${res.status} without a result`);
    return JSON.parse(line.slice(7)) as Result;
  } finally {
    if (script !== here) rmSync(script, { force: true });
  }
}

async function main(): Promise<void> {
  if (args.child) return child();
  const checkouts = [root, ...(args.compare ? [resolve(args.compare)] : [])];
  const command = `npm run bench:crawl-turns -- ${process.argv.slice(2).join(' ')}`.trim();
  const rows: string[] = [];
  for (let round = 1; round <= Number(args.rounds); round++) {
    const order = round % 2 ? checkouts : [...checkouts].reverse();
    for (const checkout of order) {
      const load0 = loadavg()[0]!;
      const r = runIn(checkout);
      const label = checkout === root ? 'this checkout' : `--compare ${args.compare}`;
      const row = `| ${round} | ${label} | ${r.articles} | ${r.seconds.toFixed(1)} | ${(r.articles / r.seconds).toFixed(1)} | ${r.cpuMsPerArticle.toFixed(1)} | ${r.redisCallsPerArticle.toFixed(0)} | ${load0.toFixed(1)}→${loadavg()[0]!.toFixed(1)} |`;
      process.stderr.write(`${row}\n`);
      rows.push(row);
    }
  }
  const text = [
    '# Crawl turns under politeness',
    '',
    `Command: \`${command}\`, run ${new Date().toISOString()} on Node ${process.version}.`,
    '',
    `The demo portals with ${args.generated} generated articles each (every portal's sitemap named in its registry entry), host delay`,
    `${args.delay} ms, crawled, cleaned and extracted by the default pipeline (one process) until every article is stored. CPU is the`,
    'process (user + system) from the first portal job to the last record; Redis commands from `INFO commandstats` of a private',
    'redis-server. Each run in its own process, alternating order per round.',
    '',
    '| round | code | articles | s | articles/s | CPU ms/article | Redis commands/article | load avg |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(resolve(root, args.out!), text);
  process.stderr.write(`wrote ${args.out}\n`);
}

await main();
