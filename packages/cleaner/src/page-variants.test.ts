/**
 * What a page shows must read the same however it is written: decomposed Unicode, no metadata, a
 * CMS's own class names, a capture wrapped at another width (bench/perturb-eval.ts measures the
 * same over the evaluation sets). Invented pages.
 */
import { describe, expect, it } from 'vitest';
import { clean, cleanHtml } from './clean.ts';
import { reflowLines } from './reflow.ts';
import { isLabelledByline, matchChromeRule } from './line-rules.ts';

const body = [
  'Sáng 14/10, đoàn công tác của UBND tỉnh do ông Hà Quốc Lâm, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã kiểm tra tiến độ nạo vét kênh tưới tại xã Tân Phú.',
  'Theo báo cáo của UBND xã, từ đầu năm đến nay địa phương đã nạo vét 18 km kênh mương, tổng kinh phí hơn 2,4 tỷ đồng, bảo đảm nước tưới cho 640 ha lúa.',
  'Phát biểu kết luận, ông Hà Quốc Lâm đề nghị xã tiếp tục huy động nhân dân tham gia giữ gìn công trình sau khi bàn giao.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

const page = (head: string, header: string, opts: { h1?: string } = {}) => `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">${head}</head><body>
<header><div class="logo"><h1>Báo Tân Phú Online</h1></div><nav><ul><li><a href="/thoi-su">Thời sự</a></li><li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul></nav></header>
<main><article>
<h1>${opts.h1 ?? 'Phó Chủ tịch UBND tỉnh kiểm tra tiến độ nạo vét kênh tưới tại xã Tân Phú'}</h1>
${header}
<div class="content">${body}</div>
</article></main>
<footer><p>Cơ quan chủ quản: Tỉnh ủy Tân Phú</p></footer></body></html>`;

describe('pages written differently', () => {
  it('reads a page saved in decomposed Unicode (NFD) as the same page in NFC', () => {
    const html = page('<title>Phó Chủ tịch UBND tỉnh kiểm tra tiến độ nạo vét kênh tưới tại xã Tân Phú - Báo Tân Phú</title><meta property="og:site_name" content="Báo Tân Phú">', '<div class="meta">14/10/2025 16:20</div>');
    const nfc = cleanHtml(html);
    const nfd = cleanHtml(html.normalize('NFD'));
    expect(nfd.title).toBe(nfc.title);
    expect(nfd.meta.siteName).toBe('Báo Tân Phú');
    // The footer's licensee names the province: read through the same NFC rules.
    expect(nfc.meta.publisher).toBe('Tỉnh ủy Tân Phú');
    expect(nfd.meta.publisher).toBe(nfc.meta.publisher);
    expect(nfd.text).toBe(nfc.text);
    expect(nfd.title).toBe(nfd.title?.normalize('NFC'));
  });

  it('reads the post time from a header row that also holds the section link and a view counter', () => {
    // "14/10/2025 16:20 · Thời sự · Lượt xem: 1.204", the section a link of the page's menu.
    const r = cleanHtml(page('', '<div class="info"><span>14/10/2025 16:20</span> · <a href="/thoi-su">Thời sự</a> · <span>Lượt xem: 1.204</span></div>'));
    expect(r.dates.map((d) => d.text)).toContain('14/10/2025 16:20');
    // The cells glued together without a separator, as inline spans are.
    const glued = cleanHtml(page('', '<div class="info"><span>16:20 14/10/2025</span><a href="/thoi-su">Thời sự</a><span>Lượt xem: 1.204</span></div>'));
    expect(glued.dates.map((d) => d.text)).toContain('16:20 14/10/2025');
    // A label that is no link of the page is not taken for chrome: the row is not read as a date line.
    const unknown = cleanHtml(page('', '<div class="info"><span>14/10/2025 16:20</span> · <span>Hội nghị tổng kết</span></div>'));
    expect(unknown.dates.map((d) => d.text)).not.toContain('14/10/2025 16:20');
  });

  it("does not take a today widget's date-classed element for the post date", () => {
    const r = cleanHtml(page('', '<div class="date-now">Thứ Ba, 21/10/2025</div><div class="post-date">14/10/2025 16:20</div>'));
    const marked = r.dates.filter((d) => d.where === 'meta').map((d) => d.text);
    expect(marked).toContain('14/10/2025 16:20');
    expect(marked).not.toContain('Thứ Ba, 21/10/2025');
  });

  it("takes the name linked to the writer's page in the header row as the author", () => {
    const r = cleanHtml(page('', '<div class="row"><a href="/tac-gia/mai-ngoc-anh">Mai Ngọc Ánh</a> <time>14/10/2025 16:20</time></div>'));
    expect(r.byline).toBe('Mai Ngọc Ánh');
    // Every writer linked in the row, not only the first.
    const two = cleanHtml(page('', '<div class="row"><a href="/tac-gia/mai-ngoc-anh">Mai Ngọc Ánh</a> - <a href="/tac-gia/le-van-tam">Lê Văn Tâm</a> <time>14/10/2025 16:20</time></div>'));
    expect(two.byline).toBe('Mai Ngọc Ánh, Lê Văn Tâm');
    // A link to anything else is not an author.
    const other = cleanHtml(page('', '<div class="row"><a href="/chu-de/thuy-loi">Thủy Lợi</a> <time>14/10/2025 16:20</time></div>'));
    expect(other.byline).toBeNull();
  });

  it("takes a short h1 for the title when the page has no other, never the paper's masthead", () => {
    const r = cleanHtml(page('', '<div class="info">14/10/2025</div>', { h1: 'Nạo vét kênh' }));
    expect(r.title).toBe('Nạo vét kênh');
    // With a long headline the masthead h1 ("Báo Tân Phú Online", four words) still never wins.
    const long = cleanHtml(page('', '<div class="info">14/10/2025</div>'));
    expect(long.title).toBe('Phó Chủ tịch UBND tỉnh kiểm tra tiến độ nạo vét kênh tưới tại xã Tân Phú');
  });

  it('joins a footer line that stops on a dangling word with its rest, so the rest is not read as the byline', () => {
    const lines = ['Chịu trách nhiệm chính: Ông Lương Văn Hạ - Chánh Văn phòng HĐND và', 'UBND huyện'];
    expect(reflowLines(lines).lines).toEqual(['Chịu trách nhiệm chính: Ông Lương Văn Hạ - Chánh Văn phòng HĐND và UBND huyện']);
    const capture = [
      'Phó Chủ tịch UBND tỉnh kiểm tra tiến độ nạo vét kênh tưới tại xã Tân Phú',
      '14/10/2025 16:20',
      ...body.split('\n').map((p) => p.replace(/<\/?p>/gu, '')),
      'Ngọc Ánh - Minh Thư',
      'Cổng thông tin điện tử huyện Tân Phú',
      'Chịu trách nhiệm chính: Ông Lương Văn Hạ - Chánh Văn phòng HĐND và',
      'UBND huyện',
    ].join('\n');
    expect(clean(capture).byline).toBe('Ngọc Ánh - Minh Thư');
  });

  it('reads a page whose markup names nothing: an h2 headline, its sapo, and the names and the credit under the body', () => {
    const html = `<html><body><div><div><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></div>
<div><h2>Xã Tân Phú đón 42.000 lượt khách trong mùa du lịch năm 2025</h2>
<div>Ngày đăng: 21/10/2025 09:30</div>
<div><b>Chiều 20/10, UBND xã Tân Phú tổ chức hội nghị tổng kết mùa du lịch năm 2025 với sự tham dự của hơn 60 cơ sở lưu trú.</b></div>
<div>${body}</div>
<div>Hà Mai Lan - Lò Văn Chiến</div>
<div>Nguồn tanphu.gov.vn</div>
</div><div><a href="/a">Tin khác</a></div></div></body></html>`;
    const r = cleanHtml(html);
    expect(r.title).toBe('Xã Tân Phú đón 42.000 lượt khách trong mùa du lịch năm 2025');
    expect(r.lead).toBe('Chiều 20/10, UBND xã Tân Phú tổ chức hội nghị tổng kết mùa du lịch năm 2025 với sự tham dự của hơn 60 cơ sở lưu trú.');
    expect(r.byline).toContain('Hà Mai Lan - Lò Văn Chiến');
    expect(r.byline).toContain('tanphu.gov.vn');
  });

  it('joins the lines of a capture wrapped narrower: a range cut after its first year, a title cut before its year', () => {
    expect(reflowLines(['Hội nghị đã bầu ông Lương Văn Hạ giữ chức Chủ tịch HĐND huyện, nhiệm kỳ 2021', '- 2026.']).lines).toHaveLength(1);
    // A list item that opens with a year stays a list item.
    expect(reflowLines(['Kết quả qua các năm như sau: năm 2022', '- 2023: 120 hộ thoát nghèo']).lines).toHaveLength(2);
    expect(reflowLines(['Hội nghị Ban Thường vụ Huyện ủy triển khai một số nhiệm vụ trọng tâm', 'trong năm 2026.']).lines).toHaveLength(1);
    expect(matchChromeRule('trong năm 2026.')).toBeNull();
    expect(matchChromeRule('Trong năm: 2026')?.name).toBe('visitorCounterRule');
  });

  it('reads a labelled byline in the header and the licence line at the end of a page whose markup names neither', () => {
    const html = `<html><body><div><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></div>
<div><h1>Xã Tân Phú đón 42.000 lượt khách trong mùa du lịch năm 2025</h1>
<div>21/10/2025 09:30</div>
<div>Nhóm phóng viên: Hà Mai Lan, Lò Văn Chiến</div>
<div>${body}</div></div>
<div><p>Bản quyền thuộc Báo Tân Phú. Cơ quan chủ quản: Tỉnh ủy Tân Phú</p></div></body></html>`;
    const r = cleanHtml(html);
    expect(r.byline).toBe('Nhóm phóng viên: Hà Mai Lan, Lò Văn Chiến');
    expect(r.meta.publisher).toBe('Tỉnh ủy Tân Phú');
    // A sentence that opens like a label is no byline.
    expect(isLabelledByline('Tin vui: năm nay xã Tân Phú có thêm 120 hộ thoát nghèo.')).toBe(false);
  });

  it('keeps a byline apart from a full last line, and joins a footer line the wrap cut before a lower-case word', () => {
    // A capture wrapped at 72: every paragraph's lines are full, the last ones end a sentence.
    const para = [
      'Dịp này, ban tổ chức trao tặng xã 12 camera an ninh trị giá 18 triệu',
      'đồng và 20 phần quà cho các hộ nghèo; phấn đấu đến cuối năm 2026 toàn',
      'xã có 100% thôn đạt chuẩn an toàn về an ninh, trật tự ở cơ sở xã nhà.',
    ];
    const wrapped = [...para, ...para, ...para, 'Phóng viên: Hà Mai Lan', 'Người chịu trách nhiệm: Lương Văn Hạ, Chánh Văn phòng HĐND và UBND', 'phường'];
    const lines = reflowLines(wrapped).lines;
    expect(lines).toContain('Phóng viên: Hà Mai Lan');
    expect(lines).toContain('Người chịu trách nhiệm: Lương Văn Hạ, Chánh Văn phòng HĐND và UBND phường');
  });

  it('without metadata, takes neither a badge above the headline for the byline nor a date heading for the title', () => {
    const html = `<html><body><div><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></div>
<h2>Thứ Ba, 21 tháng 10, 2025</h2>
<div>TRỰC TIẾP</div>
<h1>Mưa lũ ở xã Tân Phú, khẩn trương di dời dân vùng ven sông</h1>
<div>${body}</div></body></html>`;
    const r = cleanHtml(html);
    expect(r.title).toBe('Mưa lũ ở xã Tân Phú, khẩn trương di dời dân vùng ven sông');
    expect(r.byline).toBeNull();
    const dated = cleanHtml(`<html><body><h2>Thứ Ba, 21 tháng 10, 2025</h2><h3>Xã Tân Phú khẩn trương di dời dân vùng ven sông</h3><div>${body}</div></body></html>`);
    expect(dated.title).toBe('Xã Tân Phú khẩn trương di dời dân vùng ven sông');
  });
});
