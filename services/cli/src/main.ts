import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { describeEnv, type Env } from '@provnews/config';
import type { Portal } from '@provnews/crawler';
import type { BulkResult, FailedFilter } from '@provnews/ops';
import type { QueueName } from '@provnews/queues';
import type { AppContext } from '@provnews/runtime';
import { formatClean } from './clean-format.ts';
import { formatCounts } from './format.ts';

// Each command loads the packages it needs when it runs, so `provnews --help` and `provnews <cmd>
// --help` do not pay for BullMQ, the cleaner, the extractor, the crawler or the dashboard (each
// 0.2–1 s to load). Only commander and @provnews/config (the help text's environment list) load up front.
const load = {
  cleaner: () => import('@provnews/cleaner'),
  crawler: () => import('@provnews/crawler'),
  dashboard: () => import('@provnews/dashboard'),
  extractor: () => import('@provnews/extractor'),
  logger: () => import('@provnews/logger'),
  ops: () => import('@provnews/ops'),
  queues: () => import('@provnews/queues'),
  record: () => import('@provnews/record'),
  runtime: () => import('@provnews/runtime'),
  demo: () => import('./demo.ts'),
  input: () => import('./input.ts'),
  pipeline: () => import('./pipeline.ts'),
};

// `provnews failed --json | head`: a closed pipe ends the output, not in a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('provnews')
  .description("Turn Vietnam's provincial news portals into structured data: crawl → clean → extract → store.")
  .version(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version)
  .showHelpAfterError()
  .addHelpText('after', `\nEnvironment (defaults):\n${describeEnv().map((v) => `  ${v.name.padEnd(24)} ${v.default}`).join('\n')}\n`);

/**
 * Options whose check needs a package: while parsing they keep the typed string (so `--help` loads
 * nothing), and before the action runs this hook loads the package and puts the checked value in,
 * failing like a commander argument parser would (same message, then the help).
 */
const checkedBeforeAction = new WeakMap<Option, (value: string) => Promise<unknown>>();

function checkedOption(flags: string, description: string, check: (value: string) => Promise<unknown>): Option {
  const option = new Option(flags, description);
  checkedBeforeAction.set(option, check);
  return option;
}

program.hook('preAction', async (_program, command) => {
  for (const option of command.options) {
    const check = checkedBeforeAction.get(option);
    const key = option.attributeName();
    const raw: unknown = command.getOptionValue(key);
    if (!check || typeof raw !== 'string') continue;
    try {
      command.setOptionValueWithSource(key, await check(raw), command.getOptionValueSource(key) ?? 'cli');
    } catch (err) {
      if (!(err instanceof InvalidArgumentError)) throw err;
      command.error(`error: option '${option.flags}' argument '${raw}' is invalid. ${err.message}`, { exitCode: err.exitCode, code: err.code });
    }
  }
});

