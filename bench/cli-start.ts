/**
 * Wall time of the compiled `provnews` binary for commands that need no Redis: `--version`,
 * `--help`, a command's `--help`, `portals` and `schema` (issue 11: `--version` under 0.5 s).
 * Each command runs `runs` times one after the other; the table gives the median and the fastest
 * run, with the load average, since the machine may be shared.
 *
 *   npm run build && npm run bench:cli-start -- [runs=9] [results file=cli-start.md]
 *
 * Results: bench/results/cli-start.md.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bin = join(here, '..', 'services', 'cli', 'bin', 'provnews.js');
const runs = Math.max(1, Number(process.argv[2] ?? 9) || 9);
const out = join(here, 'results', process.argv[3] ?? 'cli-start.md');

const COMMANDS = [['--version'], ['--help'], ['failed', '--help'], ['portals'], ['schema']];

function timeOnce(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const rows: string[] = [];
const loadBefore = loadavg()[0]!;
for (const args of COMMANDS) {
  const times = Array.from({ length: runs }, () => timeOnce(args)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  rows.push(`| \`provnews ${args.join(' ')}\` | ${(median / 1000).toFixed(2)} | ${(times[0]! / 1000).toFixed(2)} |`);
  process.stderr.write(`${args.join(' ')}: median ${median.toFixed(0)} ms\n`);
}
const report = [
  '# `provnews` start-up time',
  '',
  `Command: \`npm run build && npm run bench:cli-start -- ${runs}\` (${runs} runs per command, one after the other).`,
  `Machine: ${cpus().length} cores, Node ${process.version}, load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)} (shared machine).`,
  `Date: ${new Date().toISOString()}`,
  '',
  '| command | median s | fastest s |',
  '| --- | ---: | ---: |',
  ...rows,
  '',
];
writeFileSync(out, report.join('\n'));
process.stdout.write(report.join('\n'));
