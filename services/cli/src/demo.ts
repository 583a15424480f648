import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Worker } from 'bullmq';
import type { Env } from '@provnews/config';
import { portalSchema, type Portal } from '@provnews/crawler';
import { startDemoPortals, type DemoPortal, type DemoPortalsServer } from '@provnews/demo-portals';
import type { Logger } from '@provnews/logger';
import type { ArticleRecord } from '@provnews/record';
import { createContext, openSink, type AppContext } from '@provnews/runtime';
import { JsonlSink, type Sink } from '@provnews/storage';
import { deleteKeysUnder, type RedisHandle } from '@provnews/redis-local';
import { listFailed, type FailedJobView } from '@provnews/ops';
import { pendingJobs, startPipeline } from './pipeline.ts';

/**
 * The registry entry of a demo portal: local (loopback allowed), quick politeness for a demo, a
 * page budget that reaches all its articles (the list, or just their number) in one run.
 */
export function demoPortalEntry(
  p: Pick<DemoPortal, 'id' | 'name' | 'province' | 'baseUrl' | 'articleUrlPattern'> & { articles: readonly unknown[] | number },
  hostDelayMs: number,
): Portal {
  const articleCount = typeof p.articles === 'number' ? p.articles : p.articles.length;
  return portalSchema.parse({
    id: p.id,
    name: p.name,
    province: p.province,
    baseUrl: p.baseUrl,
    local: true,
    articleUrls: { include: [p.articleUrlPattern] },
    politeness: { hostDelayMs },
    // Every demo article must be reached in one run, generated ones included.
    maxPages: Math.max(200, articleCount * 2),
  });
}

export interface DemoSummary {
  outputPath: string;
  expected: number;
  stored: number;
  perPortal: { portal: string; name: string; expected: number; stored: number; officials: number }[];
  officials: number;
  failures: FailedJobView[];
  seconds: number;
  complete: boolean;
}

export interface DemoRunOptions {
  env: Env;
  log: Logger;
  /** An existing Redis (tests); resolved from the environment otherwise. */
  redisHandle?: RedisHandle;
  /** Demo portals already running (tests re-run against the same ones); started and stopped here otherwise. */
  server?: DemoPortalsServer;
  /** Generated articles per portal on top of the hand-written ones. */
  generated?: number;
  /** Queue prefix; unique per run by default so runs never see each other's state. */
  prefix?: string;
  /** Records file; `<data dir>/demo/<run id>/records.jsonl` by default. */
  outputPath?: string;
  /** Give up after this long (ms). */
  timeoutMs?: number;
  hostDelayMs?: number;
  /** Keep the queues after the run (tests inspect them; the CLI removes them). */
  keepQueues?: boolean;
  onProgress?: (stored: number, expected: number, pending: number) => void;
}

/**
 * The offline main job: serve the demo portals on loopback, run the whole pipeline on them
 * until every demo article is stored (or nothing is left to do), and summarise.
 */
