import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { demoPortalEntry } from '@provnews/cli';
import { startDemoPortals, type DemoPortalsServer } from '@provnews/demo-portals';
import { QUEUE_NAMES, Queues, reasonOf, type QueueName } from '@provnews/queues';
import { freePort, uniqueName, waitFor } from '@provnews/testing';
import type { Portal } from '@provnews/crawler';
import { ownRedis, type OwnRedis } from './redis-proc.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export type ServiceName = 'crawler' | 'cleaner' | 'extractor';

/** One worker service as an operator runs it: its own Node process (`node --import tsx services/<name>/src/main.ts`). */
export interface ServiceProc {
  name: ServiceName;
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  lines: { msg: string; level: number; [k: string]: unknown }[];
  exited: Promise<number | null>;
  alive(): boolean;
}

export interface DeploymentOptions {
  /** Generated articles per demo portal (on top of the hand-written ones). */
  generated?: number;
  /** Redis with the append-only file on (default true). */
  aof?: boolean;
  /** Extra portals (hostile ones) to add to the registry. */
  extraPortals?: Portal[];
  env?: Record<string, string>;
}

/**
 * A deployment for fault tests: a redis-server of its own (so it can be killed and restarted),
 * the demo portals on loopback, a registry file naming them, a shared data directory, and the
 * three worker services as separate processes.
 */
export class Deployment {
  readonly prefix = uniqueName('faults');
  readonly dataDir = mkdtempSync(join(tmpdir(), 'provnews-faults-'));
  readonly registryPath = join(this.dataDir, 'portals.json');
  readonly recordsPath = join(this.dataDir, 'records.jsonl');
  readonly procs = new Map<ServiceName, ServiceProc>();
  /** Every process ever started, for clean-up. */
  private readonly all: ServiceProc[] = [];
  redis!: OwnRedis;
  client!: Redis;
  queues!: Queues;
  server!: DemoPortalsServer;
  portals: Portal[] = [];
  /** Demo articles every run must store. */
  expected = 0;

  constructor(private readonly opts: DeploymentOptions = {}) {}

