/**
 * Orchestration cost: the queued pipeline against the same work done in one process, and against
 * Crawlee's CheerioCrawler running the same clean + extract, in the same run with alternating rounds.
 *
 *   npm run bench:orchestration                                   # 2,000 and 10,000 articles, 2 rounds each (~20 min on 2 idle cores)
 *   npm run bench:orchestration -- --rounds 2,1                   # rounds per size (a loaded machine)
 *   npm run bench:orchestration -- --sizes 500 --rounds 1 --out /tmp/o.md   # a quick look
 *   npm run bench:orchestration -- --profile 2000                 # CPU profile by stage
 *   npm run bench:orchestration -- --sizes 1000 --configs pipeline,pipeline@CLEAN_CONCURRENCY=4,pipeline-procs,inprocess
 *   npm run bench:orchestration -- --data-dir /var/tmp            # where the runs' stores go (default: the OS temp dir)
 *
 * Each run is a child process (bench/orchestration-run.ts) so its CPU time, peak RSS and disk
 * writes are its own; the demo portals (generated articles, host delay 0) are served from this
 * process. Redis is a private `redis-server` started here (no persistence), so `INFO` counts
 * only the benchmark: its CPU, `commandstats` and memory are read around each pipeline run.
 * Crawlee is installed on first use into bench/crawlee/node_modules (`npm ci --prefix bench/crawlee
 * --ignore-scripts`), never into the workspace.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { startDemoPortals, type DemoPortalsServer } from '@provnews/demo-portals';
import { Queues } from '@provnews/queues';
import { startRedisServer } from '@provnews/redis-local';
import { summariseProfile, formatProfile, mergeSummaries } from './cpu-profile-summary.ts';
import { commandCalls, redisCpuMs, redisInfo } from './redis-info.ts';
import type { RunResult, RunSpec } from './orchestration-run.ts';

/**
 * A configuration label: `pipeline`, `pipeline-procs`, `inprocess`, `crawlee`, optionally with
 * settings for the child after `@`: `pipeline@CLEAN_CONCURRENCY=4@EXTRACT_CONCURRENCY=4`
 * (environment variables), `pipeline-procs@STAGES=crawl.clean/extract` (processes by stage) or
 * `pipeline@ROOT=/path/to/other/checkout` (the same run from another checkout with its own
 * node_modules: before/after comparisons in one run) or `pipeline@FLAGS=--single-threaded-gc+--max-semi-space-size=32`
 * (Node flags for the child, `+` between them; some, like `--single-threaded-gc`, NODE_OPTIONS refuses).
 */
type Config = string;
const isPipeline = (c: Config) => c.startsWith('pipeline');
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000,10000' },
    rounds: { type: 'string', default: '2,2' },
    configs: { type: 'string', default: 'pipeline,inprocess,crawlee' },
    out: { type: 'string', default: join(root, 'bench/results/orchestration.md') },
    profile: { type: 'string' },
    'keep-profiles': { type: 'boolean', default: false },
    'profile-out': { type: 'string', default: 'bench/results/orchestration-profile.md' },
    'timeout-s': { type: 'string', default: '900' },
    /** Where the runs' stores go (one fresh directory per run under it). */
    'data-dir': { type: 'string', default: tmpdir() },
  },
});

interface Measured extends Omit<RunResult, 'config'> {
  config: Config;
  size: number;
  round: number;
  load0: number;
  load1: number;
  redisCpuMs: number;
  redisCommands: number;
  topCommands: [string, number][];
  redisBytesKept: number;
  redisKeptBreakdown: Record<string, number>;
  duBytes: number;
}

function log(line: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function usedMemory(redis: Redis): Promise<number> {
  return Number((await redisInfo(redis, 'memory')).get('used_memory'));
}

/** Bytes Redis holds per kind of key (job hashes per queue, queue sets, crawler frontier …), by MEMORY USAGE. */
async function keptBreakdown(redis: Redis, prefix: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (!keys.length) continue;
    const pipe = redis.pipeline();
    for (const k of keys) pipe.memory('USAGE', k);
    const sizes = (await pipe.exec()) ?? [];
    keys.forEach((k, i) => {
      const parts = k.slice(prefix.length + 1).split(':');
      let group: string;
      if (parts[0] === 'crawler') group = `crawler:${parts[1] === 'run' ? 'run:*' : parts[1]}`;
      else if (parts.length === 2 && !['meta', 'events', 'id', 'completed', 'failed', 'wait', 'active', 'delayed', 'prioritized', 'paused', 'stalled-check', 'marker', 'limiter', 'pc', 'repeat', 'de'].includes(parts[1]!)) group = `${parts[0]}:<job hash>`;
      else if (parts.length >= 3 && ['logs', 'lock'].includes(parts[2]!)) group = `${parts[0]}:<job>:${parts[2]}`;
      else group = `${parts[0]}:${parts[1] ?? ''}`;
      out[group] = (out[group] ?? 0) + Number(sizes[i]?.[1] ?? 0);
    });
  } while (cursor !== '0');
  return out;
}

