import type { ArticleSource } from '../types.ts';
import { fig, p } from './blocks.ts';

/**
 * Hand-written articles of the demo Lạng Sơn newspaper: dateline "(LSO) –", bylines in capitals.
 * Real province and districts, invented people, events and figures.
 */
export const LANG_SON_ARTICLES: ArticleSource[] = [
  {
    key: 'ls-01',
    slug: 'bi-thu-tinh-uy-phung-quoc-bao-lam-viec-tai-huyen-binh-gia',
    section: 'chinh-tri',
    title: 'Bí thư Tỉnh ủy Phùng Quốc Bảo làm việc tại huyện Bình Gia',
    publishedAt: '2022-07-21T19:30:00+07:00',
    sapo:
      '(LSO) – Hôm nay (21/7), Đoàn công tác của Thường trực Tỉnh ủy do đồng chí Phùng Quốc Bảo, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy làm trưởng đoàn đã kiểm tra thực tế và làm việc với Ban Thường vụ Huyện ủy Bình Gia.',
    blocks: [
      fig('/uploads/2022/07/ls01-1.jpg', 'Đồng chí Phùng Quốc Bảo, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy phát biểu tại buổi làm việc với Huyện ủy Bình Gia'),
      p('Theo báo cáo của Huyện ủy Bình Gia, 6 tháng đầu năm 2022, toàn huyện gieo trồng vụ xuân được 4.380 ha, đạt 98,6% kế hoạch; sản lượng lương thực có hạt ước đạt 12,3 nghìn tấn. Thu ngân sách trên địa bàn đạt 16,2 tỷ đồng, bằng 61,4% dự toán. Huyện tập trung triển khai Nghị quyết số 37-NQ/TU ngày 16/3/2021 của Ban Thường vụ Tỉnh ủy về phát triển vùng trồng hồi, quế, đến nay đã trồng mới 520 ha quế.'),
      p('Đồng chí Hứa Văn Tùng, Bí thư Huyện ủy Bình Gia kiến nghị tỉnh quan tâm bố trí vốn nâng cấp tuyến đường tỉnh 226 và hỗ trợ 312 hộ đồng bào đang sống ở vùng có nguy cơ sạt lở được sắp xếp lại chỗ ở.'),
      fig('/uploads/2022/07/ls01-2.jpg', 'Đồng chí Bí thư Tỉnh ủy thăm hỏi gia đình ông Hoàng Văn Lập, thôn Nà Pàn, xã Hoàng Văn Thụ'),
      p('Phát biểu tại buổi làm việc, đồng chí Bí thư Tỉnh ủy biểu dương những nỗ lực của Đảng bộ, chính quyền và nhân dân huyện Bình Gia. Đồng chí đề nghị huyện bám sát các chỉ tiêu nghị quyết đại hội, tập trung phát triển kinh tế lâm nghiệp, nhân rộng các mô hình sản xuất hiệu quả; chú trọng công tác xây dựng Đảng, nhất là củng cố tổ chức cơ sở đảng ở thôn, bản.'),
      p('Trước đó, đoàn công tác đã dâng hương tại Đền thờ liệt sỹ huyện Bình Gia và thăm, tặng quà gia đình ông Hoàng Văn Lập ở thôn Nà Pàn, xã Hoàng Văn Thụ.'),
    ],
    byline: 'THANH HUYỀN',
    expected: {
      officials: [
        { name: 'Phùng Quốc Bảo', titles: ['Ủy viên Trung ương Đảng', 'Bí thư Tỉnh ủy'] },
        { name: 'Hứa Văn Tùng', titles: ['Bí thư Huyện ủy Bình Gia'] },
      ],
      province: 'Lạng Sơn',
      districts: ['Bình Gia'],
      authors: ['Thanh Huyền'],
      eventDate: '2022-07-21',
      documents: [{ kind: 'Nghị quyết', number: '37-NQ/TU', date: '2021-03-16' }],
      metrics: [
        { value: 4380, unit: 'ha' },
        { value: 98.6, unit: '%' },
        { value: 12300, unit: 'tấn' },
        { value: 16_200_000_000, unit: 'đồng' },
        { value: 61.4, unit: '%' },
        { value: 520, unit: 'ha' },
        { value: 312, unit: 'hộ' },
      ],
    },
  },
  {
    key: 'ls-02',
    slug: 'hoat-dong-xuat-nhap-khau-qua-cac-cua-khau-phuc-hoi-manh',
    section: 'kinh-te',
    title: 'Hoạt động xuất nhập khẩu qua các cửa khẩu phục hồi mạnh',
    publishedAt: '2022-12-09T11:00:00+07:00',
    sapo:
      '(LSO) – Sáng 8/12, UBND tỉnh tổ chức hội nghị đánh giá tình hình hoạt động xuất nhập khẩu qua các cửa khẩu trên địa bàn tỉnh năm 2022. Đồng chí Vi Thị Hồng Nhung, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh chủ trì hội nghị.',
    blocks: [
      fig('/uploads/2022/12/ls02-1.jpg', 'Quang cảnh hội nghị'),
      p('Theo báo cáo của Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn, 11 tháng năm 2022, hoạt động thông quan hàng hóa qua các cửa khẩu Hữu Nghị (huyện Cao Lộc), Tân Thanh (huyện Văn Lãng), Chi Ma (huyện Lộc Bình) dần ổn định sau thời gian bị ách tắc. Thu ngân sách từ hoạt động xuất nhập khẩu đạt 5.120 tỷ đồng, bằng 92,7% dự toán; bình quân mỗi ngày có khoảng 1.800 tấn nông sản được xuất khẩu.'),
      p('Trưởng Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn Chu Văn Lượng cho biết, việc triển khai Quyết định số 1250/QĐ-UBND ngày 12/7/2022 của UBND tỉnh về thí điểm cửa khẩu số đã giúp rút ngắn thời gian làm thủ tục của mỗi phương tiện xuống còn khoảng 30 phút.'),
      p('Kết luận hội nghị, Phó Chủ tịch UBND tỉnh Vi Thị Hồng Nhung yêu cầu các lực lượng chức năng tại cửa khẩu phối hợp chặt chẽ, bảo đảm thông quan thông suốt trong dịp cao điểm cuối năm; các huyện Cao Lộc, Văn Lãng, Lộc Bình chuẩn bị phương án bố trí bãi chờ, không để xe chở nông sản ùn ứ kéo dài.'),
    ],
    byline: 'MINH CHÂU',
    expected: {
      officials: [
        { name: 'Vi Thị Hồng Nhung', titles: ['Tỉnh ủy viên', 'Phó Chủ tịch UBND tỉnh'] },
        { name: 'Chu Văn Lượng', titles: ['Trưởng Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng – Lạng Sơn'] },
      ],
      province: 'Lạng Sơn',
      districts: ['Cao Lộc', 'Văn Lãng', 'Lộc Bình'],
      authors: ['Minh Châu'],
      eventDate: '2022-12-08',
      documents: [{ kind: 'Quyết định', number: '1250/QĐ-UBND', date: '2022-07-12' }],
      metrics: [
        { value: 5_120_000_000_000, unit: 'đồng' },
        { value: 92.7, unit: '%' },
        { value: 1800, unit: 'tấn' },
      ],
    },
  },
  {
    key: 'ls-03',
    slug: 'trao-150-suat-hoc-bong-cho-hoc-sinh-vuot-kho-huyen-van-quan',
    section: 'xa-hoi',
    title: 'Trao 150 suất học bổng cho học sinh vượt khó huyện Văn Quan',
    publishedAt: '2023-05-18T06:40:00+07:00',
    sapo:
      '(LSO) – Chiều 17/5, tại Trường THPT Lương Văn Tri, huyện Văn Quan, Ban Tuyên giáo Tỉnh ủy phối hợp với Hội Khuyến học tỉnh tổ chức lễ trao học bổng cho học sinh có hoàn cảnh khó khăn vươn lên trong học tập.',
    blocks: [
      p('Dự buổi lễ có đồng chí Hoàng Thị Kim Oanh, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tuyên giáo Tỉnh ủy; đồng chí Lộc Văn Thiện, Phó Chủ tịch UBND huyện Văn Quan.'),
      fig('/uploads/2023/05/ls03-1.jpg', 'Trưởng Ban Tuyên giáo Tỉnh ủy Hoàng Thị Kim Oanh trao học bổng cho học sinh'),
      p('Tại buổi lễ, 150 suất học bổng với tổng trị giá 300 triệu đồng đã được trao cho học sinh các trường trên địa bàn huyện, mỗi suất 2 triệu đồng. Các em nhận học bổng đều là con em của 86 hộ nghèo, hộ cận nghèo, có kết quả học tập từ khá trở lên. Năm học 2022 – 2023, tỷ lệ học sinh đi học chuyên cần của huyện đạt 97,8%.'),
      p('Phát biểu tại buổi lễ, đồng chí Hoàng Thị Kim Oanh mong muốn các em tiếp tục nỗ lực, vượt qua khó khăn để học tập tốt, trở thành người có ích cho quê hương.'),
      p('Em Hoàng Thị Thảo, học sinh lớp 11A2 Trường THPT Lương Văn Tri, chia sẻ: “Bố em mất sớm, mẹ làm nương một mình nuôi ba chị em. Suất học bổng giúp em có thêm sách vở và tiền ăn ở bán trú”.'),
    ],
    byline: 'NGỌC ÁNH',
    expected: {
      officials: [
        { name: 'Hoàng Thị Kim Oanh', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Trưởng Ban Tuyên giáo Tỉnh ủy'] },
        { name: 'Lộc Văn Thiện', titles: ['Phó Chủ tịch UBND huyện Văn Quan'] },
      ],
      province: 'Lạng Sơn',
      districts: ['Văn Quan'],
      authors: ['Ngọc Ánh'],
      eventDate: '2023-05-17',
      documents: [],
      metrics: [
        { value: 300_000_000, unit: 'đồng' },
        { value: 2_000_000, unit: 'đồng' },
        { value: 86, unit: 'hộ' },
        { value: 97.8, unit: '%' },
      ],
    },
  },
  {
    key: 'ls-04',
    slug: 'ky-hop-chuyen-de-hdnd-tinh-thong-qua-9-nghi-quyet',
    section: 'chinh-tri',
    title: 'Kỳ họp chuyên đề HĐND tỉnh thông qua 9 nghị quyết',
    publishedAt: '2023-10-25T17:20:00+07:00',
    sapo:
      '(LSO) – Sáng 25/10, HĐND tỉnh khóa XVII, nhiệm kỳ 2021 – 2026 tổ chức kỳ họp thứ mười ba (kỳ họp chuyên đề). Đồng chí Lăng Văn Khoa, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì kỳ họp.',
    blocks: [
      p('Dự kỳ họp có đồng chí Mông Đức Thịnh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy, lãnh đạo các sở, ban, ngành của tỉnh.'),
      fig('/uploads/2023/10/ls04-1.jpg', 'Đồng chí Lăng Văn Khoa, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh phát biểu khai mạc kỳ họp'),
      p('Tại kỳ họp, các đại biểu đã thảo luận và biểu quyết thông qua 9 nghị quyết. Trong đó, Nghị quyết số 18/2023/NQ-HĐND điều chỉnh kế hoạch đầu tư công trung hạn giai đoạn 2021 – 2025, phân bổ 1.126,5 tỷ đồng vốn ngân sách địa phương; nghị quyết sửa đổi, bổ sung Nghị quyết số 03/2022/NQ-HĐND ngày 19/7/2022 của HĐND tỉnh về chính sách hỗ trợ phát triển sản xuất nông nghiệp hàng hóa.'),
      p('Theo đó, tỉnh sẽ hỗ trợ 2 huyện Chi Lăng, Hữu Lũng xây dựng 420 ha vùng trồng na, cây ăn quả đạt tiêu chuẩn VietGAP; dự kiến có khoảng 1.600 hộ được hưởng lợi.'),
      p('Phát biểu bế mạc, Chủ tịch HĐND tỉnh Lăng Văn Khoa đề nghị UBND tỉnh, các sở, ngành khẩn trương ban hành văn bản hướng dẫn, đưa các nghị quyết sớm đi vào cuộc sống; Thường trực HĐND, các ban HĐND tỉnh tăng cường giám sát việc thực hiện.'),
    ],
    byline: 'HOÀNG HẢI – MAI LAN',
    expected: {
      officials: [
        { name: 'Lăng Văn Khoa', titles: ['Phó Bí thư Thường trực Tỉnh ủy', 'Chủ tịch HĐND tỉnh'] },
        { name: 'Mông Đức Thịnh', titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'] },
      ],
      province: 'Lạng Sơn',
      districts: ['Chi Lăng', 'Hữu Lũng'],
      authors: ['Hoàng Hải', 'Mai Lan'],
      eventDate: '2023-10-25',
      documents: [
        { kind: 'Nghị quyết', number: '18/2023/NQ-HĐND', date: null },
        { kind: 'Nghị quyết', number: '03/2022/NQ-HĐND', date: '2022-07-19' },
      ],
      metrics: [
        { value: 1_126_500_000_000, unit: 'đồng' },
        { value: 420, unit: 'ha' },
        { value: 1600, unit: 'hộ' },
      ],
    },
  },
  {
    key: 'ls-05',
    slug: 'trang-dinh-day-nhanh-tien-do-trong-rung-nam-2024',
    section: 'kinh-te',
    title: 'Tràng Định đẩy nhanh tiến độ trồng rừng năm 2024',
    publishedAt: '2024-04-10T09:45:00+07:00',
    sapo:
      '(LSO) – Ngày 8/4, đoàn công tác do đồng chí Triệu Đức Chiến, Giám đốc Sở Nông nghiệp và Phát triển nông thôn làm trưởng đoàn đã kiểm tra tiến độ trồng rừng tại huyện Tràng Định.',
    blocks: [
      fig('/uploads/2024/04/ls05-1.jpg', 'Đoàn công tác kiểm tra mô hình trồng hồi tại xã Đào Viên'),
      p('Năm 2024, huyện Tràng Định được giao kế hoạch trồng 3.000 ha rừng. Đến đầu tháng 4, toàn huyện đã trồng được 1.380 ha, đạt 46% kế hoạch; chủ yếu là các loài keo, thông, hồi. Sản lượng hồi khô năm 2023 của huyện đạt 4,6 nghìn tấn, giá trị khoảng 420 tỷ đồng.'),
      p('Phó Chủ tịch UBND huyện Tràng Định Nông Thị Vân cho biết, huyện đã ký hợp đồng bao tiêu sản phẩm cho 540 hộ trồng hồi với 2 doanh nghiệp chế biến tinh dầu. Thực hiện Kế hoạch số 52/KH-UBND ngày 5/3/2024 của UBND tỉnh, huyện tổ chức cấp phát 1,2 triệu cây giống cho người dân.'),
      p('Giám đốc Sở Nông nghiệp và Phát triển nông thôn Triệu Đức Chiến đề nghị huyện tranh thủ thời tiết thuận lợi để trồng rừng, bảo đảm chất lượng cây giống; tăng cường phòng cháy, chữa cháy rừng trong mùa khô; hướng dẫn người dân trồng hồi theo tiêu chuẩn hữu cơ để nâng cao giá trị.'),
    ],
    byline: 'VĂN ĐẠT',
    expected: {
      officials: [
        { name: 'Triệu Đức Chiến', titles: ['Giám đốc Sở Nông nghiệp và Phát triển nông thôn'] },
        { name: 'Nông Thị Vân', titles: ['Phó Chủ tịch UBND huyện Tràng Định'] },
      ],
      province: 'Lạng Sơn',
      districts: ['Tràng Định'],
      authors: ['Văn Đạt'],
      eventDate: '2024-04-08',
      documents: [{ kind: 'Kế hoạch', number: '52/KH-UBND', date: '2024-03-05' }],
      metrics: [
        { value: 3000, unit: 'ha' },
        { value: 1380, unit: 'ha' },
        { value: 46, unit: '%' },
        { value: 4600, unit: 'tấn' },
        { value: 420_000_000_000, unit: 'đồng' },
        { value: 540, unit: 'hộ' },
      ],
    },
  },
];
