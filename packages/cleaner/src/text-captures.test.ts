import { describe, expect, it } from 'vitest';
import { cleanText } from './text-mode.ts';

/**
 * Invented captures of district and commune portal pages (issue 13 and issue 8 class 9), one per
 * failure class, written in the style of real *.gov.vn text dumps: widgets before the article,
 * labels and numbers on separate lines, banners above the headline.
 */
const BODY = [
  'Sáng 14/3, UBND xã Minh Tân tổ chức hội nghị triển khai kế hoạch phát triển kinh tế - xã hội năm 2024. Dự hội nghị có đồng chí Nông Văn Khải, Phó Chủ tịch UBND huyện cùng lãnh đạo các ban, ngành của xã.',
  '',
  'Năm 2024, xã phấn đấu có thêm 2 thôn đạt chuẩn nông thôn mới, tỷ lệ hộ nghèo giảm 4%, thu nhập bình quân đạt 32 triệu đồng/người/năm.',
].join('\n');

const rulesOf = (r: ReturnType<typeof cleanText>): Map<string, string> => new Map(r.removed.map((x) => [x.text, x.rule]));

describe('counter blocks anywhere, even before the title', () => {
  const r = cleanText(
    [
      'Thống kê truy cập',
      'Trực tuyến: 6',
      'Hôm nay:',
      '1.208',
      'Năm 2024: 88.517',
      '',
      'Tổng cộng:',
      '2.410.335',
      '',
      'Xã Minh Tân triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024',
      '',
      BODY,
    ].join('\n'),
  );

  it('never takes a counter for the title', () => {
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2024');
  });

  it('removes labels, split numbers and per-year counters next to them', () => {
    const rules = rulesOf(r);
    expect(rules.get('Trực tuyến: 6')).toBe('visitorCounterRule');
    expect(rules.get('1.208')).toBe('counterPieceRule');
    expect(rules.get('Năm 2024: 88.517')).toBe('counterPieceRule');
    expect(rules.get('2.410.335')).toBe('counterPieceRule');
    for (const n of ['1.208', '88.517', '2.410.335', 'Trực tuyến']) expect(r.text).not.toContain(n);
  });

  it('keeps a figure line that is not next to a counter', () => {
    const kept = cleanText(['Xã Minh Tân triển khai nhiệm vụ năm 2024', '', BODY, '', 'Năm 2024: 12 thôn'].join('\n'));
    expect(kept.text).toContain('Năm 2024: 12 thôn');
  });
});

describe('a view count joined with the post time on one line', () => {
  const r = cleanText(['Xã Minh Tân triển khai nhiệm vụ năm 2024', '15/03/2024 08:42 | Lượt xem: 1.305', '', BODY].join('\n'));
  it('moves the post time to dates and drops the count', () => {
    expect(r.dates).toEqual([{ text: '15/03/2024 08:42', where: 'underTitle' }]);
    expect(rulesOf(r).get('15/03/2024 08:42')).toBe('metaLineRule');
    expect(r.text).not.toContain('1.305');
  });
});

describe('the real headline under a banner or a caption', () => {
  it('passes over a portal slogan banner', () => {
    const r = cleanText(['Chào mừng kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2024)!', 'Xã Minh Tân triển khai nhiệm vụ năm 2024', '', BODY].join('\n'));
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ năm 2024');
    expect(rulesOf(r).get('Chào mừng kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2024)!')).toBe('sloganBannerRule');
    expect(r.titleWhy).toContain('slogan banner');
  });

  it('passes over a photo caption naming an official and keeps it in the text', () => {
    const caption = 'Đồng chí Nông Văn Khải, Phó Chủ tịch UBND huyện phát biểu tại hội nghị.';
    const r = cleanText([caption, 'Xã Minh Tân triển khai nhiệm vụ năm 2024', '', BODY].join('\n'));
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ năm 2024');
    expect(r.paragraphs[0]).toBe(caption);
    expect(r.titleWhy).toMatch(/^line 2: .*passed over line 1 .*photo caption/u);
  });

  it('passes over a section label in capitals under a breadcrumb', () => {
    const r = cleanText(['Bạn đang ở : Tin tức > Kinh tế', 'KINH TẾ', '', 'Xã Minh Tân triển khai nhiệm vụ năm 2024', '', BODY].join('\n'));
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ năm 2024');
    expect(rulesOf(r).get('KINH TẾ')).toBe('sectionLabelRule');
    expect(rulesOf(r).get('Bạn đang ở : Tin tức > Kinh tế')).toBe('navigationRule');
  });

  it('keeps the first headline when the next line is the body', () => {
    const r = cleanText(['Đồng chí Bí thư Huyện ủy thăm, tặng quà gia đình chính sách', '', BODY].join('\n'));
    expect(r.title).toBe('Đồng chí Bí thư Huyện ủy thăm, tặng quà gia đình chính sách');
  });
});

