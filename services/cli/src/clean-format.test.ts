import { describe, expect, it } from 'vitest';
import { cleanText } from '@provnews/cleaner';
import { formatClean } from './clean-format.ts';

describe('formatClean', () => {
  it('explains the title choice and gives each removal its capture lines', () => {
    const capture = [
      'Trực tuyến: 5',
      'Nhiệt liệt chào mừng Đại hội Đoàn TNCS Hồ Chí Minh huyện lần thứ XIX!',
      'Huyện đoàn Đồng Văn tổ chức Đại hội đại biểu lần thứ XIX, nhiệm kỳ 2022 - 2027',
      '',
      'Sáng 20/7, Huyện đoàn Đồng Văn tổ chức Đại hội đại biểu Đoàn TNCS Hồ Chí Minh huyện lần thứ XIX, nhiệm kỳ 2022 - 2027 với sự tham dự của 150 đại biểu',
      'đại diện cho hơn 3.000 đoàn viên thanh niên toàn huyện.',
    ].join('\n');
    const out = formatClean(cleanText(capture));
    expect(out).toContain('title: Huyện đoàn Đồng Văn tổ chức Đại hội đại biểu lần thứ XIX, nhiệm kỳ 2022 - 2027');
    expect(out).toMatch(/ {2}why: line 3: .*passed over line 2 .*slogan banner/u);
    expect(out).toContain('[visitorCounterRule] (line 1) Trực tuyến: 5');
    expect(out).toContain('[titleRule] (line 3) Huyện đoàn Đồng Văn');
    expect(out).toContain('Sáng 20/7, Huyện đoàn Đồng Văn tổ chức Đại hội đại biểu Đoàn TNCS Hồ Chí Minh huyện lần thứ XIX, nhiệm kỳ 2022 - 2027 với sự tham dự của 150 đại biểu đại diện');
  });
});
