import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPortalEntry } from '@provnews/cli';
import { startDemoPortals, type DemoPortalsServer } from '@provnews/demo-portals';
import { Queues } from '@provnews/queues';
import { dropPrefix, privateSchema, testRedis, uniqueName, waitFor, type PrivateSchema } from '@provnews/testing';

/**
 * Several machines, simulated: two crawler, two cleaner and two extractor processes (the compiled
 * services, as the production image runs them), each with its own data directory and no shared
 * disk, one Redis, snapshots and cleaned pages in the PostgreSQL store, records in the PostgreSQL
 * sink. The demo portals answer slowly and count their open requests.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const STAGES = ['crawler', 'crawler', 'cleaner', 'cleaner', 'extractor', 'extractor'] as const;

interface Proc {
  stage: string;
  dataDir: string;
  child: ChildProcess;
  out: string;
  exited: Promise<number | null>;
}

/** The compiled service must be at least as new as its sources (`npm test` builds first). */
function compiledMain(stage: string): string {
  const main = join(root, 'services', stage, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} missing: run \`npm run build\` (npm test does)`);
  const src = join(root, 'services', stage, 'src');
  const newest = Math.max(...readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs));
  if (newest > statSync(main).mtimeMs) throw new Error(`${main} is older than its sources: run \`npm run build\``);
  return main;
}

