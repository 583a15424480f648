import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { PermanentJobError } from '@provnews/queues';

/** Budget and size of a {@link TaskPool}. */
export interface TaskPoolOptions {
  /**
   * URL of a task module: its default export is `(input) => output`, run in a worker thread. An
   * optional `warmUp()` export runs once per thread, before the module's first task and outside
   * any task's budget. The module {@link TaskPool.run} uses when it is given none; it is loaded
   * as soon as a thread starts. Other modules are loaded by a thread on their first task.
   */
  taskModule?: URL;
  /** Threads kept alive (tasks beyond that wait for a free thread; their budget starts when they run). */
  threads: number;
  /** Wall-clock budget of one task (ms); over it the thread is terminated and replaced. */
  timeoutMs: number;
  /** Heap budget of one thread (MiB, V8 old generation); over it the thread dies and is replaced. */
  maxMemoryMb: number;
}

/**
 * The abort signal piscina is given for a task (it accepts an emitter-like `once`/`removeListener`
 * object). The pool only ever aborts a task that ran over its budget; an AbortController per task
 * (piscina adding and removing its listener on an EventTarget) and a SharedArrayBuffer per task for
 * the start clock cost about a quarter of the whole hand-off: 0.19–0.20 ms of CPU per task before,
 * 0.14–0.16 ms with this signal and reused clocks, against 0.08–0.12 ms for a bare worker thread
 * (bench/results/handoff-cost.md; the earlier figures from the same benchmark at 15e4654).
 */
class TaskAbort {
  private listener: (() => void) | null = null;
  once(_name: 'abort', listener: () => void): void {
    this.listener = listener;
  }
  off(_name: 'abort', listener: () => void): void {
    if (this.listener === listener) this.listener = null;
  }
  /** What piscina 5 calls, whatever its typings say (`off`). */
  removeListener(name: 'abort', listener: () => void): void {
    this.off(name, listener);
  }
  abort(): void {
    const listener = this.listener;
    this.listener = null;
    listener?.();
  }
}

/** How often a task still waiting for its thread checks whether it has started. */
const START_POLL_MS = 50;

const entry = fileURLToPath(new URL('./task-thread.mjs', import.meta.url));

/**
 * A fixed pool of worker threads (piscina) running one CPU-heavy pure function — cleaning or
 * extracting a page — under a time and memory budget. The event loop of the worker process stays
 * free while a page is parsed, so BullMQ keeps renewing job locks, other jobs keep flowing and
 * SIGTERM is handled; a page over budget costs one thread, which piscina replaces, and fails with
 * `[too-complex]` (permanent: the same bytes would blow the same budget again).
 *
 * Threads are created once and reused across jobs (a thread costs ~0.5 s to start: tsx, cheerio).
 */
export class TaskPool<In, Out> {
  private readonly pool: Piscina;
  /** Start clocks of settled tasks, reused instead of a new SharedArrayBuffer per task (see TaskAbort). */
  private readonly clocks: BigInt64Array[] = [];

