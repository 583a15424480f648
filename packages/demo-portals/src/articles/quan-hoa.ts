import type { ArticleSource } from '../types.ts';
import { fig, p } from './blocks.ts';

/**
 * Hand-written articles of the demo Quan Hóa district portal (Thanh Hóa): "đ/c" abbreviations,
 * dates written "ngày 14/2/2022". Real province and districts, invented people, events and figures.
 */
export const QUAN_HOA_ARTICLES: ArticleSource[] = [
  {
    key: 'qh-01',
    slug: 'hoi-nghi-ban-thuong-vu-huyen-uy-mo-rong-trien-khai-nhiem-vu-trong-tam-nam-2022',
    section: 'chinh-tri',
    title: 'Hội nghị Ban Thường vụ Huyện ủy mở rộng triển khai nhiệm vụ trọng tâm năm 2022',
    publishedAt: '2022-02-15T16:02:00+07:00',
    sapo:
      'Sáng ngày 14/2/2022, Ban Thường vụ Huyện ủy Quan Hóa tổ chức hội nghị mở rộng triển khai các nhiệm vụ trọng tâm năm 2022 và kế hoạch thực hiện các chương trình mục tiêu quốc gia trên địa bàn huyện. Đ/c Hà Văn Thắm, Tỉnh ủy viên, Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị.',
    blocks: [
      p('Theo Kế hoạch số 45-KH/HU ngày 10/1/2022 của Ban Thường vụ Huyện ủy, năm 2022 huyện phấn đấu giảm 420 hộ nghèo, đưa tỷ lệ hộ nghèo xuống còn 9,6%; trồng mới 1.150 ha rừng sản xuất; xây dựng xã Phú Nghiêm đạt chuẩn nông thôn mới nâng cao và 5 bản đạt chuẩn nông thôn mới kiểu mẫu.'),
      fig('/Portals/0/Images/2022/qh01-1.jpg', 'Đ/c Hà Văn Thắm, Bí thư Huyện ủy phát biểu tại hội nghị'),
      p('Tại hội nghị, đ/c Lò Văn Điệp, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện quán triệt các giải pháp thực hiện kế hoạch vốn năm 2022 với tổng nguồn vốn được giao trên 96,3 tỷ đồng; yêu cầu các xã hoàn thành giải ngân vốn sự nghiệp trước ngày 30/11/2022.'),
      p('Phát biểu kết luận, đ/c Bí thư Huyện ủy đề nghị các thành viên Ban Chỉ đạo bám sát cơ sở, kịp thời tháo gỡ khó khăn; các cơ quan, đơn vị phát huy tinh thần trách nhiệm, bảo đảm hoàn thành thắng lợi các chỉ tiêu năm 2022./.'),
    ],
    byline: 'Lương Thị Xuân',
    expected: {
      officials: [
        { name: 'Hà Văn Thắm', titles: ['Tỉnh ủy viên', 'Bí thư Huyện ủy', 'Chủ tịch HĐND huyện'] },
        { name: 'Lò Văn Điệp', titles: ['Phó Bí thư Huyện ủy', 'Chủ tịch UBND huyện'] },
      ],
      province: 'Thanh Hóa',
      districts: ['Quan Hóa'],
      authors: ['Lương Thị Xuân'],
      eventDate: '2022-02-14',
      documents: [{ kind: 'Kế hoạch', number: '45-KH/HU', date: '2022-01-10' }],
      metrics: [
        { value: 420, unit: 'hộ' },
        { value: 9.6, unit: '%' },
        { value: 1150, unit: 'ha' },
        { value: 96_300_000_000, unit: 'đồng' },
      ],
    },
  },
  {
    key: 'qh-02',
    slug: 'nghiem-thu-mo-hinh-lua-chat-luong-cao-tai-xa-phu-le',
    section: 'kinh-te',
    title: 'Nghiệm thu mô hình lúa chất lượng cao tại xã Phú Lệ',
    publishedAt: '2022-09-20T15:30:00+07:00',
    sapo:
      'Ngày 19/9, UBND huyện Quan Hóa tổ chức hội nghị đầu bờ nghiệm thu mô hình sản xuất lúa chất lượng cao vụ mùa năm 2022 tại xã Phú Lệ.',
    blocks: [
      p('Mô hình được triển khai theo Quyết định số 1187/QĐ-UBND ngày 25/4/2022 của UBND huyện trên diện tích 25 ha, có 42 hộ tham gia. Qua đánh giá, lúa sinh trưởng tốt, ít sâu bệnh, sản lượng ước đạt 155 tấn; sau khi trừ chi phí, các hộ lãi khoảng 320 triệu đồng, cao hơn 18,5% so với giống lúa cũ.'),
      fig('/Portals/0/Images/2022/qh02-1.jpg', 'Đại biểu thăm quan ruộng lúa mô hình tại bản Hang, xã Phú Lệ'),
      p('Dự hội nghị, đ/c Lò Văn Điệp, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện đánh giá cao hiệu quả của mô hình; đề nghị Phòng Nông nghiệp và Phát triển nông thôn huyện tổng kết, nhân rộng ra các xã Phú Sơn, Phú Thanh, Thanh Xuân trong vụ chiêm xuân tới.'),
      p('Ông Hà Văn Lả ở bản Hang, xã Phú Lệ cho biết: gia đình cấy 0,6 ha theo mô hình, thu được gần 4 tấn thóc, cao hơn hẳn những năm trước.'),
    ],
    byline: 'Hà Linh',
    expected: {
      officials: [{ name: 'Lò Văn Điệp', titles: ['Phó Bí thư Huyện ủy', 'Chủ tịch UBND huyện'] }],
      province: 'Thanh Hóa',
      districts: ['Quan Hóa'],
      authors: ['Hà Linh'],
      eventDate: '2022-09-19',
      documents: [{ kind: 'Quyết định', number: '1187/QĐ-UBND', date: '2022-04-25' }],
      metrics: [
        { value: 25, unit: 'ha' },
        { value: 42, unit: 'hộ' },
        { value: 155, unit: 'tấn' },
        { value: 320_000_000, unit: 'đồng' },
        { value: 18.5, unit: '%' },
        { value: 0.6, unit: 'ha' },
        { value: 4, unit: 'tấn' },
      ],
    },
  },
  {
    key: 'qh-03',
    slug: 'ky-niem-73-nam-ngay-thanh-lap-dang-bo-huyen-quan-hoa',
    section: 'chinh-tri',
    title: 'Kỷ niệm 73 năm Ngày thành lập Đảng bộ huyện Quan Hóa',
    publishedAt: '2023-03-29T08:30:00+07:00',
    sapo:
      'Tối 28/3, Huyện ủy, HĐND, UBND, Ủy ban MTTQ huyện Quan Hóa tổ chức lễ kỷ niệm 73 năm Ngày thành lập Đảng bộ huyện (28/3/1950 – 28/3/2023).',
    blocks: [
      p('Dự buổi lễ có đ/c Lê Thanh Tùng, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy; lãnh đạo các huyện Quan Sơn, Mường Lát; các đồng chí nguyên lãnh đạo huyện qua các thời kỳ.'),
      fig('/Portals/0/Images/2023/qh03-1.jpg', 'Đ/c Hà Văn Thắm, Tỉnh ủy viên, Bí thư Huyện ủy, Chủ tịch HĐND huyện đọc diễn văn kỷ niệm'),
      p('Ôn lại truyền thống, đ/c Hà Văn Thắm, Tỉnh ủy viên, Bí thư Huyện ủy, Chủ tịch HĐND huyện nhấn mạnh: trải qua 73 năm, Đảng bộ huyện không ngừng lớn mạnh, từ một chi bộ với 5 đảng viên đến nay có 58 tổ chức cơ sở đảng với 3.420 đảng viên. Năm 2022, thu nhập bình quân đầu người của huyện đạt 32,5 triệu đồng; tỷ lệ hộ nghèo giảm còn 7,85%; toàn huyện có 4 xã đạt chuẩn nông thôn mới.'),
      p('Phát biểu tại buổi lễ, đ/c Lê Thanh Tùng đề nghị Đảng bộ huyện phát huy truyền thống, tiếp tục đổi mới phương thức lãnh đạo, làm tốt công tác dân vận, củng cố khối đại đoàn kết các dân tộc; khai thác tiềm năng du lịch sinh thái, phát triển kinh tế rừng gắn với bảo vệ môi trường.'),
      p('Nhân dịp này, Ban Thường vụ Huyện ủy trao Huy hiệu 50 năm tuổi Đảng cho 6 đảng viên và tặng 20 suất quà cho học sinh nghèo vượt khó Trường THCS Lê Quý Đôn.'),
    ],
    byline: 'Phạm Thúy',
    expected: {
      officials: [
        { name: 'Lê Thanh Tùng', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Trưởng Ban Dân vận Tỉnh ủy'] },
        { name: 'Hà Văn Thắm', titles: ['Tỉnh ủy viên', 'Bí thư Huyện ủy', 'Chủ tịch HĐND huyện'] },
      ],
      province: 'Thanh Hóa',
      districts: ['Quan Hóa', 'Quan Sơn', 'Mường Lát'],
      authors: ['Phạm Thúy'],
      eventDate: '2023-03-28',
      documents: [],
      metrics: [
        { value: 32_500_000, unit: 'đồng' },
        { value: 7.85, unit: '%' },
      ],
    },
  },
  {
    key: 'qh-04',
    slug: 'quan-hoa-ket-noi-tieu-thu-san-pham-ocop',
    section: 'kinh-te',
    title: 'Quan Hóa kết nối tiêu thụ sản phẩm OCOP',
    publishedAt: '2023-11-08T14:20:00+07:00',
    sapo:
      'Ngày 7/11, UBND huyện Quan Hóa tổ chức hội nghị kết nối, xúc tiến tiêu thụ sản phẩm OCOP và nông sản đặc trưng của huyện năm 2023. Đ/c Phạm Thị Nga, Huyện ủy viên, Phó Chủ tịch UBND huyện chủ trì hội nghị.',
    blocks: [
      p('Thực hiện Nghị quyết số 12-NQ/HU ngày 15/3/2021 của Ban Chấp hành Đảng bộ huyện về phát triển sản phẩm chủ lực, đến nay toàn huyện có 14 sản phẩm đạt chuẩn OCOP từ 3 sao trở lên. Vùng nguyên liệu măng, chè dây, mật ong được duy trì trên 340 ha; năm 2023 sản lượng măng khô ước đạt 62 tấn, doanh thu từ các sản phẩm OCOP khoảng 8,4 tỷ đồng.'),
      fig('/Portals/0/Images/2023/qh04-1.jpg', 'Các đại biểu tham quan gian hàng sản phẩm OCOP của huyện Quan Hóa'),
      p('Chị Lò Thị Mến, thành viên Hợp tác xã dịch vụ nông nghiệp Thành Sơn, cho biết: sản phẩm măng đắng sấy khô của hợp tác xã đã vào được hệ thống siêu thị trong và ngoài tỉnh, giúp 35 hộ thành viên có việc làm ổn định.'),
      p('Phát biểu tại hội nghị, đ/c Phạm Thị Nga đề nghị các chủ thể OCOP quan tâm chất lượng, bao bì, truy xuất nguồn gốc; tích cực đưa sản phẩm lên các sàn thương mại điện tử; UBND các xã Nam Xuân, Trung Sơn, Hiền Kiệt xây dựng thêm sản phẩm mới gắn với du lịch cộng đồng.'),
    ],
    byline: 'Lương Thị Xuân',
    expected: {
      officials: [{ name: 'Phạm Thị Nga', titles: ['Huyện ủy viên', 'Phó Chủ tịch UBND huyện'] }],
      province: 'Thanh Hóa',
      districts: ['Quan Hóa'],
      authors: ['Lương Thị Xuân'],
      eventDate: '2023-11-07',
      documents: [{ kind: 'Nghị quyết', number: '12-NQ/HU', date: '2021-03-15' }],
      metrics: [
        { value: 340, unit: 'ha' },
        { value: 62, unit: 'tấn' },
        { value: 8_400_000_000, unit: 'đồng' },
        { value: 35, unit: 'hộ' },
      ],
    },
  },
  {
    key: 'qh-05',
    slug: 'to-dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-huyen-quan-hoa',
    section: 'chinh-tri',
    title: 'Tổ đại biểu HĐND tỉnh tiếp xúc cử tri huyện Quan Hóa',
    publishedAt: '2024-07-03T10:15:00+07:00',
    sapo:
      'Chiều 2/7, Tổ đại biểu HĐND tỉnh ứng cử tại huyện Quan Hóa tiếp xúc cử tri các xã Nam Xuân, Nam Tiến, Nam Động trước kỳ họp thứ 21 HĐND tỉnh khóa XVIII.',
    blocks: [
      p('Tham gia tổ đại biểu có đ/c Trịnh Thị Lan, Phó Trưởng Ban Văn hóa – Xã hội HĐND tỉnh; đ/c Lò Văn Điệp, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện.'),
      fig('/Portals/0/Images/2024/qh05-1.jpg', 'Cử tri xã Nam Xuân nêu kiến nghị tại buổi tiếp xúc'),
      p('Tại buổi tiếp xúc, cử tri Hà Văn Nhung ở bản Khó, xã Nam Xuân đề nghị tỉnh sớm đầu tư nâng cấp tuyến đường từ trung tâm xã đi bản Khó; cử tri Vi Thị Hòa ở xã Nam Tiến kiến nghị hỗ trợ các gia đình có nhà ở vùng nguy cơ sạt lở được di dời đến nơi an toàn.'),
      p('Trả lời cử tri, đ/c Lò Văn Điệp cho biết, tuyến đường vào bản Khó đã được bố trí 18,5 tỷ đồng từ nguồn vốn Chương trình mục tiêu quốc gia phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi, dự kiến khởi công trong quý IV/2024. Năm 2024, huyện đã lập danh sách 96 hộ cần di dời khẩn cấp theo Nghị quyết số 86/2023/NQ-HĐND của HĐND tỉnh.'),
      p('Đ/c Trịnh Thị Lan tiếp thu các ý kiến, kiến nghị của cử tri và cam kết tổng hợp đầy đủ, gửi các cơ quan chức năng xem xét, giải quyết theo thẩm quyền.'),
    ],
    byline: 'Phạm Thúy',
    expected: {
      officials: [
        { name: 'Trịnh Thị Lan', titles: ['Phó Trưởng Ban Văn hóa – Xã hội HĐND tỉnh'] },
        { name: 'Lò Văn Điệp', titles: ['Phó Bí thư Huyện ủy', 'Chủ tịch UBND huyện'] },
      ],
      province: 'Thanh Hóa',
      districts: ['Quan Hóa'],
      authors: ['Phạm Thúy'],
      eventDate: '2024-07-02',
      documents: [{ kind: 'Nghị quyết', number: '86/2023/NQ-HĐND', date: null }],
      metrics: [
        { value: 18_500_000_000, unit: 'đồng' },
        { value: 96, unit: 'hộ' },
      ],
    },
  },
];
