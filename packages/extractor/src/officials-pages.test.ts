import { describe, expect, it } from 'vitest';
import { extractFromPage } from './extract-from-page.ts';

/**
 * Officials read through the whole pipeline (`extractFromPage`: cleaner, then extractor) on invented
 * pages in the style of provincial CMS article pages and district-portal text captures. Names,
 * places and sentences are made up.
 */
const officialsOf = (input: string, mode?: 'html' | 'text') =>
  extractFromPage(input, { url: 'https://baotinhmoi.example.vn/thoi-su/ky-hop-hdnd-123.html', ...(mode ? { mode } : {}) }).record.officials.map(
    ({ name, titles }) => ({ name, titles }),
  );

const CMS_PAGE = `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Kỳ họp thứ nhất HĐND huyện Nà Lừa khóa XX - Báo Tỉnh Mới điện tử</title>
<meta property="og:title" content="Kỳ họp thứ nhất HĐND huyện Nà Lừa khóa XX">
<meta property="article:published_time" content="2026-06-02T16:20:00+07:00">
</head><body>
<header class="site-header"><div class="logo"><a href="/">Báo Tỉnh Mới</a></div>
<nav class="main-menu"><ul><li><a href="/thoi-su">Thời sự</a></li><li><a href="/chinh-tri">Chính trị</a></li><li><a href="/kinh-te">Kinh tế</a></li><li><a href="/xa-hoi">Xã hội</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/thoi-su">Thời sự</a></div>
<main><article class="detail">
<h1 class="detail-title">Kỳ họp thứ nhất HĐND huyện Nà Lừa khóa XX</h1>
<div class="detail-meta"><span class="date">Thứ Ba, 02/06/2026 16:20</span></div>
<h2 class="detail-sapo">(BTM) - Sáng 2/6, HĐND huyện Nà Lừa khóa XX, nhiệm kỳ 2026 - 2031 tổ chức kỳ họp thứ nhất để bầu các chức danh lãnh đạo HĐND, UBND huyện.</h2>
<div class="detail-content">
<p>Dự kỳ họp có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: <strong>Hoàng Văn Thắm</strong>, Trưởng Ban Dân vận Tỉnh ủy; <strong>Lý Thị Mừng</strong>, Phó Chủ tịch UBND tỉnh; cùng các Đại biểu Quốc hội Nông Thị Hảo và Phùng Văn Chiến.</p>
<p>Mở đầu kỳ họp, các đại biểu dành một phút tưởng niệm Chủ tịch Hồ Chí Minh. Sinh thời, Thủ tướng Lê Văn Hưu nhiều lần về thăm vùng đất này.</p>
<p>Với số phiếu tín nhiệm cao, kỳ họp đã bầu đồng chí Triệu Văn Sính, Bí thư Huyện ủy, giữ chức Chủ tịch HĐND huyện; đồng chí Đàm Thị Nguyệt được bầu giữ chức Phó Chủ tịch HĐND huyện; ông Ma Văn Khởi tái đắc cử Chủ tịch UBND huyện.</p>
<figure class="image"><img src="/uploads/2026/06/ky-hop.jpg" alt="Đại biểu bỏ phiếu"><figcaption>Đồng chí Hoàng Văn Thắm, Ủy viên BTV Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy phát biểu tại kỳ họp.</figcaption></figure>
<p>Phát biểu tại kỳ họp, bà Lưu Thị Thoa, Phó Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh đề nghị huyện quan tâm thu ngân sách và quản lý đất đai. Ông Vũ Minh Tiến, Giám đốc Phòng khám đa khoa tư nhân Hồng Phúc, cũng đóng góp ý kiến về y tế cơ sở.</p>
<p>Kỳ họp cũng thông qua nghị quyết về kế hoạch đầu tư công trung hạn, dành 120 tỷ đồng cho hạ tầng giao thông nông thôn và trường học vùng cao của huyện.</p>
<p class="author"><strong>Minh Quân</strong></p>
</div>
<div class="tags">Từ khóa: <a href="/tag/hdnd">HĐND</a> <a href="/tag/bau-cu">bầu cử</a></div>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/thoi-su/a-1.html">Huyện Nà Lừa tổng kết công tác năm</a></li><li><a href="/thoi-su/a-2.html">Tỉnh đoàn ra quân tình nguyện hè</a></li></ul></aside>
</main>
<footer class="site-footer"><p>Cơ quan của Đảng bộ tỉnh - Tiếng nói của nhân dân</p><p>Tòa soạn: 12 đường Trần Hưng Đạo, phường Trung Tâm</p><p>© Báo Tỉnh Mới. Ghi rõ nguồn khi phát hành lại.</p></footer>
</body></html>`;

