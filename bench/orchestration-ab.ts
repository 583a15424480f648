/**
 * A/B of two orchestration configurations run at the same time: two copies of
 * bench/orchestration.ts, each with its own private Redis, demo portals and data directory, one
 * configuration each, started together, `--pairs` times.
 *
 *   npm run bench:orchestration-ab -- --a pipeline --b pipeline@ROOT=/work/base --size 6000 --pairs 2
 *   npm run bench:orchestration-ab -- --a pipeline --b 'pipeline@CLEAN_CONCURRENCY=4@EXTRACT_CONCURRENCY=4'
 *
 * Why: runs minutes apart on a VM see its speed drift by ±10 % and more (bench/results/orchestration.md),
 * which hides any change of a few per cent; two runs side by side share the drift. Two copies of the
 * same code agreed within 0.5–0.8 % here (2-core AMD EPYC VM, 6,000 articles). Each run is slower than
 * alone (they share two cores), so compare the two columns, not these figures with a lone run's. Which
 * copy starts first and which data directory it gets alternate between pairs.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    a: { type: 'string', default: 'pipeline' },
    b: { type: 'string' },
    size: { type: 'string', default: '6000' },
    pairs: { type: 'string', default: '2' },
    'data-dir': { type: 'string', default: tmpdir() },
  },
});
if (!args.b) {
  process.stderr.write('orchestration-ab: --b <configuration> is required (labels as in bench/orchestration.ts)\n');
  process.exit(2);
}

/** One copy of the harness for one configuration; resolves with its result row's CPU cell. */
function runHarness(config: string, dataDir: string, out: string): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, join(here, 'orchestration.ts'), '--sizes', args.size!, '--rounds', '1', '--configs', config, '--data-dir', dataDir, '--out', out], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`orchestration.ts --configs ${config} exited with ${code}`));
      const row = readFileSync(out, 'utf8')
        .split('\n')
        .find((l) => l.startsWith(`| ${args.size} | 1 |`));
      resolve(row?.split('|')[7]?.trim() ?? '(no result row)');
    });
  });
}

const dirs = [join(args['data-dir']!, 'ab-1'), join(args['data-dir']!, 'ab-2')];
const rows: string[] = [];
for (let i = 1; i <= Number(args.pairs); i++) {
  const swap = i % 2 === 0;
  const [dirA, dirB] = swap ? [dirs[1]!, dirs[0]!] : [dirs[0]!, dirs[1]!];
  const outA = join(tmpdir(), `orchestration-ab-${process.pid}-a${i}.md`);
  const outB = join(tmpdir(), `orchestration-ab-${process.pid}-b${i}.md`);
  const started = swap ? [runHarness(args.b!, dirB, outB), runHarness(args.a!, dirA, outA)].reverse() : [runHarness(args.a!, dirA, outA), runHarness(args.b!, dirB, outB)];
  const [a, b] = await Promise.all(started);
  rows.push(`| ${i} | ${a} | ${b} |`);
  process.stderr.write(`pair ${i}: A ${a} | B ${b}\n`);
}
process.stdout.write(`CPU ms per article, ${args.size} articles, the two run side by side\n\n| pair | A: ${args.a} | B: ${args.b} |\n|---|---|---|\n${rows.join('\n')}\n`);
