/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) by pipeline stage.
 *
 *   npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [articles]
 *
 * Each sample's time goes to the nearest frame on its stack whose script belongs to a known stage
 * (so cheerio called by the cleaner counts as work, fs called by the content store as store);
 * samples with no such frame are plumbing (promise jobs, timers, stream and socket glue).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Stage of a script URL, or null when the frame says nothing about the stage. */
const STAGES: [string, RegExp][] = [
  ['work (clean + extract)', /\/packages\/(cleaner|extractor)\//],
  ['store (content/snapshot store, sink, gzip, fs)', /\/packages\/storage\/|^node:zlib$/],
  ['queue client (bullmq, ioredis)', /\/node_modules\/(bullmq|ioredis|msgpackr|cluster-key-slot|denque|@ioredis)\//],
  ['payload + record validation (zod)', /\/packages\/(queues|record)\/|\/node_modules\/zod\//],
  ['crawler logic (frontier, robots, host gate, discovery)', /\/packages\/crawler\/src\/(?!fetch-page)/],
  ['fetch (undici)', /\/packages\/crawler\/src\/fetch-page|undici/],
  ['logging (pino)', /\/node_modules\/(pino|sonic-boom|thread-stream)/],
];

export interface ProfileSummary {
  totalMs: number;
  byStage: Map<string, number>;
}

export function summariseProfile(path: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const stageOf = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = stageOf.get(id);
    if (known) return known;
    // Walk up until a frame names a stage; memoise along the way (linear in the number of nodes).
    const path: number[] = [];
    let cur: number | undefined = id;
    let stage = 'plumbing (async glue, timers, sockets, other)';
    while (cur !== undefined) {
      const cached = stageOf.get(cur);
      if (cached) {
        stage = cached;
        break;
      }
      path.push(cur);
      const frame: ProfileNode = byId.get(cur)!;
      const name = frame.callFrame.functionName;
      if (name === '(garbage collector)') {
        stage = 'garbage collector';
        break;
      }
      // A worker thread blocked waiting for its next task (piscina's Atomics.wait loop) uses no CPU.
      if (name === '(idle)' || name === 'atomicsWaitLoop') {
        stage = 'idle';
        break;
      }
      if (name === '(program)') {
        stage = 'program (native, unattributed)';
        break;
      }
      const hit = STAGES.find(([, re]) => re.test(frame.callFrame.url));
      if (hit) {
        stage = hit[0];
        break;
      }
      cur = parent.get(cur);
    }
    for (const p of path) stageOf.set(p, stage);
    return stage;
  };
  const byStage = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const stage = resolve(id);
    byStage.set(stage, (byStage.get(stage) ?? 0) + ms);
    if (stage !== 'idle') totalMs += ms;
  });
  return { totalMs, byStage };
}

/** Sums the summaries of several profiles (the main thread and each worker thread of one process). */
export function mergeSummaries(parts: ProfileSummary[]): ProfileSummary {
  const byStage = new Map<string, number>();
  let totalMs = 0;
  for (const p of parts) {
    totalMs += p.totalMs;
    for (const [k, ms] of p.byStage) byStage.set(k, (byStage.get(k) ?? 0) + ms);
  }
  return { totalMs, byStage };
}

/**
 * A table of the stages. Sample times are wall-clock gaps between samples of the busy thread, so on
 * a loaded machine they overstate CPU; with `cpuMsPerArticle` (measured by the run) each stage also
 * gets its share of that measured CPU.
 */
export function formatProfile(s: ProfileSummary, articles: number, cpuMsPerArticle?: number): string {
  const rows = [...s.byStage].filter(([k]) => k !== 'idle').sort((a, b) => b[1] - a[1]);
  const scaled = (ms: number) => (cpuMsPerArticle === undefined ? '' : ` ${((ms / s.totalMs) * cpuMsPerArticle).toFixed(2)} |`);
  return [
    `| stage | sampled ms | sampled ms/article | share |${cpuMsPerArticle === undefined ? '' : ' share × measured CPU ms/article |'}`,
    `|---|---|---|---|${cpuMsPerArticle === undefined ? '' : '---|'}`,
    ...rows.map(([k, ms]) => `| ${k} | ${ms.toFixed(0)} | ${(ms / Math.max(1, articles)).toFixed(2)} | ${((100 * ms) / s.totalMs).toFixed(1)}% |${scaled(ms)}`),
    `| **busy total** (idle ${((s.byStage.get('idle') ?? 0) / 1000).toFixed(1)} s excluded) | ${s.totalMs.toFixed(0)} | ${(s.totalMs / Math.max(1, articles)).toFixed(2)} | 100% |${scaled(s.totalMs)}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const files = process.argv.slice(2).filter((a) => a.endsWith('.cpuprofile'));
  const articles = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1);
  if (files.length === 0) {
    process.stderr.write('usage: tsx bench/cpu-profile-summary.ts <file.cpuprofile>... [articles]\n');
    process.exit(2);
  }
  process.stdout.write(`${formatProfile(mergeSummaries(files.map(summariseProfile)), articles)}\n`);
}
