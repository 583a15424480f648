import { describe, expect, it } from 'vitest';
import { isBylineLine, isCounterPiece, isUnitAbbreviation, lineKey, matchChromeRule, splitMetaLine } from './line-rules.ts';

const ruleOf = (line: string): string | null => matchChromeRule(line)?.name ?? null;

// Invented lines in the style of district and commune portal captures (issue 13, issue 8 class 9).
describe('widget labels of government portals', () => {
  it.each([
    // counters in forms the first rules did not know, even before the title
    ['Trực tuyến: 14', 'visitorCounterRule'],
    ['Đang trực tuyến: 3', 'visitorCounterRule'],
    ['Đã truy cập: 90.112', 'visitorCounterRule'],
    ['Bộ đếm truy cập', 'visitorCounterRule'],
    ['Lượt truy cập hôm nay: 57', 'visitorCounterRule'],
    ['Hôm nay: 12 Hôm qua: 45 Tổng: 123.456', 'counterRowRule'],
    ['Đang online: 3 Trong tuần: 88', 'counterRowRule'],
    // skip links
    ['Truy cập nội dung luôn', 'skipLinkRule'],
    ['Chuyển đến nội dung chính', 'skipLinkRule'],
    ['Đi tới phần nội dung', 'skipLinkRule'],
    ['Skip navigation', 'skipLinkRule'],
    // font-size and accessibility controls
    ['Giảm cỡ chữ | Mặc định | Tăng cỡ chữ', 'accessibilityWidgetRule'],
    ['Kích thước chữ: A- A A+', 'accessibilityWidgetRule'],
    ['Chế độ tương phản cao', 'accessibilityWidgetRule'],
    ['Hỗ trợ người khuyết tật', 'accessibilityWidgetRule'],
    ['Xem với cỡ chữ: A A A', 'accessibilityWidgetRule'],
    ['Tổng số lượt xem: 3.120', 'viewCountRule'],
    // weather boxes
    ['Thời tiết', 'weatherWidgetRule'],
    ['Hà Giang 18°C - 25°C', 'weatherWidgetRule'],
    ['Thời tiết Bắc Quang: 27°C, có mây', 'weatherWidgetRule'],
    // "news of the day" pickers
    ['Tin tức trong ngày', 'dayPickerRule'],
    ['Xem tin theo ngày', 'dayPickerRule'],
    ['Chọn ngày: 05/03/2024 Xem', 'dayPickerRule'],
    // image file names
    ['IMG_20240312_081544.jpg', 'imageFileNameRule'],
    ['anh-hoi-nghi-so-ket-2.png', 'imageFileNameRule'],
    ['z5123456789012_3fa2b.jpg (212 KB)', 'imageFileNameRule'],
    // prev/next links glued to the headline by the capture
    ['Bài trướcXã Tân Lập ra quân làm đường giao thông nông thôn', 'prevNextLinkRule'],
    ['Bài tiếp theoHuyện Lâm Bình tổng kết năm học 2023 - 2024', 'prevNextLinkRule'],
    ['Tin trước: Hội Nông dân xã tập huấn kỹ thuật trồng cam', 'prevNextLinkRule'],
    ['« Bài trước', 'prevNextLinkRule'],
    // "you are here" breadcrumbs and poll headings
    ['Bạn đang ở :   Tin tức > Kinh tế - Chính trị', 'navigationRule'],
    ['Vị trí hiện tại: Trang chủ / Hoạt động HĐND', 'navigationRule'],
    ['Ý kiến thăm dò', 'pollRule'],
    // session 14 (bench/blind7's first run): a skip link with "để", a menu bar whose items a capture
    // joined with spaces, a breadcrumb cut by spaced slashes, a "send the article" toolbar and the
    // footer's responsible person
    ['Bỏ qua để đến nội dung', 'skipLinkRule'],
    ['Trang chủ    Giới thiệu    Tin tức    Chính quyền    Văn bản    Liên hệ', 'navigationRule'],
    ['Trang chủ Giới thiệu Tin tức Chính quyền Văn bản Làng nghề Liên hệ', 'navigationRule'],
    ['Tin tức - Sự kiện / Kinh tế', 'menuTrailRule'],
    ['In bài | Gửi bài viết', 'shareToolbarRule'],
    ['Chịu trách nhiệm: Ông Hoàng Văn Sinh - Chánh Văn phòng HĐND và UBND huyện', 'licenceFooterRule'],
  ])('%s → %s', (line, rule) => {
    expect(ruleOf(line)).toBe(rule);
  });

  it.each([
    'Bài trước đó, phóng viên đã phản ánh tình trạng sạt lở tại thôn Nà Lầu.',
    'Tin tức trong ngày được các em học sinh chia sẻ trên lớp học.',
    'Truy cập nội dung văn bản trên Cổng dịch vụ công quốc gia để nộp hồ sơ.',
    'Ảnh chụp hội nghị được lưu tại file hoi-nghi.jpg theo quy định.',
    'Trực tuyến từ điểm cầu xã, các đại biểu đã thảo luận sôi nổi.',
    'Diện tích: 1.200 ha Năng suất: 56 tạ',
    'Nhiệt độ ngoài trời có lúc lên tới 39°C khiến cây trồng bị khô héo.',
    'Thời tiết nắng nóng kéo dài khiến nhiều diện tích lúa thiếu nước.',
    'Trang chủ của Cổng thông tin điện tử huyện được nâng cấp giao diện mới.',
    'Trang chủ Cổng Dịch vụ công được nâng cấp, giúp người dân nộp hồ sơ dễ hơn.',
    'Năng suất đạt 56 tạ / ha, cao hơn vụ trước.',
    'Chịu trách nhiệm trước Ban Thường vụ Huyện ủy về kết quả thực hiện.',
  ])('keeps the sentence "%s"', (line) => {
    expect(ruleOf(line)).toBeNull();
  });
});

