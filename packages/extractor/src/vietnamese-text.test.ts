import { describe, expect, it } from 'vitest';
import { foldVietnamese, titleCase, tokenize } from './vietnamese-text.ts';

describe('foldVietnamese', () => {
  it('matches old and new tone placement, case and Unicode form', () => {
    expect(foldVietnamese('Quan Hoá')).toBe(foldVietnamese('quan hóa'));
    expect(foldVietnamese('Huyện uỷ')).toBe(foldVietnamese('HUYỆN ỦY'));
    expect(foldVietnamese('Hoà Bình')).toBe(foldVietnamese('Hòa Bình'));
    expect(foldVietnamese('khoẻ')).toBe(foldVietnamese('khỏe'));
    expect(foldVietnamese('Thủy'.normalize('NFD'))).toBe(foldVietnamese('Thuỷ'));
  });

  it('keeps the length of NFC text', () => {
    const s = 'Tỉnh uỷ Thanh Hoá, Đảng bộ huyện Quan Hoá';
    expect(foldVietnamese(s)).toHaveLength(s.length);
  });
});

describe('tokenize', () => {
  it('keeps codes and abbreviations whole, with offsets', () => {
    const text = 'đ/c Lê A, BCH T.Ư, số 02-ĐA/TU.';
    expect(tokenize(text).map((t) => t.text)).toEqual(['đ/c', 'Lê', 'A', 'BCH', 'T.Ư', 'số', '02-ĐA/TU']);
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('titleCase', () => {
  it('turns capitals into a name', () => {
    expect(titleCase('HOÀNG LAN')).toBe('Hoàng Lan');
  });
});