function diskUsage(dir: string): number {
  try {
    return Number(execFileSync('du', ['-sB1', dir], { encoding: 'utf8' }).split('\t')[0]);
  } catch {
    return NaN;
  }
}

function ensureCrawlee(): string | null {
  const dir = join(here, 'crawlee');
  if (existsSync(join(dir, 'node_modules/@crawlee/cheerio/package.json'))) return null;
  log('installing Crawlee into bench/crawlee/node_modules (bench only)');
  const res = spawnSync('npm', ['ci', '--prefix', dir, '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  return res.status === 0 ? null : `npm ci --prefix bench/crawlee failed (exit ${res.status})`;
}

type ChildSpec = RunSpec & { env: Record<string, string>; root?: string; nodeFlags?: string[] };

function specFor(label: Config, server: DemoPortalsServer, redisUrl: string, dataDir: string): ChildSpec {
  const [config, ...settings] = label.split('@') as [RunSpec['config'], ...string[]];
  const env: Record<string, string> = {};
  let stageGroups: RunSpec['stageGroups'];
  let otherRoot: string | undefined;
  let nodeFlags: string[] | undefined;
  for (const kv of settings) {
    const at = kv.indexOf('=');
    const [k, v] = at < 0 ? [kv, ''] : [kv.slice(0, at), kv.slice(at + 1)];
    if (k === 'ROOT') otherRoot = v;
    else if (k === 'FLAGS') nodeFlags = v.split('+');
    else if (k === 'STAGES') stageGroups = v.split('/').map((g) => g.split('.') as NonNullable<RunSpec['stageGroups']>[number]);
    else env[k!] = v;
  }
  return {
    config,
    env,
    ...(otherRoot ? { root: otherRoot } : {}),
    ...(nodeFlags ? { nodeFlags } : {}),
    ...(stageGroups ? { stageGroups } : {}),
    redisUrl,
    dataDir,
    expected: server.portals.reduce((n, p) => n + p.articles.length, 0),
    portals: server.portals.map((p) => ({
      id: p.id,
      name: p.name,
      province: p.province,
      baseUrl: p.baseUrl,
      sitemapUrl: p.sitemapUrl,
      articleUrlPattern: p.articleUrlPattern,
      articles: p.articles.length,
    })),
    timeoutMs: Number(args['timeout-s']) * 1000,
  };
}

/** Runs one configuration in a child process and returns its RESULT line. */
function runChild(spec: ChildSpec, nodeArgs: string[] = []): Promise<RunResult> {
  const cwd = spec.root ?? root;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(spec.nodeFlags ?? []), ...nodeArgs, '--import', 'tsx', join(cwd, 'bench/orchestration-run.ts'), JSON.stringify(spec)], {
      cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, ...spec.env, LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) reject(new Error(`${spec.config} run exited with ${code} without a result`));
      else resolve(JSON.parse(line.slice(7)) as RunResult);
    });
  });
}

