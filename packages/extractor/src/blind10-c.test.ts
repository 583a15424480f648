/**
 * Rules written from bench/blind10's first-run failures (pages 008 and 012), each in its general
 * form, on invented text.
 */
import { describe, expect, it } from 'vitest';
import { parseVietnameseDate } from './dates.ts';
import { extractOfficials } from './officials.ts';

const pick = (text: string) => extractOfficials(text).map(({ name, titles }) => ({ name, titles }));

describe('the clock written in words', () => {
  it('reads "H giờ M phút" before or after the day as the time of day', () => {
    expect(parseVietnameseDate('Đăng lúc 9 giờ 05 phút, ngày 03/11/2023')).toBe('2023-11-03T09:05:00+07:00');
    expect(parseVietnameseDate('Ngày 21/02/2024, 16 giờ 40 phút')).toBe('2024-02-21T16:40:00+07:00');
    expect(parseVietnameseDate('Cập nhật lúc 7 giờ, ngày 12/08/2022')).toBe('2022-08-12T07:00:00+07:00');
  });

  it('leaves a day with no clock as a day, and a count of hours is no clock', () => {
    expect(parseVietnameseDate('Thứ Hai, ngày 17/03/2025')).toBe('2025-03-17');
    expect(parseVietnameseDate('ngày 05/04/2024, sau 48 giờ làm việc')).toBe('2024-04-05');
  });
});

describe('party committees in portal shorthand', () => {
  it('spells out HU, TU, ĐU and QU after a title head', () => {
    expect(pick('Dự buổi lễ có ông Tạ Văn Khoa, UV BTV HU, PCT UBND huyện Cẩm Bình; bà Mai Thị Nguyệt, BT ĐU xã An Lạc.')).toEqual([
      { name: 'Tạ Văn Khoa', titles: ['Ủy viên BTV Huyện ủy', 'Phó Chủ tịch UBND huyện Cẩm Bình'] },
      { name: 'Mai Thị Nguyệt', titles: ['Bí thư Đảng ủy xã An Lạc'] },
    ]);
    expect(pick('Ông Lục Minh Toàn, UV BTV TU, Trưởng Ban Dân vận Tỉnh ủy phát biểu tại hội nghị.')).toEqual([
      { name: 'Lục Minh Toàn', titles: ['Ủy viên BTV Tỉnh ủy', 'Trưởng Ban Dân vận Tỉnh ủy'] },
    ]);
  });

  it('leaves the same letters alone inside a document number', () => {
    expect(pick('Ông Tạ Văn Khoa, Bí thư Huyện ủy, quán triệt Nghị quyết số 12-NQ/HU của Huyện ủy.')).toEqual([
      { name: 'Tạ Văn Khoa', titles: ['Bí thư Huyện ủy'] },
    ]);
  });

  it('reads the Front written "UBMTTQVN" without a space', () => {
    expect(pick('Bà Đinh Thị Hạnh, CT UBMTTQVN huyện, trao quà cho các hộ nghèo.')).toEqual([
      { name: 'Đinh Thị Hạnh', titles: ['Chủ tịch Ủy ban MTTQ Việt Nam huyện'] },
    ]);
  });
});
