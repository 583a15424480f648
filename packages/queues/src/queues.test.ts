import { afterAll, describe, expect, it } from 'vitest';
import { testRedis, uniqueName } from '@provnews/testing';
import { computeBackoff } from './backoff.ts';
import { COMPLETED_KEPT, EVENTS_KEPT, parsePayload } from './catalog.ts';
import { PermanentJobError, reasonOf, TransientJobError } from './errors.ts';
import { Queues } from './queues.ts';

const redis = testRedis();
const queues = new Queues({ connection: redis, prefix: uniqueName('q') });
afterAll(async () => {
  await queues.obliterate();
  await queues.close();
  await redis.quit();
});

describe('payload contracts', () => {
  it('rejects a malformed payload with a bad-payload reason naming the field', () => {
    const err = (() => {
      try {
        parsePayload('crawl', { url: 'ftp://x' });
      } catch (e) {
        return e as PermanentJobError;
      }
      throw new Error('no error');
    })();
    expect(err).toBeInstanceOf(PermanentJobError);
    expect(reasonOf(err.message)).toBe('bad-payload');
    expect(err.message).toMatch(/url: expected an http\(s\) URL/);
  });

  it('reads reason codes, BullMQ\'s stall-limit failure as `stalled`, anything else as `internal`', () => {
    expect(reasonOf('[too-complex] https://x.vn/a: over the 15000 ms processing budget')).toBe('too-complex');
    expect(reasonOf('job stalled more than allowable limit')).toBe('stalled');
    expect(reasonOf('incorrect header check')).toBe('internal');
    expect(reasonOf(undefined)).toBe('internal');
  });

  it('fills defaults', () => {
    expect(parsePayload('crawl', { url: 'https://baohagiang.vn/a.html' })).toMatchObject({ kind: 'article', depth: 0, force: false, portal: null });
  });
});

