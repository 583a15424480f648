import { Worker } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PermanentJobError, Queues } from '@provnews/queues';
import { dropPrefix, testRedis, uniqueName, waitFor } from '@provnews/testing';
import { listFailed, replayFailed } from './ops.ts';

const prefix = uniqueName('ops');
const redis = testRedis();
const queues = new Queues({ connection: redis, prefix });
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Real failed jobs with reason codes, from a real worker.
  const worker = new Worker(
    'crawl',
    async (job) => {
      throw new PermanentJobError((job.data as { url: string }).url.includes('gone') ? 'http-404' : 'robots-disallow', 'no');
    },
    { connection: testRedis(), prefix },
  );
  for (const url of ['https://x.vn/gone-1.html', 'https://x.vn/gone-2.html', 'https://x.vn/admin/a.html']) {
    const job = await queues.enqueue('crawl', { url });
    ids[url] = job.id!;
    await waitFor(`${url} to fail`, async () => (await job.getState()) === 'failed');
  }
  await worker.close();
});

afterAll(async () => {
  await queues.close();
  await redis.quit();
  await dropPrefix(prefix);
});

it('lists failed jobs filtered by reason', async () => {
  expect((await listFailed(queues, { reason: 'http-404' })).map((f) => f.view.url).sort()).toEqual(['https://x.vn/gone-1.html', 'https://x.vn/gone-2.html']);
  expect(await listFailed(queues, { queue: 'clean' })).toEqual([]);
});

it('replays one job by id, and only when it matches the other filters', async () => {
  const id = ids['https://x.vn/gone-1.html']!;
  expect(await replayFailed(queues, { id, reason: 'robots-disallow' })).toEqual([]);
  const replayed = await replayFailed(queues, { id });
  expect(replayed.map((v) => v.id)).toEqual([id]);
  expect(await (await queues.get('crawl').getJob(id))!.getState()).toBe('waiting');
});

it('replays every failed job with a reason', async () => {
  const replayed = await replayFailed(queues, { reason: 'robots-disallow' });
  expect(replayed.map((v) => v.url)).toEqual(['https://x.vn/admin/a.html']);
  expect((await listFailed(queues)).map((f) => f.view.url)).toEqual(['https://x.vn/gone-2.html']);
});
