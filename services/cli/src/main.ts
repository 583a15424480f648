import { Command, InvalidArgumentError, Option } from 'commander';
import { describeEnv, type Env } from '@provnews/config';
import type { Portal } from '@provnews/crawler';
import type { QueueName } from '@provnews/queues';
import type { AppContext } from '@provnews/runtime';

// Each command loads the packages it needs when it runs, so `provnews --version`, `--help` and the
// Redis-only commands do not pay for the cleaner, the extractor, the dashboard or the crawler.
const load = {
  cleaner: () => import('@provnews/cleaner'),
  crawler: () => import('@provnews/crawler'),
  dashboard: () => import('@provnews/dashboard'),
  extractor: () => import('@provnews/extractor'),
  logger: () => import('@provnews/logger'),
  queues: () => import('@provnews/queues'),
  record: () => import('@provnews/record'),
  runtime: () => import('@provnews/runtime'),
  cleanFormat: () => import('./clean-format.ts'),
  demo: () => import('./demo.ts'),
  input: () => import('./input.ts'),
  ops: () => import('./ops.ts'),
  pipeline: () => import('./pipeline.ts'),
};

const program = new Command('provnews')
  .description("Turn Vietnam's provincial news portals into structured data: crawl → clean → extract → store.")
  .version('0.1.0')
  .showHelpAfterError()
  .addHelpText('after', `\nEnvironment (defaults):\n${describeEnv().map((v) => `  ${v.name.padEnd(24)} ${v.default}`).join('\n')}\n`);

/** `--queue` values are checked against the catalog when the command runs (loading it needs BullMQ). */
function queueName(value: string): QueueName {
  return value as QueueName;
}

