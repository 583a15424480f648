import { describe, expect, it } from 'vitest';
import {
  authorMetaName,
  isBylineLine,
  isCaptionLike,
  isDateOnlyLine,
  splitMetaLine,
  lineKey,
  matchChromeRule,
  splitInlineDatePrefix,
} from './line-rules.ts';

const ruleOf = (line: string): string | null => matchChromeRule(line)?.name ?? null;

describe('chrome line rules', () => {
  it.each([
    ['Thống kê truy cập', 'visitorCounterRule'],
    ['  • Đang truy cập: 7', 'visitorCounterRule'],
    ['• Hôm nay: 1.204', 'visitorCounterRule'],
    ['Hôm nay', 'visitorCounterRule'],
    ['Trong tuần: 88', 'visitorCounterRule'],
    ['Tháng hiện tại: 3.020', 'visitorCounterRule'],
    ['Tổng lượt truy cập: 1.234.567', 'visitorCounterRule'],
    ['Đăng nhập', 'loginRule'],
    ['Đăng nhập | Đăng ký', 'loginRule'],
    ['Quên mật khẩu?', 'loginRule'],
    ['Trang chủ', 'navigationRule'],
    ['Trang chủ » Thời sự » Trong tỉnh', 'navigationRule'],
    ['Sơ đồ site', 'navigationRule'],
    ['Tin tức › Kinh tế - Xã hội', 'menuTrailRule'],
    ['Giới thiệu | Tin tức - Sự kiện | Chính quyền | Công dân | Liên hệ', 'menuTrailRule'],
    ['Chia sẻ', 'shareToolbarRule'],
    ['In bài viết | Gửi email', 'shareToolbarRule'],
    ['Cỡ chữ: A- A A+', 'shareToolbarRule'],
    ['Về đầu trang', 'shareToolbarRule'],
    ['Tin liên quan', 'relatedListHeadingRule'],
    ['Các tin khác', 'relatedListHeadingRule'],
    ['Đọc nhiều nhất', 'relatedListHeadingRule'],
    ['Tin cùng chuyên mục:', 'relatedListHeadingRule'],
    ['Ý kiến bạn đọc', 'commentFormRule'],
    ['Gửi bình luận', 'commentFormRule'],
    ['Mã xác nhận *', 'commentFormRule'],
    ['Thăm dò ý kiến', 'pollRule'],
    ['Giấy phép số 45/GP-BTTTT ngày 12/3/2020', 'licenceFooterRule'],
    ['Cơ quan chủ quản: Tỉnh ủy Tân Lĩnh', 'licenceFooterRule'],
    ['Tổng biên tập: Nông Thị Hạnh', 'licenceFooterRule'],
    ['© Bản quyền thuộc về Báo Tân Lĩnh', 'licenceFooterRule'],
    ['Lượt xem: 1.024', 'viewCountRule'],
    ['Từ khóa: nông thôn mới, dược liệu', 'tagListRule'],
    ['.', 'lonePunctuationRule'],
    ['…', 'lonePunctuationRule'],
    ['g', 'strayLetterRule'],
  ])('%s → %s', (line, rule) => {
    expect(ruleOf(line)).toBe(rule);
  });

  it.each([
    'Hôm nay (21/7), đoàn công tác của Tỉnh ủy kiểm tra thực tế tại huyện Mường Lạn.',
    'Tăng cường kiểm tra an toàn thực phẩm.',
    'Địa chỉ của trung tâm mới đặt tại tổ 5, thị trấn.',
    'Theo giấy phép số 12/GP-UBND, doanh nghiệp được khai thác 3 ha.',
    'Trang chủ của huyện được nâng cấp trong quý III, giúp người dân tra cứu thủ tục.',
    'Siết chặt quản lý đất đai, khoáng sản.',
    'Đồng chí Hà Thị Nguyệt phát biểu tại hội nghị.',
    '2022',
    'Năm 2025, xã có 3 hợp tác xã | 2 tổ hợp tác | 120 hộ tham gia',
    'Giá lúa tăng > 10% so với cùng kỳ, người dân phấn khởi',
  ])('keeps a real line: %s', (line) => {
    expect(ruleOf(line)).toBeNull();
  });
});

