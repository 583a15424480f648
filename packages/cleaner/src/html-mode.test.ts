import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clean, cleanHtml, looksLikeHtml } from './clean.ts';
import { stripSiteSuffix } from './html-mode.ts';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');

describe('party newspaper template', () => {
  const r = clean(fixture('party-newspaper.html'));

  it('detects HTML and finds the article', () => {
    expect(r.mode).toBe('html');
    expect(r.isArticle).toBe(true);
    expect(r.reason).toBeNull();
  });

  it('takes the title without the site suffix, the lead first, then the paragraphs in order', () => {
    expect(r.title).toBe('Huyện Đồng Văn đẩy mạnh trồng cây dược liệu');
    expect(r.lead).toMatch(/^BTL - Năm 2022, huyện Đồng Văn phấn đấu trồng mới 350 ha/u);
    expect(r.paragraphs[0]).toBe(r.lead);
    const order = ['Sáng 5/11', 'Theo báo cáo của UBND huyện', 'Tăng cường kiểm tra an toàn thực phẩm.', 'Huyện đã hỗ trợ 1.150 hộ', 'Siết chặt quản lý giống', 'Phát biểu tại buổi kiểm tra'];
    const positions = order.map((o) => r.paragraphs.findIndex((p) => p.startsWith(o)));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('keeps captions apart from the text, without duplicates', () => {
    expect(r.captions).toEqual(['Phó Chủ tịch UBND tỉnh Lò Văn Thắng kiểm tra vườn ươm tại xã Lũng Táo.', 'Người dân xã Sủng Là thu hoạch cây đương quy.']);
    expect(r.text).not.toContain('kiểm tra vườn ươm');
  });

  it('moves the byline and the visible dates out of the text', () => {
    expect(r.byline).toBe('Tin, ảnh: Hoàng Minh');
    expect(r.text).not.toContain('Hoàng Minh');
    expect(r.dates).toEqual([
      { text: 'Thứ hai, 07/11/2022', where: 'header' },
      { text: '07/11/2022 08:15', where: 'meta' },
    ]);
  });

  it('drops every chrome family', () => {
    for (const chrome of ['Đăng nhập', 'Trang chủ', 'Chia sẻ', 'Cỡ chữ', 'Tin liên quan', 'Vương Đình Lộc', '1234/QĐ-UBND', 'Hầu Minh Lợi', '88/NQ-HĐND', 'Ý kiến bạn đọc', 'Thăm dò', 'Đang truy cập', 'Tổng lượt truy cập', 'GP-BTTTT', 'Nông Thị Hạnh', 'Từ khóa', 'window.counter']) {
      expect(r.text, chrome).not.toContain(chrome);
    }
    const rules = new Set(r.removed.map((x) => x.rule));
    expect(rules).toContain('chromeClassRule');
    expect(rules).toContain('outsideArticleRule');
    expect(rules).toContain('bylineRule');
  });

  it('reads the page metadata', () => {
    expect(r.meta.publishedTimes).toEqual(['2022-11-07T08:15:00+07:00']);
    expect(r.meta.modifiedTimes).toEqual(['2022-11-07T10:00:00+07:00']);
    expect(r.meta.authors).toEqual(['Hoàng Minh Khôi']);
    expect(r.meta.siteName).toBe('Báo Tân Lĩnh');
    expect(r.meta.lang).toBe('vi');
    expect(r.meta.section).toBe('Kinh tế');
    expect(r.meta.canonicalUrl).toMatch(/123\.html$/u);
    expect(r.meta.jsonLd).toHaveLength(1);
  });

  it('follows registry hints for the body, the title and extra removals', () => {
    const hinted = cleanHtml(fixture('party-newspaper.html'), {
      hints: { content: '.detail-content', title: 'h1.title', remove: ['h2'] },
    });
    // The sapo sits outside the hinted body and still leads the text.
    expect(hinted.paragraphs[0]).toBe(hinted.lead);
    expect(hinted.paragraphs[1]).toMatch(/^Sáng 5\/11/u);
    expect(hinted.text).not.toContain('Siết chặt quản lý giống');
    expect(hinted.removed.some((x) => x.rule === 'portalHintRule')).toBe(true);
  });
});

describe('district government portal (table layout, ASP.NET form)', () => {
  const r = cleanHtml(fixture('district-portal.html'));

  it('finds the body in the middle column and splits <br><br> paragraphs', () => {
    expect(r.isArticle).toBe(true);
    expect(r.title).toBe('Hội nghị triển khai nhiệm vụ cải cách hành chính năm 2023');
    expect(r.paragraphs).toHaveLength(4);
    expect(r.paragraphs[0]).toMatch(/^Chiều 13\/3, UBND huyện Mường Lạn/u);
    expect(r.paragraphs[3]).toMatch(/^Kết luận hội nghị/u);
  });

  it('drops menus, counters, other-news lists and the footer; keeps the office byline and the date', () => {
    for (const chrome of ['Thống kê truy cập', 'Hôm nay', 'Các tin khác', 'Lường Văn Tiến', '15/KH-UBND', 'Cơ quan chủ quản', 'Lò Văn Sinh', 'In trang', 'DANH MỤC']) {
      expect(r.text, chrome).not.toContain(chrome);
    }
    expect(r.byline).toBe('Phòng Văn hóa - Thông tin');
    expect(r.dates).toContainEqual({ text: 'Ngày đăng: 13/03/2023 15:40', where: 'underTitle' });
  });
});

describe('pages without an article and broken pages', () => {
  it('reports a listing page as no article', () => {
    const r = cleanHtml(fixture('listing-page.html'));
    expect(r.isArticle).toBe(false);
    expect(r.reason).toMatch(/^no-article: listing page \(\d+ links, \d+ sentences\)$/u);
  });

  it('cleans a truncated page with unclosed tags', () => {
    const r = cleanHtml(fixture('truncated.html'));
    expect(r.isArticle).toBe(true);
    expect(r.title).toBe('Xã Nậm Pồ nghiệm thu công trình nước sạch');
    expect(r.paragraphs).toHaveLength(4);
    expect(r.paragraphs[2]).toContain('khi nhiều khe suối cạn');
    expect(r.text).not.toContain('Trang chủ');
  });

  it.each(['', '<html>', '<div><p>', '\u0000\u0001binary<<>>', '<html><body></body></html>'])('survives degenerate input %j', (input) => {
    const r = cleanHtml(input);
    expect(r.isArticle).toBe(false);
    expect(r.paragraphs).toEqual([]);
  });

  // Speed on big pages is measured in bench/cleaner-bench.ts, not asserted here.
  it('cleans a 5 MB page and still finds the article', () => {
    const base = fixture('party-newspaper.html');
    const chunk = '<div class="archive-item"><p>Huyện Đồng Văn đã hỗ trợ 1.150 hộ dân giống cây, phân bón; thu nhập bình quân tăng từ 18 lên 26 triệu đồng/năm.</p><a href="/x">Tin khác</a></div>\n';
    const big = base.replace('<!-- /detail-content -->', `<!-- /detail-content -->${chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length))}`);
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const r = cleanHtml(big);
    expect(r.isArticle).toBe(true);
  });
});

describe('helpers', () => {
  it('detects markup', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('<div><p>Một</p><p>Hai</p></div>')).toBe(true);
    expect(looksLikeHtml('Thứ hai, 07/11/2022\n\nHuyện Đồng Văn đẩy mạnh trồng cây dược liệu')).toBe(false);
    expect(looksLikeHtml('Giá trị a <b so với c')).toBe(false);
  });

  it.each([
    ['Huyện Đồng Văn đẩy mạnh trồng cây dược liệu - Báo Tân Lĩnh', 'Báo Tân Lĩnh', 'Huyện Đồng Văn đẩy mạnh trồng cây dược liệu'],
    ['Cổng thông tin điện tử huyện Mường Lạn :: Hội nghị cải cách hành chính', null, 'Hội nghị cải cách hành chính'],
    ['Tin tức | baotanlinh.vn', null, 'Tin tức'],
    ['Kinh tế - xã hội tháng 10 khởi sắc', null, 'Kinh tế - xã hội tháng 10 khởi sắc'],
  ])('strips the site part of %j', (title, site, expected) => {
    expect(stripSiteSuffix(title, site)).toBe(expected);
  });
});