async function measure(config: Config, server: DemoPortalsServer, redis: Redis, redisUrl: string, size: number, round: number): Promise<Measured> {
  const dataDir = mkdtempSync(join(args['data-dir'], `provnews-orch-${config.replace(/[^\w-]/g, '_')}-`));
  await redis.flushall(); // our own redis-server: every run starts empty
  await redis.config('RESETSTAT');
  const mem0 = await usedMemory(redis);
  const cpu0 = await redisCpuMs(redis);
  const calls0 = await commandCalls(redis);
  const load0 = loadavg()[0]!;
  const result = await runChild(specFor(config, server, redisUrl, dataDir));
  const load1 = loadavg()[0]!;
  const cpu1 = await redisCpuMs(redis);
  const calls1 = await commandCalls(redis);
  const perCommand: [string, number][] = [...calls1]
    .map(([k, n]): [string, number] => [k, n - (calls0.get(k) ?? 0)])
    .filter(([k, n]) => n > 0 && k !== 'info' && k !== 'config|resetstat');
  const redisCommands = perCommand.reduce((n, [, c]) => n + c, 0);
  const mem1 = await usedMemory(redis);
  const breakdown = isPipeline(config) ? await keptBreakdown(redis, 'bench') : {};
  const duBytes = diskUsage(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
  const m: Measured = {
    ...result,
    config,
    size,
    round,
    load0,
    load1,
    // The pipeline child reads Redis CPU over its own window (after start-up); else spawn to exit.
    redisCpuMs: isPipeline(config) ? (result.redisCpuMs ?? cpu1 - cpu0) : 0,
    redisCommands,
    topCommands: perCommand.sort((a, b) => b[1] - a[1]).slice(0, 8),
    redisBytesKept: isPipeline(config) ? mem1 - mem0 : 0,
    redisKeptBreakdown: breakdown,
    duBytes,
  };
  log(
    `${config.padEnd(9)} ${size} r${round}: ${m.stored}/${specFor(config, server, redisUrl, dataDir).expected} in ${m.seconds.toFixed(1)} s = ${(m.stored / m.seconds).toFixed(1)} art/s, ` +
      `${(m.cpuMs / Math.max(1, m.stored)).toFixed(2)} CPU ms/art (${((m.sysMs ?? 0) / Math.max(1, m.stored)).toFixed(2)} system), peak RSS ${(m.maxRssBytes / 2 ** 20).toFixed(0)} MB, load ${load0.toFixed(1)}→${load1.toFixed(1)}${m.error ? `, error: ${m.error}` : ''}`,
  );
  return m;
}

/** Redis bytes one waiting job takes, with the catalog's default job options (1,000 clean jobs added, memory delta). */
async function bytesPerQueuedJob(redis: Redis, redisUrl: string): Promise<number> {
  await redis.flushall();
  const mem0 = await usedMemory(redis);
  const queues = new Queues({ connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix: 'probe' });
  const items = Array.from({ length: 1000 }, (_, i) => ({
    payload: {
      snapshotId: i.toString(16).padStart(64, '0'),
      url: `http://127.0.0.1:8080/tin-tuc/bai-viet-so-${i}.html`,
      portal: 'demo-hagiang',
      fetchedAt: new Date().toISOString(),
      runId: 'demo-hagiang-20261202T010000',
    },
  }));
  await queues.enqueueBulk('clean', items);
  const per = ((await usedMemory(redis)) - mem0) / items.length;
  await queues.close();
  await redis.flushall();
  return per;
}

/** CPU µs per small file written the way the content store writes one (temp file, link, unlink). */
function fileCreateMicros(dir: string): number {
  const probe = mkdtempSync(join(dir, 'provnews-fs-probe-'));
  const data = Buffer.alloc(4096, 1);
  const n = 200;
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const tmp = join(probe, `${i}.tmp`);
    writeFileSync(tmp, data);
    linkSync(tmp, join(probe, `${i}.gz`));
    unlinkSync(tmp);
  }
  const used = process.cpuUsage(before);
  rmSync(probe, { recursive: true, force: true });
  return (used.user + used.system) / n;
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;

/**
 * The order of one round's runs: as listed in odd rounds, reversed in even ones. The ratio this file
 * goes by pairs the pipeline with the baseline of the same round, so the two (listed first and second)
 * run next to each other in every round, each first in every other round: on a VM whose speed drifts
 * by ±10 % within minutes, a pair split by a three-minute Crawlee run (the rotation used until session
 * 15: P I C, I C P, C P I) compares more of the drift than of the configurations.
 */
function runOrder(configs: Config[], round: number): Config[] {
  return round % 2 === 1 ? [...configs] : [...configs].reverse();
}

function report(runs: Measured[], sizes: number[], configs: Config[], notes: string[], queuedJobBytes: number, command: string): string {
  const lines: string[] = [
    '# Orchestration cost',
    '',
    `Command: \`${command}\`, run ${new Date().toISOString()} on Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), shared with other work (load average beside each figure).`,
    '',
    'Demo portals with generated articles, host delay 0, served from the harness process; each configuration runs in its own',
    'child process, in alternating order per round (as listed, then reversed: the pipeline and the baseline always run next to each other). Redis is a private `redis-server` without persistence. CPU is process CPU',
    '(+ Redis CPU from `INFO cpu` for the pipeline) over the measured window (start of work → last record stored, teardown',
    'excluded; start-up is outside it: the modules the baseline imports, and the pipeline\'s workers and page threads with',
    'the cleaner and extractor loaded). Every configuration fetches each portal\'s sitemap and every article (the pipeline also',
    'each portal\'s robots.txt). Disk: bytes the process wrote (`wchar` in /proc/<pid>/io: files, sockets and pipes, i.e. with',
    'its Redis traffic), bytes it sent to the block layer (`write_bytes`; 0 on tmpfs) and the blocks its data directory occupies at',
    'the end (`du`), per article stored.',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    '## Every run',
    '',
    '| articles | round | configuration | stored | s | articles/s | CPU ms/article | peak RSS | load avg (start→end) | Redis cmds/article | Redis bytes kept/article | bytes written/article (wchar) | block-layer writes/article | du/article |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of runs) {
    const per = (n: number) => n / Math.max(1, r.stored);
    const cpu = isPipeline(r.config) ? `${fmt(per(r.cpuMs), 2)} + ${fmt(per(r.redisCpuMs), 2)} Redis` : fmt(per(r.cpuMs), 2);
    lines.push(
      `| ${r.size} | ${r.round} | ${r.config} | ${r.stored}${r.error ? ` (${r.error})` : ''} | ${fmt(r.seconds)} | ${fmt(r.stored / r.seconds)} | ${cpu} | ${fmt(r.maxRssBytes / 2 ** 20, 0)} MB | ${fmt(r.load0)}→${fmt(r.load1)} | ` +
        `${isPipeline(r.config) ? fmt(per(r.redisCommands)) : '—'} | ${isPipeline(r.config) ? kb(per(r.redisBytesKept)) : '—'} | ${kb(per(r.wchar))} | ${kb(per(r.writeBytes))} | ${kb(per(r.duBytes))} |`,
    );
  }
  lines.push('', '## Medians', '', '| articles | configuration | articles/s | CPU ms/article (process + Redis) | peak RSS | load avg |', '|---|---|---|---|---|---|');
  for (const size of sizes) {
    for (const config of configs) {
      const rs = runs.filter((r) => r.size === size && r.config === config);
      if (!rs.length) continue;
      lines.push(
        `| ${size} | ${config} | ${fmt(median(rs.map((r) => r.stored / r.seconds)))} | ${fmt(median(rs.map((r) => (r.cpuMs + r.redisCpuMs) / Math.max(1, r.stored))), 2)} | ` +
          `${fmt(median(rs.map((r) => r.maxRssBytes / 2 ** 20)), 0)} MB | ${fmt(median(rs.map((r) => (r.load0 + r.load1) / 2)))} |`,
      );
    }
  }
  const ratios = (size: number, f: (r: Measured) => number, label = 'pipeline', baseline = 'inprocess') => {
    const out: number[] = [];
    for (const round of new Set(runs.filter((r) => r.size === size).map((r) => r.round))) {
      const p = runs.find((r) => r.size === size && r.round === round && r.config === label);
      const b = runs.find((r) => r.size === size && r.round === round && r.config === baseline);
      if (p && b) out.push(f(p) / f(b));
    }
    return out;
  };
  lines.push('', '## Against the in-process baseline, per round', '', '| articles | configuration | articles/s ratio per round | median | CPU/article ratio per round | median |', '|---|---|---|---|---|---|');
  for (const size of sizes) {
    for (const label of configs.filter(isPipeline)) {
      const thr = ratios(size, (r) => r.stored / r.seconds, label);
      const cpu = ratios(size, (r) => (r.cpuMs + r.redisCpuMs) / Math.max(1, r.stored), label);
      if (thr.length) lines.push(`| ${size} | ${label} | ${thr.map((x) => fmt(x, 2)).join(', ')} | ${fmt(median(thr), 2)} | ${cpu.map((x) => fmt(x, 2)).join(', ')} | ${fmt(median(cpu), 2)} |`);
    }
  }
  const otherBaselines = configs.filter((c) => c.startsWith('inprocess@'));
  if (otherBaselines.length) {
    lines.push('', '## Against the other in-process baselines, per round', '', '| articles | configuration | baseline | articles/s ratio per round | median | CPU/article ratio per round | median |', '|---|---|---|---|---|---|---|');
    for (const size of sizes) {
      for (const baseline of otherBaselines) {
        for (const label of configs.filter(isPipeline)) {
          const thr = ratios(size, (r) => r.stored / r.seconds, label, baseline);
          const cpu = ratios(size, (r) => (r.cpuMs + r.redisCpuMs) / Math.max(1, r.stored), label, baseline);
          if (thr.length) lines.push(`| ${size} | ${label} | ${baseline} | ${thr.map((x) => fmt(x, 2)).join(', ')} | ${fmt(median(thr), 2)} | ${cpu.map((x) => fmt(x, 2)).join(', ')} | ${fmt(median(cpu), 2)} |`);
        }
      }
    }
  }
  const pipelines = runs.filter((r) => r.config === 'pipeline');
  const last = pipelines.at(-1);
  if (last) {
    lines.push('', `## Redis (pipeline, last run: ${last.size} articles)`, '');
    lines.push(`- Commands per article: ${fmt(last.redisCommands / last.stored)}; most called: ${last.topCommands.map(([k, n]) => `${k} ${fmt(n / last.stored)}`).join(', ')}.`);
    lines.push(`- Bytes kept after the run: ${kb(last.redisBytesKept / last.stored)} per article (\`used_memory\` delta). By key kind (MEMORY USAGE, per article):`);
    lines.push(
      `  ${Object.entries(last.redisKeptBreakdown)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => `\`${k}\` ${fmt(v / last.stored, 0)} B`)
        .join(', ')}.`,
    );
    lines.push(`- Bytes per queued (waiting) job, catalog default options: ${fmt(queuedJobBytes, 0)} B (1,000 clean jobs added, \`used_memory\` delta).`);
  }
  const tracked = runs.filter((r) => r.rssAt && Object.keys(r.rssAt).length > 1);
  if (tracked.length) {
    lines.push(
      '',
      '## Worker memory as records accumulate',
      '',
      'Resident set of the run\'s process at each multiple of 10,000 records stored: the median of the samples taken every',
      '100 ms while the 2,000 records before it were stored (the largest sample in brackets). One sample alone lands anywhere',
      'on the garbage collector\'s saw-tooth (the V8 old space here swings between ~50 and ~200 MB within 2,000 records).',
      '',
    );
    for (const r of tracked) {
      const pts = Object.entries(r.rssAt!).map(([k, v]) => [Number(k), v] as const).sort((a, b) => a[0] - b[0]);
      const first = pts[0]![1];
      const lastPt = pts.at(-1)!;
      const max = (k: number) => r.rssMaxAt?.[k];
      lines.push(
        `- ${r.config}, ${r.size} articles, round ${r.round}: ${pts.map(([k, v]) => `${k / 1000}k ${fmt(v / 2 ** 20, 0)} MB${max(k) ? ` (${fmt(max(k)! / 2 ** 20, 0)})` : ''}`).join(', ')}; ` +
          `${pts[0]![0] / 1000}k → ${lastPt[0] / 1000}k: ${lastPt[1] >= first ? '+' : ''}${fmt((100 * (lastPt[1] - first)) / first, 1)} %.`,
      );
    }
  }
  const at10k = ratios(10000, (r) => r.stored / r.seconds);
  lines.push('', `ratio pipeline/in-process: ${at10k.length ? fmt(median(at10k), 2) : 'n/a (no 10,000-article run)'}`);
  return `${lines.join('\n')}\n`;
}

