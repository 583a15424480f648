import { describe, expect, it } from 'vitest';
import { cleanText } from './text-mode.ts';
import { clean } from './clean.ts';

/** An invented text dump in the style of a provincial portal capture, chrome included. */
const DUMP = [
  'Thống kê truy cập',
  '  • Đang truy cập: 4',
  '  • Hôm nay: 318',
  '  • Tổng lượt truy cập: 52.007',
  'Đăng nhập',
  'Thứ hai, 07/11/2022',
  '',
  'Huyện Đồng Văn đẩy mạnh trồng cây dược liệu',
  '',
  'Sáng 5/11, đoàn công tác của UBND tỉnh do đồng chí Lò Văn Thắng, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã kiểm tra mô hình trồng cây dược liệu tại xã Lũng Táo.',
  '.',
  'g',
  'Phó Chủ tịch UBND tỉnh Lò Văn Thắng phát biểu tại buổi làm việc.',
  'Phó Chủ tịch UBND tỉnh Lò Văn Thắng phát biểu tại buổi làm việc.',
  '',
  'Theo báo cáo của UBND huyện, 10 tháng năm 2022 toàn huyện đã trồng được 287 ha cây dược liệu, đạt 82% kế hoạch; giá trị thu hoạch ước đạt 14,6 tỷ đồng.',
  '',
  'Tăng cường kiểm tra an toàn thực phẩm.',
  '',
  'Người dân xã Sủng Là thu hoạch cây đương quy',
  '',
  'Huyện đã hỗ trợ 1.150 hộ dân giống cây và phân bón, đồng thời liên kết với 3 doanh nghiệp bao tiêu sản phẩm.',
  '',
  'Tin, ảnh: Hoàng Minh',
  '',
  'Tin liên quan',
  'Chủ tịch UBND tỉnh Vương Đình Lộc thăm mô hình chè Shan tuyết (02/11/2022)',
  'Bí thư Huyện ủy Sìn Văn Páo dự ngày hội Đại đoàn kết (30/10/2022)',
  '.',
  '.',
].join('\n');

describe('cleanText on a portal dump', () => {
  const r = cleanText(DUMP);

  it('removes every chrome family and says which rule did it', () => {
    const rules = new Map(r.removed.map((x) => [x.text, x.rule]));
    expect(rules.get('Thống kê truy cập')).toBe('visitorCounterRule');
    expect(rules.get('• Đang truy cập: 4')).toBe('visitorCounterRule');
    expect(rules.get('Đăng nhập')).toBe('loginRule');
    expect(rules.get('g')).toBe('strayLetterRule');
    expect(rules.get('.')).toBe('lonePunctuationRule');
    expect(rules.get('Tin liên quan')).toBe('relatedListHeadingRule');
    expect(rules.get('Bí thư Huyện ủy Sìn Văn Páo dự ngày hội Đại đoàn kết (30/10/2022)')).toBe('relatedListRule');
    for (const chrome of ['Đang truy cập', 'Hôm nay: 318', 'Đăng nhập', 'Sìn Văn Páo', 'Vương Đình Lộc', '07/11/2022']) {
      expect(r.text).not.toContain(chrome);
    }
    expect(r.paragraphs).not.toContain('.');
    expect(r.paragraphs).not.toContain('g');
  });

  it('keeps every real sentence, short ones included, in order', () => {
    expect(r.paragraphs).toEqual([
      'Sáng 5/11, đoàn công tác của UBND tỉnh do đồng chí Lò Văn Thắng, Phó Chủ tịch UBND tỉnh làm trưởng đoàn đã kiểm tra mô hình trồng cây dược liệu tại xã Lũng Táo.',
      'Phó Chủ tịch UBND tỉnh Lò Văn Thắng phát biểu tại buổi làm việc.',
      'Theo báo cáo của UBND huyện, 10 tháng năm 2022 toàn huyện đã trồng được 287 ha cây dược liệu, đạt 82% kế hoạch; giá trị thu hoạch ước đạt 14,6 tỷ đồng.',
      'Tăng cường kiểm tra an toàn thực phẩm.',
      'Người dân xã Sủng Là thu hoạch cây đương quy',
      'Huyện đã hỗ trợ 1.150 hộ dân giống cây và phân bón, đồng thời liên kết với 3 doanh nghiệp bao tiêu sản phẩm.',
    ]);
    expect(r.text).toBe(r.paragraphs.join('\n\n'));
  });

  it('keeps one copy of a caption repeated on consecutive lines and lists captions apart', () => {
    expect(r.removed.find((x) => x.rule === 'duplicateCaptionRule')?.text).toBe('Phó Chủ tịch UBND tỉnh Lò Văn Thắng phát biểu tại buổi làm việc.');
    expect(r.captions).toEqual(['Phó Chủ tịch UBND tỉnh Lò Văn Thắng phát biểu tại buổi làm việc.', 'Người dân xã Sủng Là thu hoạch cây đương quy']);
  });

  it('moves the title, the header date widget and the byline out of the text', () => {
    expect(r.mode).toBe('text');
    expect(r.isArticle).toBe(true);
    expect(r.title).toBe('Huyện Đồng Văn đẩy mạnh trồng cây dược liệu');
    expect(r.dates).toEqual([{ text: 'Thứ hai, 07/11/2022', where: 'header' }]);
    expect(r.byline).toBe('Tin, ảnh: Hoàng Minh');
    expect(r.removed.find((x) => x.rule === 'bylineRule')?.movedTo).toBe('byline');
  });
});