  constructor(private readonly opts: TaskPoolOptions) {
    this.pool = new Piscina({
      filename: entry,
      workerData: { preload: opts.taskModule ? [opts.taskModule.href] : [] },
      minThreads: opts.threads,
      maxThreads: opts.threads,
      // One task per thread at a time; the budget of a task waiting for a thread has not begun.
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb },
      // Tasks reach a thread by its message port alone, and an idle thread waits in its event loop.
      // Piscina's default ('sync') also wakes the thread through a futex on every task and parks it
      // in Atomics.wait between tasks, for latency a page of a few ms does not need. Measured in
      // the pipeline against the default on a 2-core VM: less CPU per article in 7 of 8 alternating
      // pairs of 4,000-article runs (median −3 %), no difference in 3 pairs at 10,000 (summary at
      // the top of bench/results/orchestration.md as of commit 9f84e32). strace counts the same
      // wake-ups, by another path.
      atomics: 'disabled',
      // Piscina's run/wait-time histograms: nothing reads them, and they are recorded on every task.
      recordTiming: false,
    });
  }

  /**
   * Runs the task on a free thread. Throws `[too-complex]` (PermanentJobError) when the task
   * runs past the time budget or its thread runs out of memory; other errors from the task are
   * rethrown as they are.
   *
   * @param what names the input in the error message (usually the page URL)
   * @param module the task module (default: the pool's `taskModule`)
   */
  async run(input: In, what: string, module: URL | undefined = this.opts.taskModule): Promise<Out> {
    if (!module) throw new Error('TaskPool.run: no task module given and the pool has no default');
    const abort = new TaskAbort();
    // The thread writes the time it starts the task into this clock; until then (a thread still
    // loading its modules after a restart) the budget has not begun.
    const clock = this.clocks.pop() ?? new BigInt64Array(new SharedArrayBuffer(8));
    Atomics.store(clock, 0, 0n);
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const started = Number(Atomics.load(clock, 0));
      if (!started) {
        timer = setTimeout(arm, START_POLL_MS);
        return;
      }
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, Math.max(0, started + this.opts.timeoutMs - Date.now()));
    };
    const task = this.pool.run({ module: module.href, input, startedAt: clock.buffer }, { signal: abort }) as Promise<Out>;
    arm();
    try {
      return await task;
    } catch (err) {
      const e = err as Error & { code?: string };
      if (timedOut) throw new PermanentJobError('too-complex', `${what}: over the ${this.opts.timeoutMs} ms processing budget`);
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message)) {
        throw new PermanentJobError('too-complex', `${what}: over the ${this.opts.maxMemoryMb} MiB memory budget`);
      }
      throw err;
    } finally {
      clearTimeout(timer);
      // Settled: the thread that ran the task is done with its clock (or was terminated).
      this.clocks.push(clock);
    }
  }

  /**
   * Loads and warms `module` on every thread now (one warm-up task per thread, outside any
   * budget), so the first page a thread takes is not slowed by it. Resolves when all are done.
   */
  async warm(module: URL): Promise<void> {
    await Promise.all(Array.from({ length: this.opts.threads }, () => this.pool.run({ module: module.href, warmOnly: true })));
  }

  /** Threads currently alive (for tests and metrics). */
  get threads(): number {
    return this.pool.threads.length;
  }

  /** Waits for running tasks, then stops the threads. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

/**
 * Threads for cleaning and extracting pages in one process when PAGE_THREADS is 0 (auto): one
 * per core but one, which is left to the event loop (queues, store, crawler). On 2 cores that is
 * one thread beside the event loop, which measured cheaper per article than a pool per stage
 * (bench/results/orchestration.md); never fewer than one, so the event loop is never blocked by a page.
 */
export function autoPageThreads(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

interface SharedPool {
  pool: TaskPool<unknown, unknown>;
  users: number;
  /** Settles when every module leased so far is loaded on every thread. */
  ready: Promise<void>;
}
const shared = new WeakMap<object, SharedPool>();

/** A share of a process's page pool: run tasks on it, release it when the worker closes. */
export interface PoolLease {
  run<In, Out>(module: URL, input: In, what: string): Promise<Out>;
  /** The last lease released closes the pool (running tasks finish first). */
  release(): Promise<void>;
}

/**
 * The one page pool of `owner` (a context): the clean and extract workers of one process share
 * its threads instead of each keeping its own, so a process loads the cleaner and extractor once
 * per thread and never runs more page threads than it has cores for. The pool is made by the
 * first lease (with its options) and closed by the last release.
 */
export function leaseTaskPool(owner: object, opts: TaskPoolOptions): PoolLease {
  let entry = shared.get(owner);
  if (!entry) {
    entry = { pool: new TaskPool<unknown, unknown>(opts), users: 0, ready: Promise.resolve() };
    shared.set(owner, entry);
  }
  entry.users++;
  // Each stage's module is warmed on every thread as it joins (a failure shows on the first task).
  if (opts.taskModule) entry.ready = Promise.all([entry.ready, entry.pool.warm(opts.taskModule).catch(() => undefined)]).then(() => undefined);
  const held = entry;
  let released = false;
  return {
    run: <In, Out>(module: URL, input: In, what: string) => held.pool.run(input, what, module) as Promise<Out>,
    async release() {
      if (released) return;
      released = true;
      held.users--;
      if (held.users > 0) return;
      if (shared.get(owner) === held) shared.delete(owner);
      await held.pool.close();
    },
  };
}

/** Settles when the page pool of `owner` has loaded every leased stage's module on every thread (at once when there is no pool). */
export function pagePoolReady(owner: object): Promise<void> {
  return shared.get(owner)?.ready ?? Promise.resolve();
}
