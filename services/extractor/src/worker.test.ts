import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clean } from '@provnews/cleaner';
import { loadEnv } from '@provnews/config';
import { silentLogger } from '@provnews/logger';
import { createContext, type AppContext } from '@provnews/runtime';
import { CLEANED_KIND } from '@provnews/storage';
import { testRedisHandle, uniqueName, waitFor } from '@provnews/testing';
import { portalSchema } from '@provnews/crawler';
import { startExtractorWorker } from './index.ts';

const ARTICLE = [
  'Lãnh đạo tỉnh kiểm tra tiến độ xây dựng nông thôn mới tại huyện Vị Xuyên',
  '',
  'Sáng 12/9, đồng chí Lục Văn Khoa, Phó Chủ tịch UBND tỉnh đã kiểm tra tiến độ xây dựng nông thôn mới tại xã Phú Linh, huyện Vị Xuyên.',
  '',
  'Năm 2022, toàn xã giải ngân 4,25 tỷ đồng, tỷ lệ hộ nghèo giảm còn 7,4%.',
  '',
  'Tin, ảnh: Hoàng Minh',
].join('\n');

describe('extractor worker', () => {
  let ctx: AppContext;
  let worker: ReturnType<typeof startExtractorWorker>;

  beforeAll(async () => {
    const env = loadEnv({ PROVNEWS_DATA_DIR: mkdtempSync(join(tmpdir(), 'provnews-xw-')) });
    ctx = await createContext(env, silentLogger, {
      redisHandle: testRedisHandle(),
      prefix: uniqueName('xw'),
    });
    const portal = portalSchema.parse({ id: 'demo-hagiang', name: 'Báo Hà Giang', province: 'Hà Giang', baseUrl: 'https://demo.example.vn/' });
    worker = startExtractorWorker(ctx, new Map([[portal.id, portal]]));
  });

  afterAll(async () => {
    await worker.close();
    await ctx.queues.obliterate();
    await ctx.close();
  });

  async function settled(job: Job): Promise<Job> {
    return waitFor(`job ${job.id} to settle`, async () => {
      const state = await job.getState();
      return state === 'completed' || state === 'failed' ? ctx.queues.get('extract').getJob(job.id!) : null;
    });
  }

  it('fails a malformed payload at once with a clear reason and keeps running', async () => {
    // Straight onto the queue, as a buggy producer or a hand-edited replay would.
    const bad = await ctx.queues.get('extract').add('extract', { url: 42, snapshotId: 'x' });
    const done = await settled(bad);
    expect(await done.getState()).toBe('failed');
    expect(done.failedReason).toMatch(/^\[bad-payload\] extract payload: /);
    expect(done.failedReason).toMatch(/snapshotId/);
    expect(done.attemptsMade).toBe(1);
    expect(worker.isRunning()).toBe(true);
  });

  it('then extracts a valid job into the sink, once even when enqueued twice', async () => {
    const cleanedId = await ctx.content.putJson(CLEANED_KIND, clean(ARTICLE));
    const payload = {
      snapshotId: 'b'.repeat(64),
      cleanedId,
      url: 'https://demo.example.vn/tin-tuc/kiem-tra-ntm.html',
      portal: 'demo-hagiang',
      fetchedAt: '2022-09-12T08:00:00.000Z',
    };
    const job = await ctx.queues.enqueue('extract', payload);
    const done = await settled(job);
    expect(await done.getState()).toBe('completed');
    expect(done.returnvalue).toMatchObject({ outcome: 'inserted' });
    expect((await ctx.queues.enqueue('extract', payload)).id).toBe(job.id);
    expect(await ctx.sink.count()).toBe(1);
  });
});
