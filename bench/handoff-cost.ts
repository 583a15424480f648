/**
 * What one hand-off costs in CPU, apart from any page work: a BullMQ job (added, taken by a
 * worker, completed) and a page-thread task (input to the thread, result back). The pipeline
 * makes three jobs and two page-thread tasks per article; the in-process baseline none.
 *
 *   npm run bench:handoff -- [--jobs 4000] [--rate 200] [--out bench/results/handoff-cost.md]
 *
 * - queue: no-op jobs on a private `redis-server`, the catalog's job options (retention, attempts,
 *   backoff) and event-stream length, a Worker at concurrency 2 (CLEAN_CONCURRENCY's default),
 *   jobs added one at a time at `--rate` per second (about the pipeline's per-stage rate), then
 *   the same number added in one burst before the worker starts. Client CPU (this process: the
 *   producer and the worker) and Redis CPU (`INFO cpu`) per job.
 * - thread: the same `--rate`, tasks with an 8 KB body in and a 10 KB string out, through
 *   provnews's TaskPool (piscina), and through a bare worker thread answering on its port (the
 *   floor: the structured clone and the wake-up of each side). Process CPU and main-thread CPU
 *   (/proc/self/task/<pid>/stat, Linux) per task.
 *
 * Every measurement runs three times, alternating; the table gives each run.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker as Thread } from 'node:worker_threads';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { catalog, EVENTS_KEPT } from '@provnews/queues';
import { startRedisServer } from '@provnews/redis-local';
import { TaskPool } from '@provnews/runtime';
import { redisCpuMs } from './redis-info.ts';
import { mainThreadCpuMs } from './thread-cpu.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    jobs: { type: 'string', default: '4000' },
    rate: { type: 'string', default: '200' },
    out: { type: 'string', default: 'bench/results/handoff-cost.md' },
  },
});
const N = Number(args.jobs);
const RATE = Number(args.rate);
const TICK_MS = 10;

function processCpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Calls `submit(i)` for i < n, `perSecond` a second in ticks of TICK_MS; resolves when every call's promise has. */
async function atRate(n: number, perSecond: number, submit: (i: number) => Promise<unknown>): Promise<void> {
  const pending: Promise<unknown>[] = [];
  await new Promise<void>((done) => {
    let i = 0;
    let owed = 0;
    const timer = setInterval(() => {
      owed += (perSecond * TICK_MS) / 1000;
      for (; owed >= 1 && i < n; owed--, i++) pending.push(submit(i));
      if (i >= n) {
        clearInterval(timer);
        done();
      }
    }, TICK_MS);
  });
  await Promise.all(pending);
}

interface Row {
  what: string;
  run: number;
  seconds: number;
  processMs: number;
  mainMs?: number;
  redisMs?: number;
}

const payload = (i: number) => ({ snapshotId: 'a'.repeat(64), url: `http://127.0.0.1/tin/${i}.html`, portal: 'demo-hagiang', fetchedAt: new Date().toISOString() });

async function queueRun(redisUrl: string, admin: Redis, burst: boolean, run: number): Promise<Row> {
  await admin.flushall();
  const connection = { url: redisUrl, maxRetriesPerRequest: null } as const;
  const prefix = 'handoff';
  const queue = new Queue('clean', { connection, prefix, defaultJobOptions: catalog.clean.defaultJobOptions, streams: { events: { maxLen: EVENTS_KEPT } } });
  await queue.waitUntilReady();
  if (burst) for (let i = 0; i < N; i += 500) await queue.addBulk(Array.from({ length: Math.min(500, N - i) }, (_, k) => ({ name: 'clean', data: payload(i + k) })));
  let completed = 0;
  let allDone: () => void = () => undefined;
  const finished = new Promise<void>((r) => (allDone = r));
  const cpu0 = processCpuMs();
  const redis0 = await redisCpuMs(admin);
  const t0 = performance.now();
  const worker = new Worker('clean', async (job) => ({ cleanedId: job.data.snapshotId }), { connection, prefix, concurrency: 2 });
  worker.on('completed', () => {
    if (++completed === N) allDone();
  });
  if (!burst) await atRate(N, RATE, (i) => queue.add('clean', payload(i)));
  await finished;
  const seconds = (performance.now() - t0) / 1000;
  const processMs = processCpuMs() - cpu0;
  const redisMs = (await redisCpuMs(admin)) - redis0;
  await worker.close();
  await queue.close();
  return { what: burst ? `queue, ${N} jobs queued first` : `queue, ${RATE} jobs/s`, run, seconds, processMs, redisMs };
}

