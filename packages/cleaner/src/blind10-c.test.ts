/**
 * Rules written from bench/blind10's first-run failures (pages 008 and 012), each in its general
 * form, on invented lines and captures.
 */
import { describe, expect, it } from 'vitest';
import { clean } from './clean.ts';
import { isDateOnlyLine, lineKey, matchChromeRule } from './line-rules.ts';

const body = [
  'Sáng 4/9, UBND huyện Tân Lạc tổ chức hội nghị triển khai kế hoạch chuyển đổi cơ cấu cây trồng năm 2024 trên địa bàn các xã vùng trũng của huyện.',
  'Theo báo cáo, toàn huyện có 1.240 ha đất lúa kém hiệu quả, trong đó 320 ha sẽ được chuyển sang trồng cây ăn quả và nuôi cá kết hợp trong năm nay.',
  'Kết luận hội nghị, lãnh đạo huyện đề nghị các xã rà soát quỹ đất, hướng dẫn người dân lựa chọn giống phù hợp với điều kiện thổ nhưỡng.',
];

describe('the clock written in words on a date line', () => {
  it('takes "Đăng lúc H giờ M phút, ngày …" as a date line', () => {
    for (const line of ['Đăng lúc 9 giờ 05 phút, ngày 03/11/2023', 'Ngày 21/02/2024 - 16 giờ 40 phút', 'Cập nhật lúc 7 giờ, ngày 12/08/2022'])
      expect(isDateOnlyLine(lineKey(line)), line).toBe(true);
  });

  it('does not take a sentence that counts hours for a date line', () => {
    expect(isDateOnlyLine(lineKey('Sau 48 giờ, ngày 05/04/2024 lực lượng chức năng đã khống chế đám cháy.'))).toBe(false);
  });

  it('moves the line under the headline to the dates', () => {
    const r = clean(['Huyện Tân Lạc chuyển đổi 320 ha đất lúa kém hiệu quả', 'Đăng lúc 9 giờ 05 phút, ngày 05/09/2024', ...body].join('\n'));
    expect(r.dates.map((d) => d.text)).toContain('Đăng lúc 9 giờ 05 phút, ngày 05/09/2024');
    expect(r.text).not.toContain('Đăng lúc');
  });
});

describe('the request to credit the portal', () => {
  it('is a footer line with or without its polite opener', () => {
    for (const line of ['Đề nghị ghi rõ nguồn khi sử dụng lại thông tin của Trang.', 'Vui lòng ghi rõ nguồn khi phát hành lại thông tin từ Cổng này', 'Ghi rõ nguồn "Cổng TTĐT xã" khi trích dẫn'])
      expect(matchChromeRule(line)?.name, line).toBe('licenceFooterRule');
  });

  it('keeps a sentence that asks for sources in the body', () => {
    expect(matchChromeRule('Ban Tuyên giáo đề nghị các cơ quan báo chí ghi rõ nguồn khi đưa tin về sự việc.')).toBeNull();
  });

  it('lets the byline above it close the article', () => {
    const r = clean(['Huyện Tân Lạc chuyển đổi 320 ha đất lúa kém hiệu quả', ...body, 'Minh Khoa - Đài TT-TH Tân Lạc', 'Đề nghị ghi rõ nguồn khi sử dụng lại tin, bài của Trang.'].join('\n'));
    expect(r.byline).toBe('Minh Khoa - Đài TT-TH Tân Lạc');
    expect(r.text).not.toContain('ghi rõ nguồn');
  });
});

describe('menu items in a run of short labels', () => {
  it('are passed over for the headline below them, and removed', () => {
    const capture = [
      'CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN TÂN LẠC',
      'Trang chủ',
      'Giới thiệu chung',
      'Thông tin chỉ đạo điều hành',
      'Thủ tục hành chính công',
      'Góp ý dự thảo văn bản',
      'Huyện Tân Lạc chuyển đổi 320 ha đất lúa kém hiệu quả',
      'Ngày 05/09/2024 10:15',
      ...body,
    ].join('\n');
    const r = clean(capture);
    expect(r.title).toBe('Huyện Tân Lạc chuyển đổi 320 ha đất lúa kém hiệu quả');
    for (const item of ['Thông tin chỉ đạo điều hành', 'Thủ tục hành chính công', 'Góp ý dự thảo văn bản']) expect(r.text).not.toContain(item);
  });

  it('leave a short headline that closes the run as the title', () => {
    const capture = ['Trang chủ', 'Kinh tế', 'Nông nghiệp', 'Tân Lạc chuyển đổi cây trồng', 'Ngày 05/09/2024 10:15', ...body].join('\n');
    expect(clean(capture).title).toBe('Tân Lạc chuyển đổi cây trồng');
  });

  it('do not make a line a menu item when two short lines only stand above it', () => {
    const capture = ['Kinh tế', 'Tân Lạc chuyển đổi cây trồng', 'Đăng lúc 10 giờ 15 phút, ngày 05/09/2024', ...body].join('\n');
    expect(clean(capture).title).toBe('Tân Lạc chuyển đổi cây trồng');
  });
});