const PORTAL_CAPTURE = `CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN KHAU MƯỜNG
Trang chủ   Giới thiệu   Tin tức - Sự kiện   Văn bản   Liên hệ
Thống kê truy cập
Trực tuyến: 12
Hôm nay: 348
Tổng: 1.204.551

Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 12
Ngày đăng: 14/03/2026

Sáng 14/3, BCH Đảng bộ huyện Khau Mường tổ chức hội nghị lần thứ 12 đánh giá kết quả lãnh đạo quý I, triển khai nhiệm vụ quý II năm 2026. đ/c Lường Văn Piếng TUV, BT huyện uỷ, CT HĐND huyện chủ trì hội nghị.

Dự hội nghị có đ/c Cầm Thị Ón PBT TT huyện uỷ; đ/c Quàng Văn Dũng UV BTV huyện uỷ, PCT TT UBND huyện; Đ/c Hà Văn Lún - UV BCH Đảng bộ huyện - CT. UB MTTQ huyện cùng các đồng chí trong BCH Đảng bộ huyện.

Các đồng chí: Lò Văn Pẩn, Trưởng Ban Tổ chức Huyện ủy; Tòng Thị Hoa, Chủ nhiệm Ủy ban Kiểm tra Huyện ủy báo cáo các nội dung trình hội nghị.

Hội nghị thống nhất tập trung chỉ đạo sản xuất vụ chiêm xuân, phấn đấu gieo cấy 1.850 ha lúa, trồng mới 320 ha rừng.

Tin: Văn Hùng - TTVH
Bài viết khác
Huyện Khau Mường ra quân làm đường giao thông nông thôn
Bản quyền thuộc UBND huyện Khau Mường`;

describe('officials through extractFromPage', () => {
  it('reads officials on a provincial CMS article page: lists, elections, captions, traps', () => {
    expect(officialsOf(CMS_PAGE)).toEqual([
      { name: 'Hoàng Văn Thắm', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Trưởng Ban Dân vận Tỉnh ủy'] },
      { name: 'Lý Thị Mừng', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Phó Chủ tịch UBND tỉnh'] },
      { name: 'Nông Thị Hảo', titles: ['Đại biểu Quốc hội'] },
      { name: 'Phùng Văn Chiến', titles: ['Đại biểu Quốc hội'] },
      { name: 'Triệu Văn Sính', titles: ['Bí thư Huyện ủy', 'Chủ tịch HĐND huyện'] },
      { name: 'Đàm Thị Nguyệt', titles: ['Phó Chủ tịch HĐND huyện'] },
      { name: 'Ma Văn Khởi', titles: ['Chủ tịch UBND huyện'] },
      { name: 'Lưu Thị Thoa', titles: ['Phó Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh'] },
    ]);
  });

  it('reads abbreviated officials on a district-portal text capture', () => {
    expect(officialsOf(PORTAL_CAPTURE, 'text')).toEqual([
      { name: 'Lường Văn Piếng', titles: ['Tỉnh ủy viên', 'Bí thư Huyện uỷ', 'Chủ tịch HĐND huyện'] },
      { name: 'Cầm Thị Ón', titles: ['Phó Bí thư Thường trực Huyện uỷ'] },
      { name: 'Quàng Văn Dũng', titles: ['Ủy viên BTV Huyện uỷ', 'Phó Chủ tịch Thường trực UBND huyện'] },
      { name: 'Hà Văn Lún', titles: ['Ủy viên BCH Đảng bộ huyện', 'Chủ tịch UB MTTQ huyện'] },
      { name: 'Lò Văn Pẩn', titles: ['Trưởng Ban Tổ chức Huyện ủy'] },
      { name: 'Tòng Thị Hoa', titles: ['Chủ nhiệm Ủy ban Kiểm tra Huyện ủy'] },
    ]);
  });
});
