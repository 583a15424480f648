import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { PermanentJobError } from '@provnews/queues';

/** Budget and size of a {@link TaskPool}. */
export interface TaskPoolOptions {
  /**
   * URL of the task module: its default export is `(input) => output`, run in a worker thread. An
   * optional `warmUp()` export runs once when a thread starts, outside any task's budget.
   */
  taskModule: URL;
  /** Threads kept alive; one per job the stage runs at once (its concurrency). */
  threads: number;
  /** Wall-clock budget of one task (ms); over it the thread is terminated and replaced. */
  timeoutMs: number;
  /** Heap budget of one thread (MiB, V8 old generation); over it the thread dies and is replaced. */
  maxMemoryMb: number;
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

  constructor(private readonly opts: TaskPoolOptions) {
    this.pool = new Piscina({
      filename: entry,
      workerData: { taskModule: opts.taskModule.href },
      minThreads: opts.threads,
      maxThreads: opts.threads,
      // A busy thread's queue would eat the next job's budget: each job gets a thread of its own.
      concurrentTasksPerWorker: 1,
      idleTimeout: Number.POSITIVE_INFINITY,
      resourceLimits: { maxOldGenerationSizeMb: opts.maxMemoryMb },
    });
  }

  /**
   * Runs the task on a free thread. Throws `[too-complex]` (PermanentJobError) when the task
   * runs past the time budget or its thread runs out of memory; other errors from the task are
   * rethrown as they are.
   *
   * @param what names the input in the error message (usually the page URL)
   */
  async run(input: In, what: string): Promise<Out> {
    const controller = new AbortController();
    // The thread writes the time it starts the task here; until then (a thread still loading
    // its modules after a restart) the budget has not begun.
    const startedAt = new SharedArrayBuffer(8);
    const clock = new BigInt64Array(startedAt);
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
        controller.abort();
      }, Math.max(0, started + this.opts.timeoutMs - Date.now()));
    };
    const task = this.pool.run({ input, startedAt }, { signal: controller.signal }) as Promise<Out>;
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
    }
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