async function profile(size: number, redis: Redis, redisUrl: string): Promise<void> {
  const command = `npm run bench:orchestration -- --profile ${size}`;
  const server = await startDemoPortals({ generated: Math.ceil(size / 4) });
  const sections: string[] = [
    '# Orchestration profile by stage',
    '',
    `Command: \`${command}\` (each configuration once under \`node --cpu-prof\`, summarised by bench/cpu-profile-summary.ts), run ${new Date().toISOString()}, load average ${fmt(loadavg()[0]!)}.`,
    '',
    'Self time of every sample is charged to the nearest frame on its stack that belongs to a known stage: work (cleaner,',
    'extractor, record schema), store (packages/storage, gzip, fs), queue client (bullmq, ioredis), fetch (crawler, undici),',
    'logging (pino); frames of none of these (promise jobs, timers, payload parsing, GC) are plumbing. Main thread only;',
    'the profile covers the whole process (start-up included). Sampled times are wall-clock gaps between samples, which a',
    'loaded machine inflates, so the last column spreads the CPU the run measured over the stages by their shares.',
    '',
  ];
  try {
    for (const config of ['pipeline', 'inprocess'] as Config[]) {
      const profDir = mkdtempSync(join(tmpdir(), 'provnews-prof-'));
      await redis.flushall();
      const dataDir = mkdtempSync(join(args['data-dir'], `provnews-orch-${config.replace(/[^\w-]/g, '_')}-`));
      const result = await runChild(specFor(config, server, redisUrl, dataDir), ['--cpu-prof', '--cpu-prof-dir', profDir]);
      rmSync(dataDir, { recursive: true, force: true });
      // One profile per thread: the main thread's name ends in its thread id 0.
      const files = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')).sort();
      if (files.length === 0) throw new Error(`no profile written for ${config}`);
      const main = files.filter((f) => /\.0\.\d+\.cpuprofile$/.test(f) || files.length === 1);
      const summary = mergeSummaries(files.map((f) => summariseProfile(join(profDir, f))));
      const cpuPerArticle = result.cpuMs / Math.max(1, result.stored);
      sections.push(
        `## ${config}: ${result.stored} articles in ${fmt(result.seconds)} s, ${fmt(cpuPerArticle, 2)} process CPU ms/article measured`,
        '',
        `All ${files.length} thread(s) of the process:`,
        '',
        formatProfile(summary, result.stored, cpuPerArticle),
        '',
      );
      if (files.length > 1 && main.length > 0) {
        sections.push('Main thread only (the event loop that runs the queues, the store and the crawler):', '', formatProfile(mergeSummaries(main.map((f) => summariseProfile(join(profDir, f)))), result.stored), '');
      }
      if (args['keep-profiles']) log(`profiles of ${config} kept in ${profDir}`);
      else rmSync(profDir, { recursive: true, force: true });
      log(`profiled ${config}`);
    }
  } finally {
    await server.close();
  }
  writeFileSync(resolve(root, args['profile-out']), sections.join('\n'));
  process.stdout.write(sections.join('\n'));
}