describe('a headline printed twice', () => {
  it('with the site name after it: one title, the other form a repeat', () => {
    const r = cleanText(['Xã Minh Tân triển khai nhiệm vụ năm 2024 - Cổng thông tin điện tử huyện Bảo Lâm', 'Xã Minh Tân triển khai nhiệm vụ năm 2024', '', BODY].join('\n'));
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ năm 2024');
    expect(rulesOf(r).get('Xã Minh Tân triển khai nhiệm vụ năm 2024 - Cổng thông tin điện tử huyện Bảo Lâm')).toBe('titleRepeatRule');
  });

  it('as a browser title bar away from the headline: the title is read without the portal', () => {
    const r = cleanText(['Tin tức - Sự kiện - Cổng thông tin điện tử huyện Bảo Lâm', 'Trang chủ', 'Xã Minh Tân triển khai nhiệm vụ năm 2024 - Cổng thông tin điện tử huyện Bảo Lâm', '', BODY].join('\n'));
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ năm 2024');
    expect(rulesOf(r).get('Tin tức - Sự kiện - Cổng thông tin điện tử huyện Bảo Lâm')).toBe('pageHeaderRule');
  });

  it('cut with "..." then whole', () => {
    const r = cleanText(['Xã Minh Tân triển khai nhiệm vụ phát triển...', 'Xã Minh Tân triển khai nhiệm vụ phát triển kinh tế năm 2024', '', BODY].join('\n'));
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ phát triển kinh tế năm 2024');
  });

  it('in capitals then as written: the written form is the title', () => {
    const r = cleanText(['XÃ MINH TÂN TRIỂN KHAI NHIỆM VỤ NĂM 2024', 'Xã Minh Tân triển khai nhiệm vụ năm 2024', '', BODY].join('\n'));
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ năm 2024');
    expect(r.text).not.toContain('XÃ MINH TÂN');
  });
});

describe('widget labels around the article', () => {
  const r = cleanText(
    [
      'Truy cập nội dung luôn',
      'Giảm cỡ chữ | Mặc định | Tăng cỡ chữ',
      'Tin tức trong ngày',
      'Xã Minh Tân triển khai nhiệm vụ năm 2024',
      '',
      BODY,
      '',
      'IMG_0412.JPG',
      'Bài trướcXã Minh Tân tổng kết năm học 2023 - 2024',
      'Bài tiếp theoHội Nông dân xã tập huấn trồng quế',
    ].join('\n'),
  );
  it('removes each one and keeps the article whole', () => {
    const rules = rulesOf(r);
    expect(rules.get('Truy cập nội dung luôn')).toBe('skipLinkRule');
    expect(rules.get('Giảm cỡ chữ | Mặc định | Tăng cỡ chữ')).toBe('accessibilityWidgetRule');
    expect(rules.get('Tin tức trong ngày')).toBe('dayPickerRule');
    expect(rules.get('IMG_0412.JPG')).toBe('imageFileNameRule');
    expect(rules.get('Bài tiếp theoHội Nông dân xã tập huấn trồng quế')).toBe('prevNextLinkRule');
    expect(r.title).toBe('Xã Minh Tân triển khai nhiệm vụ năm 2024');
    expect(r.text).toBe(BODY);
  });
});

describe('title explanation', () => {
  it('says why no title was taken', () => {
    const r = cleanText(BODY);
    expect(r.title).toBeNull();
    expect(r.titleWhy).toMatch(/^no title: /u);
  });
});

describe('a whole district portal page, chrome above and below the article', () => {
  const r = cleanText(
    [
      'Skip to content',
      'CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN BẮC QUANG',
      'Tỉnh Hà Giang',
      'Trang chủ',
      'Giới thiệu',
      'Tin tức - Sự kiện',
      'Văn bản',
      'Thủ tục hành chính',
      'Liên hệ',
      'A A A',
      'Thứ Năm, 12/12/2024',
      '',
      'Chào mừng 80 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024)',
      '',
      'Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 25',
      '',
      'Đăng ngày: 11/12/2024 | Lượt xem: 215 | In bài viết',
      '',
      'Sáng 11/12, Ban Chấp hành Đảng bộ huyện Bắc Quang tổ chức Hội nghị lần thứ 25 để đánh giá kết quả thực hiện nhiệm vụ năm 2024, bàn phương hướng nhiệm vụ năm 2025. Đồng chí Nguyễn Văn Bình, Bí thư Huyện ủy chủ trì hội nghị.',
      '',
      'hoi-nghi-bch-25.jpg',
      'Quang cảnh hội nghị',
      '',
      'Năm 2024, tổng giá trị sản xuất trên địa bàn huyện ước đạt 9.850 tỷ đồng, tăng 7,2% so với năm 2023; toàn huyện có thêm 3 xã đạt chuẩn nông thôn mới nâng cao.',
      '',
      'Hoàng Yến - TTTT-VH',
      '',
      'Chia sẻ:',
      'Facebook Zalo',
      '',
      'Tin tức trong ngày',
      'Xem theo ngày:',
      'Tin khác',
      'Huyện Bắc Quang ra quân tổng vệ sinh môi trường (10/12/2024)',
      'Xã Việt Vinh đón nhận bằng công nhận xã nông thôn mới (09/12/2024)',
      '',
      'Thống kê truy cập',
      'Đang truy cập',
      '25',
      'Hôm nay',
      '1.024',
      'Tháng 12',
      '18.330',
      'Năm 2024',
      '221.517',
      'Tổng truy cập',
      '3.402.119',
    ].join('\n'),
  );

  it('finds the headline under the portal name, the menu and the banner', () => {
    expect(r.title).toBe('Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 25');
    expect(r.titleWhy).toContain("the portal's name");
    expect(r.titleWhy).toContain('slogan banner');
  });

  it('keeps only the article, the caption and no chrome', () => {
    expect(r.paragraphs).toHaveLength(3);
    expect(r.paragraphs[0]).toMatch(/^Sáng 11\/12, /u);
    expect(r.paragraphs[1]).toBe('Quang cảnh hội nghị');
    for (const chrome of ['Tỉnh Hà Giang', 'Thủ tục hành chính', 'Chào mừng', '215', 'Tin khác', '221.517', 'Tháng 12', 'hoi-nghi']) {
      expect(r.text).not.toContain(chrome);
    }
  });

  it('moves the post time out of the toolbar line and reads the unit byline', () => {
    expect(r.dates).toContainEqual({ text: 'Đăng ngày: 11/12/2024', where: 'underTitle' });
    expect(r.byline).toBe('Hoàng Yến - TTTT-VH');
  });

  it('names counter pieces as such, not as related-list items', () => {
    const rules = rulesOf(r);
    expect(rules.get('221.517')).toBe('counterPieceRule');
    expect(rules.get('Năm 2024')).toBe('counterPieceRule');
  });
});

