import { Job, Queue, Worker, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { ChainableCommander } from 'ioredis';
import { catalog, EVENTS_KEPT, parsePayload, QUEUE_NAMES, type PayloadInputOf, type PayloadOf, type QueueName } from './catalog.ts';

/**
 * Commands to run right after a job is added, in the same MULTI (see {@link Queues.enqueue}):
 * `tx` takes them, `jobKey` is the new job's hash, which they may check for.
 */
export type FollowUp = (tx: ChainableCommander, jobKey: string) => void;

/** Jobs per addBulk call (see enqueueBulk). */
export const BULK_SLICE = 500;

export interface QueuesOptions {
  connection: ConnectionOptions;
  /** BullMQ key prefix; tests use a unique one per suite. */
  prefix?: string;
}

/**
 * The producer side of the catalog: one BullMQ Queue per catalog entry and a typed `enqueue`
 * that validates the payload before it reaches Redis.
 */
export class Queues {
  readonly prefix: string;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly opts: QueuesOptions) {
    this.prefix = opts.prefix ?? 'provnews';
  }

  /** The BullMQ Queue for a catalog entry (created on first use). */
  get(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(catalog[name].name, {
        connection: this.opts.connection,
        prefix: this.prefix,
        defaultJobOptions: catalog[name].defaultJobOptions,
        // Stored in the queue's meta hash, so the workers' scripts trim to the same length.
        streams: { events: { maxLen: EVENTS_KEPT } },
      });
      q.on('error', () => undefined); // connection errors surface on the next command; don't crash the process
      this.queues.set(name, q);
    }
    return q;
  }

  /**
   * Adds one job after validating its payload. Queues with a job id rule (clean, extract) are
   * idempotent: adding the same snapshot twice is a no-op while the first job is retained.
   * `then` queues commands that must run after the add and never without it (the crawler marks
   * the URL fetched this way): add and follow-up go in one MULTI, one round trip. Needs a job id.
   */
  async enqueue<Q extends QueueName>(name: Q, payload: PayloadInputOf[Q], opts: JobsOptions = {}, then?: FollowUp): Promise<Job<PayloadOf[Q]>> {
    const data = parsePayload(name, payload);
    const idRule = catalog[name].jobId as ((p: PayloadOf[Q]) => string) | undefined;
    const jobId = opts.jobId ?? idRule?.(data);
    const queue = this.get(name);
    if (!then) return (await queue.add(name, data, { ...opts, ...(jobId ? { jobId } : {}) })) as Job<PayloadOf[Q]>;
    if (!jobId) throw new Error(`enqueue on "${name}" with follow-up commands needs a job id`);
    // The add and the follow-up in one MULTI: one round trip, and nothing sees one without the other.
    const job = new Job(queue, name, data, { ...catalog[name].defaultJobOptions, ...opts, jobId }, jobId);
    const tx = (await queue.backend.client).multi() as unknown as ChainableCommander;
    // Queued synchronously, as BullMQ's own addBulk does; its promise settles with the MULTI.
    void job.addJob(tx as never).catch(() => undefined);
    then(tx, queue.toKey(jobId));
    const results = (await tx.exec()) ?? [];
    const failed = results.find(([err]) => err);
    if (failed) throw failed[0];
    return job as Job<PayloadOf[Q]>;
  }

  /** Adds many jobs to one queue, a slice of {@link BULK_SLICE} per round trip. */
  async enqueueBulk<Q extends QueueName>(name: Q, items: { payload: PayloadInputOf[Q]; opts?: JobsOptions }[]): Promise<Job[]> {
    const idRule = catalog[name].jobId as ((p: PayloadOf[Q]) => string) | undefined;
    // Every payload is checked before the first job is added: a bad item fails the whole call.
    const jobs = items.map(({ payload, opts = {} }) => {
      const data = parsePayload(name, payload);
      const jobId = opts.jobId ?? idRule?.(data);
      return { name, data, opts: { ...catalog[name].defaultJobOptions, ...opts, ...(jobId ? { jobId } : {}) } };
    });
    // In slices: a sitemap can list tens of thousands of articles, and one addBulk holds them all
    // in memory at once (job objects, one giant MULTI). Ids are deterministic, so a retry after a
    // failure between slices re-adds only what is missing.
    const out: Job[] = [];
    for (let i = 0; i < jobs.length; i += BULK_SLICE) out.push(...(await this.get(name).addBulk(jobs.slice(i, i + BULK_SLICE))));
    return out;
  }

  /**
   * Job counts of every queue, for `provnews status` and progress output. `waiting` includes
   * BullMQ's `prioritized` jobs (waiting too, only ordered: the crawler numbers article jobs).
   */
  async counts(): Promise<Record<QueueName, Record<string, number>>> {
    const out = {} as Record<QueueName, Record<string, number>>;
    for (const name of QUEUE_NAMES) {
      const { prioritized = 0, ...c } = await this.get(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed', 'waiting-children');
      out[name] = { ...c, waiting: (c.waiting ?? 0) + prioritized };
    }
    return out;
  }

  /**
   * Holds a whole queue for `ms` (BullMQ's queue rate limit: no worker of any process takes a job
   * of it meanwhile) and returns the error a processor throws to put its current job back to
   * waiting without using an attempt.
   */
  async hold(name: QueueName, ms: number): Promise<Error> {
    await this.get(name).rateLimit(ms);
    return Worker.RateLimitError();
  }

  /** Removes every key of every queue (tests; `provnews reset`). */
  async obliterate(): Promise<void> {
    for (const name of QUEUE_NAMES) await this.get(name).obliterate({ force: true });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