  async setUp(): Promise<void> {
    this.redis = await ownRedis(await freePort(), { aof: this.opts.aof ?? true });
    this.client = new Redis(this.redis.url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
    this.client.on('error', () => undefined);
    this.queues = new Queues({ connection: this.client, prefix: this.prefix });
    this.server = await startDemoPortals({ generated: this.opts.generated ?? 10 });
    this.portals = [
      // No cron firing during a test: runs are started by hand.
      ...this.server.portals.map((p) => ({ ...demoPortalEntry(p, 0), schedule: { cron: '0 0 1 1 *', tz: 'Asia/Ho_Chi_Minh' } })),
      ...(this.opts.extraPortals ?? []),
    ];
    this.expected = this.server.portals.reduce((n, p) => n + p.articles.length, 0);
    writeFileSync(this.registryPath, JSON.stringify({ portals: this.portals }));
  }

  env(): Record<string, string> {
    return {
      ...(process.env as Record<string, string>),
      REDIS_URL: this.redis.url,
      PROVNEWS_QUEUE_PREFIX: this.prefix,
      PROVNEWS_DATA_DIR: this.dataDir,
      PROVNEWS_REGISTRY: this.registryPath,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      CRAWL_HOST_DELAY_MS: '0',
      CRAWL_CONCURRENCY: '4',
      // Quick stall recovery, so a kill -9 costs seconds, not the production 25 s.
      WORKER_LOCK_MS: '4000',
      WORKER_STALL_CHECK_MS: '2000',
      SHUTDOWN_GRACE_SECONDS: '20',
      ...this.opts.env,
    };
  }

  /** Starts a service process and resolves once its worker has started. */
  async start(name: ServiceName, env: Record<string, string> = {}): Promise<ServiceProc> {
    const child = spawn(process.execPath, ['--import', 'tsx', join('services', name, 'src', 'main.ts')], {
      cwd: root,
      env: { ...this.env(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc: ServiceProc = {
      name,
      child,
      lines: [],
      exited: new Promise((r) => child.once('exit', (code) => r(code))),
      alive: () => child.exitCode === null && child.signalCode === null,
    };
    let buf = '';
    const onData = (c: Buffer) => {
      buf += c.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.startsWith('{')) {
          try {
            proc.lines.push(JSON.parse(line) as ServiceProc['lines'][number]);
          } catch {
            // a partial line from a killed process
          }
        } else if (line.trim()) proc.lines.push({ msg: line, level: 60 });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    this.all.push(proc);
    await waitFor(`${name} to start`, () => {
      if (!proc.alive()) throw new Error(`${name} exited at start-up: ${proc.lines.map((l) => l.msg).join(' | ')}`);
      return proc.lines.some((l) => l.msg === 'worker started');
    }, 60_000, 50);
    // Only a process that started replaces the service's entry (a refused one leaves the old in place).
    this.procs.set(name, proc);
    return proc;
  }

  async startAll(): Promise<void> {
    for (const name of ['crawler', 'cleaner', 'extractor'] as const) await this.start(name);
  }

  /** kill -9: no shutdown handler, no lock release, jobs left active. */
  async kill9(name: ServiceName): Promise<void> {
    const proc = this.procs.get(name)!;
    proc.child.kill('SIGKILL');
    await proc.exited;
  }

  /** Starts a run of every portal, as the schedulers would. */
  async startRun(portals: Portal[] = this.portals): Promise<string> {
    const runId = uniqueName('run');
    for (const p of portals) await this.queues.enqueue('crawl', { url: p.baseUrl, portal: p.id, kind: 'portal', force: true, runId });
    return runId;
  }

  /** Distinct record URLs in the JSON Lines file (the sink's truth). */
  records(): Set<string> {
    if (!existsSync(this.recordsPath)) return new Set();
    const text = readFileSync(this.recordsPath, 'utf8');
    return new Set(text.split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { url: string }).url));
  }

  /** Lines in the records file (a lost or duplicated write shows as a difference from records()). */
  recordLines(): number {
    if (!existsSync(this.recordsPath)) return 0;
    return readFileSync(this.recordsPath, 'utf8').split('\n').filter((l) => l.trim()).length;
  }

  /** Jobs waiting, active or delayed, not counting the schedulers' next runs (delayed `repeat:` jobs). */
  async pending(): Promise<number> {
    let n = 0;
    for (const q of QUEUE_NAMES) {
      const queue = this.queues.get(q);
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      n += (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0);
      if (c.delayed) n += (await queue.getDelayed(0, -1)).filter((j) => !j.id?.startsWith('repeat:')).length;
    }
    return n;
  }

  /** Waits until no job is waiting, active or delayed in any queue. */
  async settled(timeoutMs = 120_000): Promise<void> {
    try {
      await waitFor('every queue to drain', async () => (await this.pending()) === 0, timeoutMs, 200);
    } catch (err) {
      throw new Error(`${(err as Error).message}; ${await this.describe()}`);
    }
  }

  /** Queue counts and each process's last log lines, for a failure message. */
  async describe(): Promise<string> {
    const counts: Record<string, unknown> = {};
    for (const q of QUEUE_NAMES) counts[q] = await this.queues.get(q).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
    const logs = [...this.procs.values()].map((p) => `${p.name}${p.alive() ? '' : ' (dead)'}: ${p.lines.slice(-4).map((l) => JSON.stringify(l)).join(' ')}`);
    return `counts ${JSON.stringify(counts)}; records ${this.records().size}/${this.expected}; ${logs.join(' || ')}`;
  }

  /** Failed jobs of every queue, with their reason codes. */
  async failed(): Promise<{ queue: QueueName; id: string; reason: string; url: string; message: string }[]> {
    const out = [];
    for (const q of QUEUE_NAMES) {
      for (const j of await this.queues.get(q).getFailed(0, -1)) {
        out.push({ queue: q, id: j.id ?? '', reason: reasonOf(j.failedReason), url: (j.data as { url?: string }).url ?? '', message: j.failedReason ?? '' });
      }
    }
    return out;
  }

  async stalledCount(): Promise<number> {
    const raw = await this.client.hgetall(`${this.prefix}:provnews:stalled`);
    return Object.values(raw).reduce((n, v) => n + Number(v), 0);
  }

  async tearDown(): Promise<void> {
    for (const p of this.all) if (p.alive()) p.child.kill('SIGKILL');
    await Promise.all(this.all.map((p) => p.exited));
    await this.queues?.close().catch(() => undefined);
    this.client?.disconnect();
    await this.server?.close();
    await this.redis?.stop();
  }
}

/** One row of bench/results/faults.md. */
export interface FaultRow {
  experiment: string;
  expected: string;
  observed: string;
  pass: boolean;
}

/** Appends a row to the results file `npm run faults` turns into bench/results/faults.md (no-op under `npm test`). */
export function recordRow(row: FaultRow): void {
  const file = process.env.PROVNEWS_FAULTS_RESULTS;
  if (!file) return;
  const rows: FaultRow[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FaultRow[]) : [];
  rows.push(row);
  writeFileSync(file, JSON.stringify(rows, null, 2));
}

/**
 * A deployment for one test file or `describe` block: set up and every worker started before its
 * tests, torn down after them.
 */
export function suiteDeployment(opts: DeploymentOptions): Deployment {
  const d = new Deployment(opts);
  beforeAll(async () => {
    await d.setUp();
    await d.startAll();
  }, 120_000);
  afterAll(() => d.tearDown(), 60_000);
  return d;
}
