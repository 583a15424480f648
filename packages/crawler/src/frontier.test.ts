import { afterAll, describe, expect, it } from 'vitest';
import { testRedis, uniqueName } from '@provnews/testing';
import { Frontier } from './frontier.ts';
import { HostGate } from './host-gate.ts';
import { RobotsCache } from './robots.ts';

const redis = testRedis();
const prefixes: string[] = [];
const fresh = () => {
  const p = uniqueName('frontier');
  prefixes.push(p);
  return p;
};
afterAll(async () => {
  for (const p of prefixes) {
    const keys = await redis.keys(`${p}:*`);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
});

describe('Frontier', () => {
  it('admits each URL once, even from two frontiers (two workers), and re-admits changed ones', async () => {
    const prefix = fresh();
    const a = new Frontier(redis, prefix);
    const b = new Frontier(redis, prefix);
    const [ra, rb] = await Promise.all([a.admit([{ url: 'https://x.vn/1' }, { url: 'https://x.vn/2' }]), b.admit([{ url: 'https://x.vn/2' }, { url: 'https://x.vn/3' }])]);
    expect([...ra, ...rb].map((r) => r.url).sort()).toEqual(['https://x.vn/1', 'https://x.vn/2', 'https://x.vn/3']);

    await a.record('https://x.vn/1', { fetchedAt: '2024-01-01T00:00:00Z', etag: '"e"' });
    expect(await b.admit([{ url: 'https://x.vn/1', lastmod: '2023-12-31T00:00:00Z' }])).toEqual([]);
    expect(await b.admit([{ url: 'https://x.vn/1', lastmod: '2024-02-01T00:00:00Z' }])).toEqual([{ url: 'https://x.vn/1', changed: true }]);
    expect(await b.state('https://x.vn/1')).toMatchObject({ etag: '"e"' });
  });

  it('bounds a run by its page budget and claims listing pages once per run', async () => {
    const f = new Frontier(redis, fresh());
    expect(await f.reserveBudget('run', 3, 5)).toBe(3);
    expect(await f.reserveBudget('run', 3, 5)).toBe(2);
    expect(await f.reserveBudget('run', 3, 5)).toBe(0);
    expect(await f.admit([{ url: 'https://x.vn/a' }, { url: 'https://x.vn/b' }], 1)).toHaveLength(1);
    expect(await f.claimForRun('run', ['https://x.vn/l1', 'https://x.vn/l2'])).toHaveLength(2);
    expect(await f.claimForRun('run', ['https://x.vn/l1', 'https://x.vn/l3'])).toEqual(['https://x.vn/l3']);
    expect(await f.claimForRun('run-2', ['https://x.vn/l1'])).toEqual(['https://x.vn/l1']);
  });
});

describe('HostGate', () => {
  it('lets one holder in, spaces waiters one delay apart and honours a penalty', async () => {
    const gate = new HostGate(redis, fresh());
    expect(await gate.acquire('h:80', 'a', 10_000, 100)).toBe(0);
    const start = Date.now();
    const w1 = await gate.acquire('h:80', 'b', 10_000, 100);
    const w2 = await gate.acquire('h:80', 'c', 10_000, 100);
    const between = Date.now() - start; // each wait is counted from its own call; the calls are this far apart at most
    expect(w1).toBeGreaterThan(0);
    expect(w2 - w1 + between).toBeGreaterThanOrEqual(99); // reserved turns, not a stampede
    expect(w2 - w1).toBeGreaterThan(0);
    expect(await gate.acquire('other:80', 'd', 10_000, 100)).toBe(0); // other hosts are independent
    const next = await gate.release('h:80', 'a', 100, 5000); // 429 with Retry-After: 5
    expect(next).toBeGreaterThan(4900);
    expect(await gate.acquire('h:80', 'e', 10_000, 100)).toBeGreaterThan(4800);
    // A release by someone who does not hold the lease cannot shorten it.
    expect(await gate.release('other:80', 'not-d', 0)).toBeLessThanOrEqual(0);
    expect(await gate.acquire('other:80', 'f', 10_000, 100)).toBeGreaterThan(0);
  });
});

describe('HostGate lease renewal', () => {
  it('extends a lease for its holder only, and a lease nobody renews runs out', async () => {
    const gate = new HostGate(redis, fresh());
    expect(await gate.acquire('h:80', 'a', 150, 0)).toBe(0);
    expect(await gate.renew('h:80', 'b', 150)).toBe(false); // not b's to extend
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 60));
      expect(await gate.renew('h:80', 'a', 150)).toBe(true);
    }
    // 240 ms after the acquire, past the first 150 ms: still a's.
    expect(await gate.acquire('h:80', 'c', 150, 0)).toBeGreaterThan(0);
    // a stops renewing (a worker killed mid-request): the host is free once the lease runs out.
    await new Promise((r) => setTimeout(r, 200));
    expect(await gate.renew('h:80', 'a', 150)).toBe(true); // nobody took it yet: still a's token
    await new Promise((r) => setTimeout(r, 200));
    expect(await gate.acquire('h:80', 'c', 150, 0, true)).toBe(0);
    expect(await gate.renew('h:80', 'a', 150)).toBe(false); // c holds it now
  });
});

