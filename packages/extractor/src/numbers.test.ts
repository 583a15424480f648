import { describe, expect, it } from 'vitest';
import { parseVietnameseNumber } from './numbers.ts';

describe('parseVietnameseNumber', () => {
  it.each([
    ['5.012', 5012],
    ['28,757', 28.757],
    ['3.456,7', 3456.7],
    ['1.234.567', 1234567],
    ['17,2 nghìn', 17200],
    ['38,2 triệu', 38200000],
    ['28,757 tỷ', 28757000000],
    ['12,4 tỉ', 12400000000],
    ['4 ngàn', 4000],
    ['2.5', 2.5],
    ['0', 0],
  ])('reads %s as %d', (input, expected) => {
    expect(parseVietnameseNumber(input)).toBe(expected);
  });

  it.each(['', 'abc', '1..2', '5.', '1.2.3,4,5', 'mười'])('rejects %j', (input) => {
    expect(parseVietnameseNumber(input)).toBeNull();
  });
});
