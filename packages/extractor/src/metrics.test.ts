import { describe, expect, it } from 'vitest';
import { extractMetrics } from './metrics.ts';

const pick = (text: string) => extractMetrics(text).map((m) => ({ value: m.value, unit: m.unit, per: m.per, of: m.of, upTo: m.upTo, text: m.text }));

describe('extractMetrics', () => {
  it('reads dot thousands, comma decimals and multipliers with their units', () => {
    const text =
      'Năm 2023, huyện Mường Khoa thu ngân sách 41,365 tỷ đồng, đạt 103,2% dự toán; sản lượng chè búp tươi 12,6 nghìn tấn; ' +
      'diện tích lúa 3.120 ha; còn 1.406 hộ nghèo; thu nhập bình quân 38,2 triệu đồng/người/năm; xuất khẩu 2,5 triệu USD; vốn 7,9 tỉ đồng.';
    expect(pick(text)).toEqual([
      { value: 41365000000, unit: 'đồng', of: undefined, upTo: undefined, text: '41,365 tỷ đồng' },
      { value: 103.2, unit: '%', of: undefined, upTo: undefined, text: '103,2%' },
      { value: 12600, unit: 'tấn', of: undefined, upTo: undefined, text: '12,6 nghìn tấn' },
      { value: 3120, unit: 'ha', of: undefined, upTo: undefined, text: '3.120 ha' },
      { value: 1406, unit: 'hộ', of: undefined, upTo: undefined, text: '1.406 hộ' },
      { value: 38200000, unit: 'đồng', per: 'người', of: undefined, upTo: undefined, text: '38,2 triệu đồng/người' },
      { value: 2500000, unit: 'USD', of: undefined, upTo: undefined, text: '2,5 triệu USD' },
      { value: 7900000000, unit: 'đồng', of: undefined, upTo: undefined, text: '7,9 tỉ đồng' },
    ]);
  });

  it('reads ranges and ratios', () => {
    const m = pick('phấn đấu giảm 3 - 4% hộ nghèo mỗi năm; 11/14 xã đạt chuẩn; đạt 187/247 tiêu chí; 8-10 tỷ đồng.');
    expect(m).toEqual([
      { value: 3, unit: '%', of: undefined, upTo: 4, text: '3 - 4%' },
      { value: 11, unit: 'xã', of: 14, upTo: undefined, text: '11/14 xã' },
      { value: 187, unit: 'tiêu chí', of: 247, upTo: undefined, text: '187/247 tiêu chí' },
      { value: 8000000000, unit: 'đồng', of: undefined, upTo: 10000000000, text: '8-10 tỷ đồng' },
    ]);
  });

  it('keeps spans that point at the source text', () => {
    const text = 'Tổng vốn 12,5 tỷ đồng.';
    const [m] = extractMetrics(text);
    expect(m && text.slice(m.span?.[0], m.span?.[1])).toBe('12,5 tỷ đồng');
  });

  it('does not take dates, years, document numbers, phone numbers or scales for metrics', () => {
    const text =
      'Chiều 12.4, theo Nghị quyết số 07-NQ/TU ngày 15/3/2021, giai đoạn 2021 - 2025, quy hoạch 1/500, ' +
      'đường dây nóng 0219.3866.123, lần thứ XVIII, ngày 28/3/1950 – 28/3/2020, Covid-19.';
    expect(extractMetrics(text)).toEqual([]);
  });

  it('does not read a word-glued number ("Covid19", "A1") as a quantity', () => {
    expect(extractMetrics('Covid19 % và A1 hộ')).toEqual([]);
  });

  it('stays linear and valid on adversarial input', () => {
    expect(extractMetrics('9'.repeat(1_000_000))).toEqual([]);
    expect(extractMetrics('1.'.repeat(500_000))).toEqual([]);
    const many = extractMetrics('5 - '.repeat(200_000));
    expect(many).toEqual([]);
    expect(extractMetrics('12,5% '.repeat(100_000))).toHaveLength(100_000);
  });
});

describe('money', () => {
  it('does not read "đồng" of a compound as the currency', () => {
    expect(extractMetrics('Hằng năm cứ đến ngày 27/7 đồng bào cả nước tưởng nhớ các anh hùng liệt sĩ.')).toEqual([]);
    expect(extractMetrics('Tổng kinh phí 27 triệu đồng, đồng thời huy động 5 tấn gạo.').map((m) => [m.value, m.unit])).toEqual([
      [27_000_000, 'đồng'],
      [5, 'tấn'],
    ]);
  });
});
