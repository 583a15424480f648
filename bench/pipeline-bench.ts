/**
 * End-to-end throughput of the pipeline on the demo portals with generated articles:
 * crawl → clean → extract → JSON Lines, all workers in one process on a real Redis.
 *
 *   npm run bench:pipeline -- [generatedPerPortal=250] [hostDelayMs=0]
 *
 * Host delay 0 measures the pipeline's own capacity (politeness off, loopback only); with the
 * default politeness (1000 ms per host) a run is bound by the number of hosts instead.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '@provnews/cli';
import { loadEnv } from '@provnews/config';
import { silentLogger } from '@provnews/logger';

const generated = Number(process.argv[2] ?? 250);
const hostDelayMs = Number(process.argv[3] ?? 0);
const env = loadEnv({ ...process.env, PROVNEWS_DATA_DIR: mkdtempSync(join(tmpdir(), 'provnews-bench-')), LOG_LEVEL: 'silent' });
let lastLine = 0;
const summary = await runDemo({
  env,
  log: silentLogger,
  generated,
  hostDelayMs,
  timeoutMs: 30 * 60_000,
  onProgress: (stored, expected, pending) => {
    if (Date.now() - lastLine > 2000) {
      lastLine = Date.now();
      process.stderr.write(`  ${stored}/${expected} stored, ${pending} jobs pending\n`);
    }
  },
});
const rate = summary.stored / summary.seconds;
const table = [
  '# Pipeline benchmark',
  '',
  `Command: \`npm run bench:pipeline -- ${generated} ${hostDelayMs}\`, run ${new Date().toISOString()} on Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}).`,
  '',
  'All workers in one process (CRAWL_CONCURRENCY, CLEAN_CONCURRENCY, EXTRACT_CONCURRENCY at their defaults), Redis on loopback,',
  `four demo portals with ${generated} generated articles each on top of the hand-written ones, host delay ${hostDelayMs} ms.`,
  '',
  '| articles expected | stored | failed jobs | seconds | articles/s | officials found |',
  '|---|---|---|---|---|---|',
  `| ${summary.expected} | ${summary.stored} | ${summary.failures.length} | ${summary.seconds.toFixed(1)} | ${rate.toFixed(1)} | ${summary.officials} |`,
  '',
];
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/pipeline.md', table.join('\n'));
process.stdout.write(`${table.join('\n')}\n`);
process.exit(summary.complete ? 0 : 1);
