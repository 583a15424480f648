import { describe, expect, it } from 'vitest';
import { extractTopics, TOPIC_VOCABULARY } from './topics.ts';

describe('extractTopics', () => {
  it('understands abbreviations', () => {
    expect(extractTopics('Xây dựng huyện NTM, phát triển KT - XH, sản phẩm OCOP, bảo đảm QP-AN.')).toEqual([
      'nông thôn mới',
      'kinh tế - xã hội',
      'OCOP',
      'quốc phòng - an ninh',
    ]);
  });

  it('tags the vocabulary words', () => {
    expect(extractTopics('Công tác giảm nghèo, xây dựng Đảng, chuẩn bị đại hội, phòng chống dịch Covid-19, thu ngân sách, giải ngân vốn đầu tư công.')).toEqual([
      'giảm nghèo',
      'xây dựng Đảng',
      'đại hội',
      'COVID-19',
      'ngân sách',
      'đầu tư công',
    ]);
  });

  it('only returns vocabulary tags, none for unrelated text', () => {
    expect(extractTopics('The weather is fine.')).toEqual([]);
    expect(TOPIC_VOCABULARY).toContain('nông thôn mới');
  });
});
