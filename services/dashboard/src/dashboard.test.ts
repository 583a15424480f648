import { afterAll, beforeAll, expect, it } from 'vitest';
import { Queues } from '@provnews/queues';
import { dropPrefix, testRedis, uniqueName, waitFor } from '@provnews/testing';
import { Worker } from 'bullmq';
import { PermanentJobError } from '@provnews/queues';
import { startDashboard, type Dashboard } from './app.ts';

const prefix = uniqueName('dash');
const redis = testRedis();
const queues = new Queues({ connection: redis, prefix });
let dashboard: Dashboard;

beforeAll(async () => {
  // One real failed job with a reason code, produced by a real worker.
  const worker = new Worker('crawl', async () => {
    throw new PermanentJobError('http-404', 'https://x.vn/a.html answered 404');
  }, { connection: testRedis(), prefix });
  const job = await queues.enqueue('crawl', { url: 'https://x.vn/a.html' });
  await waitFor('the job to fail', async () => (await job.getState()) === 'failed');
  await worker.close();
  dashboard = await startDashboard({ queues, port: 0 });
});

afterAll(async () => {
  await dashboard.close();
  await queues.close();
  await redis.quit();
  await dropPrefix(prefix);
});

it('serves bull-board with the three queues', async () => {
  const res = await fetch(`${dashboard.url}/api/queues?activeQueue=crawl&status=failed&page=1`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { queues: { name: string; counts: Record<string, number>; jobs: { failedReason: string }[] }[] };
  expect(body.queues.map((q) => q.name).sort()).toEqual(['clean', 'crawl', 'extract']);
  const crawl = body.queues.find((q) => q.name === 'crawl');
  expect(crawl?.counts.failed).toBe(1);
  expect(crawl?.jobs[0]?.failedReason).toMatch(/^\[http-404\]/);
  expect((await fetch(`${dashboard.url}/`)).status).toBe(200);
});

it('exposes Prometheus metrics with counts per state and failures per reason', async () => {
  const text = await (await fetch(`${dashboard.url}/metrics`)).text();
  expect(text).toMatch(/provnews_queue_jobs\{queue="crawl",state="failed"\} 1/);
  expect(text).toMatch(/provnews_failed_jobs_by_reason\{queue="crawl",reason="http-404"\} 1/);
});
