import { Job, Queue, Worker, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { ChainableCommander } from 'ioredis';
import { catalog, EVENTS_KEPT, parsePayload, QUEUE_NAMES, type PayloadInputOf, type PayloadOf, type QueueName } from './catalog.ts';

/**
 * Commands to run right after a job is added, in the same MULTI (see {@link Queues.enqueue}):
 * `tx` takes them, `jobKey` is the new job's hash, which they may check for.
 */
export type FollowUp = (tx: ChainableCommander, jobKey: string) => void;

/**
 * Scripts a hand-off transaction may run: BullMQ's job adds (standard, delayed, prioritized, parent;
 * their names carry BullMQ's version after a colon) and the project's own commands (`provnews…`).
 */
const HANDOFF_SCRIPT = /^(add(Standard|Delayed|Prioritized|Parent)Job:|provnews)/;

/** The part of an ioredis client the hand-off connection is made from (see Queues.handoff). */
interface ScriptedClient {
  scriptsSet: Record<string, { lua: string; numberOfKeys: number | null; readOnly?: boolean }>;
  defineCommand(name: string, def: { lua: string; numberOfKeys?: number; readOnly?: boolean }): void;
  duplicate(): ScriptedClient;
  multi(): ChainableCommander;
  on(event: 'error', listener: () => void): unknown;
  quit(): Promise<unknown>;
  hget(key: string, field: string): Promise<string | null>;
  del(key: string): Promise<number>;
}

/**
 * How long a reprocess's hand-off notes live ({@link Queues.reprocessNote}): long enough for
 * `provnews reprocess` to be run again with a longer wait, bounded so they never pile up.
 */
export const REPROCESS_NOTES_TTL_S = 7 * 24 * 3600;

/** Runs a MULTI and throws the first command's error: EXEC itself succeeds when a command in it fails. */
async function execAll(tx: ChainableCommander): Promise<void> {
  const failed = ((await tx.exec()) ?? []).find(([err]) => err);
  if (failed) throw failed[0];
}

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
  /**
   * The connection hand-off transactions run on ({@link enqueue} with a follow-up), made on first
   * use from the queue's client. ioredis copies every script its client carries onto each MULTI it
   * makes: on the queue's client, with BullMQ's 64 scripts, that cost 50–70 µs per MULTI, against 8 µs
   * here (a 2-core AMD EPYC VM); this connection carries only the scripts a hand-off runs.
   */
  private handoff?: { client: ScriptedClient; copied: number };

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
    const tx = this.handoffClient((await queue.backend.client) as unknown as ScriptedClient).multi();
    // Queued synchronously, as BullMQ's own addBulk does; its promise settles with the MULTI.
    void job.addJob(tx as never).catch(() => undefined);
    then(tx, queue.toKey(jobId));
    await execAll(tx);
    return job as Job<PayloadOf[Q]>;
  }

  /**
   * The hand-off connection, its scripts brought up to date with `base` (a module may define its
   * command on the shared client after the first hand-off).
   */
  private handoffClient(base: ScriptedClient): ScriptedClient {
    if (!this.handoff) {
      const client = base.duplicate();
      client.on('error', () => undefined); // as the queues: errors surface on the next command
      this.handoff = { client, copied: 0 };
    }
    const names = Object.keys(base.scriptsSet);
    if (names.length !== this.handoff.copied) {
      for (const name of names) {
        if (!HANDOFF_SCRIPT.test(name) || name in this.handoff.client.scriptsSet) continue;
        const script = base.scriptsSet[name]!;
        this.handoff.client.defineCommand(name, { lua: script.lua, ...(script.numberOfKeys === null ? {} : { numberOfKeys: script.numberOfKeys }), readOnly: script.readOnly ?? false });
      }
      this.handoff.copied = names.length;
    }
    return this.handoff.client;
  }

  /**
   * Notes of a reprocess (`provnews reprocess`): each finished job writes what it handed on (a
   * clean job the id of the extract job it added, in the same MULTI as that add; an extract job the
   * sink's outcome), one field per job in one hash per reprocess. The run's progress then never
   * depends on the queues keeping completed jobs: their retention (the newest 1,000 per queue) may
   * drop a job before a poll reads it. Keys: `<prefix>:reprocess:<id>`; fields `<stage>:<job id>`.
   */
  reprocessNotesKey(reprocessId: string): string {
    return `${this.prefix}:reprocess:${reprocessId}`;
  }

  /** The note as a hand-off follow-up: written in the same MULTI as the next stage's job. */
  reprocessNote(reprocessId: string, field: string, value: string): FollowUp {
    const key = this.reprocessNotesKey(reprocessId);
    // The object form: BullMQ wraps the client it hands out, and its MULTI takes a hash's fields only as an object.
    return (tx) => {
      tx.hset(key, { [field]: value }).expire(key, REPROCESS_NOTES_TTL_S);
    };
  }

  /** Writes a note on its own (the last stage, which hands nothing on). */
  async writeReprocessNote(reprocessId: string, field: string, value: string): Promise<void> {
    const tx = this.handoffClient(await this.client()).multi();
    this.reprocessNote(reprocessId, field, value)(tx, '');
    await execAll(tx);
  }

  /** One note of a reprocess, or null. */
  async readReprocessNote(reprocessId: string, field: string): Promise<string | null> {
    return (await this.client()).hget(this.reprocessNotesKey(reprocessId), field);
  }

  /** Drops a reprocess's notes (its report is complete). */
  async dropReprocessNotes(reprocessId: string): Promise<void> {
    await (await this.client()).del(this.reprocessNotesKey(reprocessId));
  }

  /** The queues' own connection (the extract queue's; all share one Redis), for the notes. */
  private async client(): Promise<ScriptedClient> {
    return (await this.get('extract').backend.client) as unknown as ScriptedClient;
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
    const handoff = this.handoff?.client;
    this.handoff = undefined;
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await handoff?.quit().catch(() => undefined);
  }
}