export async function runDemo(opts: DemoRunOptions): Promise<DemoSummary> {
  const started = Date.now();
  const runId = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(2).toString('hex')}`;
  const server = opts.server ?? (await startDemoPortals({ generated: opts.generated ?? 0 }));
  // JSON Lines: a file per run; with PROVNEWS_SINK=postgres|pglite the records go to that database.
  const sink: Sink =
    opts.env.PROVNEWS_SINK === 'jsonl' || opts.outputPath
      ? new JsonlSink(opts.outputPath ?? join(opts.env.PROVNEWS_DATA_DIR, 'demo', runId, 'records.jsonl'))
      : await openSink(opts.env);
  const outputPath = sink.description.replace(/^jsonl:/, '');
  const prefix = opts.prefix ?? `provnews-demo-${runId}`;
  let ctx: AppContext | null = null;
  let workers: Worker[] = [];
  try {
    ctx = await createContext(opts.env, opts.log, {
      sink,
      prefix,
      ...(opts.redisHandle ? { redisHandle: opts.redisHandle } : {}),
    });
    const portals = server.portals.map((p) => demoPortalEntry(p, opts.hostDelayMs ?? 150));
    workers = startPipeline(ctx, portals);
    const expected = server.portals.reduce((n, p) => n + p.articles.length, 0);
    for (const p of portals) await ctx.queues.enqueue('crawl', { url: p.baseUrl, portal: p.id, kind: 'portal', force: true, runId });

    const deadline = Date.now() + (opts.timeoutMs ?? 110_000);
    let idleSince: number | null = null;
    for (;;) {
      const stored = await sink.count();
      const pending = await pendingJobs(ctx);
      opts.onProgress?.(stored, expected, pending);
      if (stored >= expected && pending === 0) break;
      // Nothing left in any queue for a moment: whatever is missing has failed (reported below).
      if (pending === 0) {
        idleSince ??= Date.now();
        if (Date.now() - idleSince > 1500) break;
      } else idleSince = null;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }

    const records = await sink.all();
    const failures = (await listFailed(ctx.queues, { limit: 200 })).jobs.map((f) => f.view);
    const perPortal = server.portals.map((p) => {
      const mine = records.filter((r: ArticleRecord) => r.portal === p.id);
      return { portal: p.id, name: p.name, expected: p.articles.length, stored: mine.length, officials: mine.reduce((n, r) => n + r.officials.length, 0) };
    });
    const stored = records.length;
    return {
      outputPath,
      expected,
      stored,
      perPortal,
      officials: perPortal.reduce((n, p) => n + p.officials, 0),
      failures,
      seconds: (Date.now() - started) / 1000,
      complete: stored >= expected,
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    if (ctx) {
      if (!opts.keepQueues) {
        await ctx.queues.obliterate().catch(() => undefined);
        // Everything else the run wrote under its prefix (frontier, robots cache, host leases, stats):
        // the demo leaves nothing behind in the user's Redis, with or without an expiry.
        await deleteKeysUnder(ctx.redis, prefix).catch(() => undefined);
      }
      await ctx.close();
    }
    if (!opts.server) await server.close();
  }
}

/**
 * A progress bar when stdout and stderr are terminals; otherwise (CI logs, pipes) a plain line on
 * stderr every few seconds, so a long run visibly moves.
 */
export function demoProgress(out: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr, everyMs = 3000): (stored: number, expected: number, pending: number) => void {
  if (out.isTTY && process.stdout.isTTY) {
    const bar = new SingleBar({ format: 'demo |{bar}| {value}/{total} articles stored | {pending} jobs pending', stream: out, hideCursor: true });
    let startedBar = false;
    return (stored, expected, pending) => {
      if (!startedBar) {
        bar.start(expected, 0, { pending });
        startedBar = true;
      }
      bar.update(stored, { pending });
      if (stored >= expected && pending === 0) bar.stop();
    };
  }
  const started = Date.now();
  let last = 0;
  return (stored, expected, pending) => {
    const done = stored >= expected && pending === 0;
    if (Date.now() - last < everyMs && !done) return;
    last = Date.now();
    out.write(`demo: ${stored}/${expected} articles stored, ${pending} jobs pending (${Math.round((Date.now() - started) / 1000)} s)\n`);
  };
}

/** The summary printed at the end of `provnews demo`. */
export function formatDemoSummary(s: DemoSummary): string {
  const lines = [
    '',
    `provnews demo: ${s.stored}/${s.expected} articles stored in ${s.seconds.toFixed(1)} s, ${s.officials} officials found, ${s.failures.length} failed jobs`,
    '',
    ...s.perPortal.map((p) => `  ${p.portal.padEnd(18)} ${p.name.padEnd(36)} ${String(p.stored).padStart(4)}/${p.expected} articles  ${String(p.officials).padStart(4)} officials`),
  ];
  if (s.failures.length) {
    lines.push('', 'failures:');
    for (const f of s.failures.slice(0, 20)) lines.push(`  [${f.reason}] ${f.queue} ${f.url ?? ''}`);
  }
  lines.push('', `records: ${s.outputPath}`);
  return lines.join('\n');
}
