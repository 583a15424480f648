import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Frontier } from '@provnews/crawler';
import { PermanentJobError, Queues } from '@provnews/queues';
import { dropPrefix, testRedis, testRedisHandle, uniqueName, waitFor } from '@provnews/testing';

/** Each run starts Node + tsx (seconds on a busy machine): generous per-test deadlines. */
const SLOW = 180_000;
const BIN = fileURLToPath(new URL('../bin/provnews.js', import.meta.url));
const prefix = uniqueName('cli');
const redis = testRedis();
const queues = new Queues({ connection: redis, prefix });
const dataDir = mkdtempSync(join(tmpdir(), 'provnews-cli-'));
let server: Server;
let base: string;

/** Runs the real `provnews` binary (no terminal on stdin, as in CI) against the test Redis. */
function provnews(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], {
      env: { ...process.env, REDIS_URL: testRedisHandle().url, PROVNEWS_QUEUE_PREFIX: prefix, PROVNEWS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      timeout: 60_000,
    }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
    child.stdin?.end();
  });
}

beforeAll(async () => {
  const worker = new Worker('crawl', async (job) => {
    throw new PermanentJobError((job.data as { url: string }).url.includes('gone') ? 'http-404' : 'timeout', 'no');
  }, { connection: testRedis(), prefix });
  for (const url of ['https://x.vn/gone-1.html', 'https://x.vn/gone-2.html', 'https://x.vn/slow.html']) {
    const job = await queues.enqueue('crawl', { url });
    await waitFor(`${url} to fail`, async () => (await job.getState()) === 'failed');
  }
  await worker.close();
  server = createServer((req, res) => {
    if (req.url === '/tin/bai-1.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><article><h1>Xã Lũng Cú đón nhận bằng công nhận nông thôn mới</h1><p>Ngày 3/11, xã Lũng Cú, huyện Đồng Văn tổ chức lễ đón nhận bằng công nhận đạt chuẩn nông thôn mới năm 2026 với sự tham dự của đông đảo bà con.</p><p>Toàn xã đã huy động hơn 12 tỷ đồng để làm đường, trường học và nhà văn hóa thôn trong ba năm qua.</p></article></body></html>');
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Không tìm thấy</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, SLOW);

afterAll(async () => {
  server.close();
  await queues.close();
  await redis.quit();
  await dropPrefix(prefix);
}, SLOW);

it('failed: shows the total beyond --limit and rejects unknown reason codes', async () => {
  const r = await provnews('failed', '--limit', '1');
  expect(r.stdout).toMatch(/3 failed jobs \(showing 1; --limit to see more\)/);
  const j = JSON.parse((await provnews('failed', '--reason', 'http-404', '--json')).stdout) as { total: number; jobs: unknown[] };
  expect(j.total).toBe(2);
  const bad = await provnews('failed', '--reason', 'http-4o4');
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/unknown reason code "http-4o4"/);
}, SLOW);

it('replay: a dry run lists, no filter without a terminal needs --yes, and a replay restores the retry budget', async () => {
  const dry = JSON.parse((await provnews('replay', '--reason', 'http-404', '--dry-run', '--json')).stdout) as { total: number; dryRun: boolean; jobs: { url: string }[] };
  expect(dry).toMatchObject({ total: 2, dryRun: true });
  expect(await queues.get('crawl').getFailedCount()).toBe(3);

  const refused = await provnews('replay');
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/no filter given; replay of all 3 failed jobs needs confirmation \(a terminal\) or --yes/);
  expect(await queues.get('crawl').getFailedCount()).toBe(3);

  const done = await provnews('replay', '--reason', 'timeout');
  expect(done.stdout).toMatch(/https:\/\/x\.vn\/slow\.html/);
  expect(done.stdout).toMatch(/replayed 1 jobs/);
  const waiting = await queues.get('crawl').getWaiting();
  expect(waiting.map((j) => [j.data.url, j.attemptsMade])).toEqual([['https://x.vn/slow.html', 0]]);

  const discarded = JSON.parse((await provnews('discard', '--reason', 'http-404', '--yes', '--json')).stdout) as { jobs: unknown[] };
  expect(discarded.jobs).toHaveLength(2);
  expect(await queues.get('crawl').getFailedCount()).toBe(0);
}, SLOW);

it('extract: many files or a directory as JSON Lines, a reasoned non-zero exit for 404, binary and empty inputs', async () => {
  const dir = join(dataDir, 'pages');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a.txt'), 'Huyện Mèo Vạc ra quân làm đường giao thông nông thôn\n\nSáng 5/11, huyện Mèo Vạc tổ chức ra quân làm đường giao thông nông thôn tại xã Pả Vi với hơn 300 người tham gia.\n');
  writeFileSync(join(dir, 'b.html'), '<html><body><article><h1>Đồng Văn tăng cường phòng chống cháy rừng</h1><p>UBND huyện Đồng Văn vừa ban hành kế hoạch phòng chống cháy rừng mùa khô năm 2026, giao các xã bố trí lực lượng trực 24/24 giờ.</p></article></body></html>');
  writeFileSync(join(dir, 'c.html'), '');
  writeFileSync(join(dir, 'd.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  const r = await provnews('extract', dir, `${base}/tin/bai-1.html`, `${base}/mat-roi.html`);
  expect(r.code).toBe(1);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { title: string | null });
  expect(lines).toHaveLength(3);
  expect(r.stderr).toMatch(/c\.html: \[empty\]/);
  expect(r.stderr).toMatch(/d\.html: \[not-html\] .*binary/);
  expect(r.stderr).toMatch(/mat-roi\.html: \[http-404\]/);
}, SLOW);

it('portals and schedule list speak JSON; a missing registry file says so', async () => {
  const portals = JSON.parse((await provnews('portals', '--json')).stdout) as { id: string; enabled: boolean; cron: string }[];
  expect(portals.length).toBeGreaterThan(0);
  expect(portals[0]).toHaveProperty('cron');
  expect(JSON.parse((await provnews('schedule', 'list', '--json')).stdout)).toEqual([]);
  const missing = await new Promise<{ code: number; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, 'portals'], { env: { ...process.env, PROVNEWS_REGISTRY: join(dataDir, 'nope.yaml') } }, (err, _o, stderr) => resolve({ code: (err as { code?: number } | null)?.code ?? 0, stderr }));
  });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^provnews: portal registry file not found: .*nope\.yaml/);
}, SLOW);

it('crawl refuses unknown portals and says when a URL will be skipped as already fetched', async () => {
  const r = await provnews('crawl', '--portal', 'khong-co');
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/unknown portal "khong-co"/);
  await new Frontier(redis, prefix).record('https://x.vn/da-lay.html', { fetchedAt: '2026-11-30T01:00:00.000Z' });
  const out = JSON.parse((await provnews('crawl', 'https://x.vn/da-lay.html', 'https://x.vn/moi.html', '--json')).stdout) as { url: string; status: string }[];
  expect(out.map((o) => [o.url, o.status])).toEqual([['https://x.vn/da-lay.html', 'skipped-seen'], ['https://x.vn/moi.html', 'queued']]);
  expect((await queues.get('crawl').getWaiting()).map((j) => j.data.url)).not.toContain('https://x.vn/da-lay.html');
}, SLOW);
