/**
 * Rules written from bench/blind9's first-run failures (session 16), each in its general form,
 * on invented pages and lines.
 */
import { describe, expect, it } from 'vitest';
import { clean, cleanHtml } from './clean.ts';
import { authorMetaName, isDateOnlyLine, lineKey, matchChromeRule, splitMetaLine } from './line-rules.ts';
import { reflowLines } from './reflow.ts';
import { isNegativeClass } from './scoring.ts';

const paragraphs = [
  'Chiều 20/10, UBND xã Tân Phú tổ chức hội nghị tổng kết mùa du lịch năm 2025 với sự tham dự của hơn 60 cơ sở lưu trú trên địa bàn.',
  'Theo báo cáo, trong mùa cao điểm xã đón khoảng 42.000 lượt khách, tổng doanh thu từ du lịch ước đạt 31 tỷ đồng, tăng 18% so với cùng kỳ.',
  'Dịp này, UBND xã khen thưởng 12 tập thể và cá nhân có thành tích trong phát triển du lịch cộng đồng.',
];

describe('class words', () => {
  it('"print" and "hidden" are chrome as classes of their own, not as parts of a class', () => {
    for (const c of ['print', 'btn-print', 'no-print', 'print-icon', 'hidden', 'sr-only', 'visually-hidden']) expect(isNegativeClass(c), c).toBe(true);
    for (const c of ['print-title', 'print-content', 'print-date', 'field field--label-hidden', 'hidden-xs col-md-8']) expect(isNegativeClass(c), c).toBe(false);
    // The other chrome words still count anywhere in a class.
    expect(isNegativeClass('box-related-news')).toBe(true);
  });

  it("keeps a print view's title, date, sapo and author", () => {
    const html = `<html><head><title>In bài viết</title></head><body>
<div class="print-header"><b>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH TÂN PHÚ</b><br>Cơ quan chủ quản: UBND tỉnh Tân Phú</div>
<div class="print-tools"><a href="javascript:print()">In bài viết</a></div>
<h2 class="print-title">Xã Tân Phú đón 42.000 lượt khách trong mùa du lịch</h2>
<div class="print-date">Ngày đăng: 21/10/2025 09:30</div>
<div class="print-sapo">${paragraphs[0]}</div>
<div class="print-content"><p>${paragraphs[1]}</p><p>${paragraphs[2]}</p></div>
<div class="print-author">Hà Mai Lan - Lò Văn Chiến (Phòng Văn hóa - Xã hội xã Tân Phú)</div>
</body></html>`;
    const r = cleanHtml(html);
    expect(r.title).toBe('Xã Tân Phú đón 42.000 lượt khách trong mùa du lịch');
    expect(r.text).toContain('Chiều 20/10, UBND xã Tân Phú tổ chức hội nghị');
    expect(r.byline).toBe('Hà Mai Lan - Lò Văn Chiến (Phòng Văn hóa - Xã hội xã Tân Phú)');
    expect(r.dates.map((d) => d.text).join(' ')).toContain('21/10/2025 09:30');
    // The licence line sits in the print view's header, not in a footer.
    expect(r.meta.publisher).toBe('UBND tỉnh Tân Phú');
    expect(r.text).not.toContain('In bài viết');
  });

  it("reads a Drupal field whose label is hidden (field--label-hidden): a 'Theo <unit>' credit of up to nine words", () => {
    const html = `<html><body><article><h1><span class="field field--name-title field--label-hidden">Xã Tân Phú đón 42.000 lượt khách trong mùa du lịch</span></h1>
<div class="field field--name-body field--label-hidden">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>
<div class="field field--name-field-nguon field--label-hidden">Theo Ban Tuyên giáo và Dân vận Huyện ủy Tân Phú</div>
</article><aside class="sidebar"><a href="/a">Tin khác</a></aside></body></html>`;
    expect(cleanHtml(html).byline).toBe('Theo Ban Tuyên giáo và Dân vận Huyện ủy Tân Phú');
  });
});

describe('lines', () => {
  it('a CMS login in an uploader field names nobody', () => {
    expect(authorMetaName('Người đăng: qtv_tanphu')).toBe('');
    expect(authorMetaName('Đăng bởi: bientap2')).toBe('');
    expect(authorMetaName('Đăng bởi: Hà Mai Lan')).toBe('Hà Mai Lan');
  });

  it('reads the vi-VN 12-hour clock (SA/CH) on a date line', () => {
    expect(isDateOnlyLine(lineKey('24/10/2025 3:15:00 CH'))).toBe(true);
    expect(isDateOnlyLine(lineKey('Ngày đăng: 24/10/2025 9:05 SA'))).toBe(true);
  });

  it('takes a toolbar of bracketed links for chrome', () => {
    expect(matchChromeRule('[In bài]  [Gửi bạn bè]  [Về đầu trang]')?.name).toBe('shareToolbarRule');
  });

  it('joins a menu item that ends with a dangling word to the next item only when it is sentence-sized', () => {
    expect(reflowLines(['Chuyển đổi số', 'Văn bản', 'Dịch vụ công']).lines).toEqual(['Chuyển đổi số', 'Văn bản', 'Dịch vụ công']);
    expect(reflowLines(['Hội nghị có sự tham dự của lãnh đạo các sở, ngành và', 'UBND các xã']).lines).toHaveLength(1);
  });

  it("names the site from the whole banner block of a capture, with the province line", () => {
    const capture = [
      'ỦY BAN NHÂN DÂN HUYỆN TÂN PHÚ',
      'Cổng thông tin điện tử huyện Tân Phú - tỉnh Hà Giang',
      'Trang chủ',
      'Tin tức - Sự kiện',
      'Xã Tân Phú đón 42.000 lượt khách trong mùa du lịch',
      ...paragraphs,
    ].join('\n');
    expect(clean(capture).meta.siteName).toBe('ỦY BAN NHÂN DÂN HUYỆN TÂN PHÚ - Cổng thông tin điện tử huyện Tân Phú - tỉnh Hà Giang');
  });

  it('reads meta rows with a clock cell, an icon count and an update stamp', () => {
    expect(splitMetaLine(lineKey('14:20 | Thứ Tư, 12/06/2024 318'), '14:20 | Thứ Tư, 12/06/2024 318')?.date).toBe('14:20 Thứ Tư, 12/06/2024');
    expect(splitMetaLine(lineKey('18/11/2023 06:45 Cập nhật lần cuối: 21:40'), '18/11/2023 06:45 Cập nhật lần cuối: 21:40')?.date).toBe('18/11/2023 06:45');
    // A clock with no day is no post date; a year after a date is not a count.
    expect(splitMetaLine(lineKey('14:20 | Lượt xem: 318'), '14:20 | Lượt xem: 318')).toBeNull();
    expect(isDateOnlyLine(lineKey('Đăng lúc 16g20 ngày 05/11/2025'))).toBe(true);
  });

  it('drops a bare clock inside the body (an entry time of a live page)', () => {
    const html = `<html><body><article><h1>Mưa lũ ở xã Tân Phú, khẩn trương di dời dân vùng ven sông</h1><div class="entry-list">
<p>${paragraphs[0]}</p><time class="entry-time">19:15</time><p>${paragraphs[1]}</p><p>${paragraphs[2]}</p></div></article></body></html>`;
    const r = cleanHtml(html);
    expect(r.paragraphs).not.toContain('19:15');
    expect(r.text).toContain(paragraphs[1]);
  });
});