describe('meta lines and credit lines around the body', () => {
  const body = [
    'Sáng 12/3, UBND huyện Thử Nghiệm tổ chức hội nghị triển khai kế hoạch trồng rừng năm 2026 với sự tham dự của các xã.',
    'Theo kế hoạch, toàn huyện trồng mới 420 ha rừng sản xuất, chăm sóc 1.150 ha rừng trồng các năm trước.',
    'Phát biểu chỉ đạo, đồng chí Lục Văn Thử, Chủ tịch UBND huyện đề nghị các xã hoàn thành trước ngày 30/6.',
  ];
  const page = (meta: string, after: string) => `<!doctype html><html><head><meta charset="utf-8"><title>Huyện Thử Nghiệm triển khai kế hoạch trồng rừng năm 2026</title></head><body>
    <header><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav></header>
    <main><h1>Huyện Thử Nghiệm triển khai kế hoạch trồng rừng năm 2026</h1>
    <table><tr><td>${meta}</td></tr></table>
    <div class="article-content">${body.map((p) => `<p>${p}</p>`).join('')}</div>
    ${after}
    <div class="other-news"><h3>Tin khác</h3><ul><li><a href="/a">Xã Thử Một ra quân trồng cây</a></li><li><a href="/b">Huyện đoàn tổ chức hội trại</a></li></ul></div></main>
    <footer>Cơ quan chủ quản: UBND huyện Thử Nghiệm</footer></body></html>`;

  it('reads the post date from a meta line shared with counters and toolbar links', () => {
    const r = clean(page('Ngày đăng: 13/03/2026 | Lượt xem: 248 | In bài', ''));
    expect(r.dates).toContainEqual({ text: 'Ngày đăng: 13/03/2026', where: 'underTitle' });
    const split = clean(page('13/03/2026 | 09:40 (Lượt xem: 587)', ''));
    expect(split.dates).toContainEqual({ text: '13/03/2026 09:40', where: 'underTitle' });
    // A line with anything else in it is no meta line.
    expect(clean(page('13/03/2026 | Huyện Thử Nghiệm có 12 xã', '')).dates).toEqual([]);
  });

  it('joins the day and the clock printed as two items of the meta list', () => {
    const r = clean(page('<ul class="meta"><li class="meta-date">13/03/2026</li><li class="meta-time">09:40</li><li class="meta-author">Lục Thị Thử</li></ul>', ''));
    expect(r.dates).toContainEqual({ text: '13/03/2026 09:40', where: 'meta' });
  });

  it('takes "Nguồn: …" just under the body, or styled like a caption in it, as the credit', () => {
    expect(clean(page('13/03/2026', '<div class="source-news">Nguồn: Báo Thử Nghiệm</div>')).byline).toBe('Nguồn: Báo Thử Nghiệm');
    const credit = clean(page('13/03/2026', '').replace('</p></div>', '</p><p class="credit">Theo TTXVN</p></div>'));
    expect(credit.byline).toBe('Theo TTXVN');
    expect(credit.captions).toEqual([]);
    // A sentence that opens with "Theo" is no credit line.
    expect(clean(page('13/03/2026', '<div class="source-news">Theo kế hoạch của huyện</div>')).byline).toBeNull();
  });
});