async function main(): Promise<void> {
  const sizes = args.sizes.split(',').map(Number);
  const roundsPerSize = args.rounds.split(',').map(Number);
  let configs = args.configs.split(',') as Config[];
  const notes: string[] = [];
  if (configs.includes('crawlee')) {
    const problem = ensureCrawlee();
    if (problem) {
      notes.push(`Crawlee not run: ${problem}.`);
      configs = configs.filter((c) => c !== 'crawlee');
    } else notes.push('Crawlee: @crawlee/cheerio from bench/crawlee/package-lock.json, CheerioCrawler with concurrency pinned at 8 (its autoscaling would throttle on a shared machine), its default storage under the run\'s data directory.');
  }
  // Every configuration creates two files per article; what that costs depends on the file system
  // (on one machine we saw 20 µs in one directory of a disk and 600 µs in another): said in the results.
  mkdirSync(args['data-dir'], { recursive: true });
  notes.push(`Stores under ${args['data-dir']}: creating a file there cost ${fmt(fileCreateMicros(args['data-dir']), 0)} µs of CPU (200 files created, written 4 KB, linked, unlinked, before the runs).`);
  const redisHandle = await startRedisServer();
  const redis = new Redis(redisHandle.url, { maxRetriesPerRequest: null });
  try {
    if (args.profile) return await profile(Number(args.profile), redis, redisHandle.url);
    const hand = await startDemoPortals({ generated: 0 });
    const handwritten = hand.portals.reduce((n, p) => n + p.articles.length, 0);
    await hand.close();
    const runs: Measured[] = [];
    let queuedJobBytes = NaN;
    const command = `npm run bench:orchestration -- ${process.argv.slice(2).join(' ')}`.trim();
    mkdirSync(dirname(args.out), { recursive: true });
    for (const [i, size] of sizes.entries()) {
      const rounds = roundsPerSize[i] ?? roundsPerSize.at(-1)!;
      const server = await startDemoPortals({ generated: Math.max(0, Math.ceil((size - handwritten) / 4)) });
      try {
        for (let round = 1; round <= rounds; round++) {
          const order = runOrder(configs, round);
          for (const config of order) {
            runs.push(await measure(config, server, redis, redisHandle.url, size, round));
            // Written after every run, so a run stopped early still leaves its figures.
            writeFileSync(args.out, report(runs, sizes, configs, [...notes, 'Partial: the run is still going or was stopped.'], NaN, command));
          }
        }
      } finally {
        await server.close();
      }
    }
    queuedJobBytes = await bytesPerQueuedJob(redis, redisHandle.url);
    const text = report(runs, sizes, configs, notes, queuedJobBytes, command);
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, text);
    process.stdout.write(text);
  } finally {
    await redis.quit();
    await redisHandle.stop();
  }
}

await main();
process.exit(0);