describe('HostGate with no delay', () => {
  it('still keeps one request in flight, and spaces waiters by how long the host\'s requests take', async () => {
    const gate = new HostGate(redis, fresh());
    expect(await gate.acquire('h:80', 'a', 10_000, 0)).toBe(0);
    // Busy: never "go" (a delay of 0 is no licence for a second request in flight).
    expect(await gate.acquire('h:80', 'b', 10_000, 0)).toBeGreaterThan(0);
    expect(await gate.acquire('h:80', 'b', 10_000, 0, true)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 60));
    await gate.release('h:80', 'a', 0);
    // The host's requests took ~60 ms: a new request goes at once, the waiters behind it ~60 ms apart.
    expect(await gate.acquire('h:80', 'c', 10_000, 0)).toBe(0);
    const w1 = await gate.acquire('h:80', 'd', 10_000, 0);
    const w2 = await gate.acquire('h:80', 'e', 10_000, 0);
    expect(w1).toBeGreaterThanOrEqual(40);
    expect(w2 - w1).toBeGreaterThanOrEqual(40);
    // A lease given back without a request does not count as a request's time.
    await gate.release('h:80', 'c', 0, 0, false);
    expect(await gate.acquire('h:80', 'f', 10_000, 0, true)).toBe(0);
  });
});

describe('HostGate hand-over', () => {
  it('passes the lease straight to a named waiter when no gap is due, and only then', async () => {
    const gate = new HostGate(redis, fresh());
    expect(await gate.acquire('h:80', 'a', 10_000, 0)).toBe(0);
    // No delay, no penalty: the lease is b's now (-1), and the host stays busy for everyone else.
    expect(await gate.release('h:80', 'a', 0, 0, true, { holder: 'b', leaseMs: 10_000 })).toBe(-1);
    expect(await gate.acquire('h:80', 'x', 10_000, 0)).toBeGreaterThan(0);
    expect(await gate.acquire('h:80', 'b', 10_000, 0, true)).toBe(0); // b asking (its timer ran out first) has it
    // Only the new holder's release frees it.
    expect(await gate.release('h:80', 'a', 0, 0, true, { holder: 'c', leaseMs: 10_000 })).toBeGreaterThanOrEqual(0);
    expect(await gate.acquire('h:80', 'x', 10_000, 0, true)).toBeGreaterThan(0);
    expect(await gate.release('h:80', 'b', 0)).toBeLessThanOrEqual(0);
    expect(await gate.acquire('h:80', 'x', 10_000, 0, true)).toBe(0);
    // A delay or a penalty to keep: released as usual, nobody handed anything.
    expect(await gate.release('h:80', 'x', 100, 0, true, { holder: 'd', leaseMs: 10_000 })).toBeGreaterThan(0);
    expect(await gate.acquire('h:80', 'd', 10_000, 100, true)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 120));
    expect(await gate.acquire('h:80', 'd', 10_000, 100, true)).toBe(0);
    expect(await gate.release('h:80', 'd', 0, 1000, true, { holder: 'e', leaseMs: 10_000 })).toBeGreaterThan(900);
  });
});