describe('dates', () => {
  it.each(['Thứ hai, 07/11/2022', 'Thứ Sáu, 13/03/2020, 18:23 [GMT+7]', 'Ngày đăng: 13/03/2023 15:40', '07/11/2022 08:15', 'Cập nhật: 2022-11-07', 'Chủ nhật, 5/6/2022', 'Hôm nay: Thứ Hai, 06/10/2025'])(
    'date widget: %s',
    (line) => expect(isDateOnlyLine(lineKey(line))).toBe(true),
  );

  it.each(['Ngày 7/11/2022, huyện tổ chức hội nghị.', 'Năm 2022', 'Thứ hai tuần tới', 'Hôm nay (6/10), xã tổ chức lễ bàn giao.'])('not a date widget: %s', (line) =>
    expect(isDateOnlyLine(lineKey(line))).toBe(false),
  );

  it('splits a meta line into its post time and the credit riding along, and refuses one with prose in it', () => {
    const line = 'Bài, ảnh: Minh Thử · Đăng lúc 16:10 ngày 22/11/2025 · Lượt xem: 2.357';
    expect(splitMetaLine(lineKey(line), line)).toEqual({ date: 'Đăng lúc 16:10 ngày 22/11/2025', author: 'Bài, ảnh: Minh Thử' });
    const split = '27/02/2024 | 15:03 (Lượt xem: 587)';
    expect(splitMetaLine(lineKey(split), split)).toEqual({ date: '27/02/2024 15:03' });
    const prose = 'Bài học kinh nghiệm: huyện cần làm tốt hơn · 22/11/2025 · Lượt xem: 12';
    expect(splitMetaLine(lineKey(prose), prose)).toBeNull();
  });

  it('splits the "date YYYY-MM" capture prefix and keeps the dateline', () => {
    expect(splitInlineDatePrefix('date 2022-11 BTL - Sáng 5/11, đoàn công tác đến xã Lũng Táo.')).toEqual({
      date: 'date 2022-11',
      rest: 'BTL - Sáng 5/11, đoàn công tác đến xã Lũng Táo.',
    });
    expect(splitInlineDatePrefix('25/2/2021, Hội đồng nhân dân tỉnh họp phiên bất thường.')).toBeNull();
  });
});

describe('bylines and captions', () => {
  it.each(['Tin, ảnh: Hoàng Minh', 'Bài và ảnh: Lò Thị Hoa', 'HOÀNG LAN', 'Minh Quân (baotanlinh.vn)', 'Vũ Hà', 'Nguyễn Thị Thu Trang', 'Theo Báo Tân Lĩnh', 'Phòng Văn hóa - Thông tin'])(
    'byline: %s',
    (line) => expect(isBylineLine(line)).toBe(true),
  );

  it.each([
    'Hoài Thu (Trung tâm Văn hóa, Thể thao và Truyền thông huyện Mường Khương)',
    'A Tuấn - Phòng Văn hóa và Thông tin',
    'Tác giả: Hồng Nhung - Ban Tuyên giáo Huyện ủy',
    'Lan Anh – Báo Điện Biên Phủ',
    'H.Linh - Q.Đạt',
    'N.T',
  ])('byline with a unit or initials: %s', (line) => expect(isBylineLine(line)).toBe(true));

  it.each([
    'Ông Lò Văn Sinh (Phó Chủ tịch UBND huyện Mường Khương)',
    'Lò Văn Sinh - Chủ tịch UBND xã Bản Lầu',
    'Huyện Mường Khương - Trung tâm du lịch của tỉnh',
    'Hoài Thu (Trung tâm Văn hóa huyện) cho biết, năm nay huyện có thêm 3 điểm du lịch cộng đồng và 12 homestay.',
  ])('not a byline with a unit: %s', (line) => expect(isBylineLine(line)).toBe(false));

  it.each(['Tăng cường kiểm tra an toàn thực phẩm.', 'Theo báo cáo của UBND huyện, 10 tháng đã trồng 287 ha.', 'Quang cảnh hội nghị.', 'Năm 2023'])(
    'not a byline: %s',
    (line) => expect(isBylineLine(line)).toBe(false),
  );

  it.each([
    'Phó Chủ tịch UBND tỉnh Lò Văn Thắng phát biểu tại buổi làm việc.',
    'Quang cảnh hội nghị.',
    'Đồng chí Hà Thị Nguyệt thăm và tặng quà gia đình ông Sùng A Páo, thôn Lũng Cú',
  ])('caption-like: %s', (line) => expect(isCaptionLike(line)).toBe(true));

  it.each([
    'Theo đó, huyện đã trồng được 287 ha cây dược liệu, đạt 82% kế hoạch và vượt chỉ tiêu đề ra của năm trước.',
    'Phát biểu tại buổi làm việc, đồng chí Phó Chủ tịch đề nghị huyện rà soát quỹ đất.',
    'Huyện đã hỗ trợ 1.150 hộ dân giống cây. Thu nhập bình quân tăng lên 26 triệu đồng.',
  ])('not caption-like: %s', (line) => expect(isCaptionLike(line)).toBe(false));
});

