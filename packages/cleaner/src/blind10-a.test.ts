/**
 * Rules written from bench/blind10's failures on its HTML pages 002, 004, 006 and 007, each in its
 * general form, on invented pages and lines.
 */
import { describe, expect, it } from 'vitest';
import { cleanHtml } from './clean.ts';
import { isBylineLine } from './line-rules.ts';

const body = [
  'Theo báo cáo, trong năm qua toàn xã đã chuyển đổi 320 ha đất lúa kém hiệu quả sang trồng cây ăn trái và rau màu, vượt 12% kế hoạch đề ra.',
  'Nhiều mô hình cho thu nhập từ 150 đến 200 triệu đồng mỗi ha mỗi năm, gấp hai đến ba lần so với trồng lúa trước đây.',
  'Dịp này, UBND xã khen thưởng 9 tập thể và 14 cá nhân có thành tích xuất sắc trong phong trào chuyển đổi cơ cấu cây trồng.',
].map((p) => `<p>${p}</p>`).join('\n');

describe('inline sapo', () => {
  it('reads a sapo held by an inline label (ASP.NET <span class="tom-tat">) as the lead, not as chrome', () => {
    const sapo = 'Ngày 5/4, UBND xã Tân Lộc tổ chức hội nghị tổng kết 3 năm chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả.';
    const html = `<html><head><title>Tân Lộc chuyển đổi cây trồng</title></head><body>
<div class="menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>
<div class="chi-tiet">
<span id="ctl00_lblTieuDe" class="tieu-de">Tân Lộc chuyển đổi cây trồng trên đất lúa kém hiệu quả</span>
<div class="ngay-dang"><span>Thứ hai, 06/04/2024 | 10:15</span></div>
<span id="ctl00_lblTomTat" class="tom-tat">${sapo}</span>
<div id="ctl00_pnlNoiDung" class="noi-dung">${body}</div>
</div></body></html>`;
    const r = cleanHtml(html);
    expect(r.paragraphs[0]).toBe(sapo);
    expect(r.lead).toBe(sapo);
  });
});

describe('labelled source field', () => {
  it('credits a long unit name after "Nguồn:" under the body, joined to the author field', () => {
    const html = `<html><head><title>Tân Lộc chuyển đổi cây trồng</title></head><body>
<h1>Tân Lộc chuyển đổi cây trồng trên đất lúa kém hiệu quả</h1>
<div class="noi-dung">${body}</div>
<div class="tac-gia">Tác giả: <span>Minh Khoa</span></div>
<div class="nguon">Nguồn: <span>Trung tâm Văn hóa - Thông tin và Thể thao huyện</span></div>
<div class="footer">Bản quyền thuộc UBND huyện Tân Lộc</div>
</body></html>`;
    const r = cleanHtml(html);
    expect(r.byline).toContain('Minh Khoa');
    expect(r.byline).toContain('Trung tâm Văn hóa - Thông tin và Thể thao huyện');
  });
});

describe('post clock printed apart from the day', () => {
  it('completes a day-only date header with the clock of a marked post time whose timestamp falls that day', () => {
    const html = `<html><head><title>Xã Tân Lộc bàn giao nhà</title></head><body>
<h1 class="blog-name">Xã Tân Lộc</h1>
<h2 class="date-header"><span>Thứ Sáu, 6 tháng 10, 2023</span></h2>
<h3 class="post-title">Xã Tân Lộc bàn giao 4 căn nhà cho hộ nghèo</h3>
<div class="post-body">${body}</div>
<div class="post-footer">Người đăng: <span>Xã Tân Lộc</span> vào lúc <a href="#"><abbr class="published" title="2023-10-06T08:40:00+07:00">8:40</abbr></a></div>
</body></html>`;
    const r = cleanHtml(html);
    expect(r.dates.map((d) => d.text)).toContain('Thứ Sáu, 6 tháng 10, 2023 08:40');
  });

  it('leaves the day alone when the timestamp is of another day or the clock differs', () => {
    const page = (iso: string, shown: string) => `<html><body>
<h2 class="date-header"><span>Thứ Sáu, 6 tháng 10, 2023</span></h2>
<h3 class="post-title">Xã Tân Lộc bàn giao 4 căn nhà cho hộ nghèo</h3>
<div class="post-body">${body}</div>
<div class="post-footer">vào lúc <abbr class="published" title="${iso}">${shown}</abbr></div>
</body></html>`;
    for (const [iso, shown] of [['2023-10-07T08:40:00+07:00', '8:40'], ['2023-10-06T08:40:00+07:00', '9:15']] as const) {
      expect(cleanHtml(page(iso, shown)).dates.some((d) => /\d:\d\d/u.test(d.text))).toBe(false);
    }
  });
});

describe('headline shown only in a bold cell', () => {
  it("takes the <title> part the page prints above the body when the site's name in <title> is unknown", () => {
    const html = `<html><head><title>Bao Tan Loc dien tu - Tân Lộc mở rộng vùng trồng bưởi liên kết</title></head><body>
<table><tr><td><font size="1"><a href="/">Trang nhất</a> &gt; <a href="/kt">Kinh tế</a></font></td></tr>
<tr><td><font size="5"><b>Tân Lộc mở rộng vùng trồng bưởi liên kết</b></font></td></tr>
<tr><td>${body}</td></tr></table></body></html>`;
    expect(cleanHtml(html).title).toBe('Tân Lộc mở rộng vùng trồng bưởi liên kết');
  });
});

describe('name above the headline', () => {
  const page = (above: string, title = 'Tân Lộc bàn giao 4 căn nhà cho hộ nghèo') => `<html><head><title>${title} - Báo Tân Lộc</title></head><body>
<table><tr><td><a href="/">Trang nhất</a> &gt; <a href="/xh">Xã hội</a></td></tr>
<tr><td><b><i>${above}</i></b></td></tr>
<tr><td><font size="5"><b>Tân Lộc bàn giao 4 căn nhà cho hộ nghèo</b></font></td></tr>
<tr><td>${body}</td></tr></table></body></html>`;

  it('reads a name alone in the block right above the title as the byline', () => {
    expect(cleanHtml(page('TRƯƠNG MINH KHOA')).byline).toBe('TRƯƠNG MINH KHOA');
  });

  it('never reads a menu label, a badge echoed in <title>, or a five-word masthead as one', () => {
    expect(cleanHtml(page('Xã hội')).byline).toBeNull();
    expect(cleanHtml(page('TRỰC TIẾP', 'TRỰC TIẾP: Tân Lộc bàn giao 4 căn nhà cho hộ nghèo')).byline).toBeNull();
    expect(cleanHtml(page('TAN LOC PROVINCE WEB PORTAL')).byline).toBeNull();
  });
});

describe('communication team as a credited unit', () => {
  it('"Name - Tổ Truyền thông xã" is a byline; "Tổ chức …" and "Tổ dân phố …" are not units', () => {
    expect(isBylineLine('Minh Khoa - Tổ Truyền thông xã')).toBe(true);
    expect(isBylineLine('Minh Khoa - Tổ Thông tin phường')).toBe(true);
    expect(isBylineLine('Minh Khoa - Tổ chức tốt hội nghị')).toBe(false);
    expect(isBylineLine('Minh Khoa - Tổ dân phố 3')).toBe(false);
  });
});
