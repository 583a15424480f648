import { gzipSync } from 'node:zlib';
import { portalSchema, type Portal } from '@provnews/crawler';
import { htmlPage, startSite, text, toWindows1258, type TestSite } from '../../packages/crawler/src/test-site.ts';

/** Invented article body in the demo portals' style. */
const BODY = (n: number) =>
  `<article><h1>Ủy ban nhân dân huyện kiểm tra công trình số ${n}</h1>
<p>Sáng 14/6, đoàn công tác của Ủy ban nhân dân huyện Miền Thử đã kiểm tra tiến độ thi công công trình đường giao thông liên xã số ${n}, tổng vốn đầu tư 18,5 tỷ đồng.</p>
<p>Đoàn đề nghị nhà thầu tập trung nhân lực, bảo đảm chất lượng và hoàn thành đúng tiến độ trước mùa mưa lũ.</p>
<p>Tin, ảnh: Thu Hà</p></article>`;

/** What each hostile URL must end as: a stored record, or a failed job with this reason code. */
export interface HostileCase {
  path: string;
  /** `stored`, or the reason code of the failed job and its queue. */
  outcome: 'stored' | { queue: 'crawl' | 'clean' | 'extract'; reason: string };
  what: string;
}

export const HOSTILE_CASES: HostileCase[] = [
  { path: '/tin/trang-long-sau-9001.html', outcome: { queue: 'clean', reason: 'no-article' }, what: '200,000 nested <div> (cleaned in linear time: one short sentence, no article)' },
  { path: '/tin/bai-noi-doi-charset-9002.html', outcome: 'stored', what: 'windows-1258 page declared utf-8' },
  { path: '/tin/chuyen-huong-vong-9003.html', outcome: { queue: 'crawl', reason: 'redirect-limit' }, what: 'redirect loop' },
  { path: '/tin/bom-gzip-9004.html', outcome: { queue: 'crawl', reason: 'too-large' }, what: 'gzip bomb (64 MiB of zeros)' },
  { path: '/tin/than-qua-lon-9005.html', outcome: { queue: 'crawl', reason: 'too-large' }, what: '50 MB body' },
  { path: '/tin/chuyen-huong-noi-bo-9006.html', outcome: { queue: 'crawl', reason: 'blocked-address' }, what: 'redirect to another loopback host (SSRF)' },
  { path: '/tin/khong-ton-tai-9007.html', outcome: { queue: 'crawl', reason: 'http-404' }, what: '404' },
  { path: '/tin/bai-binh-thuong-9008.html', outcome: 'stored', what: 'an ordinary article' },
];

/** A portal serving the hostile cases from one listing, and the "internal" host it redirects to. */
export async function startHostilePortal(): Promise<{ site: TestSite; internal: TestSite; portal: Portal; close(): Promise<void> }> {
  const internal = await startSite({ '/admin': text('internal', 'text/plain') });
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
  const site = await startSite({
    '/robots.txt': text('', 'text/plain'),
    '/danh-muc': text(htmlPage('Tin tức', HOSTILE_CASES.map((c) => `<a href="${c.path}">${c.what}</a>`).join('\n'))),
    '/tin/trang-long-sau-9001.html': text(`<!doctype html><html><body>${'<div>'.repeat(200_000)}<p>Sâu.</p>${'</div>'.repeat(200_000)}</body></html>`),
    '/tin/bai-noi-doi-charset-9002.html': text(toWindows1258(htmlPage('Kiểm tra công trình số 2', BODY(2))), 'text/html; charset=utf-8'),
    '/tin/chuyen-huong-vong-9003.html': (_req, res) => {
      res.writeHead(302, { location: '/tin/chuyen-huong-vong-9003.html' });
      res.end();
    },
    '/tin/bom-gzip-9004.html': text(bomb, 'text/html; charset=utf-8', { 'content-encoding': 'gzip' }),
    '/tin/than-qua-lon-9005.html': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = (): void => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', pump);
      };
      res.on('error', () => undefined);
      pump();
    },
    '/tin/chuyen-huong-noi-bo-9006.html': (_req, res) => {
      res.writeHead(302, { location: `${internal.origin}/admin` });
      res.end();
    },
    '/tin/bai-binh-thuong-9008.html': text(htmlPage('Kiểm tra công trình số 8', BODY(8))),
  });
  const portal = portalSchema.parse({
    id: 'hostile',
    name: 'Cổng thử nghiệm khó',
    province: 'Hà Giang',
    baseUrl: `${site.origin}/`,
    listings: [`${site.origin}/danh-muc`],
    articleUrls: { include: ['^/tin/'] },
    politeness: { hostDelayMs: 0 },
    schedule: { cron: '0 0 1 1 *' },
    local: true,
  });
  return {
    site,
    internal,
    portal,
    close: async () => {
      await site.close();
      await internal.close();
    },
  };
}