describe('two processes per stage on separate data dirs, one Redis, shared PostgreSQL store and sink', () => {
  const prefix = uniqueName('multi');
  let db: PrivateSchema | undefined;
  const procs: Proc[] = [];
  let server: DemoPortalsServer;
  let queues: Queues;
  let expected = 0;

  const rows = async (sql: string): Promise<number> => Number((await db!.admin.query<{ n: number }>(sql)).rows[0]?.n ?? 0);

  beforeAll(async () => {
    db = await privateSchema('multi');

    // Slow answers (40 ms) make overlapping requests to one portal observable.
    server = await startDemoPortals({ generated: 4, latencyMs: 40 });
    expected = server.portals.reduce((n, p) => n + p.articles.length, 0);
    const registry = join(mkdtempSync(join(tmpdir(), 'provnews-multi-reg-')), 'portals.json');
    writeFileSync(registry, JSON.stringify({ portals: server.portals.map((p) => demoPortalEntry(p, 30)) }));

    for (const stage of STAGES) {
      const dataDir = mkdtempSync(join(tmpdir(), `provnews-multi-${stage}-`));
      const child = spawn(process.execPath, [compiledMain(stage)], {
        cwd: dataDir,
        env: {
          PATH: process.env.PATH,
          REDIS_URL: inject('redisUrl'),
          PROVNEWS_QUEUE_PREFIX: prefix,
          PROVNEWS_DATA_DIR: dataDir,
          PROVNEWS_REGISTRY: registry,
          PROVNEWS_STORE: 'postgres',
          PROVNEWS_SINK: 'postgres',
          DATABASE_URL: db.url,
          CRAWL_CONCURRENCY: '4',
          LOG_FORMAT: 'json',
          LOG_LEVEL: 'debug',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const proc: Proc = { stage, dataDir, child, out: '', exited: new Promise((r) => child.once('exit', (code) => r(code))) };
      child.stdout!.on('data', (c: Buffer) => (proc.out += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (proc.out += c.toString()));
      procs.push(proc);
    }
    await waitFor('six workers started', () => procs.every((p) => p.out.includes('"worker started"')), 90_000, 100).catch((err: Error) => {
      // Say which processes did not start and what they printed, so a failure here can be read.
      const late = procs.filter((p) => !p.out.includes('"worker started"'));
      throw new Error(`${err.message}; not started: ${late.map((p) => `${p.stage} (exit ${p.child.exitCode ?? 'none'}): ${p.out.slice(-800)}`).join(' | ')}`);
    });

    queues = new Queues({ connection: testRedis(), prefix });
    const runId = `multi-${Date.now()}`;
    for (const p of server.portals) await queues.enqueue('crawl', { url: `${p.baseUrl}/`, portal: p.id, kind: 'portal', force: true, runId });
    let last = '';
    await waitFor(
      'every article in the sink and nothing pending',
      async () => {
        const stored = await rows(`SELECT count(*)::int AS n FROM provnews_articles`).catch(() => 0);
        const counts = await queues.counts();
        // The crawlers sync the registry's schedules at start-up: their next runs wait in the delayed set.
        const parked = (await queues.get('crawl').getDelayed()).filter((j) => !j.repeatJobKey).length;
        const others = counts.clean.delayed! + counts.extract.delayed!;
        const pending = Object.values(counts).reduce((n, c) => n + (c.waiting ?? 0) + (c.active ?? 0), parked + others);
        last = `stored ${stored}/${expected}, counts ${JSON.stringify(counts)}`;
        return stored >= expected && pending === 0;
      },
      150_000,
      250,
    ).catch((err: Error) => {
      const tails = procs.map((p) => `${p.stage}: ${p.out.split('\n').filter((l) => /"level":(40|50|60)/.test(l)).slice(-5).join('\n')}`);
      throw new Error(`${err.message}; ${last}\n${tails.join('\n')}`);
    });
  }, 240_000);

  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await queues?.close();
    await dropPrefix(prefix);
    await server?.close();
    await db?.drop().catch(() => undefined);
  });

  it('stores every article exactly once, fetched once, with no failed job', async () => {
    const urls = server.portals.flatMap((p) => p.articles.map((a) => a.url));
    expect(await rows(`SELECT count(*)::int AS n FROM provnews_articles`)).toBe(expected);
    const { rows: stored } = await db!.admin.query<{ url: string }>(`SELECT url FROM provnews_articles`);
    expect(new Set(stored.map((r) => r.url))).toEqual(new Set(urls));
    // One cleaned page per article in the shared store.
    expect(await rows(`SELECT count(*)::int AS n FROM provnews_blobs WHERE kind = 'cleaned'`)).toBe(expected);
    // Each article page was requested from its portal once, across both crawlers.
    const fetched = new Map<string, number>();
    for (const r of server.requests()) {
      const portal = server.portals.find((p) => p.id === r.portal)!;
      const url = `${portal.baseUrl}${r.path}`;
      if (urls.includes(url)) fetched.set(url, (fetched.get(url) ?? 0) + 1);
    }
    expect(fetched.size).toBe(expected);
    expect([...fetched.values()].every((n) => n === 1), JSON.stringify([...fetched].filter(([, n]) => n > 1))).toBe(true);
    const failed = await queues.counts();
    expect(Object.values(failed).reduce((n, c) => n + (c.failed ?? 0), 0)).toBe(0);
  });

  it('never has two requests in flight to one portal, across both crawler processes', () => {
    const peaks = server.peakInFlight();
    expect(Object.keys(peaks).sort()).toEqual(server.portals.map((p) => p.id).sort());
    for (const [portal, peak] of Object.entries(peaks)) expect(peak, portal).toBe(1);
  });

  it('shares the work: every process completed jobs, none wrote a local store', () => {
    for (const p of procs) {
      const done = p.out.split('\n').filter((l) => l.includes('"job completed"')).length;
      expect(done, `${p.stage} in ${p.dataDir}`).toBeGreaterThan(0);
      expect(existsSync(join(p.dataDir, 'store')), p.dataDir).toBe(false);
    }
  });

  it('drains and exits 0 on SIGTERM', async () => {
    for (const p of procs) p.child.kill('SIGTERM');
    const codes = await Promise.all(procs.map((p) => p.exited));
    expect(codes, procs.map((p) => p.out.slice(-400)).join('\n---\n')).toEqual(STAGES.map(() => 0));
  }, 60_000);
});