async function queueName(value: string): Promise<QueueName> {
  const { QUEUE_NAMES } = await load.queues();
  if (!(QUEUE_NAMES as string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${QUEUE_NAMES.join(', ')}`);
  return value as QueueName;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

async function registry(env: Env): Promise<Portal[]> {
  const { defaultRegistryPath, loadRegistry } = await load.crawler();
  const path = env.PROVNEWS_REGISTRY ?? defaultRegistryPath();
  try {
    return await loadRegistry(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const e = new Error(`portal registry file not found: ${path} (set PROVNEWS_REGISTRY to your registry, or see config/portals.yaml)`);
    e.name = 'RegistryError';
    throw e;
  }
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

/** Reports one input that could not be read (reason first) and marks the exit code; the other inputs go on. */
function inputFailed(input: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`provnews: ${input}: ${/^\[[a-z0-9-]+\] /.test(message) ? message : `[error] ${message}`}\n`);
  process.exitCode = 1;
}

program
  .command('extract')
  .description('clean + extract saved pages (HTML or text, detected), directories of them, or URLs in-process and print the records as JSON (JSON Lines for several); no Redis needed')
  .argument('<inputs...>', 'file paths, directories (their .html/.htm/.txt files) or http(s) URLs')
  .option('--portal <id>', 'portal id from the registry (gives selector hints and the province prior)')
  .addOption(new Option('--mode <mode>', 'force the input mode').choices(['html', 'text']))
  .option('--compact', 'one-line JSON')
  .action(async (inputs: string[], o: { portal?: string; mode?: 'html' | 'text'; compact?: boolean }) => {
    const [{ loadEnvOrExit }, { expandInputs, readPageInput }, { extractFromPage }] = await Promise.all([load.runtime(), load.input(), load.extractor()]);
    const env = loadEnvOrExit();
    const portal = o.portal ? (await registry(env)).find((p) => p.id === o.portal) : undefined;
    if (o.portal && !portal) throw new InvalidArgumentError(`unknown portal ${o.portal}`);
    const files = await expandInputs(inputs);
    const lines = files.length !== 1 || inputs.length !== 1 || files[0] !== inputs[0] || o.compact;
    if (files.length === 0) inputFailed(inputs.join(' '), new Error('[empty] no page files found'));
    for (const input of files) {
      try {
        const page = await readPageInput(input, inputOptions(env));
        const { record } = extractFromPage(page.text, {
          url: page.url,
          portal: portal ? { id: portal.id, province: portal.province } : null,
          fetchedAt: new Date().toISOString(),
          ...(portal?.hints ? { hints: portal.hints } : {}),
          ...(o.mode ? { mode: o.mode } : {}),
        });
        process.stdout.write(`${JSON.stringify(record, null, lines ? 0 : 2)}\n`);
      } catch (err) {
        inputFailed(input, err);
      }
    }
  });

program
  .command('clean')
  .description("print the cleaner's output for files, directories or URLs: title, text, captions, and every removal with its rule (JSON Lines with --json or several inputs)")
  .argument('<inputs...>', 'file paths, directories or http(s) URLs')
  .option('--json', 'print the CleanResult as JSON')
  .option('--portal <id>', 'use this portal\'s selector hints')
  .addOption(new Option('--mode <mode>', 'force the input mode').choices(['html', 'text']))
  .action(async (inputs: string[], o: { json?: boolean; portal?: string; mode?: 'html' | 'text' }) => {
    const [{ loadEnvOrExit }, { expandInputs, readPageInput }, { clean }] = await Promise.all([load.runtime(), load.input(), load.cleaner()]);
    const env = loadEnvOrExit();
    const portal = o.portal ? (await registry(env)).find((p) => p.id === o.portal) : undefined;
    if (o.portal && !portal) throw new InvalidArgumentError(`unknown portal ${o.portal}`);
    const files = await expandInputs(inputs);
    const many = files.length !== 1 || inputs.length !== 1 || files[0] !== inputs[0];
    if (files.length === 0) inputFailed(inputs.join(' '), new Error('[empty] no page files found'));
    for (const input of files) {
      try {
        const page = await readPageInput(input, inputOptions(env));
        const result = clean(page.text, { url: page.url, ...(portal?.hints ? { hints: portal.hints } : {}), ...(o.mode ? { mode: o.mode } : {}) });
        if (many) process.stdout.write(`${JSON.stringify({ input, ...result })}\n`);
        else process.stdout.write(`${o.json ? JSON.stringify(result, null, 2) : formatClean(result)}\n`);
      } catch (err) {
        inputFailed(input, err);
      }
    }
  });

program
  .command('run')
  .description('start the crawler, cleaner and extractor workers in one process and keep the portal schedules in sync (Ctrl-C drains and stops)')
  .option('--no-schedule', 'do not sync the registry schedules at start-up')
  .option('--dashboard [port]', 'also serve the queue dashboard (default port 3000)')
  .action(async (o: { schedule: boolean; dashboard?: string | true }) => {
    const { createContext, exitOnStartupError, installShutdown, loadEnvOrExit, processLogger, watchRedis } = await load.runtime();
    const env = loadEnvOrExit();
    const log = processLogger('provnews', env);
    try {
      const portals = await registry(env);
      const [{ closeFetchAgents, syncSchedules }, { startPipeline }] = await Promise.all([load.crawler(), load.pipeline()]);
      const ctx = await createContext(env, log);
      const resync = async (why: string): Promise<void> => {
        if (!o.schedule) return;
        const sync = await syncSchedules(ctx.queues.get('crawl'), portals);
        log.info({ why, added: sync.added.length, updated: sync.updated.length, removed: sync.removed.length }, 'schedules synced');
      };
      await resync('start');
      // Like the crawler service: warn about a Redis that may lose data, notice a wiped one (start,
      // reconnects, every 30 s) and put the schedules back when it was.
      const stopWatching = await watchRedis(ctx.redis, ctx.prefix, env.PROVNEWS_DATA_DIR, log, () => resync('redis-wiped'), 'run');
      ctx.redis.on('ready', () => {
        resync('reconnect').catch((err: Error) => log.warn({ err: err.message }, 'cannot re-sync schedules'));
      });
      const workers = startPipeline(ctx, portals);
      const dashboard = o.dashboard ? await (await load.dashboard()).serveDashboard(ctx, portals, { port: o.dashboard === true ? 3000 : Number(o.dashboard) }) : null;
      log.info({ portals: portals.length, sink: ctx.sink.description, dashboard: dashboard?.url }, 'pipeline running; Ctrl-C to stop');
      installShutdown(
        log,
        env.SHUTDOWN_GRACE_SECONDS,
        async () => void (await Promise.all(workers.map((w) => w.close()))),
        async () => {
          stopWatching();
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
  .description('start a portal run now (`crawl --portal <id>`), or enqueue pages for the running pipeline (`provnews run`)')
  .argument('[url...]', 'article (or listing with --kind) URLs; none with --portal starts a whole portal run')
  .option('--portal <id>', 'portal the URLs belong to; alone, crawl that portal now')
  .addOption(new Option('--kind <kind>', 'what the URLs are').choices(['article', 'listing', 'feed', 'sitemap', 'home', 'portal']).default('article'))
  .option('--force', 'refetch even if seen before')
  .option('--json', 'machine-readable output')
  .action(async (urls: string[], o: { portal?: string; kind: 'article'; force?: boolean; json?: boolean }) => {
    const [{ exitOnStartupError, loadEnvOrExit }, { canonicalizeUrl, Frontier }, { localTime }] = await Promise.all([load.runtime(), load.crawler(), load.ops()]);
    const env = loadEnvOrExit();
    let portal: Portal | undefined;
    if (o.portal) {
      portal = (await registry(env).catch((err: unknown) => exitOnStartupError(err))).find((p) => p.id === o.portal);
      if (!portal) throw new InvalidArgumentError(`unknown portal "${o.portal}" (see \`provnews portals\`)`);
      if (!portal.enabled) throw new InvalidArgumentError(`portal "${o.portal}" is disabled in the registry`);
    }
    if (!urls.length && !portal) throw new InvalidArgumentError('give URLs to crawl, or --portal <id> to crawl a whole portal now');
    await withContext('cli', async (ctx) => {
      const out: { url: string; status: 'queued' | 'skipped-seen'; jobId?: string; runId?: string; fetchedAt?: string }[] = [];
      if (!urls.length && portal) {
        const runId = `${portal.id}-now-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
        const job = await ctx.queues.enqueue('crawl', { url: portal.baseUrl, portal: portal.id, kind: 'portal', force: true, runId });
        out.push({ url: portal.baseUrl, status: 'queued', jobId: String(job.id), runId });
      }
      const frontier = new Frontier(ctx.redis, ctx.prefix);
      for (const url of urls) {
        const canonical = canonicalizeUrl(url);
        if (!canonical) throw new InvalidArgumentError(`not a crawlable URL: ${url}`);
        // The crawler skips an article it has fetched before unless forced: say so instead of "queued".
        const seen = o.kind === 'article' && !o.force ? await frontier.state(canonical) : null;
        if (seen) {
          out.push({ url, status: 'skipped-seen', fetchedAt: seen.fetchedAt });
          continue;
        }
        const job = await ctx.queues.enqueue('crawl', { url, portal: o.portal ?? null, kind: o.kind, force: o.force ?? false });
        out.push({ url, status: 'queued', jobId: String(job.id) });
      }
      if (o.json) process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      else {
        for (const r of out) {
          if (r.status === 'queued') process.stdout.write(`queued crawl job ${r.jobId} ${r.url}${r.runId ? ` (portal run ${r.runId}; a worker must be running: \`provnews run\`)` : ''}\n`);
          else process.stdout.write(`skipped ${r.url}: already fetched ${r.fetchedAt ? localTime(new Date(r.fetchedAt)) : ''}; --force to fetch it again\n`);
        }
      }
    });
  });

/** Each portal schedule with its next run in local time and relative, and its last run's outcome. */
async function scheduleRows(ctx: AppContext) {
  const [{ listSchedules }, { localTime, relativeTime, runStats }, { statsKeys }] = await Promise.all([load.crawler(), load.ops(), load.runtime()]);
  const rows = await listSchedules(ctx.queues.get('crawl'));
  const lastRuns = await ctx.redis.hgetall(statsKeys(ctx.prefix).lastRun);
  return Promise.all(
    rows.map(async (r) => {
      const runId = lastRuns[r.portal];
      const last = runId ? await runStats(ctx.redis, ctx.prefix, r.portal, runId) : null;
      return {
        portal: r.portal,
        cron: r.pattern,
        tz: r.tz,
        next: r.next ? r.next.toISOString() : null,
        nextLocal: r.next ? localTime(r.next) : null,
        nextRelative: r.next ? relativeTime(r.next) : null,
        lastRun: last,
      };
    }),
  );
}

function formatScheduleRow(r: Awaited<ReturnType<typeof scheduleRows>>[number], localTime: (d: Date) => string): string {
  const last = r.lastRun
    ? `last: ${r.lastRun.start ? localTime(new Date(r.lastRun.start)) : '?'} fetched ${r.lastRun.fetched}, stored ${r.lastRun.stored}, failed ${r.lastRun.failed}`
    : 'last: never';
  return `${r.portal.padEnd(22)} ${r.cron.padEnd(16)} next: ${r.nextLocal ?? '-'} (${r.nextRelative ?? '-'})  ${last}`;
}

program
  .command('status')
  .description('job counts per queue and the next scheduled runs')
  .option('--json', 'machine-readable output')
  .action(async (o: { json?: boolean }) => {
    const [{ readRedisInstanceState, readStalledCounts }, { localTime }] = await Promise.all([load.runtime(), load.ops()]);
    await withContext('cli', async (ctx) => {
      const counts = await ctx.queues.counts();
      const schedules = (await scheduleRows(ctx)).sort((a, b) => (a.next ?? '~').localeCompare(b.next ?? '~'));
      const redis = { ...(await readRedisInstanceState(ctx.redis, ctx.prefix)), stalled: await readStalledCounts(ctx.redis, ctx.prefix) };
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ counts, schedules, records: ctx.sink.description, redis }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatCounts(counts)}\n\nnext runs (Asia/Ho_Chi_Minh):\n`);
      if (!schedules.length) process.stdout.write('  none; run `provnews schedule sync`\n');
      for (const r of schedules) process.stdout.write(`  ${formatScheduleRow(r, localTime)}\n`);
      const stalled = Object.entries(redis.stalled).map(([q, n]) => `${q} ${n}`).join(', ');
      process.stdout.write(`records: ${ctx.sink.description}\nstalled jobs recovered: ${stalled || 'none'}\n`);
      if (redis.wiped) process.stdout.write(`REDIS WAS WIPED at ${redis.wiped.at} (instance ${redis.wiped.previous} lost): in-flight jobs are gone, replay them\n`);
    });
  });

