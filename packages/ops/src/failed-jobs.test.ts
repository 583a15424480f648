import { Worker } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PermanentJobError, Queues } from '@provnews/queues';
import { dropPrefix, testRedis, uniqueName, waitFor } from '@provnews/testing';
import { checkReason, discardFailed, listFailed, replayFailed } from './failed-jobs.ts';

const prefix = uniqueName('ops');
const redis = testRedis();
const queues = new Queues({ connection: redis, prefix });
const ids: Record<string, string> = {};
let between = new Date();

// Real failed jobs with reason codes, from a real worker: two 404s, then (after `between`) a robots failure.
async function failAll(urls: string[]): Promise<void> {
  const worker = new Worker(
    'crawl',
    async (job) => {
      throw new PermanentJobError((job.data as { url: string }).url.includes('gone') ? 'http-404' : 'robots-disallow', 'no');
    },
    { connection: testRedis(), prefix },
  );
  for (const url of urls) {
    const job = await queues.enqueue('crawl', { url }, { attempts: 3 });
    ids[url] = job.id!;
    await waitFor(`${url} to fail`, async () => (await job.getState()) === 'failed');
  }
  await worker.close();
}

beforeAll(async () => {
  await failAll(['https://x.vn/gone-1.html', 'https://x.vn/gone-2.html']);
  between = new Date(Date.now() + 1);
  await waitFor('the clock to pass the boundary', () => Date.now() > between.getTime());
  await failAll(['https://x.vn/admin/a.html']);
});

afterAll(async () => {
  await queues.close();
  await redis.quit();
  await dropPrefix(prefix);
});

it('lists failed jobs filtered by reason and time window, with the total beyond the limit', async () => {
  expect((await listFailed(queues, { reason: 'http-404' })).jobs.map((f) => f.view.url).sort()).toEqual(['https://x.vn/gone-1.html', 'https://x.vn/gone-2.html']);
  expect((await listFailed(queues, { queue: 'clean' })).jobs).toEqual([]);
  expect((await listFailed(queues, { since: between })).jobs.map((f) => f.view.url)).toEqual(['https://x.vn/admin/a.html']);
  expect((await listFailed(queues, { until: between })).jobs.map((f) => f.view.url).sort()).toEqual(['https://x.vn/gone-1.html', 'https://x.vn/gone-2.html']);
  const limited = await listFailed(queues, { limit: 1 });
  expect(limited.jobs).toHaveLength(1);
  expect(limited.total).toBe(3);
});

it('rejects unknown reason codes', () => {
  expect(() => checkReason('http-4044')).toThrow(/unknown reason code "http-4044"; known: bad-payload/);
  expect(checkReason('no-article')).toBe('no-article');
});

it('a dry run changes nothing', async () => {
  const r = await replayFailed(queues, { reason: 'http-404' }, { dryRun: true });
  expect(r.total).toBe(2);
  expect((await listFailed(queues)).total).toBe(3);
});

it('replays one job by id only when it matches the other filters, with its full retry budget', async () => {
  const id = ids['https://x.vn/gone-1.html']!;
  const before = await queues.get('crawl').getJob(id);
  expect(before!.attemptsMade).toBeGreaterThan(0);
  expect((await replayFailed(queues, { id, reason: 'robots-disallow' })).jobs).toEqual([]);
  const replayed = await replayFailed(queues, { id });
  expect(replayed.jobs.map((v) => v.id)).toEqual([id]);
  const job = await queues.get('crawl').getJob(id);
  expect(await job!.getState()).toBe('waiting');
  expect(job!.attemptsMade).toBe(0);
  expect(job!.opts.attempts).toBe(3);
});

it('discards by filter', async () => {
  const d = await discardFailed(queues, { reason: 'robots-disallow' });
  expect(d.jobs.map((v) => v.url)).toEqual(['https://x.vn/admin/a.html']);
  expect(await queues.get('crawl').getJob(ids['https://x.vn/admin/a.html']!)).toBeUndefined();
  expect((await listFailed(queues)).jobs.map((f) => f.view.url)).toEqual(['https://x.vn/gone-2.html']);
});