const echoModule = new URL('./handoff-echo-task.mjs', import.meta.url);
const body = Buffer.alloc(8 * 1024, 0x61);

async function poolRun(run: number): Promise<Row> {
  const pool = new TaskPool<{ body: Buffer }, string>({ taskModule: echoModule, threads: 1, timeoutMs: 10_000, maxMemoryMb: 512 });
  await pool.warm(echoModule);
  const cpu0 = processCpuMs();
  const main0 = mainThreadCpuMs();
  const t0 = performance.now();
  await atRate(N, 2 * RATE, () => pool.run({ body }, 'bench'));
  const row = { what: `TaskPool (piscina), ${2 * RATE} tasks/s`, run, seconds: (performance.now() - t0) / 1000, processMs: processCpuMs() - cpu0, mainMs: mainThreadCpuMs() - main0 };
  await pool.close();
  return row;
}

async function bareRun(run: number): Promise<Row> {
  const thread = new Thread(new URL('./handoff-echo-thread.mjs', import.meta.url));
  const waiting = new Map<number, (v: unknown) => void>();
  thread.on('message', (m: { id: number; value: unknown }) => {
    waiting.get(m.id)!(m.value);
    waiting.delete(m.id);
  });
  let seq = 0;
  const call = () =>
    new Promise((r) => {
      const id = seq++;
      waiting.set(id, r);
      thread.postMessage({ id, input: { body } });
    });
  await call();
  const cpu0 = processCpuMs();
  const main0 = mainThreadCpuMs();
  const t0 = performance.now();
  await atRate(N, 2 * RATE, call);
  const row = { what: `bare worker thread, ${2 * RATE} tasks/s`, run, seconds: (performance.now() - t0) / 1000, processMs: processCpuMs() - cpu0, mainMs: mainThreadCpuMs() - main0 };
  await thread.terminate();
  return row;
}

const fmt = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  const handle = await startRedisServer();
  const admin = new Redis(handle.url);
  const rows: Row[] = [];
  const say = (r: Row) => {
    rows.push(r);
    const parts = [`${r.what} r${r.run}: ${fmt(r.processMs / N)} process ms`, r.mainMs !== undefined ? `${fmt(r.mainMs / N)} main thread ms` : '', r.redisMs !== undefined ? `${fmt(r.redisMs / N)} Redis ms` : ''];
    process.stderr.write(`${parts.filter(Boolean).join(', ')} per unit, ${r.seconds.toFixed(1)} s\n`);
  };
  try {
    for (let run = 1; run <= 3; run++) {
      say(await queueRun(handle.url, admin, false, run));
      say(await queueRun(handle.url, admin, true, run));
      say(await poolRun(run));
      say(await bareRun(run));
    }
  } finally {
    admin.disconnect();
    await handle.stop();
  }
  const command = `npm run bench:handoff -- --jobs ${N} --rate ${RATE}`;
  const lines = [
    '# Hand-off cost: one queue job, one page-thread task',
    '',
    `Command: \`${command}\`, run ${new Date().toISOString()} on Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}), load average ${loadavg()[0]!.toFixed(1)} at the end.`,
    '',
    'No page work at all: no-op BullMQ jobs with the clean queue\'s catalog options (a Worker at concurrency 2 on a private',
    '`redis-server`), and page-thread tasks with an 8 KB body in and a 10 KB string out. Per job: this process (producer + worker)',
    'and Redis CPU; per task: process and main-thread CPU. See bench/handoff-cost.ts.',
    '',
    '| measurement | run | s | process CPU ms / unit | main thread CPU ms / unit | Redis CPU ms / job |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.run} | ${r.seconds.toFixed(1)} | ${fmt(r.processMs / N)} | ${r.mainMs !== undefined ? fmt(r.mainMs / N) : '—'} | ${r.redisMs !== undefined ? fmt(r.redisMs / N) : '—'} |`),
    '',
  ];
  writeFileSync(resolve(root, args.out), lines.join('\n'));
  process.stderr.write(`wrote ${args.out}\n`);
}

await main();
