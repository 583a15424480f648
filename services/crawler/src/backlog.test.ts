import { Worker, type Job } from 'bullmq';
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
    const worker = new Worker(
      'crawl',
      async (job: Job) => {
        await guard(job);
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
    await expect(guard({ data: { kind: 'article', url: 'https://bao.example.vn/tin/khac.html' } } as Job)).rejects.toThrow();

    await queues.get('clean').drain();
    await waitFor('the held article went through', async () => done.includes('https://bao.example.vn/tin/bai-cho.html'), 10_000);
    const finished = await queues.get('crawl').getJob(article.id!);
    expect(finished?.attemptsMade).toBe(1);
  });

  it('never holds with a limit of 0', async () => {
    const guard = backlogGuard(queues, 0);
    await queues.enqueueBulk('clean', [4, 5, 6].map(cleanJob));
    await expect(guard({ data: { kind: 'article', url: 'https://bao.example.vn/tin/mot.html' } } as Job)).resolves.toBeUndefined();
    await queues.get('clean').drain();
  });
});