describe('portal CMS lexicon', () => {
  it.each([
    ['In bài | Gửi email | Số lượt xem: 487', 'toolbarLineRule'],
    ['Gửi mail', 'shareToolbarRule'],
    ['Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *', 'commentNoticeRule'],
    ['Lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp của tôi.', 'commentNoticeRule'],
    ['Để lại bình luận', 'commentFormRule'],
    ['Tiếp theo', 'navigationRule'],
    ['Bài trước', 'navigationRule'],
    ['Danh mục: Tin tức', 'tagListRule'],
    ['Tải về báo cáo đầy đủ (PDF)', 'attachmentOrInlineLinkRule'],
    ['Xem thêm: Chuyển đổi nghề khai thác ven bờ sang nuôi trồng thủy sản', 'attachmentOrInlineLinkRule'],
    ['0 (0 Bình chọn)', 'pollRule'],
    ['Điều khoản sử dụng', 'licenceFooterRule'],
    ['Tin đã đăng', 'relatedListHeadingRule'],
  ])('chrome: %s', (line, rule) => expect(matchChromeRule(line)?.name).toBe(rule));

  it.each([
    'Trước mùa mưa bão, xã hoàn thành các tuyến đường.',
    'Người dân chia sẻ kinh nghiệm trồng bưởi | năng suất cao',
    'Xem thêm các mô hình trồng bưởi ở xã bên, người dân đã học hỏi được nhiều kinh nghiệm.',
  ])('not chrome: %s', (line) => expect(matchChromeRule(line)).toBeNull());

  it.each(['Ngày đăng: 09 Tháng 3 2024', 'ngày 9 tháng 3 năm 2024', 'Thứ Ba, Tháng Hai 27, 2024'])('date-only: %s', (line) =>
    expect(isDateOnlyLine(lineKey(line))).toBe(true),
  );

  it('reads CMS author fields and ignores placeholder accounts', () => {
    expect(authorMetaName('bởi Hà Linh')).toBe('Hà Linh');
    expect(authorMetaName('Tác giả: Minh Anh')).toBe('Minh Anh');
    expect(authorMetaName('Được đăng bởi Quản trị viên')).toBe('');
    expect(authorMetaName('Bởi vậy, người dân cần chủ động phòng tránh.')).not.toBe('');
    expect(isBylineLine('Bởi vậy, người dân cần chủ động phòng tránh.')).toBe(false);
    expect(isBylineLine('bởi Hà Linh')).toBe(true);
    expect(isBylineLine('Cục Thống kê tỉnh Yên Bái')).toBe(true);
  });
});