async function checkQueue(value: QueueName | undefined): Promise<void> {
  const { QUEUE_NAMES } = await load.queues();
  if (value !== undefined && !QUEUE_NAMES.includes(value)) throw new InvalidArgumentError(`--queue: expected one of ${QUEUE_NAMES.join(', ')}`);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

async function registry(env: Env): Promise<Portal[]> {
  const { loadRegistry } = await load.crawler();
  return loadRegistry(env.PROVNEWS_REGISTRY);
}

/** Runs `fn` with a context (Redis, stores), closing it afterwards; start-up errors print one line. */
async function withContext<T>(service: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { createContext, exitOnStartupError, loadEnvOrExit, processLogger } = await load.runtime();
  const env = loadEnvOrExit();
  const log = processLogger(service, env);
  let ctx: AppContext;
  try {
    ctx = await createContext(env, log);
  } catch (err) {
    return exitOnStartupError(err);
  }
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function inputOptions(env: Env) {
  return { userAgent: env.CRAWL_USER_AGENT, timeoutMs: env.CRAWL_TIMEOUT_MS, maxBodyBytes: env.CRAWL_MAX_BODY_BYTES, allowPrivate: true };
}

program
  .command('extract')
  .description('clean + extract one saved page (HTML or text, detected) or URL in-process and print the record as JSON; no Redis needed')
  .argument('<input>', 'file path or http(s) URL')
  .option('--portal <id>', 'portal id from the registry (gives selector hints and the province prior)')
  .addOption(new Option('--mode <mode>', 'force the input mode').choices(['html', 'text']))
  .option('--compact', 'one-line JSON')
  .action(async (input: string, o: { portal?: string; mode?: 'html' | 'text'; compact?: boolean }) => {
    const [{ loadEnvOrExit }, { extractFromPage }, { readPageInput }] = await Promise.all([load.runtime(), load.extractor(), load.input()]);
    const env = loadEnvOrExit();
    const portal = o.portal ? (await registry(env)).find((p) => p.id === o.portal) : undefined;
    if (o.portal && !portal) throw new InvalidArgumentError(`unknown portal ${o.portal}`);
    const page = await readPageInput(input, inputOptions(env));
    const { record } = extractFromPage(page.text, {
      url: page.url,
      portal: portal ? { id: portal.id, province: portal.province } : null,
      fetchedAt: new Date().toISOString(),
      ...(portal?.hints ? { hints: portal.hints } : {}),
      ...(o.mode ? { mode: o.mode } : {}),
    });
    process.stdout.write(`${JSON.stringify(record, null, o.compact ? 0 : 2)}\n`);
  });

program
  .command('clean')
  .description("print the cleaner's output for a file or URL: title, text, captions, and every removal with its rule")
  .argument('<input>', 'file path or http(s) URL')
  .option('--json', 'print the CleanResult as JSON')
  .option('--portal <id>', 'use this portal\'s selector hints')
  .addOption(new Option('--mode <mode>', 'force the input mode').choices(['html', 'text']))
  .action(async (input: string, o: { json?: boolean; portal?: string; mode?: 'html' | 'text' }) => {
    const [{ loadEnvOrExit }, { clean }, { readPageInput }, { formatClean }] = await Promise.all([load.runtime(), load.cleaner(), load.input(), load.cleanFormat()]);
    const env = loadEnvOrExit();
    const portal = o.portal ? (await registry(env)).find((p) => p.id === o.portal) : undefined;
    const page = await readPageInput(input, inputOptions(env));
    const result = clean(page.text, { url: page.url, ...(portal?.hints ? { hints: portal.hints } : {}), ...(o.mode ? { mode: o.mode } : {}) });
    process.stdout.write(`${o.json ? JSON.stringify(result, null, 2) : formatClean(result)}\n`);
  });

program
  .command('run')
  .description('start the crawler, cleaner and extractor workers in one process and keep the portal schedules in sync (Ctrl-C drains and stops)')
  .option('--no-schedule', 'do not sync the registry schedules at start-up')
  .option('--dashboard [port]', 'also serve the queue dashboard (default port 3000)')
  .action(async (o: { schedule: boolean; dashboard?: string | true }) => {
    const { createContext, exitOnStartupError, installShutdown, loadEnvOrExit, processLogger } = await load.runtime();
    const [{ closeFetchAgents, syncSchedules }, { startPipeline }] = await Promise.all([load.crawler(), load.pipeline()]);
    const env = loadEnvOrExit();
    const log = processLogger('provnews', env);
    try {
      const portals = await registry(env);
      const ctx = await createContext(env, log);
      if (o.schedule) {
        const sync = await syncSchedules(ctx.queues.get('crawl'), portals);
        log.info({ added: sync.added.length, updated: sync.updated.length, removed: sync.removed.length }, 'schedules synced');
      }
      const workers = startPipeline(ctx, portals);
      const dashboard = o.dashboard ? await (await load.dashboard()).startDashboard({ queues: ctx.queues, port: o.dashboard === true ? 3000 : Number(o.dashboard) }) : null;
      log.info({ portals: portals.length, sink: ctx.sink.description, dashboard: dashboard?.url }, 'pipeline running; Ctrl-C to stop');
      installShutdown(
        log,
        env.SHUTDOWN_GRACE_SECONDS,
        async () => void (await Promise.all(workers.map((w) => w.close()))),
        async () => {
          await dashboard?.close();
          await closeFetchAgents();
          await ctx.close();
        },
      );
    } catch (err) {
      exitOnStartupError(err);
    }
  });

program
  .command('crawl')
  .description('enqueue pages for the running pipeline (`provnews run`)')
  .argument('<url...>', 'article (or listing with --kind) URLs')
  .option('--portal <id>', 'portal the URLs belong to')
  .addOption(new Option('--kind <kind>', 'what the URLs are').choices(['article', 'listing', 'feed', 'sitemap', 'home', 'portal']).default('article'))
  .option('--force', 'refetch even if seen before')
  .action(async (urls: string[], o: { portal?: string; kind: 'article'; force?: boolean }) => {
    await withContext('cli', async (ctx) => {
      for (const url of urls) {
        const job = await ctx.queues.enqueue('crawl', { url, portal: o.portal ?? null, kind: o.kind, force: o.force ?? false });
        process.stdout.write(`queued crawl job ${job.id} ${url}\n`);
      }
    });
  });

program
  .command('status')
  .description('job counts per queue and the next scheduled runs')
  .option('--json', 'machine-readable output')
  .action(async (o: { json?: boolean }) => {
    await withContext('cli', async (ctx) => {
      const [{ listSchedules }, { formatCounts }, { readRedisInstanceState, readStalledCounts }] = await Promise.all([load.crawler(), load.ops(), load.runtime()]);
      const counts = await ctx.queues.counts();
      const schedules = await listSchedules(ctx.queues.get('crawl'));
      const redis = { ...(await readRedisInstanceState(ctx.redis, ctx.prefix)), stalled: await readStalledCounts(ctx.redis, ctx.prefix) };
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ counts, schedules, redis }, null, 2)}\n`);
        return;
      }
      const wiped = redis.wiped ? `\nREDIS WAS WIPED at ${redis.wiped.at} (instance ${redis.wiped.previous} lost): in-flight jobs are gone, replay them\n` : '';
      const stalled = Object.entries(redis.stalled).map(([q, n]) => `${q} ${n}`).join(', ');
      process.stdout.write(`${formatCounts(counts)}\n\n${schedules.length} portal schedules; records: ${ctx.sink.description}\nstalled jobs recovered: ${stalled || 'none'}\n${wiped}`);
    });
  });

const schedule = program.command('schedule').description('portal crawl schedules (one BullMQ job scheduler per portal)');
schedule
  .command('sync')
  .description('add, update and remove schedulers to match the registry file (idempotent)')
  .action(async () => {
    await withContext('cli', async (ctx) => {
      const { syncSchedules } = await load.crawler();
      const r = await syncSchedules(ctx.queues.get('crawl'), await registry(ctx.env));
      process.stdout.write(`added ${r.added.length}, updated ${r.updated.length}, removed ${r.removed.length}, unchanged ${r.unchanged.length}\n`);
      for (const [k, ids] of Object.entries(r)) for (const id of ids as string[]) process.stdout.write(`  ${k.padEnd(9)} ${id}\n`);
    });
  });
schedule
  .command('list')
  .description("each portal's cron pattern and next run")
  .action(async () => {
    await withContext('cli', async (ctx) => {
      const { listSchedules } = await load.crawler();
      const rows = await listSchedules(ctx.queues.get('crawl'));
      if (rows.length === 0) process.stdout.write('no schedules; run `provnews schedule sync`\n');
      for (const r of rows) process.stdout.write(`${r.portal.padEnd(22)} ${r.pattern.padEnd(16)} ${r.tz}  next: ${r.next ? r.next.toISOString() : '-'}\n`);
    });
  });

program
  .command('failed')
  .description('list failed jobs with their reason codes')
  .option('--queue <name>', 'crawl | clean | extract', queueName)
  .option('--reason <code>', 'only this reason (e.g. http-404, robots-disallow, no-article)')
  .option('--portal <id>', 'only this portal')
  .option('--limit <n>', 'at most n jobs', positiveInt, 50)
  .option('--json', 'machine-readable output')
  .action(async (o: { queue?: QueueName; reason?: string; portal?: string; limit: number; json?: boolean }) => {
    await checkQueue(o.queue);
    const { listFailed } = await load.ops();
    await withContext('cli', async (ctx) => {
      const rows = (await listFailed(ctx.queues, o)).map((r) => r.view);
      if (o.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else for (const r of rows) process.stdout.write(`${r.queue.padEnd(8)} ${r.id.padEnd(24)} [${r.reason}] ${r.url ?? ''}\n    ${r.message}\n`);
      if (!o.json) process.stdout.write(`${rows.length} failed jobs\n`);
    });
  });

program
  .command('replay')
  .description('move failed jobs back to the queue (same payload; snapshots mean no refetch for clean/extract)')
  .option('--queue <name>', 'crawl | clean | extract', queueName)
  .option('--reason <code>', 'only failures with this reason code')
  .option('--portal <id>', 'only this portal')
  .option('--id <jobId>', 'one job')
  .option('--limit <n>', 'at most n jobs', positiveInt, 1000)
  .action(async (o: { queue?: QueueName; reason?: string; portal?: string; id?: string; limit: number }) => {
    await checkQueue(o.queue);
    const { replayFailed } = await load.ops();
    await withContext('cli', async (ctx) => {
      const replayed = await replayFailed(ctx.queues, o);
      process.stdout.write(`replayed ${replayed.length} jobs\n`);
    });
  });

program
  .command('demo')
  .description('offline main job: serve demo portals on loopback, crawl → clean → extract → store them all, print a summary')
  .option('--generated <n>', 'extra generated articles per portal', positiveInt, 0)
  .option('--timeout <seconds>', 'give up after this long', positiveInt, 110)
  .action(async (o: { generated: number; timeout: number }) => {
    const [{ exitOnStartupError, loadEnvOrExit }, { createLogger }, { demoProgress, formatDemoSummary, runDemo }] = await Promise.all([
      load.runtime(),
      load.logger(),
      load.demo(),
    ]);
    const env = loadEnvOrExit();
    // The demo shows a progress bar; keep worker logs to warnings unless asked otherwise.
    const log = createLogger('demo', { level: process.env.LOG_LEVEL ? env.LOG_LEVEL : 'warn', format: env.LOG_FORMAT });
    try {
      const summary = await runDemo({ env, log, generated: o.generated, timeoutMs: o.timeout * 1000, onProgress: demoProgress(log) });
      process.stdout.write(`${formatDemoSummary(summary)}\n`);
      process.exit(summary.complete ? 0 : 1);
    } catch (err) {
      exitOnStartupError(err);
    }
  });

program
  .command('dashboard')
  .description('serve the queue dashboard (bull-board: browse, retry, remove jobs) and Prometheus /metrics')
  .option('--port <port>', 'port to listen on', positiveInt, 3000)
  .option('--host <host>', 'interface to bind (0.0.0.0 to expose it)', '127.0.0.1')
  .action(async (o: { port: number; host: string }) => {
    const { createContext, exitOnStartupError, installShutdown, loadEnvOrExit, processLogger } = await load.runtime();
    const { startDashboard } = await load.dashboard();
    const env = loadEnvOrExit();
    const log = processLogger('dashboard', env);
    try {
      const ctx = await createContext(env, log);
      const dashboard = await startDashboard({ queues: ctx.queues, port: o.port, host: o.host });
      log.info({ url: dashboard.url }, 'dashboard listening; Ctrl-C to stop');
      process.stdout.write(`dashboard: ${dashboard.url}   metrics: ${dashboard.url}/metrics\n`);
      installShutdown(log, 1, () => dashboard.close(), () => ctx.close());
    } catch (err) {
      exitOnStartupError(err);
    }
  });

program
  .command('portals')
  .description('validate the registry file and list its portals')
  .action(async () => {
    const { exitOnStartupError, loadEnvOrExit } = await load.runtime();
    const { defaultRegistryPath } = await load.crawler();
    const env = loadEnvOrExit();
    try {
      const portals = await registry(env);
      for (const p of portals) process.stdout.write(`${p.id.padEnd(22)} ${p.province.padEnd(14)} ${p.baseUrl}\n`);
      process.stdout.write(`${portals.length} portals in ${env.PROVNEWS_REGISTRY ?? defaultRegistryPath()}\n`);
    } catch (err) {
      exitOnStartupError(err);
    }
  });

program
  .command('health')
  .description('exit 0 when a worker service is healthy: its heartbeat file (PROVNEWS_HEALTH_FILE) was written recently (container healthchecks)')
  .option('--file <path>', 'heartbeat file (default: PROVNEWS_HEALTH_FILE)')
  .option('--max-age <seconds>', 'oldest acceptable heartbeat', positiveInt, 30)
  .action(async (o: { file?: string; maxAge: number }) => {
    const file = o.file ?? process.env.PROVNEWS_HEALTH_FILE;
    if (!file) throw new InvalidArgumentError('--file or PROVNEWS_HEALTH_FILE is required');
    const { heartbeatFresh } = await load.runtime();
    const fresh = await heartbeatFresh(file, o.maxAge * 1000);
    process.stdout.write(fresh ? 'healthy\n' : `unhealthy: no heartbeat in ${file} within ${o.maxAge} s\n`);
    process.exit(fresh ? 0 : 1);
  });

program
  .command('schema')
  .description('print the JSON Schema of the article record (schema v1)')
  .action(async () => {
    const { articleRecordJsonSchema } = await load.record();
    process.stdout.write(`${JSON.stringify(articleRecordJsonSchema(), null, 2)}\n`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`provnews: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
