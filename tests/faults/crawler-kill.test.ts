import { expect, it } from 'vitest';
import { waitFor } from '@provnews/testing';
import { recordRow, suiteDeployment } from './harness.ts';

/**
 * The fault the issue found first: kill -9 of the crawler mid-run lost articles (stored and marked
 * seen before the clean job existed). Each worker is its own process on a Redis of the test's own;
 * the crawler is killed twice while articles are being fetched and restarted each time.
 * Part of `npm test`; the other faults run with `npm run faults`.
 */
const d = suiteDeployment({ generated: 10 });

async function articlesHandedOff(): Promise<number> {
  const c = await d.queues.get('clean').getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
  return Object.values(c).reduce((n, v) => n + v, 0);
}

it('kill -9 of the crawler twice mid-run loses no article and leaves no failed job', async () => {
  await d.startRun();
  for (const share of [0.25, 0.6]) {
    await waitFor(`${share * 100}% of the articles handed to clean`, async () => (await articlesHandedOff()) >= d.expected * share, 120_000, 20);
    await d.kill9('crawler');
    await d.start('crawler');
  }
  await d.settled();
  await waitFor('every record written', () => d.records().size >= d.expected, 30_000, 100);
  const failed = await d.failed();
  const records = d.records().size;
  recordRow({
    experiment: `kill -9 the crawler twice mid-run (${d.expected} articles)`,
    expected: `${d.expected} records, 0 failed jobs`,
    observed: `${records} records (${d.recordLines()} lines), ${failed.length} failed jobs, ${await d.stalledCount()} stalled jobs recovered`,
    pass: records === d.expected && failed.length === 0,
  });
  expect(failed).toEqual([]);
  expect(records).toBe(d.expected);
  expect(d.recordLines()).toBe(d.expected);
  expect(d.procs.get('cleaner')!.alive()).toBe(true);
  expect(d.procs.get('extractor')!.alive()).toBe(true);
}, 240_000);