describe('meta lines joining the post time and counters', () => {
  it.each([
    ['23/12/2025 20:46 | Lượt xem: 120', '23/12/2025 20:46'],
    ['Ngày đăng: 12/05/2023 - Lượt xem 230', 'Ngày đăng: 12/05/2023'],
    ['Cập nhật lúc 08:30, 12/05/2023 · 1.024 lượt xem', 'Cập nhật lúc 08:30, 12/05/2023'],
    ['- 14/02/2024 07:05:00 - Đã xem: 88', '14/02/2024 07:05:00'],
  ])('%s → date %s', (line, date) => {
    expect(splitMetaLine(lineKey(line), line.trim())?.date).toBe(date);
  });

  it('carries the author of a meta line, not a placeholder account', () => {
    const line = 'Đăng bởi: Minh Hà | 12/05/2023 08:30 | Lượt xem: 12';
    expect(splitMetaLine(lineKey(line), line)).toEqual({ date: '12/05/2023 08:30', author: 'Minh Hà' });
    const admin = 'Người đăng: Quản trị viên | 12/05/2023 08:30';
    expect(splitMetaLine(lineKey(admin), admin)).toEqual({ date: '12/05/2023 08:30' });
  });

  it('leaves lines holding more than a date and counters', () => {
    expect(splitMetaLine(lineKey('Ngày 12/05/2023 có 230 lượt xem video của huyện'), 'Ngày 12/05/2023 có 230 lượt xem video của huyện')).toBeNull();
    expect(splitMetaLine(lineKey('Lượt xem: 230'), 'Lượt xem: 230')).toBeNull();
  });
});

describe('counter pieces', () => {
  it.each([['46990'], ['1.204.557'], ['Tuần này:'], ['Năm 2024: 12.345'], ['Tháng 5: 320']])('%s is a piece', (line) => {
    expect(isCounterPiece(lineKey(line), line)).toBe(true);
  });
  it.each([['Năm 2024, huyện trồng mới 650 ha rừng.'], ['Kết quả cụ thể như sau:'.repeat(3)], ['Quang cảnh hội nghị']])('%s is not', (line) => {
    expect(isCounterPiece(lineKey(line), line)).toBe(false);
  });
});

describe('author line "Name - <unit abbreviation>"', () => {
  it.each([['Quang Huy - TTVH-TT'], ['Thu Hà - VP HĐND-UBND huyện'], ['Minh Đức - Ủy viên UBKT Huyện ủy'], ['Ngọc Lan - TT DVNN huyện'], ['HOÀNG LONG - TTVH-TT']])('%s is a byline', (line) => {
    expect(isBylineLine(line)).toBe(true);
  });
  it('a place and a headline after a dash is not a unit', () => {
    expect(isUnitAbbreviation('HĐND huyện họp kỳ thứ bảy')).toBe(false);
    expect(isBylineLine('Bắc Mê - CLB dân vũ xã Yên Phong ra mắt')).toBe(false);
  });
});
