import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedis, uniqueName } from '@provnews/testing';
import { portalSchema, type PortalInput } from './registry.ts';
import { listSchedules, syncSchedules } from './schedules.ts';

const redis = testRedis();
const queue = new Queue('crawl', { connection: redis, prefix: uniqueName('sched') });
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await redis.quit();
});

const portal = (id: string, extra: Partial<PortalInput> = {}) =>
  portalSchema.parse({ id, name: id, province: 'Cao Bằng', baseUrl: `https://${id}.example.vn/`, ...extra });

describe('syncSchedules', () => {
  it('adds, updates and removes one scheduler per portal, idempotently', async () => {
    const first = await syncSchedules(queue, [portal('cao-bang'), portal('lang-son', { schedule: { cron: '15 */3 * * *' } })]);
    expect(first).toEqual({ added: ['cao-bang', 'lang-son'], updated: [], removed: [], unchanged: [] });

    const again = await syncSchedules(queue, [portal('cao-bang'), portal('lang-son', { schedule: { cron: '15 */3 * * *' } })]);
    expect(again).toEqual({ added: [], updated: [], removed: [], unchanged: ['cao-bang', 'lang-son'] });
    expect(await queue.getJobSchedulersCount()).toBe(2);

    // cao-bang changes schedule, lang-son leaves the registry, quan-hoa joins, a disabled one is not scheduled.
    const changed = await syncSchedules(queue, [portal('cao-bang', { schedule: { cron: '0 7 * * *' } }), portal('quan-hoa'), portal('off', { enabled: false })]);
    expect(changed).toEqual({ added: ['quan-hoa'], updated: ['cao-bang'], removed: ['lang-son'], unchanged: [] });

    const listed = await listSchedules(queue);
    expect(listed.map((s) => s.portal).sort()).toEqual(['cao-bang', 'quan-hoa']);
    const caoBang = listed.find((s) => s.portal === 'cao-bang')!;
    expect(caoBang).toMatchObject({ pattern: '0 7 * * *', tz: 'Asia/Ho_Chi_Minh' });
    // 07:00 in Hà Nội is 00:00 UTC.
    expect(caoBang.next?.getUTCHours()).toBe(0);
    expect(caoBang.next!.getTime()).toBeGreaterThan(Date.now());

    // The scheduler's job is a portal run of the right portal.
    const delayed = await queue.getJobs(['delayed']);
    const job = delayed.find((j) => j.data.portal === 'cao-bang');
    expect(job?.data).toMatchObject({ url: 'https://cao-bang.example.vn/', portal: 'cao-bang', kind: 'portal' });
    expect(job?.opts.attempts).toBe(6);
  });

  it('leaves schedulers it does not own alone', async () => {
    await queue.upsertJobScheduler('maintenance', { every: 3600_000 }, { name: 'other', data: {} });
    const r = await syncSchedules(queue, []);
    expect(r.removed.sort()).toEqual(['cao-bang', 'quan-hoa']);
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['maintenance']);
    expect(await listSchedules(queue)).toEqual([]);
  });
});
