import { describe, expect, it } from 'vitest';
import { extractTopics, TOPIC_VOCABULARY } from './topics.ts';

describe('extractTopics', () => {
  it('understands abbreviations', () => {
    expect(extractTopics('Xây dựng huyện NTM, phát triển KT - XH, sản phẩm OCOP, bảo đảm QP-AN.')).toEqual([
      'nông thôn mới',
      'kinh tế - xã hội',
      'OCOP',
    ]);
  });

  it('keeps at most three topics, best first (issue 8, class 8: 10-13 tags made the field useless)', () => {
    // Was: all six topics of this one-sentence list. "đầu tư công" is named twice ("giải ngân",
    // "đầu tư công"); ties keep the vocabulary order.
    expect(extractTopics('Công tác giảm nghèo, xây dựng Đảng, chuẩn bị đại hội, phòng chống dịch Covid-19, thu ngân sách, giải ngân vốn đầu tư công.')).toEqual([
      'đầu tư công',
      'giảm nghèo',
      'xây dựng Đảng',
    ]);
  });

  it('keeps the topics the article is about, not those named once in passing', () => {
    const para = 'Trung tâm y tế huyện tổ chức tiêm vắc-xin phòng Covid-19 cho người dân; ngành y tế bố trí thêm điểm tiêm Covid-19. ';
    const text = `${para.repeat(8)}Kinh phí lấy từ ngân sách huyện. Đây cũng là một nội dung của chương trình nông thôn mới và du lịch cộng đồng.`;
    expect(extractTopics(text)).toEqual(['COVID-19', 'y tế']);
    // A topic the title names comes first.
    expect(extractTopics(text, 'Dùng ngân sách huyện cho tiêm chủng')).toEqual(['ngân sách', 'COVID-19', 'y tế']);
  });

  it('only returns vocabulary tags, none for unrelated text', () => {
    expect(extractTopics('The weather is fine.')).toEqual([]);
    expect(TOPIC_VOCABULARY).toContain('nông thôn mới');
  });
});