describe('cleanText context rules', () => {
  const body =
    'Chiều 13/3, UBND huyện Mường Lạn tổ chức hội nghị triển khai nhiệm vụ cải cách hành chính năm 2023, với sự tham dự của lãnh đạo 18 xã, thị trấn.\n\n' +
    'Năm 2022, huyện đã tiếp nhận 4.215 hồ sơ, giải quyết đúng hạn 4.187 hồ sơ, đạt 99,3%; chỉ số hài lòng của người dân đạt 92,5%.';

  it('moves a "date YYYY-MM" prefix to dates and leaves the dateline in the text; no title when the text opens with a paragraph', () => {
    const r = cleanText(`date 2023-03 ML - ${body}\n\nVũ Hà`);
    expect(r.dates).toEqual([{ text: 'date 2023-03', where: 'inlinePrefix' }]);
    expect(r.paragraphs[0]?.startsWith('ML - Chiều 13/3')).toBe(true);
    expect(r.title).toBeNull();
    expect(r.byline).toBe('Vũ Hà');
  });

  it('takes a title ending with a dot and a date under it', () => {
    const r = cleanText(`Mường Lạn triển khai cải cách hành chính năm 2023.\n\nThứ Ba, 14/03/2023, 09:10 [GMT+7]\n.\n\n${body}\n\nHOÀNG LAN`);
    expect(r.title).toBe('Mường Lạn triển khai cải cách hành chính năm 2023.');
    expect(r.dates).toEqual([{ text: 'Thứ Ba, 14/03/2023, 09:10 [GMT+7]', where: 'underTitle' }]);
    expect(r.byline).toBe('HOÀNG LAN');
    expect(r.paragraphs).toHaveLength(2);
  });

  it.each(['Minh Quân (baotanlinh.vn)', 'Bài và ảnh: Lò Thị Hoa', 'Nguyễn Thị Thu Trang', 'Theo Báo Tân Lĩnh'])('byline form: %s', (byline) => {
    expect(cleanText(`${body}\n\n${byline}`).byline).toBe(byline);
  });

  it('finds the byline before a trailing related list and its headlines', () => {
    const r = cleanText(
      `${body}\n\nA Tuấn - Phòng Văn hóa và Thông tin\nChia sẻ\n\nCác tin khác\nMường Lạn ra quân làm đường giao thông nông thôn\nHội diễn văn nghệ quần chúng các xã, thị trấn`,
    );
    expect(r.byline).toBe('A Tuấn - Phòng Văn hóa và Thông tin');
    expect(r.paragraphs).toHaveLength(2);
    expect(r.removed.filter((x) => x.rule === 'relatedListRule')).toHaveLength(2);
  });

  it('takes initials as a byline ahead of a "Tin liên quan" block', () => {
    const r = cleanText(`${body}\n\nH.Linh - Q.Đạt\n\nTin liên quan\nPhó Chủ tịch UBND tỉnh kiểm tra công tác cải cách hành chính\nMường Tè: Ra mắt bộ phận một cửa hiện đại`);
    expect(r.byline).toBe('H.Linh - Q.Đạt');
    expect(r.paragraphs).toHaveLength(2);
  });

  it('keeps a byline set apart after a related list as the byline, not a headline', () => {
    const r = cleanText(`${body}\n\nTin liên quan\nMường Tè: Ra mắt bộ phận một cửa hiện đại\n\nHOÀNG LAN`);
    expect(r.byline).toBe('HOÀNG LAN');
    expect(r.removed.find((x) => x.rule === 'relatedListRule')?.text).toBe('Mường Tè: Ra mắt bộ phận một cửa hiện đại');
  });

  it('takes a byline printed under the title when the text does not end with one', () => {
    const last = 'Hội nghị cũng thống nhất giao Văn phòng HĐND và UBND huyện theo dõi, đôn đốc các xã thực hiện.';
    const r = cleanText(`Mường Lạn triển khai cải cách hành chính năm 2023\n\nTHU HOÀI\n\n${body}\n\n${last}`);
    expect(r.title).toBe('Mường Lạn triển khai cải cách hành chính năm 2023');
    expect(r.byline).toBe('THU HOÀI');
    expect(r.paragraphs[0]?.startsWith('Chiều 13/3')).toBe(true);
    expect(r.paragraphs.at(-1)).toBe(last);
  });

  it('does not take a name-like line under the title as a byline unless running text follows it', () => {
    const r = cleanText(`Mường Lạn triển khai cải cách hành chính năm 2023\n\nCải Cách Hành Chính\n\nĐổi mới để phục vụ người dân\n\n${body}`);
    expect(r.byline).toBeNull();
    expect(r.paragraphs[0]).toBe('Cải Cách Hành Chính');
  });

  it('names the unit of a long credited byline', () => {
    const byline = 'Hoài Thu (Trung tâm Văn hóa, Thể thao và Truyền thông huyện Mường Khương)';
    expect(cleanText(`${body}\n\n${byline}`).byline).toBe(byline);
  });

  it('keeps the original tone placement', () => {
    const r = cleanText(`${body}\n\nBan Thường vụ Huyện uỷ đã thống nhất kế hoạch thuỷ lợi, hoá chất và khoẻ mạnh cho mùa vụ tới.`);
    expect(r.text).toContain('Huyện uỷ đã thống nhất kế hoạch thuỷ lợi, hoá chất');
  });

  it('reports chrome-only input as no article', () => {
    const r = cleanText('Trang chủ\nĐăng nhập\nThống kê truy cập\nHôm nay: 3\n.\n');
    expect(r.isArticle).toBe(false);
    expect(r.reason).toMatch(/^no-article/);
    expect(r.paragraphs).toEqual([]);
  });

  it('passes over the portal banner, the today widget, a menu bar and a breadcrumb to the headline', () => {
    const header = [
      'HỘI ĐỒNG NHÂN DÂN HUYỆN MƯỜNG LẠN',
      'Hôm nay: Thứ Ba, 14/03/2023',
      'Giới thiệu | Tin tức - Sự kiện | Chính quyền | Công dân | Liên hệ',
      'Tin tức › Cải cách hành chính',
      'Mường Lạn triển khai cải cách hành chính năm 2023',
      '14/03/2023 09:10',
    ].join('\n');
    const r = cleanText(`${header}\n\n${body}`);
    expect(r.title).toBe('Mường Lạn triển khai cải cách hành chính năm 2023');
    expect(r.dates).toContainEqual({ text: 'Hôm nay: Thứ Ba, 14/03/2023', where: 'header' });
    expect(r.text).not.toContain('Chính quyền');
    expect(r.text).not.toContain('›');
  });

  it('dispatches plain text to text mode', () => {
    expect(clean(body).mode).toBe('text');
  });
});
