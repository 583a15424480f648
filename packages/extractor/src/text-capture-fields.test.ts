import { describe, expect, it } from 'vitest';
import { extractFromPage } from './extract-from-page.ts';

/**
 * Fields that text captures of government portals carry outside the body (issue 13): the post time
 * in a meta line or a leading date line, and an author line "Name - <unit abbreviation>".
 * Invented captures in the style of district portals.
 */
const BODY =
  'Chiều 9/10, Hội Nông dân xã Thanh Thủy tổ chức lớp tập huấn kỹ thuật trồng và chăm sóc cây cam cho 60 hội viên. Tại lớp học, các học viên được hướng dẫn cách bón phân, tỉa cành và phòng trừ sâu bệnh hại trên cây cam theo hướng hữu cơ, an toàn.';

const run = (lines: string[]) => extractFromPage(lines.join('\n'), { url: 'file:///capture.txt', mode: 'text' }).record;

describe('post time of a text capture', () => {
  it('is read from a meta line that also holds the view count', () => {
    const record = run(['Hội Nông dân xã Thanh Thủy tập huấn trồng cam', '10/10/2024 16:05 | Lượt xem: 203', '', BODY]);
    expect(record.publishedAt).toBe('2024-10-10T16:05:00+07:00');
  });

  it('is read from a leading date line with a time', () => {
    const record = run(['- 10/10/2024 16:05:00', '- Đã xem: 41', BODY]);
    expect(record.publishedAt).toBe('2024-10-10T16:05:00+07:00');
  });

  it('is the day only when the CMS prints a midnight placeholder', () => {
    const record = run(['Hội Nông dân xã Thanh Thủy tập huấn trồng cam', '', 'Ngày 10/10/2024 00:00:00', '', BODY]);
    expect(record.publishedAt).toBe('2024-10-10');
  });
});

describe('author line "Name - <unit abbreviation>"', () => {
  it.each([
    ['Thu Hằng - TTVH-TT huyện', 'Thu Hằng'],
    ['Đức Anh - Ủy viên UBKT Huyện ủy', 'Đức Anh'],
    ['HOÀNG LONG - TTVH-TT', 'Hoàng Long'],
  ])('%s gives the author %s', (line, author) => {
    const record = run(['Hội Nông dân xã Thanh Thủy tập huấn trồng cam', '', BODY, '', line]);
    expect(record.authors).toEqual([author]);
  });
});

describe('labelled post date above the title', () => {
  it('is read even without a clock time, unlike a today-date widget', () => {
    expect(run(['Ngày đăng: 10/10/2024', 'Hội Nông dân xã Thanh Thủy tập huấn trồng cam', '', BODY]).publishedAt).toBe('2024-10-10');
    expect(run(['Thứ năm, 12/12/2024', 'Hội Nông dân xã Thanh Thủy tập huấn trồng cam', '', BODY]).publishedAt).toBeNull();
  });
});

describe('meta line with the author', () => {
  it('gives the post time and the author', () => {
    const record = run(['Hội Nông dân xã Thanh Thủy tập huấn trồng cam', 'Đăng bởi: Thu Trang | 10/10/2024 16:05 | Lượt xem: 88', '', BODY]);
    expect(record.publishedAt).toBe('2024-10-10T16:05:00+07:00');
    expect(record.authors).toEqual(['Thu Trang']);
  });
});
