import { describe, expect, it } from 'vitest';
import { articleRecordSchema } from '@provnews/record';
import { extractFromPage } from './index.ts';

describe('extractFromPage', () => {
  it('cleans then extracts a captured text page', () => {
    const page = [
      'Thứ hai, 12/09/2022',
      '',
      'Chủ tịch UBND tỉnh làm việc tại huyện Bảo Lạc',
      '',
      'Sáng 9/9, đồng chí Hoàng Văn Thạch, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh làm việc với huyện Bảo Lạc về tiến độ giải ngân vốn đầu tư công. Năm 2022, huyện được giao 120,5 tỷ đồng, đến nay giải ngân đạt 46,2%.',
      '',
      'Huyện đề nghị tỉnh hỗ trợ 1.250 hộ nghèo xây nhà theo Đề án số 03-ĐA/TU ngày 15/4/2021 của Tỉnh ủy.',
      '',
      'Minh Đức',
    ].join('\n');
    const { clean, record } = extractFromPage(page, { url: 'file:///tmp/page.txt', mode: 'text' });
    expect(clean.mode).toBe('text');
    expect(articleRecordSchema.safeParse(record).success).toBe(true);
    // Bảo Lạc is in Cao Bằng, but the page never names the province (only "tỉnh" and "Tỉnh ủy").
    expect(record.province).toBeNull();
    expect(record.districts).toEqual(['Bảo Lạc']);
    expect(record.places.find((p) => p.name === 'Bảo Lạc')?.province).toBe('Cao Bằng');
    expect(record.officials.map((o) => o.name)).toEqual(['Hoàng Văn Thạch']);
    expect(record.documents.map((d) => d.number)).toEqual(['03-ĐA/TU']);
    expect(record.metrics.map((m) => m.value)).toEqual(expect.arrayContaining([120500000000, 46.2, 1250]));
    expect(record.eventDate).toMatch(/^20\d\d-09-09$/);
  });

  it('returns a valid sparse record for empty and huge inputs without throwing', () => {
    for (const input of ['', '   ', '1234567890'.repeat(100_000), 'Bí thư Tỉnh ủy '.repeat(70_000)]) {
      const { record } = extractFromPage(input, { url: 'file:///bad', mode: 'text' });
      expect(articleRecordSchema.safeParse(record).success).toBe(true);
    }
  });
});