describe('a capture of a district portal: the header names the portal, the end names the writer (session 14)', () => {
  const r = cleanText(
    [
      'Thứ Hai, ngày 10 tháng 6 năm 2024',
      'CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN THỬ NGHIỆM',
      'TỈNH LAI CHÂU',
      'Trang chủ    Giới thiệu    Tin tức    Văn bản    Liên hệ',
      '',
      'Huyện Thử Nghiệm triển khai kế hoạch phát triển kinh tế năm 2024',
      '',
      BODY,
      '',
      'Lò Thị Hoa',
      'Nguồn: Văn phòng HĐND và UBND huyện',
      '',
      'In bài | Gửi bài viết',
      'Chịu trách nhiệm: Ông Vàng A Páo - Chánh Văn phòng HĐND và UBND huyện',
    ].join('\n'),
  );

  it("gives the portal's banner and the province under it as the site name", () => {
    expect(r.meta.siteName).toBe('CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN THỬ NGHIỆM - TỈNH LAI CHÂU');
  });

  it('takes the headline, not the menu bar, and the writer over the credit as one byline', () => {
    expect(r.title).toBe('Huyện Thử Nghiệm triển khai kế hoạch phát triển kinh tế năm 2024');
    expect(r.byline).toBe('Lò Thị Hoa (Nguồn: Văn phòng HĐND và UBND huyện)');
    expect(r.text).not.toMatch(/Chịu trách nhiệm|Gửi bài viết|Lò Thị Hoa/u);
  });
});

describe('a ward portal capture: author with a counter, a labelled credit, the portal name in the footer (session 15)', () => {
  const capture = (byline: string[], over: string[] = []) =>
    cleanText(
      [
        'Trang thông tin điện tử phường Thử Nghiệm - Tỉnh Lai Châu',
        'Trang chủ    Giới thiệu    Tin tức    Liên hệ',
        '',
        'Phường Thử Nghiệm sơ kết công tác quý III năm 2025',
        'Đăng ngày 02/10/2025 - 08:15',
        ...over,
        BODY,
        '',
        ...byline,
        'Tin cùng chuyên mục',
        'Phường Thử Nghiệm ra quân làm sạch môi trường (28/09/2025)',
        'UBND PHƯỜNG THỬ NGHIỆM, TỈNH LAI CHÂU',
        'Trang thông tin điện tử phường Thử Nghiệm - Tỉnh Lai Châu',
        'Địa chỉ: Số 2 đường Hòa Bình, phường Thử Nghiệm',
      ].join('\n'),
    );

  it('reads "Tác giả: X | Lượt xem: N" above the body as the author, the counter as chrome', () => {
    const r = capture([], ['Tác giả: Mạc Thị Lan | Lượt xem: 57']);
    expect(r.byline).toBe('Mạc Thị Lan');
    expect(r.text).not.toMatch(/Lượt xem|Tác giả/u);
  });

  it('takes "Người viết: X - Nguồn: unit" as the byline', () => {
    expect(capture(['Người viết: Mạc Thị Lan - Nguồn: Văn phòng HĐND và UBND phường']).byline).toBe('Người viết: Mạc Thị Lan - Nguồn: Văn phòng HĐND và UBND phường');
  });

  it("removes the portal's name and banner from the footer: neither byline nor text", () => {
    const r = capture([]);
    expect(r.byline).toBeNull();
    expect(r.text).not.toMatch(/Trang thông tin điện tử|UBND PHƯỜNG/u);
  });
});
