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