describe('Queues', () => {
  it('refuses to enqueue an invalid payload and nothing reaches Redis', async () => {
    await expect(queues.enqueue('clean', { snapshotId: 'nope', url: 'https://x.vn', portal: null, fetchedAt: 'x' })).rejects.toThrow(/bad-payload/);
    expect((await queues.counts()).clean.waiting).toBe(0);
  });

  it('makes clean jobs idempotent per snapshot', async () => {
    const payload = { snapshotId: 'a'.repeat(64), url: 'https://x.vn/a', portal: 'demo-x', fetchedAt: '2024-01-01T00:00:00.000Z' };
    const first = await queues.enqueue('clean', payload);
    const second = await queues.enqueue('clean', payload);
    expect(second.id).toBe(first.id);
    expect((await queues.counts()).clean.waiting).toBe(1);
    expect(first.opts.attempts).toBe(3);
    expect(first.opts.removeOnFail).toMatchObject({ age: 14 * 24 * 3600 });
  });

  it('counts jobs added with a priority (the crawler numbers article jobs) as waiting', async () => {
    const before = (await queues.counts()).crawl.waiting ?? 0;
    await queues.enqueueBulk('crawl', [
      { payload: { url: 'https://x.vn/tin/a-1.html', portal: 'demo-x' }, opts: { priority: 1 } },
      { payload: { url: 'https://x.vn/tin/a-2.html', portal: 'demo-x' }, opts: { priority: 2 } },
      { payload: { url: 'https://x.vn/', portal: 'demo-x', kind: 'portal' } },
    ]);
    const counts = (await queues.counts()).crawl;
    expect(counts.waiting).toBe(before + 3);
    expect(counts).not.toHaveProperty('prioritized');
    await queues.get('crawl').drain();
  });

  it('runs follow-up commands behind the add in one MULTI, with the same job as a plain add', async () => {
    const payload = { snapshotId: 'd'.repeat(64), url: 'https://x.vn/d', portal: 'demo-x', fetchedAt: '2024-01-01T00:00:00.000Z' };
    const mark = `${queues.prefix}:test:mark`;
    let seenKey = '';
    const job = await queues.enqueue('clean', payload, {}, (tx, jobKey) => {
      seenKey = jobKey;
      // Runs after the add: the job's hash is already there.
      tx.eval(`if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('SET', KEYS[2], 'after') end return 0`, 2, jobKey, mark);
    });
    expect(seenKey).toBe(`${queues.prefix}:clean:${job.id}`);
    expect(await redis.get(mark)).toBe('after');
    const stored = await queues.get('clean').getJob(job.id!);
    expect(stored?.data).toEqual(payload);
    expect(stored?.opts).toMatchObject({ attempts: 3, removeOnComplete: { age: 3600, count: COMPLETED_KEPT } });
    expect(await queues.get('clean').getJobState(job.id!)).toBe('waiting');
    // Idempotent like a plain add: the same snapshot again adds nothing.
    expect((await queues.enqueue('clean', payload, {}, () => undefined)).id).toBe(job.id);
    expect((await queues.enqueue('clean', payload)).id).toBe(job.id);
    expect((await queues.counts()).clean.waiting).toBe(2); // this job and the one of the test above
    // A failing follow-up fails the call.
    await expect(queues.enqueue('clean', payload, {}, (tx) => tx.eval(`return redis.error_reply('boom')`, 0))).rejects.toThrow(/boom/);
  });

  it('runs hand-offs on a connection of their own, carrying the add scripts and the project\'s commands only', async () => {
    // Defined on the shared client after the first hand-off (the test above): copied on the next one.
    redis.defineCommand('provnewsTestMark', { numberOfKeys: 2, lua: `if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('SET', KEYS[2], 'marked') end return 0` });
    const mark = `${queues.prefix}:test:mark2`;
    let scripts: string[] = [];
    await queues.enqueue('clean', { snapshotId: 'e'.repeat(64), url: 'https://x.vn/e', portal: null, fetchedAt: '2024-01-01T00:00:00.000Z' }, {}, (tx, jobKey) => {
      scripts = Object.keys(tx).filter((k) => /^[a-zA-Z]+:\d/.test(k) || k.startsWith('provnews'));
      (tx as unknown as { provnewsTestMark: (...a: string[]) => void }).provnewsTestMark(jobKey, mark);
    });
    expect(await redis.get(mark)).toBe('marked');
    expect(scripts.some((k) => k.startsWith('addStandardJob:'))).toBe(true);
    expect(scripts).toContain('provnewsTestMark');
    // BullMQ's other scripts (moveToFinished, …) are not copied onto every hand-off's MULTI.
    expect(scripts.filter((k) => !/^(add(Standard|Delayed|Prioritized|Parent)Job(Buffer)?:|provnews)/.test(k))).toEqual([]);
  });

  it('bounds what Redis keeps: completed jobs by count and age, event streams by length', async () => {
    const job = await queues.enqueue('extract', { snapshotId: 'b'.repeat(64), cleanedId: 'c'.repeat(64), url: 'https://x.vn/b', portal: null, fetchedAt: '2024-01-01T00:00:00.000Z' });
    expect(job.opts.removeOnComplete).toEqual({ age: 3600, count: COMPLETED_KEPT });
    const meta = await queues.get('extract').getMeta();
    expect(meta.maxLenEvents).toBe(EVENTS_KEPT);
  });
});

describe('backoff', () => {
  it('grows exponentially with bounded jitter and honours Retry-After', () => {
    const p = { baseMs: 1000, maxMs: 60_000 };
    expect(computeBackoff(1, p, () => 0)).toBe(500);
    expect(computeBackoff(3, p, () => 1)).toBe(4000);
    expect(computeBackoff(20, p, () => 1)).toBe(60_000);
    expect(computeBackoff(1, p, () => 0, 30_000)).toBe(30_000);
    expect(new TransientJobError('http-429', 'slow down', 5000).retryAfterMs).toBe(5000);
  });
});
