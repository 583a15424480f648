import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { extractMeta } from './metadata.ts';

const page = (head: string, footer: string): string =>
  `<!doctype html><html lang="vi"><head>${head}</head><body class="has-footer"><main><h1>Tiêu đề</h1><p>Nội dung bài.</p></main>${footer}</body></html>`;

describe('extractMeta: publisher (issue 8, class 4)', () => {
  it('reads the licence line of the footer', () => {
    const html = page('', '<div class="site-footer"><p>Giấy phép số 99/GP-BTTTT. Cơ quan chủ quản: Tỉnh ủy Lai Châu. Tổng Biên tập: ...</p></div>');
    expect(extractMeta(load(html)).publisher).toBe('Tỉnh ủy Lai Châu');
  });

  it('reads the office that runs a government portal as its owner', () => {
    const html = page('', '<div class="portal-footer">\n  <div>Cơ quan chủ quản: Văn phòng UBND tỉnh Thử Nghiệm</div>\n  <div>Địa chỉ: số 1 đường Thử</div>\n</div>');
    expect(extractMeta(load(html)).publisher).toBe('Văn phòng UBND tỉnh Thử Nghiệm');
  });

  it('falls back to the JSON-LD publisher', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'x', publisher: { '@type': 'Organization', name: 'Báo Sơn La' } };
    const html = page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<footer><p>Liên hệ quảng cáo</p></footer>');
    expect(extractMeta(load(html)).publisher).toBe('Báo Sơn La');
  });

  it('reads the province of the footer address when no licence line names the owner', () => {
    const html = page('', '<div id="footer"><p>Trang thông tin điện tử huyện Thử</p><p>Địa chỉ: số 5 đường Hà Nội, thị trấn Thử, huyện Thử, tỉnh Lai Châu</p></div>');
    // The last "tỉnh"/"thành phố" of the address: "đường Hà Nội" is a street.
    expect(extractMeta(load(html)).publisher).toBe('tỉnh Lai Châu');
  });

  it('gives null when the page names no publisher', () => {
    expect(extractMeta(load(page('', '<footer>Bản quyền</footer>'))).publisher).toBeNull();
  });

  it('keeps the JSON-LD date first-class and the meta tag as written', () => {
    const ld = { '@type': 'NewsArticle', datePublished: '2021-03-05T15:04:05+07:00' };
    const html = page(`<meta property="article:published_time" content="3/5/2021 3:04:05 PM"><script type="application/ld+json">${JSON.stringify(ld)}</script>`, '');
    expect(extractMeta(load(html)).publishedTimes).toEqual(['3/5/2021 3:04:05 PM', '2021-03-05T15:04:05+07:00']);
  });
});
