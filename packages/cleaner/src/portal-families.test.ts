/**
 * Realistic pages of the portal families a held-out set of provincial pages contains (Liferay,
 * SharePoint, DotNetNuke, Joomla, WordPress, VCCorp-style newspapers, old hand-made CMSs), with the
 * content invented. Each case lists the sentences that must stay, the chrome that must go, the title,
 * the byline and the dates.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanHtml } from './html-mode.ts';
import { normalizeForMatch } from './vietnamese.ts';
import type { CleanResult, DateLine } from './types.ts';

const page = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/portals/${name}`, import.meta.url)), 'utf8');

interface PortalCase {
  file: string;
  title: string;
  byline: string | null;
  /** Sentences (or table rows) that must be in `text`, in this order. */
  keep: string[];
  /** Chrome that must not be in `text`. */
  gone: string[];
  dates?: DateLine[];
  captions?: string[];
  lead?: string;
}

const k = normalizeForMatch;

function expectKeptInOrder(r: CleanResult, keep: readonly string[]): void {
  const text = k(r.text);
  let from = 0;
  for (const s of keep) {
    const at = text.indexOf(k(s), from);
    expect(at, `kept in order: ${s}`).toBeGreaterThanOrEqual(0);
    from = at;
  }
}

const CASES: PortalCase[] = [
  {
    file: 'liferay-province.html',
    title: 'Lạc Sơn thu hoạch trên 2.100 ha lúa xuân, năng suất đạt khá',
    byline: 'Thu Hằng (Trung tâm VH-TT huyện Lạc Sơn)',
    keep: [
      '(Cổng TTĐT tỉnh) - Những ngày này, nông dân các xã vùng thấp huyện Lạc Sơn',
      'năng suất bình quân năm nay đạt 61,5 tạ/ha, tăng 2,3 tạ/ha so với vụ trước.',
      'Vụ xuân năm nay, toàn huyện gieo cấy 2.146 ha lúa',
      'giá thu mua tại ruộng dao động từ 7.200 đến 7.500 đồng/kg.',
      'mở rộng liên kết tiêu thụ lúa gạo với doanh nghiệp trong và ngoài tỉnh.',
    ],
    gone: ['Lượt xem', '1.248', 'In trang', 'Gửi mail', 'Đánh giá', 'Bình chọn', 'Tin khác', 'Kim Bôi triển khai', 'Tân Lạc nghiệm thu', 'Xem tiếp', 'Thống kê truy cập', 'Đang truy cập', 'Cơ quan chủ quản', '37/GP-TTĐT', 'Đặng Quốc Khánh', 'Sơ đồ cổng', 'Bỏ qua nội dung', 'Quay lại', 'Tin tức sự kiện'],
    dates: [
      { text: 'Thứ năm, 14/03/2024', where: 'header' },
      { text: 'Ngày đăng: 14/03/2024 | 09:42', where: 'meta' },
    ],
    captions: ['Nông dân xã Ân Nghĩa thu hoạch lúa xuân bằng máy gặt đập liên hợp'],
  },
  {
    file: 'sharepoint-gov.html',
    title: 'Sở Tài chính công bố kết quả thu ngân sách quý I năm 2024',
    byline: 'Phòng Ngân sách',
    lead: 'Tổng thu ngân sách nhà nước trên địa bàn tỉnh quý I năm 2024 ước đạt 1.126,4 tỷ đồng, bằng 26,8% dự toán Hội đồng nhân dân tỉnh giao và tăng 9,3% so với cùng kỳ năm trước.',
    keep: [
      'Tổng thu ngân sách nhà nước trên địa bàn tỉnh quý I năm 2024 ước đạt 1.126,4 tỷ đồng',
      'Theo báo cáo của Sở Tài chính, trong tổng thu ngân sách, thu nội địa đạt 842,7 tỷ đồng',
      'Kết quả thu của một số khoản chủ yếu như sau:',
      'TT | Khoản thu | Ước thực hiện quý I (tỷ đồng) | So với dự toán (%)',
      '1 | Thu từ doanh nghiệp nhà nước địa phương | 96,2 | 31,5',
      '4 | Thu tiền sử dụng đất | 187,0 | 23,4',
      'Sở Tài chính đề nghị các sở, ngành, địa phương đẩy nhanh tiến độ giải ngân vốn đầu tư công, nhất là các dự án chuyển tiếp.',
    ],
    gone: ['Duyệt Trang', 'Chuyên mục', 'Tin hoạt động', 'Quản lý giá', 'In bài', 'Số lượt xem', 'Các tin đã đưa', 'Hội nghị triển khai nhiệm vụ tài chính', 'Bản quyền', 'Fax', 'Sơ đồ site', 'Tin tức - Sự kiện'],
    dates: [
      { text: 'Thứ Năm, ngày 14/03/2024', where: 'header' },
      { text: '14/03/2024 10:05', where: 'meta' },
    ],
  },
  {
    file: 'dnn-portal.html',
    title: 'Yên Thế tổ chức Ngày hội văn hóa các dân tộc lần thứ V',
    byline: 'Văn phòng HĐND và UBND huyện',
    lead: 'Ngày 10/3, tại sân vận động trung tâm huyện, UBND huyện Yên Thế tổ chức Ngày hội văn hóa các dân tộc lần thứ V năm 2024 với sự tham gia của gần 600 nghệ nhân, vận động viên đến từ 21 xã, thị trấn.',
    keep: [
      'Ngày 10/3, tại sân vận động trung tâm huyện',
      'Ngày hội năm nay diễn ra trong hai ngày',
      'thành lập 14 câu lạc bộ văn nghệ dân gian ở các thôn, bản.',
      'Kết thúc ngày hội, Ban tổ chức trao giải nhất toàn đoàn cho xã Đồng Tiến',
    ],
    gone: ['Thông báo', 'Lịch tiếp công dân', 'Đang online', 'Tất cả', 'Lượt xem', 'In bài viết', 'Bài viết liên quan', 'Bố Hạ khai mạc', 'Copyright', 'Điều khoản sử dụng', 'Cơ quan chủ quản', 'Văn hóa - Xã hội', 'Thủ tục hành chính'],
    captions: ['Màn trình diễn trang phục truyền thống của đội xã Đồng Hưu'],
    dates: [
      { text: 'Chủ nhật, 10/03/2024', where: 'header' },
      { text: '10/03/2024', where: 'meta' },
    ],
  },
  {
    file: 'joomla-item.html',
    title: 'Xã Tân Thành ra quân làm giao thông nông thôn',
    byline: 'Nguồn: Văn phòng UBND xã',
    keep: [
      'Sáng 9/3, Ủy ban nhân dân xã Tân Thành tổ chức lễ ra quân làm đường giao thông nông thôn năm 2024.',
      'Tổng kinh phí dự kiến khoảng 3,1 tỷ đồng.',
      'Nhiều hộ tự nguyện hiến đất, tháo dỡ tường rào để mở rộng lòng đường.',
      'hoàn thành các tuyến đường trước mùa mưa bão.',
    ],
    gone: ['Chi tiết', 'Được đăng bởi', 'Quản trị viên', 'Danh mục', 'Lượt xem', 'Tiếp theo', 'Hội nghị tổng kết công tác dân số', 'Tin mới', 'Tiêm chủng', 'Hôm qua', '64.381', 'Cơ quan chủ quản', 'Lên đầu trang', 'Tìm kiếm'],
    dates: [{ text: 'Ngày đăng: 09 Tháng 3 2024', where: 'meta' }],
  },
  {
    file: 'wordpress-newspaper.html',
    title: 'Phú Thọ: Nông dân Thanh Sơn thu lãi cao từ mô hình trồng bưởi đỏ',
    byline: 'Hà Linh',
    keep: [
      'Từ vài gốc bưởi đỏ trồng quanh nhà, đến nay nhiều hộ dân ở huyện Thanh Sơn',
      'Gia đình bà Đinh Thị Nhàn ở xã Thục Luyện hiện có 320 gốc bưởi đỏ đang cho thu hoạch.',
      'Huyện đang hướng dẫn người dân trồng và chăm sóc theo quy trình VietGAP để xây dựng nhãn hiệu tập thể.',
      'phấn đấu đến năm 2025 nâng diện tích bưởi đỏ lên 100 ha.',
    ],
    gone: ['Chia sẻ lên Facebook', 'Đọc thêm', 'Cam Cao Phong vào vụ', 'Chè Shan tuyết', 'Tags', 'Bài trước', 'Bài tiếp theo', 'Hội chợ nông sản', 'Bài viết liên quan', 'Bưởi Diễn Đoan Hùng', 'Để lại bình luận', 'Email của bạn sẽ không được hiển thị công khai', 'Lưu tên của tôi', 'Phản hồi', 'Tin mới nhất', '512/GP-BTTTT', 'Trần Quang Vinh', 'Thiết kế bởi', 'Quảng cáo'],
  },
  {
    file: 'vccorp-newspaper.html',
    title: 'Quảng Ninh: Hơn 1.200 tàu cá được lắp thiết bị giám sát hành trình',
    byline: 'Thu Hà',
    lead: 'Đến hết tháng 2/2024, toàn tỉnh đã có 1.236 tàu cá chiều dài từ 15 m trở lên được lắp thiết bị giám sát hành trình, đạt 99,6%. Các tàu còn lại đang nằm bờ hoặc đã chuyển nghề.',
    keep: [
      'Đến hết tháng 2/2024, toàn tỉnh đã có 1.236 tàu cá',
      'xử lý dứt điểm các trường hợp mất kết nối thiết bị quá 6 giờ.',
      'sản lượng thủy sản bốc dỡ qua cảng được ghi chép đạt 3.150 tấn.',
      'kiên quyết không cấp phép xuất bến cho tàu không bảo đảm điều kiện.',
    ],
    gone: ['Tăng cường kiểm soát tàu cá ra vào cảng', 'Ngư dân Vân Đồn', 'Xem thêm', 'Chuyển đổi nghề khai thác ven bờ', 'vùng nuôi biển công nghệ cao', 'Từ khóa', 'Thích', 'Tin cùng chuyên mục', 'Giá xăng dầu', 'Đọc nhiều', 'Hạ Long đón', '74/GP-BTTTT', 'Phạm Văn Thanh', 'Cấm sao chép', 'Biển đảo'],
    captions: ['Tàu cá neo đậu tại cảng cá Cái Rồng, huyện Vân Đồn.'],
  },
  {
    file: 'gallery-captions.html',
    title: 'Lễ hội Lồng tồng xã Quốc Toản năm 2024',
    byline: 'Nông Thị Mai',
    keep: [
      'Ngày 18/2 (tức mùng 9 tháng Giêng), xã Quốc Toản tổ chức Lễ hội Lồng tồng',
      'Phần lễ gồm các nghi thức rước kiệu, dâng lễ vật và đọc văn tế do các thầy tào trong xã thực hiện.',
      'Phần hội diễn ra sôi nổi với các trò chơi dân gian',
      'vào danh mục di sản văn hóa phi vật thể cấp tỉnh.',
    ],
    gone: ['Nghi thức rước kiệu từ đình làng', 'Thanh niên các xóm tham gia ném còn', 'Các nghệ nhân biểu diễn hát then', 'Du khách thưởng thức ẩm thực', 'Video clip', 'Phóng sự Quảng Hòa', 'Lịch công tác', 'In bài viết', 'Về đầu trang', 'Các tin khác', 'Hội xuân Phục Hòa', 'Cơ quan chủ quản', 'GIỚI THIỆU'],
    captions: [
      'Nghi thức rước kiệu từ đình làng ra ruộng',
      'Thanh niên các xóm tham gia ném còn',
      'Các nghệ nhân biểu diễn hát then, đàn tính',
      'Du khách thưởng thức ẩm thực truyền thống tại gian hàng của xóm Lũng Táo',
    ],
    dates: [
      { text: 'Thứ Hai, 19/02/2024', where: 'header' },
      { text: 'Cập nhật lúc: 08:30 19/02/2024', where: 'meta' },
    ],
  },
  {
    file: 'short-brief.html',
    title: 'Tạm dừng cấp điện một số xã huyện Bảo Lâm ngày 16/3',
    byline: 'K.T',
    keep: [
      'Điện lực Bảo Lâm tạm dừng cấp điện từ 7 giờ đến 16 giờ ngày 16/3 tại xã Lộc Bắc, Lộc Bảo để thay dây dẫn.',
      'Người dân chủ động sắp xếp sinh hoạt.',
    ],
    gone: ['Tin khác', 'Bảo Lâm khai giảng', 'Đọc nhiều', 'Giá cà phê', 'Giấy phép', 'Thể thao'],
    dates: [
      { text: 'Thứ Sáu, 15/03/2024', where: 'header' },
      { text: '15/03/2024 16:05', where: 'meta' },
    ],
  },
  {
    file: 'table-figures.html',
    title: 'Tình hình kinh tế - xã hội 2 tháng đầu năm 2024',
    byline: 'Cục Thống kê tỉnh Yên Bái',
    keep: [
      'Trong 2 tháng đầu năm, sản xuất nông nghiệp và công nghiệp trên địa bàn tỉnh duy trì ổn định.',
      'Chỉ tiêu | Đơn vị tính | 2 tháng năm 2024 | So với cùng kỳ (%)',
      'Chỉ số sản xuất công nghiệp | % | - | 108,7',
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ | Tỷ đồng | 4.215,8 | 111,2',
      'Diện tích gieo trồng lúa xuân | Ha | 11.652 | 99,3',
      'Khách du lịch | Lượt | 142.300 | 115,8',
      'Chỉ số giá tiêu dùng bình quân 2 tháng tăng 3,12% so với cùng kỳ năm trước',
    ],
    gone: ['Tải về báo cáo', 'Tin đã đăng', 'Tình hình kinh tế - xã hội tháng 1', 'Lịch phổ biến thông tin', 'Số liệu thống kê', 'Điện thoại'],
    dates: [{ text: 'Ngày đăng: 06/03/2024', where: 'meta' }],
  },
  {
    file: 'comments-page.html',
    title: 'Đề xuất mở rộng tuyến đường tỉnh 217 đoạn qua thị trấn Cẩm Thủy',
    byline: 'Lê Hợi',
    lead: 'Sở Giao thông vận tải vừa trình UBND tỉnh phương án mở rộng đoạn đường tỉnh 217 dài 3,4 km qua thị trấn Cẩm Thủy, nhằm giảm ùn tắc và bảo đảm an toàn giao thông cho người dân.',
    keep: [
      'Sở Giao thông vận tải vừa trình UBND tỉnh phương án mở rộng',
      'Tổng mức đầu tư dự kiến khoảng 186 tỷ đồng từ nguồn ngân sách tỉnh và huyện.',
      'Trong năm 2023, trên đoạn đường này xảy ra 9 vụ tai nạn giao thông, làm 2 người tử vong.',
      'công khai phương án bồi thường, hỗ trợ tái định cư trước khi triển khai.',
      'Nếu được phê duyệt, dự án sẽ khởi công trong quý IV năm 2024 và hoàn thành trong năm 2026.',
    ],
    gone: ['Ý kiến bạn đọc', 'Nguyễn Văn Thắng', 'Phạm Thị Lan', 'Đỗ Thị Ngọc Ánh', 'Vũ Hải Yến', 'Rất mong dự án sớm được triển khai', 'bãi đỗ xe cho chợ trung tâm', 'Trả lời', 'Thích', 'Gửi bình luận', 'Bình luận của bạn sẽ được biên tập', 'Tin liên quan', 'Nâng cấp Quốc lộ 217', 'Nguyễn Hữu Đức', 'Chia sẻ'],
    dates: [
      { text: 'Thứ Tư, 13/03/2024', where: 'header' },
      { text: '13/03/2024 - 10:25', where: 'meta' },
    ],
  },
];

