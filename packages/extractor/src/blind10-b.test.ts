/**
 * Rules written from bench/blind10's per-page failures (officials and credits), in their general form.
 * Names, places and sentences are invented.
 */
import { describe, expect, it } from 'vitest';
import { parseByline } from './byline.ts';
import { extractFromPage } from './extract-from-page.ts';
import { extractOfficials } from './officials.ts';

const pick = (text: string) => extractOfficials(text).map(({ name, titles }) => ({ name, titles }));

describe('party committees in portal shorthand (ĐU, HU, TU)', () => {
  it('reads "BT ĐU", "PBT ĐU" as titles and spells ĐU out as Đảng ủy', () => {
    expect(pick('Dự có đồng chí Lò Thị Mai, BT ĐU, CT HĐND xã; đồng chí Hà Văn Sáng, PBT ĐU, CT UBND xã Tân An.')).toEqual([
      { name: 'Lò Thị Mai', titles: ['Bí thư Đảng ủy', 'Chủ tịch HĐND xã'] },
      { name: 'Hà Văn Sáng', titles: ['Phó Bí thư Đảng ủy', 'Chủ tịch UBND xã Tân An'] },
    ]);
  });

  it('reads the standing deputy "PBT TT ĐU/HU" with its level or place', () => {
    expect(pick('Tham dự có bà Lê Thị Hòa, PBT TT ĐU phường; ông Trần Văn Lợi, PBT TT HU Mỹ Lâm.')).toEqual([
      { name: 'Lê Thị Hòa', titles: ['Phó Bí thư Thường trực Đảng ủy phường'] },
      { name: 'Trần Văn Lợi', titles: ['Phó Bí thư Thường trực Huyện ủy Mỹ Lâm'] },
    ]);
  });

  it('spells out HU and TU after "UV BTV"', () => {
    expect(pick('Dự có ông Phan Văn Đông, UV BTV HU, PCT UBND huyện; ông Vũ Quốc Bình, UV BTV TU, Bí thư Huyện ủy.')).toEqual([
      { name: 'Phan Văn Đông', titles: ['Ủy viên BTV Huyện ủy', 'Phó Chủ tịch UBND huyện'] },
      { name: 'Vũ Quốc Bình', titles: ['Ủy viên BTV Tỉnh ủy', 'Bí thư Huyện ủy'] },
    ]);
  });

  it('leaves a document number ending in /HU alone', () => {
    expect(pick('Ông Đỗ Văn Khải, Bí thư Huyện ủy, quán triệt Nghị quyết số 08-NQ/HU.')).toEqual([
      { name: 'Đỗ Văn Khải', titles: ['Bí thư Huyện ủy'] },
    ]);
  });
});

describe('"thành phố" is a level word, not a street ("phố")', () => {
  it('reads the official named right after "UBND Thành phố" / "UBND thành phố"', () => {
    expect(pick('Đoàn do Phó Chủ tịch UBND Thành phố Lê Quốc Toàn dẫn đầu đã kiểm tra công trình.')).toEqual([
      { name: 'Lê Quốc Toàn', titles: ['Phó Chủ tịch UBND Thành phố'] },
    ]);
    expect(pick('Phát biểu, Chủ tịch UBND thành phố Đinh Văn Hải yêu cầu các phường đẩy nhanh tiến độ.')).toEqual([
      { name: 'Đinh Văn Hải', titles: ['Chủ tịch UBND thành phố'] },
    ]);
  });

  it('still treats "phố Lê Lợi" (a street) as no person', () => {
    expect(pick('Công trình trên phố Trần Hưng Đạo được khởi công.')).toEqual([]);
  });
});

describe('"Nguồn tin:" credits a unit like "Nguồn:"', () => {
  it('parses the labelled unit in a byline', () => {
    expect(parseByline('Nguồn tin: Văn phòng UBND xã')).toEqual({ authors: [], source: 'Văn phòng UBND xã' });
    expect(parseByline('Người viết: Lê Minh Khoa - Nguồn tin: Trung tâm Văn hóa huyện')).toEqual({
      authors: ['Lê Minh Khoa'],
      source: 'Trung tâm Văn hóa huyện',
    });
    expect(parseByline('Tác giả: Mai Hoa (Nguồn tin: Văn phòng HĐND và UBND xã)')).toEqual({
      authors: ['Mai Hoa'],
      source: 'Văn phòng HĐND và UBND xã',
    });
  });

  it('takes the "Nguồn tin:" line under an HTML article body as the credited source', () => {
    const body = Array.from(
      { length: 5 },
      (_, k) => `<p>Đoạn ${k + 1}: UBND xã Tân Thành tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm an sinh xã hội và quốc phòng, an ninh trên địa bàn trong năm qua.</p>`,
    ).join('\n');
    const page = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Xã Tân Thành tổng kết năm</title></head><body>
<div class="header"><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></div>
<div class="news-detail"><h1>Xã Tân Thành tổng kết năm</h1>
<div class="news-date">Ngày 12/01/2025 | 09:30</div>
<div class="news-content">
${body}
</div>
<div class="news-author">Tác giả: Ngô Thanh Hà</div>
<div class="news-source">Nguồn tin: Văn phòng HĐND và UBND xã</div>
</div>
<div class="footer">Cổng thông tin điện tử xã Tân Thành</div>
</body></html>`;
    const { record } = extractFromPage(page, { url: 'https://tanthanh.example.vn/tin-tuc/tong-ket-nam-1.html' });
    expect(record.authors).toEqual(['Ngô Thanh Hà']);
    expect(record.source).toBe('Văn phòng HĐND và UBND xã');
  });
});
