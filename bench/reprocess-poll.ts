/**
 * What one poll of `provnews reprocess` costs while its jobs wait: `awaitReprocess` reading n open
 * clean jobs (no worker runs, so every job stays open), against the reads it made before, BullMQ's
 * `getJobState` one job after the other. That call also looks for the id in the waiting list
 * (LPOS), a scan of the backlog per job, so its cost per job grows with n; it is run only up to
 * --compare-max jobs.
 *
 *   npm run bench:reprocess-poll -- [--sizes 5000,20000,80000] [--compare-max 20000]
 *
 * Wall time and Redis CPU (`INFO cpu`) per poll, on a private `redis-server`.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { awaitReprocess, startReprocess } from '@provnews/ops';
import { Queues } from '@provnews/queues';
import { startRedisServer } from '@provnews/redis-local';
import { redisCpuMs } from './redis-info.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5000,20000,80000' },
    'compare-max': { type: 'string', default: '20000' },
    out: { type: 'string', default: 'bench/results/reprocess-poll.md' },
  },
});

interface Row {
  jobs: number;
  what: string;
  ms: number;
  redisMs: number;
}

async function timed(admin: Redis, run: () => Promise<unknown>): Promise<{ ms: number; redisMs: number }> {
  const r0 = await redisCpuMs(admin);
  const t0 = performance.now();
  await run();
  const ms = performance.now() - t0;
  return { ms, redisMs: (await redisCpuMs(admin)) - r0 };
}

async function main(): Promise<void> {
  const handle = await startRedisServer();
  const admin = new Redis(handle.url);
  const rows: Row[] = [];
  try {
    for (const n of args.sizes.split(',').map(Number)) {
      await admin.flushall();
      const queues = new Queues({ connection: { url: handle.url, maxRetriesPerRequest: null }, prefix: 'pollbench' });
      const snapshots = Array.from({ length: n }, (_, i) => ({ snapshotId: i.toString(16).padStart(64, '0'), url: `http://127.0.0.1:9/tin/bai-${i}.html`, fetchedAt: '2026-11-20T03:00:00.000Z' }));
      const started = await startReprocess(queues, 'yen-minh', snapshots);
      for (let poll = 1; poll <= 2; poll++) {
        const t = await timed(admin, () => awaitReprocess(queues, started, 0));
        rows.push({ jobs: n, what: `awaitReprocess, poll ${poll}`, ...t });
      }
      if (n <= Number(args['compare-max'])) {
        const clean = queues.get('clean');
        const t = await timed(admin, async () => {
          for (const job of started.jobs) await clean.getJobState(String(job.id));
        });
        rows.push({ jobs: n, what: 'getJobState, one job after the other (the reads before)', ...t });
      }
      for (const r of rows.filter((x) => x.jobs === n)) process.stderr.write(`${n} jobs, ${r.what}: ${r.ms.toFixed(0)} ms, Redis ${r.redisMs.toFixed(0)} ms\n`);
      await queues.close();
    }
  } finally {
    admin.disconnect();
    await handle.stop();
  }
  const command = `npm run bench:reprocess-poll -- --sizes ${args.sizes} --compare-max ${args['compare-max']}`;
  const lines = [
    '# Reprocess: one poll of its open jobs',
    '',
    `Command: \`${command}\`, run ${new Date().toISOString()} on Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}).`,
    '',
    'n clean jobs of one reprocess wait in the queue (no worker), and `awaitReprocess` reads each once (a poll); the',
    'comparison is the read it made before, BullMQ\'s `getJobState` per job, one after the other. Wall time and the private',
    "Redis server's CPU for the whole poll. See bench/reprocess-poll.ts.",
    '',
    '| open jobs | reads | ms | µs per job | Redis CPU ms |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.jobs} | ${r.what} | ${r.ms.toFixed(0)} | ${((r.ms * 1000) / r.jobs).toFixed(1)} | ${r.redisMs.toFixed(0)} |`),
    '',
  ];
  writeFileSync(resolve(root, args.out), lines.join('\n'));
  process.stderr.write(`wrote ${args.out}\n`);
}

await main();
