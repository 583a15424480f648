/**
 * Rules written from bench/blind10's failures on its HTML pages 004 and 006, in their general form.
 */
import { describe, expect, it } from 'vitest';
import { parseVietnameseDate } from './dates.ts';
import { parseByline } from './byline.ts';

describe('dates', () => {
  it('reads the long form with the year after a comma, as the vi locale of Blogger prints it', () => {
    expect(parseVietnameseDate('Thứ Sáu, 6 tháng 10, 2023')).toBe('2023-10-06');
    expect(parseVietnameseDate('Thứ Sáu, 6 tháng 10, 2023 08:40')).toBe('2023-10-06T08:40:00+07:00');
    // The form with "năm" still reads as before.
    expect(parseVietnameseDate('Thứ Năm, 22 tháng 8 năm 2024')).toBe('2024-08-22');
  });

  it('reads a day-first date with an English AM/PM marker when the US reading is impossible', () => {
    expect(parseVietnameseDate('16/08/2024 07:15 AM')).toBe('2024-08-16T07:15:00+07:00');
    expect(parseVietnameseDate('25/12/2023 03:30 PM')).toBe('2023-12-25T15:30:00+07:00');
    // Month-first still wins when both readings are possible ("9/11/2021 3:29:47 PM" is 11 September).
    expect(parseVietnameseDate('9/11/2021 3:29:47 PM')).toBe('2021-09-11T15:29:47+07:00');
  });
});

describe('bylines', () => {
  it('credits a commune communication team after the name', () => {
    expect(parseByline('Minh Khoa - Tổ Truyền thông xã')).toEqual({ authors: ['Minh Khoa'], source: 'Tổ Truyền thông xã' });
  });
});