describe.each(CASES)('portal family page $file', (c) => {
  const r = cleanHtml(page(c.file));

  it('is an article with the right title', () => {
    expect(r.isArticle, r.reason ?? '').toBe(true);
    expect(r.title).toBe(c.title);
  });

  it('keeps every sentence of the article, in order', () => {
    expectKeptInOrder(r, c.keep);
    if (c.lead) {
      expect(r.lead).toBe(c.lead);
      expect(r.paragraphs[0]).toBe(c.lead);
    }
  });

  it('drops every chrome line', () => {
    const text = k(r.text);
    for (const g of c.gone) expect(text.includes(k(g)), `chrome left: ${g}`).toBe(false);
    expect(r.paragraphs.map(k), 'title repeated in text').not.toContain(k(c.title));
  });

  it('takes out the byline and the dates', () => {
    expect(r.byline).toBe(c.byline);
    if (c.byline) expect(r.paragraphs).not.toContain(c.byline);
    if (c.dates) expect(r.dates).toEqual(c.dates);
  });

  it('lists the captions apart from the text, and invents none', () => {
    expect(r.captions).toEqual(c.captions ?? []);
    for (const cap of c.captions ?? []) expect(k(r.text).includes(k(cap)), cap).toBe(false);
  });
});

describe('short pages', () => {
  it('keeps a brief of two short sentences (under 40 words) when the page titles it', () => {
    const r = cleanHtml(page('short-brief.html'));
    expect(r.text.match(/[\p{L}\p{N}]+/gu)?.length).toBeLessThan(40);
    expect(r.isArticle).toBe(true);
  });

  it('still rejects a titled page with one line of text', () => {
    const r = cleanHtml('<html><head><title>Giới thiệu chung về huyện Bảo Lâm</title></head><body><h1>Giới thiệu chung về huyện Bảo Lâm</h1><p>Trang đang được cập nhật.</p></body></html>');
    expect(r.isArticle).toBe(false);
  });
});