describe('HostGate.acquireReading', () => {
  it('takes the turn like acquire and reads one hash field in the same script', async () => {
    const prefix = fresh();
    const gate = new HostGate(redis, prefix);
    const f = new Frontier(redis, prefix);
    await f.record('https://x.vn/a', { fetchedAt: '2024-01-01T00:00:00Z', etag: '"a"' });
    const first = await gate.acquireReading('h:80', 'a', 10_000, 0, true, { key: f.stateKey, field: 'https://x.vn/a' });
    expect(first.wait).toBe(0);
    expect(JSON.parse(first.value!)).toMatchObject({ etag: '"a"' });
    const second = await gate.acquireReading('h:80', 'b', 10_000, 0, true, { key: f.stateKey, field: 'https://x.vn/never' });
    expect(second.wait).toBeGreaterThan(0);
    expect(second.value).toBeNull();
  });
});

describe('Frontier.recordAfter', () => {
  it('marks a URL behind the add of its job, and never when the job is missing', async () => {
    const prefix = fresh();
    const f = new Frontier(redis, prefix);
    const jobKey = `${prefix}:clean:job-1`;
    const state = { fetchedAt: '2024-03-01T00:00:00Z', snapshotId: 's1' };
    // No job: nothing written, the command says 0.
    let tx = redis.multi();
    f.recordAfter(tx, jobKey, 'https://x.vn/1', state, 'https://x.vn/1-final');
    expect((await tx.exec())?.map(([, v]) => v)).toEqual([0]);
    expect(await f.state('https://x.vn/1')).toBeNull();
    expect(await f.admit([{ url: 'https://x.vn/1-final' }])).toHaveLength(1);
    // The job exists (added earlier in the same MULTI): state written, URL and redirect target seen.
    tx = redis.multi();
    tx.hset(jobKey, 'data', '{}');
    f.recordAfter(tx, jobKey, 'https://x.vn/2', state, 'https://x.vn/2-final');
    expect((await tx.exec())?.map(([, v]) => v)).toEqual([1, 1]);
    expect(await f.state('https://x.vn/2')).toEqual(state);
    expect(await f.admit([{ url: 'https://x.vn/2' }, { url: 'https://x.vn/2-final' }])).toEqual([]);
  });
});

describe('RobotsCache', () => {
  it('reuses rules Redis confirmed for the recheck window, then sees a new robots.txt or its loss', async () => {
    const prefix = fresh();
    const key = `${prefix}:crawler:robots:https://xa-thu.gov.vn`;
    await redis.set(key, JSON.stringify({ status: 200, body: 'User-agent: *\nDisallow: /cu/\n' }));
    const cache = new RobotsCache(redis, prefix, 'provnews-test', 60_000, 300);
    expect((await cache.cached('https://xa-thu.gov.vn'))?.isAllowed('https://xa-thu.gov.vn/cu/a.html')).toBe(false);
    // Changed in Redis: within the window this worker keeps its rules without asking Redis.
    await redis.set(key, JSON.stringify({ status: 200, body: 'User-agent: *\nDisallow: /moi/\n' }));
    expect((await cache.cached('https://xa-thu.gov.vn'))?.isAllowed('https://xa-thu.gov.vn/cu/a.html')).toBe(false);
    await new Promise((r) => setTimeout(r, 350));
    const fresher = await cache.cached('https://xa-thu.gov.vn');
    expect([fresher?.isAllowed('https://xa-thu.gov.vn/cu/a.html'), fresher?.isAllowed('https://xa-thu.gov.vn/moi/a.html')]).toEqual([true, false]);
    await redis.del(key);
    await new Promise((r) => setTimeout(r, 350));
    expect(await cache.cached('https://xa-thu.gov.vn')).toBeNull();
  });
});
