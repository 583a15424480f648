/**
 * Line-level rules: each decides, from one line of text alone, whether it is portal chrome.
 * They run in text mode on every line and in HTML mode on every extracted block (second pass).
 * All patterns run on the match key (`lineKey`): lower case, "new style" tones, no leading bullet,
 * so "Đăng Nhập", "• Đăng nhập" and "ĐĂNG NHẬP" are the same line.
 *
 * Every pattern is anchored at both ends and made of bounded alternations, so a 5 MB line costs
 * one linear scan (no nested quantifiers that could backtrack).
 */
import { normalizeForMatch } from './vietnamese.ts';

/** A chrome rule: a name shown to the user and a test on the line's match key. */
export interface LineRule {
  /** camelCase, shown in `removed[].rule`. */
  name: string;
  /** True when the whole line is chrome. `line` is the cleaned line, `key` its match key. */
  test: (key: string, line: string) => boolean;
}

/** Leading list markers that text dumps keep from `<li>` items: "  • Hôm nay: 1", "» Tin khác". */
const LEADING_BULLET = /^[\s•·◦▪▫■□●○►▶▸»›>*+\-–—|]+/u;

/** Match key of a line: {@link normalizeForMatch} without list bullets or a trailing colon. */
export function lineKey(line: string): string {
  return normalizeForMatch(line).replace(LEADING_BULLET, '').replace(/[\s:：]+$/u, '');
}

