/**
 * Rules written from bench/blind9's first-run failures (session 16), in their general form.
 */
import { describe, expect, it } from 'vitest';
import { parseByline } from './byline.ts';
import { parseVietnameseDate, yearsTalkedAbout } from './dates.ts';
import { extractOfficials } from './officials.ts';
import { completeCommitteeMembership } from './official-title-reader.ts';

describe('credit labels', () => {
  it('strips "Tin bài:", "Bài viết:", "Phóng sự ảnh:" and "Phóng sự:" like "Tin:" and "Bài:"', () => {
    expect(parseByline('Tin bài: Đặng Minh Thư')).toEqual({ authors: ['Đặng Minh Thư'], source: null });
    expect(parseByline('Bài viết: Lò Văn Chiến')).toEqual({ authors: ['Lò Văn Chiến'], source: null });
    expect(parseByline('Phóng sự ảnh: Hà Mai Lan')).toEqual({ authors: ['Hà Mai Lan'], source: null });
    expect(parseByline('Phóng sự: Hà Mai Lan')).toEqual({ authors: ['Hà Mai Lan'], source: null });
  });

  it('never credits a CMS login as the source', () => {
    expect(parseByline('qtv_tanphu').source).toBeNull();
    expect(parseByline('Kim Loan - qtv_tanphu')).toEqual({ authors: ['Kim Loan'], source: null });
  });
});

describe('the vi-VN 12-hour clock', () => {
  it('reads "CH" (chiều) as p.m. and "SA" (sáng) as a.m., day first', () => {
    expect(parseVietnameseDate('24/10/2025 3:15:00 CH')).toBe('2025-10-24T15:15:00+07:00');
    expect(parseVietnameseDate('05/11/2025 9:05 SA')).toBe('2025-11-05T09:05:00+07:00');
    expect(parseVietnameseDate('05/11/2025 12:10 SA')).toBe('2025-11-05T00:10:00+07:00');
  });
});

describe('years talked about', () => {
  it('skips a target year after "đến hết năm", "đến cuối năm", "trước năm"', () => {
    expect(yearsTalkedAbout('Năm 2024, xã đạt 12 tiêu chí; phấn đấu đến hết năm 2026 đạt chuẩn.')).not.toContain(2026);
    expect(yearsTalkedAbout('Năm 2024, xã đạt 12 tiêu chí; đến cuối năm 2027 hoàn thành.')).not.toContain(2027);
  });
});

describe('a committee membership that names only its organ', () => {
  it('takes the party committee that ends a later title of the same chain', () => {
    expect(completeCommitteeMembership(['Ủy viên BTV', 'Trưởng Ban Dân vận Huyện ủy'])).toEqual(['Ủy viên BTV Huyện ủy', 'Trưởng Ban Dân vận Huyện ủy']);
    // Never from a people's committee or council: "UV BTV, Chủ tịch UBND huyện" stays as written.
    expect(completeCommitteeMembership(['Ủy viên BTV', 'Chủ tịch UBND huyện'])).toEqual(['Ủy viên BTV', 'Chủ tịch UBND huyện']);
  });

  it('in running text', () => {
    const [o] = extractOfficials('Dự hội nghị có bà Hoàng Thị Xuân, UV BTV, Trưởng Ban Dân vận Huyện ủy.');
    expect(o?.name).toBe('Hoàng Thị Xuân');
    expect(o?.titles).toEqual(['Ủy viên BTV Huyện ủy', 'Trưởng Ban Dân vận Huyện ủy']);
  });
});

describe('officials in portal shorthand and unit names (blind9, session 16)', () => {
  const names = (text: string) => extractOfficials(text).map((o) => `${o.name} [${o.titles.join('; ')}]`);

  it('reads a written-out "Phó" before an abbreviated head as the deputy ("Phó CT UBND huyện")', () => {
    expect(names('Tham dự có ông Lâm Văn Hậu, Phó CT UBND huyện Tân Phú.')).toEqual(['Lâm Văn Hậu [Phó Chủ tịch UBND huyện Tân Phú]']);
  });

  it('spells out the Front in portal shorthand ("CT UBMTTQ VN huyện")', () => {
    expect(names('Bà Lò Thị Hoa, CT UBMTTQ VN huyện phát biểu tại buổi lễ.')).toEqual(['Lò Thị Hoa [Chủ tịch Ủy ban MTTQ Việt Nam huyện]']);
  });

  it('keeps two fields joined by "và" in a unit name, and knows stations and hamlets', () => {
    expect(names('Ông Đinh Văn Tài, Trưởng Trạm Trồng trọt và Bảo vệ thực vật huyện cho biết.')).toEqual(['Đinh Văn Tài [Trưởng Trạm Trồng trọt và Bảo vệ thực vật huyện]']);
    expect(names('Ông Thạch Văn Sơn, Trưởng ấp Phước Lộc cho biết, cả ấp có 12 hộ nghèo.')).toEqual(['Thạch Văn Sơn [Trưởng ấp Phước Lộc]']);
  });

  it('takes three name words after the level word of a title-first chain, with a family name it does not list', () => {
    expect(names('Phó Chủ tịch UBND tỉnh Khưu Ngọc Diễm đề nghị các xã đẩy nhanh tiến độ.')).toEqual(['Khưu Ngọc Diễm [Phó Chủ tịch UBND tỉnh]']);
    // A place of that length is no person.
    expect(names('Phó Chủ tịch UBND huyện Hoàng Su Phì đề nghị các xã đẩy nhanh tiến độ.')).toEqual([]);
  });
});

describe('event days on a live page (blind9, session 16)', () => {
  it('reads "từ đêm 16/11" in mid-sentence as the start of a span, not the day reported', async () => {
    const { extractEventDate } = await import('./dates.ts');
    const text = 'Do mưa lớn kéo dài từ đêm 16/11, nước sông dâng cao; sáng 18/11, lực lượng chức năng huyện tiếp tục di dời dân.';
    expect(extractEventDate(text, '2023-11-18T06:45:00+07:00')).toBe('2023-11-18');
    const midway = 'Lực lượng chức năng huyện tiếp tục di dời dân khi mưa lớn kéo dài từ đêm 16/11 khiến nước sông dâng cao.';
    expect(extractEventDate(midway, '2023-11-18T06:45:00+07:00')).toBe('2023-11-16');
  });
});