describe('author fields', () => {
  it('keeps a short body sentence that opens with "Bởi"', () => {
    const body = '<p>Mưa lớn kéo dài khiến nhiều tuyến đường liên xã ở huyện Bảo Lâm bị sạt lở, ách tắc giao thông nhiều ngày liền.</p><p>Bởi vậy, người dân cần chủ động phòng tránh.</p><p>Huyện đã huy động lực lượng, phương tiện khắc phục, bảo đảm thông tuyến trong ngày 16/3 để người dân đi lại an toàn.</p>';
    const r = cleanHtml(`<html><head><title>Sạt lở đường liên xã ở Bảo Lâm</title></head><body><h1>Sạt lở đường liên xã ở Bảo Lâm</h1><div class="content">${body}</div></body></html>`);
    expect(r.paragraphs).toContain('Bởi vậy, người dân cần chủ động phòng tránh.');
    expect(r.byline).toBeNull();
  });
});

describe('malformed portal pages', () => {
  const files = [...CASES.map((c) => c.file), 'category-listing.html'];
  it.each(files)('%s cut at any point, or with its closing tags stripped, never throws', (file) => {
    const html = page(file);
    for (const cut of [0.2, 0.4, 0.6, 0.8]) {
      const r = cleanHtml(html.slice(0, Math.floor(html.length * cut)));
      expect(Array.isArray(r.paragraphs)).toBe(true);
    }
    const unclosed = cleanHtml(html.replace(/<\/(?:div|p|td|tr|table|li|ul|span)>/gu, ''));
    expect(typeof unclosed.text).toBe('string');
  });
});

describe('category listing page (VNPT portal)', () => {
  it('holds no article, even though every teaser is a full sentence', () => {
    const r = cleanHtml(page('category-listing.html'));
    expect(r.isArticle).toBe(false);
    expect(r.reason).toMatch(/^no-article: listing page/u);
  });
});