describe('author field and credit under the body (session 14)', () => {
  const body = Array.from({ length: 4 }, (_, i) => `<p>Đoạn ${i + 1}: sáng nay, UBND phường Thử Nghiệm tổ chức hội nghị tổng kết công tác năm với sự tham dự của đông đảo cán bộ, đảng viên và nhân dân trên địa bàn.</p>`).join('');
  it('joins "Tác giả: X" and a "Nguồn: Y" line into one byline', () => {
    const r = clean(`<!doctype html><html><head><title>Phường tổng kết năm</title></head><body><div class="content-detail"><h1>Phường Thử Nghiệm tổng kết công tác năm 2025</h1>${body}<div class="author-detail">Tác giả: Trần Minh Khôi</div><div class="source-detail">Nguồn: Văn phòng HĐND và UBND phường</div></div></body></html>`);
    expect(r.byline).toBe('Trần Minh Khôi (Nguồn: Văn phòng HĐND và UBND phường)');
  });
  it('reads an e-magazine credit box: "Thực hiện:" names the authors, "Trình bày:" the designer (session 15)', () => {
    const r = clean(`<!doctype html><html><head><title>Phường tổng kết năm</title></head><body><section class="hero"><h1>Phường Thử Nghiệm tổng kết công tác năm 2025</h1></section><article class="emag-body"><div class="emag-credit"><p>Thực hiện: Kha Minh Đức - Lục Thu Hà</p><p>Trình bày: Ông Gia Bảo</p></div>${body}</article></body></html>`);
    expect(r.byline).toBe('Kha Minh Đức - Lục Thu Hà');
    // Without its colon "Thực hiện" opens a sentence ("Thực hiện Kế hoạch số 12/KH-UBND, ...").
    expect(clean(`<!doctype html><html><body><article><h1>Phường Thử Nghiệm tổng kết công tác năm 2025</h1>${body}<p>Thực hiện Kế hoạch số 12</p></article></body></html>`).byline).toBeNull();
  });
  it('reads a pen name field ("Bút danh")', () => {
    const r = clean(`<!doctype html><html><head><title>Phường tổng kết năm</title></head><body><article><h1>Phường Thử Nghiệm tổng kết công tác năm 2025</h1>${body}</article><div class="detail-author"><span class="label">Bút danh</span> <span class="name">Quốc Khánh</span></div></body></html>`);
    expect(r.byline).toBe('Quốc Khánh');
  });
});