/** Words (letters/digits runs) of a string. */
export function wordsOf(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A line of punctuation or symbols only: ".", "…", "|", "***", "« »". */
export const lonePunctuationRule: LineRule = {
  name: 'lonePunctuationRule',
  test: (_key, line) => line.length > 0 && /^[\p{P}\p{S}\s]+$/u.test(line),
};

/**
 * One or two stray letters on a line, left by an icon font or a broken drop cap ("g", "x", "Ok").
 * A lone number is left alone: it may be a list figure.
 */
export const strayLetterRule: LineRule = {
  name: 'strayLetterRule',
  test: (_key, line) => /^[\p{L}]{1,2}[\p{P}]?$/u.test(line),
};

/**
 * Visitor counter widget: "Thống kê truy cập", "Đang truy cập: 1", "Hôm nay: 1", "Trong tuần: 12",
 * "Tháng hiện tại: 340", "Tổng lượt truy cập: 1.234.567", "Online: 3", "Lượt truy cập 99".
 * The bare labels count too ("Hôm nay"), but "Hôm nay (21/7), đoàn công tác ..." does not:
 * after the label only a colon and a number may follow.
 */
export const visitorCounterRule: LineRule = {
  name: 'visitorCounterRule',
  test: (key) =>
    /^(?:(?:thống kê(?: truy cập| lượt truy cập)?|bộ đếm(?: truy cập)?|(?:đang|người|lượt|số lượt|số người|tổng(?: số)?(?: lượt)?|đã) (?:truy cập|online|trực tuyến)|đang (?:online|trực tuyến|xem)|truy cập|online|trực tuyến)(?: (?:hôm nay|hôm qua|trong (?:ngày|tuần|tháng|năm)|tuần (?:này|trước)|tháng (?:này|trước)|năm (?:nay|trước)))?|hôm nay|hôm qua|trong (?:ngày|tuần|tháng|năm)|tuần (?:này|trước)|tháng (?:này|trước|hiện tại)|năm (?:nay|hiện tại)|tất cả|tổng cộng|khách|thành viên|visitors?(?: today| online)?|page ?views?|total)(?:\s*[:：]?\s*[\d.,\s]*)$/u.test(
      key,
    ) &&
    // "trong năm 2020." (a wrapped title's last words): a year without a colon is no count.
    !/^[^:：]*\s(?:19|20)\d\d\.?$/u.test(key),
};

/** One "label: number" pair of a counter row ("hôm nay: 12 ", "tổng: 1.234.567"). */
const COUNTER_PAIR = /([\p{L}][\p{L}\p{N} ]{0,30}?)\s*[:：]\s*[\d][\d.,]*\s*/gu;

/**
 * A counter row printed without separators: "Hôm nay: 12 Hôm qua: 45 Tổng: 123.456",
 * "Đang online: 3 Trong tuần: 88". Every part is a "label: number" pair and one label is a counter's.
 */
export const counterRowRule: LineRule = {
  name: 'counterRowRule',
  test: (key) => {
    if (key.length > 200 || !/[:：]/u.test(key)) return false;
    let consumed = 0;
    let pairs = 0;
    let known = false;
    for (const m of key.matchAll(COUNTER_PAIR)) {
      if (m.index !== consumed) return false;
      consumed += m[0].length;
      pairs++;
      if (!known && visitorCounterRule.test((m[1] ?? '').trim(), m[0])) known = true;
    }
    return pairs >= 2 && known && consumed === key.length;
  },
};

/** Account links: "Đăng nhập", "Đăng ký", "Đăng xuất", "Quên mật khẩu?", "Đăng nhập | Đăng ký". */
export const loginRule: LineRule = {
  name: 'loginRule',
  test: (key) =>
    /^(?:(?:đăng nhập|đăng ký|đăng xuất|quên mật khẩu\??|tài khoản|mật khẩu|tên đăng nhập|ghi nhớ|login|log in|sign in|sign up|register|logout)[\s|/,]*)+$/u.test(
      key,
    ),
};

/**
 * Menu and breadcrumb labels: "Trang chủ", "Trang chủ » Tin tức » Chính trị", "Liên hệ", "Sơ đồ site",
 * "RSS", "Tìm kiếm", "English". A breadcrumb is a short line whose parts are separated by » › > | /.
 */
const NAV_LABEL =
  /^(?:trang chủ|trang nhất|home|liên hệ|giới thiệu|sơ đồ (?:site|trang|cổng)|site ?map|rss|tìm kiếm|search|english|tiếng việt|hỏi đáp|góp ý|menu|danh mục|chuyên mục|tin tức(?: - sự kiện)?|tin tức sự kiện|video|thư viện ảnh|thư viện video|ảnh|e-?paper|báo in|podcast|multimedia|emagazine|infographics?|longform|skip to (?:main )?content|toggle navigation|close|đóng|mở rộng|thu gọn|bỏ qua nội dung(?: chính)?|chi tiết|xem chi tiết|xem tiếp|đọc tiếp|xem tất cả|xem toàn bộ|trước|sau|tiếp|tiếp theo|bài trước|bài sau|bài tiếp(?: theo)?|tin trước|tin sau|trang trước|trang sau|trang tiếp|previous|next|older posts|newer posts)$/u;
export const navigationRule: LineRule = {
  name: 'navigationRule',
  test: (key, line) => {
    if (NAV_LABEL.test(key)) return true;
    // Breadcrumb: "Trang chủ » Thời sự » Trong tỉnh" — starts with a home label and is cut by separators,
    // or with a "you are here" label: "Bạn đang ở: Tin tức > Kinh tế", "Vị trí hiện tại: ...".
    return (
      line.length <= 200 &&
      (/^(?:trang chủ|home|trang nhất)\s*[»›>|/]/u.test(key) || /^(?:bạn đang (?:ở|xem)|vị trí(?: hiện tại)?|you are here)\s*[:：»>]/u.test(key) || isSpacedMenuBar(line))
    );
  },
};

/**
 * A menu bar whose items a capture joined with spaces only: "Trang chủ Giới thiệu Tin tức Chính quyền
 * Văn bản Liên hệ". It opens with the home label, the items after it are capitalised on their first word,
 * and it has no figure or sentence mark; a sentence never opens with "Trang chủ" and a run of such items.
 */
function isSpacedMenuBar(line: string): boolean {
  const t = line.trim();
  const m = /^(?:Trang chủ|TRANG CHỦ|Home|HOME|Trang nhất)\s+(.+)$/u.exec(t);
  if (!m?.[1] || t.length > 160 || /[\d.,;:!?"“”]/u.test(t)) return false;
  const rest = wordsOf(m[1]);
  // Items of one or two words, each capitalised on its first: at least three, and two words in five.
  const capitals = rest.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitals >= 3 && capitals * 5 >= rest.length * 2;
}

/**
 * A breadcrumb without its home label, or a whole menu bar on one line (after the more specific
 * rules, so a font-size or login bar keeps its own name).
 */
export const menuTrailRule: LineRule = {
  name: 'menuTrailRule',
  test: (key) => isCrumbTrail(key) || isMenuBar(key),
};

/** Short labels only: a few words each, no figures (a meta line's "Lượt xem: 230" is not one). */
function shortLabels(parts: readonly string[], maxWords: number): boolean {
  return parts.every((p) => /\p{L}/u.test(p) && !/\d/u.test(p) && wordsOf(p).length <= maxWords);
}

/**
 * A breadcrumb without its home label: "Tin tức › Kinh tế - Xã hội", "Tin tức - Sự kiện » Tin hoạt động",
 * and "Tin tức - Sự kiện / Nông nghiệp" cut by spaced slashes when it starts at a top menu label (a
 * slashed byline, "NGỌC LAN / TTXVN", "Minh Hà / Báo Lào Cai", has the same shape otherwise).
 */
function isCrumbTrail(key: string): boolean {
  if (key.length > 120) return false;
  if (/[»›]|\s>\s/u.test(key)) {
    const parts = key.split(/\s*(?:[»›]|\s>\s)\s*/u).filter((p) => p !== '');
    return parts.length >= 2 && shortLabels(parts, 6);
  }
  const slashed = key.split(/\s\/\s/u).map((p) => p.trim());
  return slashed.length >= 2 && NAV_LABEL.test(slashed[0] ?? '') && shortLabels(slashed, 4);
}

/** A menu bar on one line: "Giới thiệu | Tin tức - Sự kiện | Chính quyền | Công dân | Liên hệ". */
function isMenuBar(key: string): boolean {
  if (key.length > 200 || !key.includes('|')) return false;
  const parts = key.split(/\s*\|\s*/u).filter((p) => p !== '');
  return parts.length >= 3 && shortLabels(parts, 4);
}

/**
 * Share / print / font-size toolbars: "Chia sẻ", "In bài viết", "Gửi email", "Gửi bài viết", "Cỡ chữ: A- A A+",
 * "Facebook Twitter Zalo", "Lưu bài", "Bản in", "Phóng to", "Thu nhỏ", "Nghe đọc bài".
 */
export const shareToolbarRule: LineRule = {
  name: 'shareToolbarRule',
  test: (key) =>
    /^(?:(?:chia sẻ|share|chia sẻ bài viết|in(?: bài(?: viết)?| trang)?|bản in|print|gửi(?: bài| tin| trang)?(?: qua| cho bạn)? (?:e-?mail|mail|thư)|gửi (?:bài viết|bài|tin)|gửi (?:cho )?bạn(?: bè)?|gửi cho bạn bè|email|e-mail|mail|chia sẻ lên (?:facebook|zalo|twitter)|lưu(?: bài(?: viết)?)?|save|cỡ chữ|font ?size|phóng to|thu nhỏ|a[-+]?|zalo|facebook|twitter|x|linkedin|pinterest|tweet|like|thích|copy link|sao chép(?: liên kết)?|nghe(?: đọc)?(?: bài(?: viết)?)?|đọc bài|lên đầu trang|về đầu trang|đầu trang|quay lại|trở về|trở lại|back|top)[\s|:/,.·•\-\]\[()]*)+$/u.test(
      key.replace(/^[\[(]\s*/u, ''),
    ),
};

/**
 * Heading of a list of other articles: "Tin liên quan", "Các tin khác", "Tin cùng chuyên mục",
 * "Đọc nhiều", "Xem nhiều nhất", "Tin mới", "Bài viết khác", "Related articles". The items under it
 * are removed by the text pipeline (`relatedListRule`).
 */
export const relatedListHeadingRule: LineRule = {
  name: 'relatedListHeadingRule',
  test: (key) =>
    /^(?:(?:các |những )?(?:tin|bài|bài viết|tin bài|tin tức)(?: đã đưa| đã đăng| liên quan| khác| cùng (?:chuyên mục|loại|danh mục)| mới(?: nhất| hơn| cập nhật)?| nổi bật| nóng| xem nhiều| đọc nhiều| tiêu điểm| trước| sau| đáng chú ý)+|đọc nhiều(?: nhất)?|xem nhiều(?: nhất)?|đọc thêm|xem thêm|tiêu điểm|nổi bật|có thể bạn quan tâm|bạn có thể quan tâm|related(?: articles| posts| news| stories)?|more(?: stories| news)?|read more|most (?:read|popular)|văn bản mới(?: nhất)?|liên kết(?: website| web)?|website liên kết)$/u.test(
      key,
    ),
};

/**
 * Comment form and comment counters: "Bình luận", "Ý kiến bạn đọc", "Gửi bình luận", "Họ và tên",
 * "Mã xác nhận", "Bình luận (0)", "Viết bình luận của bạn", "Gửi", "Nhập lại".
 */
export const commentFormRule: LineRule = {
  name: 'commentFormRule',
  test: (key) =>
    /^(?:(?:gửi |viết |xem )?(?:bình luận|ý kiến)(?: bạn đọc| của bạn| phản hồi)?(?:\s*\(\d+\))?|ý kiến bạn đọc|gửi ý kiến|họ (?:và )?tên|họ tên|địa chỉ email|email của bạn|nội dung|mã (?:xác nhận|bảo mật|kiểm tra)|nhập mã(?: xác nhận)?|gửi|gửi đi|nhập lại|làm lại|hủy|comments?(?:\s*\(\d+\))?|leave a (?:comment|reply)|post comment|submit|reply|trả lời|hủy trả lời|phản hồi|\d+ (?:bình luận|comments?)|(?:để lại|viết|gửi) (?:bình luận|ý kiến|phản hồi)(?: của bạn)?(?: hủy trả lời)?|tên|website|trang web)(?:\s*\*)?$/u.test(
      key,
    ),
};

/**
 * Notices around a comment form: "Email của bạn sẽ không được hiển thị công khai.", "Các trường bắt buộc
 * được đánh dấu *", "Lưu tên của tôi, email, và trang web trong trình duyệt này cho lần bình luận kế tiếp
 * của tôi.", "Bình luận của bạn sẽ được biên tập trước khi đăng.", "Vui lòng gõ tiếng Việt có dấu".
 */
export const commentNoticeRule: LineRule = {
  name: 'commentNoticeRule',
  test: (key) =>
    key.length <= 300 &&
    /^(?:email của bạn sẽ không|địa chỉ email của bạn sẽ không|các trường bắt buộc|lưu tên của tôi|bình luận của bạn sẽ|ý kiến của bạn sẽ|vui lòng (?:gõ|nhập|viết) (?:bằng )?tiếng việt|bạn (?:cần|phải) đăng nhập để|your email address will not|required fields are marked|save my name)/u.test(key),
};

/** Poll widget: "Thăm dò ý kiến", "Bình chọn", "Biểu quyết", "Xem kết quả", "Bạn quan tâm đến lĩnh vực nào?" is not caught. */
export const pollRule: LineRule = {
  name: 'pollRule',
  test: (key) => /^(?:thăm dò(?: ý kiến| dư luận)?|ý kiến thăm dò|khảo sát ý kiến|bình chọn|biểu quyết|xem kết quả|kết quả bình chọn|poll|vote|đánh giá(?: bài viết)?|[\d.,]+ \([\d.,]+ (?:bình chọn|lượt đánh giá|votes?)\))$/u.test(key),
};

/**
 * Portal footer: licence and editorial office lines. "Giấy phép số 123/GP-BTTTT ngày 12/3/2020",
 * "Cơ quan chủ quản: ...", "Chịu trách nhiệm nội dung: ...", "Chịu trách nhiệm: Ông ... - Chánh Văn phòng ...", "Tổng biên tập: ...", "Địa chỉ: ...",
 * "Điện thoại: 0209 3852 123", "© Bản quyền thuộc về Báo ...", "Ghi rõ nguồn khi phát hành lại thông tin",
 * and the same request with its polite opener, "Đề nghị / Vui lòng ghi rõ nguồn khi sử dụng lại tin, bài".
 * The label must open the line, so "theo giấy phép số ..." inside a sentence is kept.
 */
export const licenceFooterRule: LineRule = {
  name: 'licenceFooterRule',
  test: (key) => {
    if (key.length > 400) return false;
    if (/\/gp-(?:btttt|ttđt|bvhtt|stttt|cbc)(?![\p{L}\p{N}])/u.test(key)) return true;
    // Strong openers: a sentence never starts like this inside an article body.
    if (
      /^(?:©|\(c\) ?\d{4}|copyright|bản quyền (?:thuộc|©)|giấy phép (?:số|xuất bản|hoạt động|thiết lập)|cơ quan chủ quản|chịu trách nhiệm (?:xuất bản|nội dung|chính|quản lý)|chịu trách nhiệm\s*[:：]|người chịu trách nhiệm|all rights reserved|(?:(?:đề nghị|vui lòng|yêu cầu|xin|đề nghị các cơ quan,? tổ chức)\s+)?ghi rõ nguồn|designed by|powered by|thiết kế bởi|phát triển bởi|điều khoản sử dụng|chính sách bảo mật|terms of (?:use|service)|privacy policy|cấm sao chép|không được sao chép)/u.test(key)
    )
      return true;
    // Weak labels ("Địa chỉ", "Điện thoại", "Tổng biên tập") only as "label: value" lines.
    return (
      key.length <= 250 &&
      /^(?:tổng biên tập|phó tổng biên tập|trưởng ban biên tập|ban biên tập|tòa soạn|địa chỉ(?: liên hệ| tòa soạn)?|điện thoại|đt|tel|hotline|fax|email|e-mail|đường dây nóng|website|cơ quan (?:của|ngôn luận)[^:]{0,60})\s*[:：]/u.test(key)
    );
  },
};

/** View counters and share counts: "Lượt xem: 1.234", "1234 lượt xem", "Views: 12", "Số lần đọc: 7". */
export const viewCountRule: LineRule = {
  name: 'viewCountRule',
  test: (key) =>
    /^(?:(?:lượt xem|lượt đọc|(?:tổng )?số lượt (?:xem|đọc)|tổng lượt xem|số lần (?:xem|đọc)|views?|đã xem|lượt thích|lượt chia sẻ)\s*[:：]?\s*[\d.,]+|[\d.,]+\s*(?:lượt xem|lượt đọc|views?|lượt thích|lượt chia sẻ))$/u.test(
      key,
    ),
};

/** Tag lists: "Từ khóa: nông thôn mới, Bắc Quang", "Tags: ...", "Thẻ: ...". */
export const tagListRule: LineRule = {
  name: 'tagListRule',
  test: (key) => /^(?:từ khóa|từ khoá|tags?|thẻ|chủ đề|danh mục|chuyên mục|categories|category|lĩnh vực|nhóm tin)\s*[:：]/u.test(key) && key.length <= 300,
};

/**
 * Attachment and inline related links: "Tải về báo cáo đầy đủ (PDF)", "File đính kèm: ...",
 * "Xem thêm: Chuyển đổi nghề khai thác ven bờ ...", "Đọc thêm >> ...". Short lines only.
 */
export const attachmentOrInlineLinkRule: LineRule = {
  name: 'attachmentOrInlineLinkRule',
  test: (key) =>
    key.length <= 250 &&
    (/^(?:tải về|tải xuống|download|tệp đính kèm|file đính kèm|đính kèm|văn bản đính kèm)(?:\s|[:：]|$)/u.test(key) ||
      /^(?:xem thêm|đọc thêm|xem tiếp|tin liên quan|bài liên quan|mời xem|>>)\s*(?:[:：>»]+|>>)\s*\S/u.test(key)),
};

/**
 * Skip links that screen-reader menus print first: "Truy cập nội dung luôn", "Bỏ qua liên kết",
 * "Chuyển đến nội dung chính", "Đi tới nội dung", "Bỏ qua để đến nội dung", "Skip to main content", "Skip navigation".
 */
export const skipLinkRule: LineRule = {
  name: 'skipLinkRule',
  test: (key) =>
    /^(?:(?:truy cập|chuyển|đi|nhảy|đến|tới|chuyển đến|đi đến|đi tới|nhảy đến|nhảy tới|bỏ qua) (?:để )?(?:đến |tới )?(?:nội dung|phần nội dung|menu|liên kết|thanh điều hướng)(?: chính)?(?: luôn| ngay)?|skip (?:to )?(?:main )?(?:content|navigation|links?)|jump to (?:main )?content)$/u.test(
      key,
    ),
};

/**
 * Accessibility and display controls: "Giảm cỡ chữ", "Tăng cỡ chữ", "Cỡ chữ mặc định", "Kích thước chữ",
 * "Độ tương phản", "Chế độ tương phản cao", "Hỗ trợ người khuyết tật", "Trợ năng", "A- | A | A+", "Màu nền".
 */
export const accessibilityWidgetRule: LineRule = {
  name: 'accessibilityWidgetRule',
  test: (key) =>
    /^(?:(?:(?:giảm|tăng|đổi|chọn|xem với|xem)? ?(?:cỡ|kích thước|kích cỡ|font|phông) chữ(?: mặc định| nhỏ| lớn| to)?|mặc định|(?:chế độ |độ )?tương phản(?: cao| thường)?|chế độ (?:đọc|ban đêm|tối|sáng)|hỗ trợ người (?:khuyết tật|khiếm thị)|trợ năng|người khiếm thị|màu (?:nền|chữ)|high contrast|text size|accessibility|[aA][-+]{0,2}|\([-+]?\))(?:\s*[|:/,·•-]\s*|\s+|$))+$/u.test(
      key,
    ),
};

/**
 * "News of the day" pickers and date filters: "Tin tức trong ngày", "Xem tin theo ngày", "Chọn ngày",
 * "Tin theo ngày", "Xem theo ngày: 12/05/2023 Xem". The label must be the whole line (dates and a
 * "Xem" button allowed after it).
 */
export const dayPickerRule: LineRule = {
  name: 'dayPickerRule',
  test: (key) =>
    /^(?:(?:xem |tìm )?(?:tin(?: tức)?|bài(?: viết)?|tin bài) (?:trong ngày|theo ngày|hôm nay|ngày hôm nay)|(?:xem|tìm|lọc) (?:tin )?theo ngày|chọn ngày(?: xem)?|lịch (?:tin|đăng tin))(?:\s*[:：]?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})?\s*(?:xem|tìm|chọn)?)$/u.test(
      key,
    ),
};

/**
 * An image file name left by an `<img>` without alt text: "IMG_2034.jpg", "anh-hoi-nghi-1.png",
 * "z4412345678_9a8b.jpg (128 KB)". No spaces inside the name, or a camera/uploader prefix.
 */
export const imageFileNameRule: LineRule = {
  name: 'imageFileNameRule',
  test: (key) => /^[\p{L}\p{N}_.()+~-]{1,120}\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg|heic)(?:\s*\(\s*[\d.,]+\s*[km]?b\s*\))?$/u.test(key),
};

/**
 * Weather widget: "Thời tiết", "Thời tiết Hà Giang: 24°C, có mây", "Hà Giang 18°C - 25°C". A short line
 * (a sentence of an article about the weather is longer and has a verb the widget lacks).
 */
export const weatherWidgetRule: LineRule = {
  name: 'weatherWidgetRule',
  test: (key) =>
    key.length <= 70 &&
    (/^(?:thời tiết|dự báo thời tiết|weather)(?:\s*[:：]?\s*[\p{L} ]{0,30})?$/u.test(key) ||
      (/\d\s*°\s*c?(?![\p{L}])/u.test(key) && wordsOf(key).length <= 9 && !/[.!?]$/u.test(key))),
};

/**
 * Previous / next article links, the label often glued to the headline by the capture:
 * "Bài trướcHĐND huyện họp phiên thường kỳ", "Bài tiếp theo: Xã Yên Phú ra quân ...",
 * "« Tin trước", "Tin sau »". A sentence that starts "Bài trước đó, ..." is not taken: after the
 * label comes a capital with no space, a separator, or nothing.
 */
const PREV_NEXT_LABEL = String.raw`(?:bài|tin|bài viết) (?:trước|sau|tiếp(?: theo)?|kế tiếp|kế)`;
const PREV_NEXT_LINE = new RegExp(String.raw`^[«‹<\s]*${PREV_NEXT_LABEL}(?:\s*[»›>]*$|\s*[:：»›>|]+\s*\S|(?=\p{Lu}))`, 'u');
export const prevNextLinkRule: LineRule = {
  name: 'prevNextLinkRule',
  test: (key, line) => {
    if (line.length > 250) return false;
    const m = new RegExp(String.raw`^[«‹<\s]*${PREV_NEXT_LABEL}`, 'iu').exec(line);
    if (!m) return false;
    // The glued capital is read on the line as written (the key is lower case).
    return PREV_NEXT_LINE.test(line.slice(0, m[0].length).toLowerCase() + line.slice(m[0].length));
  },
};

/**
 * Chrome rules in the order they are tried. Dates, bylines, titles, duplicates and related-list
 * items need context and live in the text pipeline.
 */
export const CHROME_LINE_RULES: readonly LineRule[] = [
  lonePunctuationRule,
  strayLetterRule,
  visitorCounterRule,
  loginRule,
  navigationRule,
  shareToolbarRule,
  relatedListHeadingRule,
  commentFormRule,
  pollRule,
  licenceFooterRule,
  viewCountRule,
  tagListRule,
  commentNoticeRule,
  attachmentOrInlineLinkRule,
  skipLinkRule,
  accessibilityWidgetRule,
  dayPickerRule,
  imageFileNameRule,
  prevNextLinkRule,
  weatherWidgetRule,
  counterRowRule,
  menuTrailRule,
];

/** The first chrome rule that matches the line, or null. */
export function matchChromeRule(line: string, key: string = lineKey(line)): LineRule | null {
  for (const rule of CHROME_LINE_RULES) if (rule.test(key, line)) return rule;
  return toolbarLineRule.test(key, line) ? toolbarLineRule : null;
}

/**
 * A toolbar printed as one line, each part chrome on its own: "In bài | Gửi email | Số lượt xem: 487",
 * "Trang chủ | Liên hệ | Đăng nhập". Only short lines cut by "|", "·" or "•".
 */
export const toolbarLineRule: LineRule = {
  name: 'toolbarLineRule',
  test: (key) => {
    if (key.length > 200 || !/[|·•]/u.test(key)) return false;
    const parts = key.split(/\s*[|·•]\s*/u).filter((p) => p !== '');
    return parts.length >= 2 && parts.every((p) => CHROME_LINE_RULES.some((r) => r.test(p, p)) || isDateOnlyLine(p));
  },
};

// ---------------------------------------------------------------------------------------------
// Dates

/** Weekday names: "Thứ tư", "Thứ 4", "Chủ nhật", "T4", "CN", English names. */
const WEEKDAY = String.raw`(?:thứ (?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ nhật|t[2-7]|cn|(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)`;
/** Date forms: "18/05/2022", "18-5-2022", "25.2.2021", "2021-02", "2021-02-25", "ngày 7 tháng 11 năm 2022". */
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}(?:-\d{1,2})?(?:t\d{1,2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?|(?:ngày )?\d{1,2} tháng \d{1,2}(?:,? (?:năm )?\d{4})?|tháng (?:\d{1,2}|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?: một| hai)?) \d{1,2},? \d{4}|\d{1,2}/\d{4})`;
/**
 * Time forms: "18:23", "8h30", "08:30:15", "10:05 am", "[GMT+7]", "(GMT+07:00)", and the clock in
 * words, "14 giờ 10 phút" / "9 giờ" (hour and minute spelled with their units).
 */
const TIME = String.raw`(?:\d{1,2}[:hg]\d{2}(?::\d{2})?(?: ?(?:[ap]\.?m\.?|sa|ch)(?![\p{L}]))?|\d{1,2} ?giờ(?: ?\d{1,2} ?phút)?(?![\p{L}])|[[(]?gmt ?[+-] ?\d{1,2}(?::?\d{2})?[\])]?|\(?utc ?[+-]?\d{0,2}\)?)`;
/** Labels in front of a date: "Cập nhật:", "Ngày đăng:", "Đăng lúc", "date", "Posted on", a today widget's "Hôm nay:". */
const DATE_LABEL = String.raw`(?:hôm nay|cập nhật(?: lúc| ngày)?|ngày (?:đăng|cập nhật|xuất bản|ban hành)|đăng (?:lúc|ngày)|thời gian(?: đăng)?|xuất bản|published|updated|posted(?: on)?|date|ngày|lúc|vào lúc)`;
const SEP = String.raw`[\s,|:\-–—]*`;
const DATE_PIECE = `(?:${DATE_LABEL}|${WEEKDAY}|${DATE}|${TIME})`;

/** A line that is only a date widget: "Thứ tư, 18/05/2022", "Thứ Sáu, 13/03/2020, 18:23 [GMT+7]", "date 2021-02". */
const DATE_ONLY_LINE = new RegExp(`^${SEP}(?:${DATE_PIECE}${SEP}){1,8}$`, 'u');
const HAS_DATE = new RegExp(DATE, 'u');

/** True when the line holds a date and nothing else (weekday, time, "Cập nhật:" labels allowed). */
export function isDateOnlyLine(key: string): boolean {
  return key.length <= 120 && HAS_DATE.test(key) && DATE_ONLY_LINE.test(key);
}

/**
 * View and comment counts inside a meta line: "Lượt xem: 1.234", "Đã xem 50", "345 lượt xem",
 * "Bình luận (0)", "Số lần đọc: 7". Global, bounded pieces (no nested quantifiers).
 */
const META_COUNT = /(?:lượt xem|lượt đọc|số lượt (?:xem|đọc|truy cập)|số lần (?:xem|đọc)|lượt truy cập|đã xem|views?|bình luận|lượt thích|lượt chia sẻ)\s*[:：]?\s*\(?[\d.,]+\)?|[\d.,]+\s*(?:lượt xem|lượt đọc|views?|bình luận|lượt thích)/giu;

/** The writer's role labels of a byline ("Tin", "Bài viết", "Phóng sự ảnh"), each of which may add "ảnh", "bài", "video". */
const WRITER_ROLE = String.raw`tin|bài|tin bài|bài viết|phóng sự ảnh|phóng sự`;
const ROLE_SUFFIX = String.raw`(?:\s*(?:,|và|\/|-|&)\s*(?:ảnh|bài|video))*`;
/**
 * A reporter's credit in a meta line: "Bài, ảnh: Kim Thoa", "Tin: Minh Hà", "Bài và ảnh: …". Narrower
 * than {@link CREDIT_LINE}: a photo or video credit ("Ảnh: …") or a source ("Theo …") in a meta line
 * is not taken for the article's author.
 */
const CREDIT_BYLINE = new RegExp(String.raw`^(?:${WRITER_ROLE})${ROLE_SUFFIX}\s*[:：]\s*\p{L}`, 'u');

/** A clock time: "15:03", "8h30". */
const CLOCK = String.raw`(?:[01]?\d|2[0-3])\s*[:hg]\s*[0-5]\d`;
const BARE_CLOCK = new RegExp(String.raw`^\s*${CLOCK}\s*$`, 'u');
const ANY_CLOCK = new RegExp(String.raw`(?<!\d)${CLOCK}(?!\d)`, 'u');

/** True when the text is a clock time and nothing else ("15:20"). */
export function isBareClock(text: string): boolean {
  return BARE_CLOCK.test(text);
}

/** True when the text shows a clock time somewhere ("08/11/2024 15:20"). */
export function hasClock(text: string): boolean {
  return ANY_CLOCK.test(text);
}

/** A numeric day with its clock on either side, then the rest of the cell ("18:20 13/09/2025 Chính trị"). */
const LEAD_DAY = new RegExp(String.raw`^((?:${CLOCK}\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*,?\s*${CLOCK})?)\s*(\p{L}.*)$`, 'u');
/** A day, then its clock time in the next cell of a meta line ("27/02/2024 | 15:03"). */
const DATE_BAR_TIME = new RegExp(String.raw`(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*[|·•]\s*(${CLOCK})(?![\d/])`, 'gu');
/** A clock time, then its day in the next cell ("18:47 | 10/12/2025"). */
const TIME_BAR_DATE = new RegExp(String.raw`(?<![\d/])(${CLOCK})\s*[|·•]\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})`, 'gu');

/**
 * A meta line that joins the post time with counters: "23/12/2025 20:46 | Lượt xem: 120",
 * "Ngày đăng: 12/05/2023 - Lượt xem 230", "Cập nhật lúc 08:30, 12/05/2023 · 1.024 lượt xem".
 * Returns the date part (to be read as the post time), or null when the line holds anything else.
 * `isLinkLabel` (HTML): whether a short part is a link text of the page, i.e. the section's label
 * riding in the row ("14/10/2025 16:20 · Thời sự · Lượt xem: 1.204"); such a part is chrome.
 */
export function splitMetaLine(key: string, line: string = key, isLinkLabel?: (part: string) => boolean): { date: string; author?: string } | null {
  if (key.length > 160 || !HAS_DATE.test(key)) return null;
  // Read on the line as written so the date keeps its case ("Ngày đăng: ..."); the key is the fallback.
  for (const source of line === key ? [key] : [line, key]) {
    const { ok, chrome, dates, author } = readMetaParts(source, source === line, isLinkLabel);
    if (ok && chrome + (author === undefined ? 0 : 1) > 0 && dates.length > 0) return author === undefined ? { date: dates.join(' ') } : { date: dates.join(' '), author };
  }
  return null;
}

/**
 * An author field sharing its line with counters and no date: "Tác giả: Đỗ Thị Kim Liên | Lượt xem: 57".
 * Returns the name, or null when the line is anything else.
 */
export function splitAuthorCountLine(key: string, line: string): string | null {
  if (line.length > 160 || HAS_DATE.test(key)) return null;
  // The name and the chrome need two parts: a separator, or a counter cut out of the line. Most
  // lines of a capture have neither, and go no further.
  if (!/[|·•]/u.test(line) && line.search(META_COUNT) < 0) return null;
  const { ok, chrome, dates, author } = readMetaParts(line, true);
  return ok && chrome > 0 && dates.length === 0 && author ? author : null;
}

/**
 * The parts of a meta line: its dates, the author riding along (read only on the line as written,
 * `asWritten`), and how many counters and toolbar pieces were dropped (`chrome`); `ok` is false
 * when a part is none of these.
 */
function readMetaParts(source: string, asWritten: boolean, isLinkLabel?: (part: string) => boolean): { ok: boolean; chrome: number; dates: string[]; author?: string } {
  let chrome = 0;
  const rest = source
    .replace(META_COUNT, () => {
      chrome++;
      return ' | ';
    })
    // The day and the clock in two cells of the toolbar: "27/02/2024 | 15:03", "18:47 | 10/12/2025".
    .replace(DATE_BAR_TIME, '$1 $2')
    .replace(TIME_BAR_DATE, '$1 $2')
    // "18/11/2023 06:45 Cập nhật lần cuối: 21:40": two stamps in one row; the update is a cell of its own.
    .replace(UPDATE_CUT, ' | ');
  // The other parts of a toolbar: "In bài viết", "Chia sẻ", "Cỡ chữ" are dropped with the counts.
  const dates: string[] = [];
  const clocks: string[] = [];
  const updates: string[] = [];
  let author: string | undefined;
  let ok = true;
  for (const raw of rest.split(/\s*[|·•]\s*/u)) {
    const part = raw.replace(/^[\s,;:\-–—()[\]]+|[\s,;:\-–—()[\]]+$/gu, '');
    if (part === '') continue;
    const partKey = lineKey(part);
    const stamp = UPDATE_STAMP.test(part) ? part.replace(UPDATE_STAMP, '') : null;
    const counted = TRAILING_COUNT.test(part) ? part.replace(TRAILING_COUNT, '') : null;
    let lead: RegExpExecArray | null = null;
    if (isDateOnlyLine(partKey)) dates.push(part);
    // "Cập nhật lần cuối: 21:40": an update stamp; the post date only when the row has no other.
    else if (stamp !== null && (isDateOnlyLine(lineKey(stamp)) || BARE_CLOCK.test(stamp))) {
      updates.push(part);
      chrome++;
    }
    // "14:20 | Thứ Tư, 12/06/2024": the clock in a cell of its own, before or after its day.
    else if (BARE_CLOCK.test(part)) clocks.push(part);
    // "Thứ Tư, 12/06/2024 318": a count whose label was an icon, printed right after a full date.
    else if (counted !== null && isDateOnlyLine(lineKey(counted)) && /\d{4}/u.test(counted)) {
      dates.push(counted);
      chrome++;
    } else if (CHROME_LINE_RULES.some((r) => r.test(partKey, part))) chrome++;
    // Cells joined without a separator: "18:20 13/09/2025 Chính trị" (the time, then the section link).
    else if (isLinkLabel && (lead = LEAD_DAY.exec(part)) && isDateOnlyLine(lineKey(lead[1]!)) && isLinkLabel(lead[2]!)) {
      dates.push(lead[1]!);
      chrome++;
    }
    // A short label that is a link of the page (the section in "10/03/2024 14:25 · Thời sự · Lượt đọc: 2.046").
    else if (isLinkLabel && part.length <= 40 && isLinkLabel(part)) chrome++;
    else if (author === undefined && asWritten && CREDIT_BYLINE.test(lineKey(part))) {
      // "Bài, ảnh: Kim Thoa · Đăng lúc 16:10 ngày 22/11/2025": the credit line rides along, as written.
      author = part;
    } else if (author === undefined && asWritten && authorMetaName(part) !== null) {
      // "Đăng bởi: Minh Hà | 12/05/2023 08:30": the author's name rides along (a placeholder account is dropped).
      const name = authorMetaName(part);
      if (name) author = name;
      else chrome++;
    } else ok = false;
  }
  if (dates.length === 0 && updates.length > 0 && updates.some((u) => HAS_DATE.test(lineKey(u)))) {
    dates.push(...updates);
    chrome--;
  }
  if (clocks.length > 0) {
    if (dates.length === 0) ok = false;
    else dates[0] = `${clocks.join(' ')} ${dates[0]}`;
  }
  return author === undefined ? { ok, chrome, dates } : { ok, chrome, dates, author };
}

const UPDATE_CUT = /(?<=\S)(?<!ngày)\s+(?=(?:cập nhật|updated?)(?![\p{L}]))/giu;
const UPDATE_STAMP = /^(?:cập nhật|updated?|sửa lần cuối)(?:\s+lần cuối|\s+lúc|\s+ngày|\s+on|\s+at)?\s*[:：]?\s*/iu;
/** A bare number closing a date cell (a view count shown with an eye icon); never a year. */
const TRAILING_COUNT = /\s+(?!(?:19|20)\d\d(?!\d))\d[\d.,]*$/u;

/**
 * A piece of a visitor-counter block once its label line was recognised: a bare number ("46990"),
 * a label that waits for its number on the next line ("Tuần này:"), or a short "label: number"
 * pair ("Năm 2024: 12.345", "Tháng 5: 320"). Only read next to a recognised counter line.
 */
export function isCounterPiece(key: string, line: string): boolean {
  if (key.length > 40) return false;
  if (/^[\d][\d.,\s]*$/u.test(key)) return true;
  // lineKey drops the trailing colon: a label-only line is read on the line as written.
  if (/[:：]\s*$/u.test(line) && /^[\p{L}][\p{L}\p{N}]*(?: [\p{L}\p{N}]+){0,3}$/u.test(key)) return true;
  return /^[\p{L}][\p{L}\p{N}]*(?: [\p{L}\p{N}]+){0,3}\s*(?:[:：]\s*[\d.,\s]*|\s[\d][\d.,]*)$/u.test(key) && !/[.!?]\s*$/u.test(key);
}

/**
 * A date glued to the start of the first paragraph by the capture: "date 2021-02 BHG - Chiều 25.2, ...".
 * Only the explicit "date" label or a weekday + date form is taken, so a paragraph opening with
 * "25/2/2021, Hội đồng ..." keeps its own words.
 */
const INLINE_DATE_PREFIX = new RegExp(
  String.raw`^\s*((?:date\s+\d{4}(?:-\d{1,2}){0,2}(?:T[\d:]+(?:Z|[+-]\d{2}:?\d{2})?)?|(?:${WEEKDAY}),?\s+\d{1,2}/\d{1,2}/\d{4}(?:,?\s+\d{1,2}:\d{2})?))\s*[|–—-]?\s+(?=\S)`,
  'iu',
);

/** Split "date 2021-02 BHG - Chiều 25.2, ..." into the date prefix and the rest. */
export function splitInlineDatePrefix(line: string): { date: string; rest: string } | null {
  const m = INLINE_DATE_PREFIX.exec(line);
  if (!m || m[1] === undefined) return null;
  const rest = line.slice(m[0].length);
  if (wordsOf(rest).length < 3) return null;
  return { date: m[1].trim(), rest };
}

// ---------------------------------------------------------------------------------------------
// Bylines

/** Labels of an author field: "Được đăng bởi", "Viết bởi", "bởi", "Tác giả", "Bút danh" (pen name), "Người viết", "Posted by". */
const AUTHOR_LABEL = String.raw`(?:(?:được )?(?:đăng|viết|gửi) bởi|bởi|tác giả|bút danh|người (?:viết|đăng)|posted by|written by)`;
/**
 * Labels that name the authors only with their colon: an e-magazine's credit box "Thực hiện: A - B"
 * ("produced by"; without the colon "Thực hiện Kế hoạch số …" opens a sentence).
 */
const AUTHOR_COLON_LABEL = String.raw`(?:(?:người |nhóm )?thực hiện)`;
const AUTHOR_META_LINE = new RegExp(String.raw`^[\s•·»|-]*(?:${AUTHOR_LABEL}\s*[:：]?|${AUTHOR_COLON_LABEL}\s*[:：])\s*(.{2,60}?)\s*$`, 'iu');
/**
 * A CMS login, not a person: one token without capitals or spaces, carrying "_", a digit or only
 * ASCII letters ("qtv_ngabay", "bientap2", "admin"): names are written capitalised, with tone marks.
 */
export function isAccountName(name: string): boolean {
  return /^[\p{Ll}\d._-]+$/u.test(name) && /[_\d]|^[a-z.-]+$/u.test(name);
}

/** Placeholder accounts that CMSs print as the author: not a byline. */
const PLACEHOLDER_AUTHOR = /^(?:quản trị(?: viên)?|admin(?:istrator)?|super ?user|webmaster|ban biên tập|biên tập viên|editor|host)$/u;

/**
 * An author field of a CMS template ("Được đăng bởi Quản trị viên", "bởi Hà Linh", "Tác giả: Minh Anh"):
 * returns the name, `''` for a placeholder account, null when the line is not such a field.
 */
export function authorMetaName(line: string): string | null {
  const m = AUTHOR_META_LINE.exec(line);
  if (!m || m[1] === undefined) return null;
  const name = m[1].trim();
  return PLACEHOLDER_AUTHOR.test(normalizeForMatch(name)) || isAccountName(name) ? '' : name;
}

/**
 * Credit lines: "Tin, ảnh: Duy Tuấn", "Bài và ảnh: Minh Anh", "Tin/ảnh: ...", "Nhóm PV", "PV",
 * "Theo Báo Lạng Sơn", "Nguồn: baocaobang.vn", "Video: ...".
 */
const CREDIT_LINE =
  /^(?:(?:tin|bài|ảnh|video|clip|đồ họa|thực hiện|tin bài|bài viết|phóng sự ảnh|phóng sự|phóng viên)(?:\s*(?:,|và|\/|-|&)\s*(?:ảnh|bài|video|clip))*\s*[:：]\s*\S|nhóm (?:pv|phóng viên|ctv)|pv|ctv|theo\s+\S|nguồn\s*[:：]?\s*\S|by\s+\p{Lu})/u;

/** A byline with its role label, names after the colon: "Tin, ảnh: Kim Thoa", "Nhóm phóng viên: A, B, C". */
const LABELLED_BYLINE = new RegExp(
  String.raw`^(?:(?:${WRITER_ROLE}|thực hiện|bài và ảnh)${ROLE_SUFFIX}|nhóm (?:pv|phóng viên|ctv|tác giả)|phóng viên|người viết)\s*[:：]\s*\p{L}`,
  'u',
);

/** A short line that is a labelled byline ({@link LABELLED_BYLINE}) and reads as one. */
export function isLabelledByline(line: string): boolean {
  return line.length <= 120 && LABELLED_BYLINE.test(lineKey(line)) && isBylineLine(line);
}

/** A credit on a line of its own: "(Theo Báo Tin Tức)", "Theo VOV", "Nguồn: Văn phòng HĐND và UBND huyện". */
export function isCreditOnly(text: string): boolean {
  return /^\(?\s*(?:theo|nguồn)\s*[:：]?\s+[^()]{2,60}\)?\.?$/iu.test(text.trim());
}

/**
 * An office signing a government-portal article: "Phòng Văn hóa - Thông tin", "Trung tâm VH-TT huyện",
 * "Văn phòng HĐND và UBND huyện", "Ban Tuyên giáo Huyện ủy", and the communication team a commune
 * portal signs with ("Tổ Truyền thông xã", "Tổ Thông tin phường") — "tổ" only with such a word, so
 * "Tổ chức …" and "Tổ dân phố …" stay text.
 */
const ORG_CREDIT =
  /^(?:phòng|văn phòng|trung tâm|ban|đài|bbt|ttvh|tt vh|ttvh-tt|ubnd|hđnd|cục|chi cục|sở|công an|bộ chỉ huy|ban chỉ huy|liên đoàn lao động|huyện đoàn|tỉnh đoàn|thành đoàn|ủy ban mttq|mttq|đảng ủy|huyện ủy|tỉnh ủy|thành ủy|hội (?:nông dân|phụ nữ|cựu chiến binh|chữ thập đỏ|liên hiệp)|tổ (?:truyền thông|thông tin|tuyên truyền|biên tập))\s+\S/u;

/** "Bảo Bình (baocaobang.vn)", "Minh Hà (TTXVN)", "Quốc Việt (Báo Lạng Sơn)": a name and its source in brackets. */
const NAME_WITH_SOURCE = /^\p{Lu}[\p{L}.'’ -]{1,40}\s*\([^()]{2,40}\)$/u;

/**
 * One word of a personal name: "Lưu", "Y" (Ba Na and Xơ Đăng names have no surname), an initial
 * glued to the name ("P.Nguyên", "T.Hoàng"), initials only ("N.M", "K.T") or capitals ("TTXVN").
 */
const NAME_WORD = /^(?:\p{Lu}\.){0,3}\p{Lu}[\p{Ll}\p{M}]{0,9}\.?$|^\p{Lu}{1,3}\.?$/u;

/** Is every word of `s` capitalised (a personal name like "Đỗ Lưu", "Nguyễn Thanh", "P.Nguyên - T.Hoàng")? */
function isNameCase(s: string): boolean {
  const words = s.split(/[\s,–-]+/u).filter(Boolean);
  if (words.length < 1 || words.length > 7) return false;
  return words.every((w) => NAME_WORD.test(w));
}

/**
 * Words that open a caption or a place, never a byline's name: "Ông Cil Ha Thuận (Phó Chủ tịch ...)",
 * "Huyện Mường Khương - Trung tâm du lịch ...".
 */
const HONORIFIC = /^(?:ông|bà|anh|chị|em|cụ|đồng chí|đ\/c|thầy|cô|bác sĩ|già làng|huyện|xã|tỉnh|thành phố|thị xã|thị trấn|thôn|bản|làng|xóm)\s/u;

/**
 * Outlets and units a byline credits after its name: "Báo Trà Vinh", "TTXVN", "baocaobang.vn",
 * "Đài PT-TH huyện", "Cổng TTĐT tỉnh", plus the offices of {@link ORG_CREDIT}.
 */
const OUTLET = /^(?:báo|đài|tạp chí|truyền hình|cổng (?:ttđt|thông tin)|trang (?:ttđt|thông tin)|ttxvn|vov|vtv|vnews|qptv|ttđt)(?:\s|$)|^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:vn|com|net|org)$/u;

/**
 * A name followed by the unit or outlet it writes for, in brackets or after a dash:
 * "Minh Tâm (Trung tâm Văn hóa, Thể thao và Truyền thông huyện Tam Đường)", "Y Bình - Phòng Văn hóa
 * và Thông tin", "Lan Anh – Báo Điện Biên Phủ". The name part must be name-case (so a sentence with a
 * bracket is not taken), the unit an office or outlet (so "Lê Hằng - Văn Thành", two names, stays with
 * {@link isNameCase}). The name part excludes brackets and dashes, so the match is one bounded scan; the
 * unit may hold a hyphen inside a word ("TTVH-TT"), never a spaced dash.
 */
const NAME_AND_UNIT = /^([^()–—-]{2,40}?)\s*(?:\(([^()]{2,90})\)|[–—-]\s*([^()–—\s-](?:[^()–—-]|-(?=\S)){1,89}))$/u;
export function isNameWithUnit(line: string): boolean {
  const m = NAME_AND_UNIT.exec(line.trim());
  if (!m || m[1] === undefined) return false;
  const name = m[1].trim();
  if (HONORIFIC.test(normalizeForMatch(name)) || /\d/u.test(name) || wordsOf(name).length > 5 || !(isNameCase(name) || isCapsName(name))) return false;
  // "Châu Ngọc Thảo - Nguồn: Văn phòng HĐND và UBND phường": the unit may carry its credit label.
  const unit = (m[2] ?? m[3] ?? '').trim().replace(/^(?:nguồn(?:\s+tin)?|theo)\s*[:：]?\s+/iu, '');
  const unitKey = normalizeForMatch(unit);
  if (endsLikeSentence(unit) && !/\.(?:vn|com|net|org)$/u.test(unitKey)) return false;
  return ORG_CREDIT.test(unitKey) || OUTLET.test(unitKey) || isUnitAbbreviation(unit);
}

/** A name in capitals before its unit: "QUỐC SỰ", "LÊ THỊ HOA" (2–4 words, none an office word). */
function isCapsName(name: string): boolean {
  const words = name.trim().split(/\s+/u);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^\p{Lu}[\p{Lu}\p{M}]{0,6}$/u.test(w)) &&
    !ORG_CREDIT.test(normalizeForMatch(name)) &&
    !OUTLET.test(normalizeForMatch(name))
  );
}

/**
 * A unit or post written with its abbreviation, as government portals sign articles:
 * "TTVH-TT", "VP HĐND-UBND huyện", "Ủy viên UBKT Huyện ủy", "CTV Đài TT-TH", "BQL Dự án". An optional
 * post word, an abbreviation of 2–8 capitals (parts joined by "-", ".", "&" or "/"), then at most four
 * words that are capitalised or unit words ("huyện", "ủy"), so "HĐND huyện họp kỳ thứ bảy" (a
 * headline after a place name) is not a unit.
 */
const POST_WORD = /^(?:ủy viên|uỷ viên|cán bộ|chuyên viên|phóng viên|cộng tác viên|biên tập viên|ctv|pv|btv)\s+/iu;
const ABBREVIATION = /^\p{Lu}[\p{Lu}\p{N}]{1,7}(?:[-.&/]\p{Lu}[\p{Lu}\p{N}]{0,7}){0,3}$/u;
const UNIT_TAIL_WORD = /^(?:\p{Lu}[\p{L}\p{M}.-]*|huyện|tỉnh|xã|phường|thị|trấn|thành|phố|ủy|uỷ|và|-|–)$/u;
export function isUnitAbbreviation(unit: string): boolean {
  const words = unit.trim().replace(POST_WORD, '').split(/\s+/u).filter(Boolean);
  const [first, ...tail] = words;
  if (first === undefined || !ABBREVIATION.test(first) || tail.length > 4) return false;
  return tail.every((w) => UNIT_TAIL_WORD.test(w));
}

/**
 * A byline line: a credit ("Tin, ảnh: Duy Tuấn"), a name with its source ("Bảo Bình (baocaobang.vn)"),
 * a name in capitals ("TRÍ DŨNG") or in title case ("Đỗ Lưu", "Nguyễn Thanh"). No sentence punctuation,
 * at most ~60 characters.
 */
export function isBylineLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 2) return false;
  // A long credited unit ("Minh Tâm (Trung tâm Văn hóa, Thể thao và Truyền thông huyện ...)") is the
  // only byline form that runs past ~80 characters.
  if (t.length > 80) return t.length <= 140 && isNameWithUnit(t);
  if (/[!?;]|\.\s*$/u.test(t) && !/\)$/u.test(t)) {
    // "Theo TTXVN." ends with a dot; allow only for credit lines.
    if (!CREDIT_LINE.test(lineKey(t))) return false;
  }
  const key = lineKey(t);
  const author = authorMetaName(t);
  if (author !== null)
    return author !== '' && !/\d/u.test(author) && (isNameCase(author) || NAME_WITH_SOURCE.test(author) || isNameWithUnit(author) || author === author.toUpperCase());
  if (CREDIT_LINE.test(key)) {
    // "Theo Báo Tân Lĩnh" is a credit; "Theo báo cáo của UBND huyện, ..." is a sentence.
    if (/^(?:theo|nguồn)\s/u.test(key)) return !/[,;]/u.test(t) && wordsOf(t).length <= 6;
    return wordsOf(t).length <= 12;
  }
  if (ORG_CREDIT.test(key) && wordsOf(t).length <= 10 && !endsLikeSentence(t)) return true;
  if (/\d/u.test(t.replace(/\([^()]*\)/gu, ''))) return false;
  if (NAME_WITH_SOURCE.test(t) && !HONORIFIC.test(key)) return true;
  if (isNameWithUnit(t)) return true;
  const words = wordsOf(t);
  if (words.length < 2 || words.length > 6) return false;
  if (t === t.toUpperCase() && /\p{Lu}/u.test(t)) return true;
  return isNameCase(t);
}

// ---------------------------------------------------------------------------------------------
// Sentences and captions

/** Does the line end like a sentence (". ! ? …" possibly inside a closing quote or bracket)? */
export function endsLikeSentence(s: string): boolean {
  return /[.!?…:;]["'”’»)\]]*$/u.test(s.trim());
}

/** Rough sentence count: terminal punctuation followed by a space and an upper-case letter or digit. */
export function sentenceCount(s: string): number {
  const inner = s.match(/[.!?…]["'”’»)]*\s+(?=[\p{Lu}\d"“])/gu)?.length ?? 0;
  return inner + 1;
}

/**
 * Words that photo captions on provincial portals use: "phát biểu tại buổi làm việc",
 * "Quang cảnh hội nghị", "tham quan", "thăm và tặng quà", "trao bằng khen", "(Ảnh: ...)".
 */
const CAPTION_WORDS =
  /(?:phát biểu|báo cáo|quang cảnh|toàn cảnh|tham quan|thăm|tặng quà|trao|khảo sát|chụp ảnh|ảnh lưu niệm|các đại biểu|đại biểu dự|tại buổi|tại hội nghị|tại lễ|tham mưu|ảnh\s*[:：]|\(ảnh|ảnh minh họa|photo)/u;

/** Does the match key hold a photo-caption phrase ("phát biểu tại", "tặng quà", "(Ảnh: ...)")? */
export function hasCaptionWords(key: string): boolean {
  return CAPTION_WORDS.test(key);
}

/**
 * Sentence openers of running text, not of captions: "Theo đó, ...", "Trước đó, ...",
 * "Phát biểu tại buổi làm việc, ...", "Về nhiệm vụ ...", "Tuy nhiên, ...".
 */
const PARAGRAPH_OPENER =
  /^(?:theo|trước đó|sau đó|tại|phát biểu|về|sau khi|trong|với|để|nhằm|đối với|bên cạnh|cùng với|mặt khác|tuy nhiên|ngoài ra|đồng thời|kết luận|thực hiện|năm|hiện nay)[ ,]/u;

/**
 * A short single-sentence line that reads like a photo caption: no final dot ("Đồng chí ... tham
 * quan Bảo tàng ...") or a caption phrase ("... phát biểu tại buổi làm việc.", "Quang cảnh hội nghị.").
 */
export function isCaptionLike(line: string): boolean {
  const t = line.trim();
  if (t.length < 12 || t.length > 260) return false;
  if (sentenceCount(t) > 1) return false;
  const key = normalizeForMatch(t);
  if (PARAGRAPH_OPENER.test(key)) return false;
  if (!endsLikeSentence(t)) return true;
  return t.length <= 180 && CAPTION_WORDS.test(key);
}
