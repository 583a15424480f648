import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '@provnews/config';
import { silentLogger } from '@provnews/logger';
import { createContext, type AppContext } from '@provnews/runtime';
import { testRedisHandle, uniqueName, waitFor } from '@provnews/testing';
import { toWindows1258 } from '../../../packages/crawler/src/test-site.ts';
import { startCleanerWorker } from './index.ts';

/** An invented article page; `n` makes each one distinct. */
function articlePage(n: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Huyện tổ chức hội nghị số ${n} - Báo Thử Nghiệm</title></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a></nav>
<article><h1>Huyện tổ chức hội nghị tổng kết công tác số ${n}</h1>
<p>Sáng ngày 3/5, Ủy ban nhân dân huyện Miền Thử đã tổ chức hội nghị tổng kết công tác năm, đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội lần thứ ${n}.</p>
<p>Năm qua, toàn huyện đã giải ngân 12,5 tỷ đồng vốn đầu tư công, tỷ lệ hộ nghèo giảm còn 8,2%, hoàn thành 15 km đường giao thông nông thôn.</p>
<p>Phát biểu tại hội nghị, lãnh đạo huyện đề nghị các xã tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân.</p>
<p class="author">Minh Khang</p></article>
<footer>Bản quyền thuộc về Báo Thử Nghiệm</footer></body></html>`;
}

/**
 * A page far over the processing budget: tens of MB of running text (the cleaner reads about
 * 1 MB/s), so it can only end by the budget, whatever the machine.
 */
function hugePage(mb: number): string {
  const para = '<p>Ủy ban nhân dân huyện Miền Thử tổ chức hội nghị, đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội trong năm.</p>';
  return `<!doctype html><html><body><article>${para.repeat(Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(para)))}</article></body></html>`;
}

/** The hostile page of the issue: 200,000 nested <div>s around one paragraph. */
function nestedPage(depth: number): string {
  return `<!doctype html><html><body>${'<div>'.repeat(depth)}<p>Đoạn văn nằm rất sâu.</p>${'</div>'.repeat(depth)}</body></html>`;
}

describe('clean worker in a thread pool', () => {
  let ctx: AppContext;
  let worker: ReturnType<typeof startCleanerWorker>;

  beforeAll(async () => {
    const env = loadEnv({ PROVNEWS_DATA_DIR: mkdtempSync(join(tmpdir(), 'provnews-cw-')), CLEAN_CONCURRENCY: '2', PAGE_TIME_BUDGET_MS: '3000' });
    ctx = await createContext(env, silentLogger, { redisHandle: testRedisHandle(), prefix: uniqueName('cw') });
    worker = startCleanerWorker(ctx, new Map());
  });

  afterAll(async () => {
    await worker.close();
    await ctx.queues.obliterate();
    await ctx.close();
  });

  async function enqueuePage(url: string, html: string | Buffer, contentType = 'text/html; charset=utf-8'): Promise<Job> {
    const fetchedAt = new Date().toISOString();
    const snapshotId = await ctx.snapshots.put({ url, finalUrl: url, status: 200, headers: { 'content-type': contentType }, fetchedAt, body: Buffer.from(html) });
    return ctx.queues.enqueue('clean', { snapshotId, url, portal: null, fetchedAt });
  }

  it('fails a page over the budget at once with [too-complex] while the other pages are cleaned', async () => {
    const huge = await enqueuePage('https://thu.example.vn/tin/trang-rat-dai.html', hugePage(40));
    const normal: Job[] = [];
    for (let i = 0; i < 12; i++) normal.push(await enqueuePage(`https://thu.example.vn/tin/bai-${i}.html`, articlePage(i)));
    const clean = ctx.queues.get('clean');
    await waitFor('every clean job to settle', async () => {
      const c = await clean.getJobCounts('completed', 'failed');
      return (c.completed ?? 0) + (c.failed ?? 0) === 13;
    }, 60_000);
    const failed = await clean.getFailed();
    expect(failed.map((j) => j.id)).toEqual([huge.id]);
    // Time or memory, whichever budget the page blows first on this machine.
    expect(failed[0]!.failedReason).toMatch(/^\[too-complex\] https:\/\/thu\.example\.vn\/tin\/trang-rat-dai\.html: over the (3000 ms processing|\d+ MiB memory) budget/);
    expect(failed[0]!.attemptsMade).toBe(1);
    expect(await clean.getJobCounts('completed')).toMatchObject({ completed: 12 });
    expect(await ctx.queues.get('extract').getJobCounts('waiting')).toMatchObject({ waiting: 12 });
    expect(normal).toHaveLength(12);
    expect(worker.isRunning()).toBe(true);
  }, 90_000);

  it('cleans a 200,000-deep page in linear time: it ends as a reasoned failure, never a stall', async () => {
    const deep = await enqueuePage('https://thu.example.vn/tin/trang-long-sau.html', nestedPage(200_000));
    const clean = ctx.queues.get('clean');
    await waitFor('the deep page to settle', async () => (await clean.getJobState(deep.id!)) === 'failed', 60_000);
    const job = await clean.getJob(deep.id!);
    // One short sentence under 200,000 <div>s: no article, said at once (not [too-complex]).
    expect(job!.failedReason).toMatch(/^\[no-article\] https:\/\/thu\.example\.vn\/tin\/trang-long-sau\.html/);
    expect(job!.attemptsMade).toBe(1);
    expect(worker.isRunning()).toBe(true);
  }, 90_000);

  it('cleans a windows-1258 page declared utf-8 and notes the lie; fails garbage with [decode-error]', async () => {
    const page = articlePage(99);
    const iconv = (await import('iconv-lite')).default;
    const lying = await enqueuePage('https://thu.example.vn/tin/bai-noi-doi.html', toWindows1258(page));
    const doubled = Buffer.from(iconv.decode(Buffer.from(page), 'windows-1252'), 'utf8');
    const garbage = await enqueuePage('https://thu.example.vn/tin/bai-hong.html', doubled);
    const clean = ctx.queues.get('clean');
    const settled = async (job: Job) =>
      waitFor(`job ${job.id}`, async () => {
        const j = await clean.getJob(job.id!);
        return j && (j.finishedOn ? j : null);
      });
    const ok = await settled(lying);
    expect(ok.returnvalue).toMatchObject({ charset: { charset: 'windows-1258', source: 'corrected', declared: 'utf-8' } });
    expect(ok.returnvalue.title).toContain('Huyện tổ chức hội nghị');
    // The cleaned page carries the correction to the extractor, which puts it in the record.
    const cleaned = await ctx.content.getJson<{ decoding?: unknown }>('cleaned', ok.returnvalue.cleanedId);
    expect(cleaned?.decoding).toEqual({ declared: 'utf-8', used: 'windows-1258' });
    const bad = await settled(garbage);
    expect(bad.failedReason).toMatch(/^\[decode-error\] .*no charset gives clean text/);
    expect(bad.attemptsMade).toBe(1);
  }, 60_000);
});