const schedule = program.command('schedule').description('portal crawl schedules (one BullMQ job scheduler per portal)');
schedule
  .command('sync')
  .description('add, update and remove schedulers to match the registry file (idempotent)')
  .option('--json', 'machine-readable output')
  .action(async (o: { json?: boolean }) => {
    const { syncSchedules } = await load.crawler();
    await withContext('cli', async (ctx) => {
      const r = await syncSchedules(ctx.queues.get('crawl'), await registry(ctx.env));
      if (o.json) {
        process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      process.stdout.write(`added ${r.added.length}, updated ${r.updated.length}, removed ${r.removed.length}, unchanged ${r.unchanged.length}\n`);
      for (const [k, ids] of Object.entries(r)) for (const id of ids as string[]) process.stdout.write(`  ${k.padEnd(9)} ${id}\n`);
    });
  });
schedule
  .command('list')
  .description("each portal's cron pattern, next run (Asia/Ho_Chi_Minh time and relative) and last run with its outcome")
  .option('--json', 'machine-readable output')
  .action(async (o: { json?: boolean }) => {
    const { localTime } = await load.ops();
    await withContext('cli', async (ctx) => {
      const rows = await scheduleRows(ctx);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (rows.length === 0) process.stdout.write('no schedules; run `provnews schedule sync`\n');
      for (const r of rows) process.stdout.write(`${formatScheduleRow(r, localTime)}\n`);
    });
  });

async function dateArg(value: string): Promise<Date> {
  const { parseLocalDate } = await load.ops();
  const d = parseLocalDate(value);
  if (!d) throw new InvalidArgumentError('expected a date (2026-12-01, 2026-12-01T08:00 in Vietnam time, or ISO 8601 with a zone)');
  return d;
}

async function reasonArg(value: string): Promise<string> {
  const { checkReason } = await load.ops();
  try {
    return checkReason(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

interface FilterFlags {
  queue?: QueueName;
  reason?: string;
  portal?: string;
  since?: Date;
  until?: Date;
  id?: string;
  limit: number;
}

function withFilters(cmd: Command, limit: number): Command {
  return cmd
    .addOption(checkedOption('--queue <name>', 'crawl | clean | extract', queueName))
    .addOption(checkedOption('--reason <code>', 'only this reason code (e.g. http-404, robots-disallow, no-article)', reasonArg))
    .option('--portal <id>', 'only this portal')
    .addOption(checkedOption('--since <date>', 'only jobs that failed at or after this time (local time unless a zone is given)', dateArg))
    .addOption(checkedOption('--until <date>', 'only jobs that failed before this time', dateArg))
    .option('--limit <n>', 'at most n jobs', positiveInt, limit)
    .option('--json', 'machine-readable output');
}

function filterOf(o: FilterFlags): FailedFilter {
  return { queue: o.queue, reason: o.reason, portal: o.portal, since: o.since, until: o.until, id: o.id, limit: o.limit };
}

function printJobs(rows: { queue: string; id: string; reason: string; url: string | null; message: string; failedAt: string | null }[], localTime: (d: Date) => string): void {
  for (const r of rows) process.stdout.write(`${r.queue.padEnd(8)} ${r.id.padEnd(24)} [${r.reason}] ${r.url ?? ''} ${r.failedAt ? localTime(new Date(r.failedAt)) : ''}\n    ${r.message}\n`);
}

/** Asks on the terminal; without one (scripts, CI) the answer is no, so --yes is needed. */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

withFilters(program.command('failed').description('list failed jobs with their reason codes and the total that match'), 50)
  .action(async (o: FilterFlags & { json?: boolean }) => {
    const { listFailed, localTime } = await load.ops();
    await withContext('cli', async (ctx) => {
      const sel = await listFailed(ctx.queues, filterOf(o));
      const rows = sel.jobs.map((r) => r.view);
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ total: sel.total, jobs: rows }, null, 2)}\n`);
        return;
      }
      printJobs(rows, localTime);
      process.stdout.write(`${sel.total} failed jobs${sel.total > rows.length ? ` (showing ${rows.length}; --limit to see more)` : ''}\n`);
    });
  });

/** replay and discard: same filters, a dry run, a list of what was done, confirmation when nothing narrows the selection. */
function bulkCommand(name: 'replay' | 'discard', description: string) {
  withFilters(program.command(name).description(description), 1000)
    .option('--id <jobId>', 'one job')
    .option('--dry-run', 'show what would be done, do nothing')
    .option('--yes', 'do not ask for confirmation when no filter is given')
    .action(async (o: FilterFlags & { json?: boolean; dryRun?: boolean; yes?: boolean }) => {
      const { discardFailed, isUnfiltered, localTime, replayFailed } = await load.ops();
      const run = name === 'replay' ? replayFailed : discardFailed;
      await withContext('cli', async (ctx) => {
        const f = filterOf(o);
        let result: BulkResult;
        if (!o.dryRun && isUnfiltered(f) && !o.yes) {
          const preview = await run(ctx.queues, f, { dryRun: true });
          if (preview.total === 0) result = preview;
          else if (!(await confirm(`${name} all ${preview.total} failed jobs?`))) {
            process.stderr.write(`provnews: no filter given; ${name} of all ${preview.total} failed jobs needs confirmation (a terminal) or --yes\n`);
            process.exitCode = 1;
            return;
          } else result = await run(ctx.queues, f);
        } else result = await run(ctx.queues, f, { dryRun: o.dryRun ?? false });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        printJobs(result.jobs, localTime);
        const verb = name === 'replay' ? 'replayed' : 'discarded';
        process.stdout.write(`${o.dryRun ? `would have ${verb}` : verb} ${result.jobs.length} jobs${result.total > result.jobs.length ? ` of ${result.total} matching (--limit)` : ''}\n`);
      });
    });
}
bulkCommand('replay', 'move failed jobs back to their queue with a full retry budget (same payload; snapshots mean no refetch for clean/extract)');
bulkCommand('discard', 'delete failed jobs for good (when replaying would not help)');

program
  .command('reprocess')
  .description("clean + extract a portal's stored pages again (after a rule change) through the queues, without refetching; reports how many records changed")
  .requiredOption('--portal <id>', 'portal id from the registry')
  .addOption(checkedOption('--since <date>', 'only pages fetched at or after this time', dateArg))
  .option('--dry-run', 'count the stored pages, enqueue nothing')
  .option('--timeout <seconds>', 'how long to wait for the workers', positiveInt, 600)
  .option('--json', 'machine-readable output')
  .action(async (o: { portal: string; since?: Date; dryRun?: boolean; timeout: number; json?: boolean }) => {
    const [{ loadEnvOrExit }, { awaitReprocess, findSnapshots, startReprocess }] = await Promise.all([load.runtime(), load.ops()]);
    const env = loadEnvOrExit();
    const portal = (await registry(env)).find((p) => p.id === o.portal);
    if (!portal) throw new InvalidArgumentError(`unknown portal "${o.portal}" (see \`provnews portals\`)`);
    await withContext('cli', async (ctx) => {
      // A large shared store takes a while to scan: say how far it got (on a terminal, not with --json).
      const tty = process.stderr.isTTY && !o.json;
      const scanStart = Date.now();
      let shownAt = 0;
      let read = 0;
      const onProgress = (scanned: number) => {
        read = scanned;
        if (!tty || Date.now() - scanStart < 1000 || Date.now() - shownAt < 250) return;
        shownAt = Date.now();
        process.stderr.write(`\rscanning the store: ${scanned} stored pages read`);
      };
      const snaps = await findSnapshots(ctx.content, portal.baseUrl, o.since ?? new Date(0), { onProgress });
      if (shownAt) process.stderr.write(`\rscanning the store: ${read} stored pages read\n`);
      if (o.dryRun || snaps.length === 0) {
        const out = { portal: portal.id, snapshots: snaps.length, dryRun: true };
        process.stdout.write(o.json ? `${JSON.stringify(out)}\n` : `${snaps.length} stored pages of ${portal.id} would be reprocessed\n`);
        return;
      }
      const started = await startReprocess(ctx.queues, portal.id, snaps);
      if (!o.json) process.stderr.write(`reprocess ${started.reprocessId}: ${snaps.length} pages queued; waiting for the workers (\`provnews run\`)…\n`);
      const report = await awaitReprocess(ctx.queues, started, o.timeout * 1000);
      if (o.json) process.stdout.write(`${JSON.stringify({ portal: portal.id, ...report })}\n`);
      else {
        process.stdout.write(`${report.changed} records changed (${report.inserted} new, ${report.updated} updated), ${report.unchanged} unchanged, ${report.failed} failed of ${report.snapshots} pages\n`);
        for (const [code, n] of Object.entries(report.failures)) process.stdout.write(`  [${code}] ${n}\n`);
      }
      if (report.pending) {
        process.stderr.write(`provnews: ${report.pending} jobs unfinished after ${o.timeout} s; is a worker running (\`provnews run\`)?\n`);
        process.exitCode = 1;
      }
    });
  });

program
  .command('demo')
  .description('offline main job: serve demo portals on loopback, crawl → clean → extract → store them all, print a summary')
  .option('--generated <n>', 'extra generated articles per portal', positiveInt, 0)
  .option('--timeout <seconds>', 'give up after this long', positiveInt, 110)
  .action(async (o: { generated: number; timeout: number }) => {
    const [{ exitOnStartupError, loadEnvOrExit }, { createLogger }, { demoProgress, formatDemoSummary, runDemo }] = await Promise.all([load.runtime(), load.logger(), load.demo()]);
    const env = loadEnvOrExit();
    // The demo shows a progress bar; keep worker logs to warnings unless asked otherwise.
    const log = createLogger('demo', { level: process.env.LOG_LEVEL ? env.LOG_LEVEL : 'warn', format: env.LOG_FORMAT });
    try {
      const summary = await runDemo({ env, log, generated: o.generated, timeoutMs: o.timeout * 1000, onProgress: demoProgress() });
      process.stdout.write(`${formatDemoSummary(summary)}\n`);
      process.exit(summary.complete ? 0 : 1);
    } catch (err) {
      exitOnStartupError(err);
    }
  });

program
  .command('dashboard')
  .description('serve the queue dashboard (bull-board: browse, retry, remove jobs) and Prometheus /metrics')
  .option('--port <port>', 'port to listen on (default DASHBOARD_PORT or 3000)', positiveInt)
  .option('--host <host>', 'interface to bind (default DASHBOARD_HOST or 127.0.0.1); anything but loopback needs DASHBOARD_USERS')
  .action(async (o: { port?: number; host?: string }) => {
    const [{ createContext, exitOnStartupError, installShutdown, loadEnvOrExit, processLogger }, { serveDashboard }] = await Promise.all([load.runtime(), load.dashboard()]);
    const env = loadEnvOrExit();
    const log = processLogger('dashboard', env);
    try {
      const ctx = await createContext(env, log);
      const dashboard = await serveDashboard(ctx, await registry(env), { ...(o.port !== undefined ? { port: o.port } : {}), ...(o.host ? { host: o.host } : {}) });
      log.info({ url: dashboard.url }, 'dashboard listening; Ctrl-C to stop');
      process.stdout.write(`dashboard: ${dashboard.url}   metrics: ${dashboard.url}/metrics\n`);
      installShutdown(log, 1, () => dashboard.close(), () => ctx.close());
    } catch (err) {
      exitOnStartupError(err);
    }
  });

program
  .command('hash-password')
  .description('read a password from stdin and print its scrypt hash for DASHBOARD_USERS / DASHBOARD_USERS_FILE')
  .action(async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
    if (password.length < 8) throw new InvalidArgumentError('the password must have at least 8 characters');
    const { hashPassword } = await load.dashboard();
    process.stdout.write(`${await hashPassword(password)}\n`);
  });

program
  .command('portals')
  .description('validate the registry file and list its portals (enabled, schedule)')
  .option('--json', 'machine-readable output')
  .action(async (o: { json?: boolean }) => {
    const [{ exitOnStartupError, loadEnvOrExit }, { defaultRegistryPath }] = await Promise.all([load.runtime(), load.crawler()]);
    const env = loadEnvOrExit();
    try {
      const portals = await registry(env);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(portals.map((p) => ({ id: p.id, name: p.name, province: p.province, baseUrl: p.baseUrl, enabled: p.enabled, cron: p.schedule.cron, tz: p.schedule.tz })), null, 2)}\n`);
        return;
      }
      for (const p of portals) process.stdout.write(`${p.id.padEnd(22)} ${(p.enabled ? 'enabled' : 'disabled').padEnd(9)} ${p.schedule.cron.padEnd(18)} ${p.province.padEnd(14)} ${p.baseUrl}\n`);
      process.stdout.write(`${portals.length} portals in ${env.PROVNEWS_REGISTRY ?? defaultRegistryPath()}\n`);
    } catch (err) {
      exitOnStartupError(err);
    }
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
