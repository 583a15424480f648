import { DelayedError, Worker, type Job } from 'bullmq';
import { parkedBefore } from '@provnews/crawler';
import { afterAll, describe, expect, it } from 'vitest';
import { Queues } from '@provnews/queues';
import { testRedis, uniqueName, waitFor } from '@provnews/testing';
import { BACKLOG_HOLD_MS, backlogGuard } from './index.ts';

const redis = testRedis();
const prefix = uniqueName('backlog');
const queues = new Queues({ connection: redis, prefix });
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await queues.obliterate();
  await queues.close();
  await redis.quit();
});

const cleanJob = (n: number) => ({
  payload: { snapshotId: n.toString(16).padStart(64, '0'), url: `https://bao.example.vn/tin/bai-${n}.html`, portal: 'demo-x', fetchedAt: '2026-11-30T08:00:00.000Z' },
});

describe('crawl backpressure (CRAWL_MAX_BACKLOG)', () => {
  it('holds article jobs while the clean queue is full, without using an attempt, and lets them through once it drains', async () => {
    await queues.enqueueBulk('clean', [1, 2, 3].map(cleanJob));
    const guard = backlogGuard(queues, 3);
    const done: string[] = [];
    const parked: boolean[] = [];
    const worker = new Worker(
      'crawl',
      async (job: Job) => {
        await guard(job);
        parked.push(parkedBefore(job));
        done.push((job.data as { url: string }).url);
      },
      { connection: testRedis(), prefix, concurrency: 2 },
    );
    worker.on('error', () => undefined);
    cleanups.push(() => worker.close());

    const article = await queues.enqueue('crawl', { url: 'https://bao.example.vn/tin/bai-cho.html', portal: 'demo-x' });
    await waitFor('the article job started and was put back', async () => ((await queues.get('crawl').getJob(article.id!))?.attemptsStarted ?? 0) >= 1);
    await new Promise((r) => setTimeout(r, BACKLOG_HOLD_MS / 2));
    expect(done).toEqual([]);
    const held = await queues.get('crawl').getJob(article.id!);
    expect(held?.attemptsMade).toBe(0);
    expect(await held?.getState()).toMatch(/^(waiting|prioritized|active)$/);

    // A sitemap only discovers: it is never held (the guard lets it through while the backlog is full).
    await expect(guard({ data: { kind: 'sitemap', url: 'https://bao.example.vn/sitemap.xml' } } as Job)).resolves.toBeUndefined();
    const counted: unknown[] = [];
    const other = { data: { kind: 'article', url: 'https://bao.example.vn/tin/khac.html', held: 2 }, updateData: async (d: unknown) => void counted.push(d) };
    await expect(guard(other as unknown as Job)).rejects.toThrow(/rateLimit/);
    expect(counted).toEqual([{ kind: 'article', url: 'https://bao.example.vn/tin/khac.html', held: 3 }]);

    await queues.get('clean').drain();
    // Completed, not only processed: BullMQ counts the attempt when it moves the job to completed.
    await waitFor('the held article went through', async () => done.includes('https://bao.example.vn/tin/bai-cho.html') && (await queues.get('crawl').getJobState(article.id!)) === 'completed', 10_000);
    const finished = await queues.get('crawl').getJob(article.id!);
    expect(finished?.attemptsMade).toBe(1);
    // Started more than once without an attempt, yet never parked at a host: it queues at the tail like a newcomer.
    expect(finished!.attemptsStarted).toBeGreaterThan(1);
    expect((finished!.data as { held?: number }).held).toBe(finished!.attemptsStarted - 1);
    expect(parked).toEqual([false]);
  });

  it('a job parked at a busy host (delayed without an attempt) wakes as parked', async () => {
    const seen: { parked: boolean; started: number }[] = [];
    const name = uniqueName('park');
    const local = new Queues({ connection: redis, prefix: name });
    const worker = new Worker(
      'crawl',
      async (job: Job, token?: string) => {
        seen.push({ parked: parkedBefore(job), started: job.attemptsStarted });
        if (seen.length === 1) {
          await job.moveToDelayed(Date.now() + 50, token);
          throw new DelayedError();
        }
      },
      { connection: testRedis(), prefix: name, concurrency: 1 },
    );
    worker.on('error', () => undefined);
    cleanups.push(async () => {
      await worker.close();
      await local.obliterate();
      await local.close();
    });
    await local.enqueue('crawl', { url: 'https://bao.example.vn/tin/bai-doi.html', portal: 'demo-x' });
    await waitFor('the parked job ran again', async () => seen.length >= 2, 10_000);
    expect(seen).toEqual([
      { parked: false, started: 1 },
      { parked: true, started: 2 },
    ]);
  });

  it('a job recovered from a worker that died while holding it wakes as a newcomer, not as parked', async () => {
    const name = uniqueName('stall');
    const local = new Queues({ connection: redis, prefix: name });
    // The worker that dies: it takes the job and never renews its lock or finishes it.
    const dead = new Worker('crawl', null, { connection: testRedis(), prefix: name, lockDuration: 1000, autorun: false });
    dead.on('error', () => undefined);
    const seen: { parked: boolean; started: number; stalled: number }[] = [];
    let alive: Worker | undefined;
    cleanups.push(async () => {
      await alive?.close();
      await dead.close();
      await local.obliterate();
      await local.close();
    });
    const job = await local.enqueue('crawl', { url: 'https://bao.example.vn/tin/bai-mo-coi.html', portal: 'demo-x' });
    expect((await dead.getNextJob('dead-token'))?.id).toBe(job.id);
    alive = new Worker(
      'crawl',
      async (j: Job) => {
        seen.push({ parked: parkedBefore(j), started: j.attemptsStarted, stalled: j.stalledCounter });
      },
      { connection: testRedis(), prefix: name, concurrency: 1, stalledInterval: 300 },
    );
    alive.on('error', () => undefined);
    await waitFor('the stall check handed the job to the live worker', async () => seen.length >= 1, 15_000);
    expect(seen).toEqual([{ parked: false, started: 2, stalled: 1 }]);
  });

  it('never holds with a limit of 0', async () => {
    const guard = backlogGuard(queues, 0);
    await queues.enqueueBulk('clean', [4, 5, 6].map(cleanJob));
    await expect(guard({ data: { kind: 'article', url: 'https://bao.example.vn/tin/mot.html' } } as Job)).resolves.toBeUndefined();
    await queues.get('clean').drain();
  });
});
