import { describe, expect, it } from 'vitest';
import { cleanInline, decodeEntities, normalizeForMatch } from './vietnamese.ts';

describe('normalizeForMatch', () => {
  it.each([
    ['Uỷ ban nhân dân', 'ủy ban nhân dân'],
    ['hoá', 'hóa'],
    ['Thuỷ lợi', 'thủy lợi'],
    ['khoẻ mạnh', 'khỏe mạnh'],
    ['Hoà Bình', 'hòa bình'],
    ['hoạ sĩ', 'họa sĩ'],
    ['loè loẹt', 'lòe loẹt'],
    ['luỹ kế', 'lũy kế'],
  ])('places the tone of open oa/oe/uy syllables on the first vowel: %s', (input, expected) => {
    expect(normalizeForMatch(input)).toBe(expected);
  });

  it.each(['hoàng', 'huyện', 'toán', 'quý', 'thuyền', 'khuỷu', 'ngoài'])('leaves closed syllables and qu- alone: %s', (w) => {
    expect(normalizeForMatch(w)).toBe(w);
  });

  it('returns NFC for decomposed input and collapses whitespace', () => {
    const nfd = 'Huyện  uỷ\n Bắc Quang'.normalize('NFD');
    const out = normalizeForMatch(nfd);
    expect(out).toBe('huyện ủy bắc quang');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('makes old and new spellings equal', () => {
    expect(normalizeForMatch('Tỉnh uỷ Quan Hoá')).toBe(normalizeForMatch('Tỉnh ủy Quan Hóa'));
  });
});

describe('text hygiene', () => {
  it('decodes leftover entities and keeps unknown ones', () => {
    expect(decodeEntities('A&nbsp;B &amp; C &#7843; &#x1EA1; &foo;')).toBe('A B & C ả ạ &foo;');
  });

  it('cleans a line: NFC, NBSP, zero-width characters, runs of spaces', () => {
    expect(cleanInline('\u00a0Ho\u0300a\u200b  bi\u0300nh\u00a0 ')).toBe('Hòa bình');
  });

  it('keeps the original tone placement in the text', () => {
    expect(cleanInline('Huyện uỷ Quan Hoá')).toBe('Huyện uỷ Quan Hoá');
  });
});
