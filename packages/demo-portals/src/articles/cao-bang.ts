import type { ArticleSource } from '../types.ts';
import { fig, p } from './blocks.ts';

/**
 * Hand-written articles of the demo Cao Bằng newspaper: bylines "Name (baocaobang.vn)", captions that
 * repeat. Real province and districts, invented people, events and figures.
 */
export const CAO_BANG_ARTICLES: ArticleSource[] = [
  {
    key: 'cb-01',
    slug: 'pho-bi-thu-thuong-truc-tinh-uy-chu-tich-hdnd-tinh-nong-thanh-binh-lam-viec-tai-huyen-bao-lam',
    section: 'chinh-tri',
    title: 'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Nông Thanh Bình làm việc tại huyện Bảo Lâm',
    publishedAt: '2022-06-02T08:15:00+07:00',
    sapo:
      'Chiều 1/6, Đoàn công tác của tỉnh do đồng chí Nông Thanh Bình, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh làm trưởng đoàn làm việc với Ban Thường vụ Huyện ủy Bảo Lâm về tình hình thực hiện nhiệm vụ 5 tháng đầu năm 2022.',
    blocks: [
      fig('/uploads/2022/06/cb01-1.jpg', 'Lãnh đạo huyện Bảo Lâm báo cáo tại buổi làm việc.'),
      p('Báo cáo của huyện cho biết, thực hiện Chương trình phát triển kinh tế – xã hội vùng đồng bào dân tộc thiểu số và miền núi, 5 tháng đầu năm huyện giải ngân 21,46 tỷ đồng vốn đầu tư, đạt 38,2% kế hoạch. Đến nay, toàn huyện còn 4.870 hộ nghèo, chiếm 42,15%; đã hỗ trợ 310 hộ xóa nhà tạm, nhà dột nát.'),
      p('Thực hiện Đề án số 03-ĐA/TU ngày 18/5/2021 của Tỉnh ủy về phát triển chăn nuôi đại gia súc, tổng đàn trâu, bò của huyện đạt trên 23 nghìn con. Bí thư Huyện ủy Bảo Lâm Mạc Văn Sơn kiến nghị tỉnh sớm bố trí vốn đầu tư tuyến đường từ trung tâm huyện đi xã Đức Hạnh và quan tâm đào tạo cán bộ người dân tộc tại chỗ.'),
      fig('/uploads/2022/06/cb01-2.jpg', 'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Nông Thanh Bình phát biểu kết luận buổi làm việc.'),
      p('Phát biểu kết luận, đồng chí Nông Thanh Bình đề nghị huyện đánh giá đúng thực chất kết quả thực hiện các chương trình mục tiêu quốc gia; tập trung tháo gỡ vướng mắc trong giải ngân; thực hiện tốt công tác phân cấp, phân quyền gắn với trách nhiệm người đứng đầu; chú trọng bảo đảm quốc phòng – an ninh trên địa bàn.'),
    ],
    byline: 'Minh Thư (baocaobang.vn)',
    expected: {
      officials: [
        { name: 'Nông Thanh Bình', titles: ['Phó Bí thư Thường trực Tỉnh ủy', 'Chủ tịch HĐND tỉnh'] },
        { name: 'Mạc Văn Sơn', titles: ['Bí thư Huyện ủy Bảo Lâm'] },
      ],
      province: 'Cao Bằng',
      districts: ['Bảo Lâm'],
      authors: ['Minh Thư'],
      eventDate: '2022-06-01',
      documents: [{ kind: 'Đề án', number: '03-ĐA/TU', date: '2021-05-18' }],
      metrics: [
        { value: 21_460_000_000, unit: 'đồng' },
        { value: 38.2, unit: '%' },
        { value: 4870, unit: 'hộ' },
        { value: 42.15, unit: '%' },
        { value: 310, unit: 'hộ' },
      ],
    },
  },
  {
    key: 'cb-02',
    slug: 'trung-khanh-hat-de-duoc-mua-duoc-gia',
    section: 'kinh-te',
    title: 'Trùng Khánh: Hạt dẻ được mùa, được giá',
    publishedAt: '2022-10-15T10:30:00+07:00',
    sapo:
      'Sáng 14/10, tại thị trấn Trùng Khánh, UBND huyện Trùng Khánh tổ chức Ngày hội hạt dẻ lần thứ hai. Dự có đồng chí Lý Thị Quyên, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh.',
    blocks: [
      fig('/uploads/2022/10/cb02-1.jpg', 'Đại biểu tham quan gian hàng trưng bày sản phẩm hạt dẻ Trùng Khánh.'),
      p('Toàn huyện hiện có 610 ha dẻ, tập trung ở các xã Chí Viễn, Đình Phong, Phong Châu; năm 2022 sản lượng ước đạt 1.150 tấn, doanh thu khoảng 72,5 tỷ đồng. Hơn 2.300 hộ trồng dẻ có thu nhập ổn định; diện tích dẻ được chăm sóc theo quy trình kỹ thuật chiếm 71,3%.'),
      p('Chủ tịch UBND huyện Trùng Khánh Ngọc Văn Chung cho biết, thực hiện Nghị quyết số 08-NQ/HU ngày 30/9/2021 của Ban Chấp hành Đảng bộ huyện, huyện hỗ trợ người dân ghép cải tạo 85 ha dẻ già cỗi, xây dựng nhãn hiệu tập thể “Hạt dẻ Trùng Khánh”.'),
      p('Cửa hàng của chị Đàm Thị Hoa ở thị trấn Trùng Khánh mỗi ngày bán ra khoảng 2 tạ hạt dẻ rang, chủ yếu cho khách du lịch đến thăm thác Bản Giốc.'),
      p('Phát biểu tại ngày hội, Phó Chủ tịch UBND tỉnh Lý Thị Quyên đề nghị huyện quy hoạch vùng trồng dẻ tập trung, ứng dụng khoa học kỹ thuật để nâng cao năng suất, gắn phát triển cây dẻ với du lịch trải nghiệm.'),
    ],
    byline: 'Vân Anh (baocaobang.vn)',
    expected: {
      officials: [
        { name: 'Lý Thị Quyên', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Phó Chủ tịch UBND tỉnh'] },
        { name: 'Ngọc Văn Chung', titles: ['Chủ tịch UBND huyện Trùng Khánh'] },
      ],
      province: 'Cao Bằng',
      districts: ['Trùng Khánh'],
      authors: ['Vân Anh'],
      eventDate: '2022-10-14',
      documents: [{ kind: 'Nghị quyết', number: '08-NQ/HU', date: '2021-09-30' }],
      metrics: [
        { value: 610, unit: 'ha' },
        { value: 1150, unit: 'tấn' },
        { value: 72_500_000_000, unit: 'đồng' },
        { value: 2300, unit: 'hộ' },
        { value: 71.3, unit: '%' },
        { value: 85, unit: 'ha' },
      ],
    },
  },
  {
    key: 'cb-03',
    slug: 'chu-tich-ubnd-tinh-hoang-xuan-truong-kiem-tra-chuong-trinh-xoa-nha-tam-tai-nguyen-binh-thach-an',
    section: 'xa-hoi',
    title: 'Chủ tịch UBND tỉnh Hoàng Xuân Trường kiểm tra Chương trình xóa nhà tạm tại Nguyên Bình, Thạch An',
    publishedAt: '2023-05-30T09:00:00+07:00',
    sapo:
      'Ngày 29/5, đồng chí Hoàng Xuân Trường, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh kiểm tra tiến độ thực hiện Chương trình hỗ trợ xóa nhà tạm, nhà dột nát tại 2 huyện Nguyên Bình, Thạch An.',
    blocks: [
      fig('/uploads/2023/05/cb03-1.jpg', 'Quang cảnh buổi làm việc.'),
      p('Giai đoạn 2021 – 2025, hai huyện có 3.215 hộ được phê duyệt hỗ trợ; đến nay 1.046 hộ đã hoàn thành xây mới, sửa chữa nhà, tổng nguồn vốn giải ngân 24,8 tỷ đồng. Mỗi hộ làm nhà mới được hỗ trợ 40 triệu đồng, hộ sửa chữa nhà được hỗ trợ 20 triệu đồng.'),
      p('Giám đốc Sở Lao động – Thương binh và Xã hội Bế Thị Hường cho biết, khó khăn lớn nhất là nhiều hộ không có đất ở ổn định, vật liệu xây dựng phải vận chuyển xa nên chi phí tăng cao.'),
      fig('/uploads/2023/05/cb03-2.jpg', 'Quang cảnh buổi làm việc.'),
      p('Kết luận buổi kiểm tra, Chủ tịch UBND tỉnh Hoàng Xuân Trường yêu cầu các huyện huy động sự vào cuộc của cả hệ thống chính trị, phát huy tinh thần tự lực của đối tượng thụ hưởng; phấn đấu hoàn thành mục tiêu của chương trình trong năm 2025; kiên quyết không để xảy ra tiêu cực, trục lợi chính sách.'),
      p('Dịp này, đồng chí Chủ tịch UBND tỉnh đã đến thăm gia đình ông Sầm Văn Pắn ở xóm Lũng Kim, xã Minh Tâm (Nguyên Bình) đang hoàn thiện ngôi nhà mới.'),
    ],
    byline: 'Hoàng Yến (baocaobang.vn)',
    expected: {
      officials: [
        { name: 'Hoàng Xuân Trường', titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'] },
        { name: 'Bế Thị Hường', titles: ['Giám đốc Sở Lao động – Thương binh và Xã hội'] },
      ],
      province: 'Cao Bằng',
      districts: ['Nguyên Bình', 'Thạch An'],
      authors: ['Hoàng Yến'],
      eventDate: '2023-05-29',
      documents: [],
      metrics: [
        { value: 3215, unit: 'hộ' },
        { value: 1046, unit: 'hộ' },
        { value: 24_800_000_000, unit: 'đồng' },
        { value: 40_000_000, unit: 'đồng' },
        { value: 20_000_000, unit: 'đồng' },
      ],
    },
  },
  {
    key: 'cb-04',
    slug: 'so-ket-3-nam-thuc-hien-nghi-quyet-ve-phat-trien-du-lich',
    section: 'chinh-tri',
    title: 'Sơ kết 3 năm thực hiện Nghị quyết về phát triển du lịch',
    publishedAt: '2024-02-26T15:10:00+07:00',
    sapo:
      'Sáng 24/2, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết 3 năm thực hiện Nghị quyết số 05-NQ/TU ngày 22/4/2021 của Ban Chấp hành Đảng bộ tỉnh về phát triển du lịch giai đoạn 2021 – 2025, định hướng đến năm 2030.',
    blocks: [
      p('Đồng chí Lưu Đức Thắng, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH tỉnh chủ trì hội nghị. Dự hội nghị có đồng chí Lý Thị Quyên, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh.'),
      fig('/uploads/2024/02/cb04-1.jpg', 'Bí thư Tỉnh ủy Lưu Đức Thắng phát biểu kết luận hội nghị.'),
      p('Sau 3 năm, tổng thu từ du lịch đạt 1.480 tỷ đồng, tăng 23,6% so với giai đoạn trước. Các điểm đến thuộc Công viên địa chất toàn cầu UNESCO Non nước Cao Bằng tại các huyện Trùng Khánh, Hạ Lang, Quảng Hòa thu hút ngày càng đông du khách. Toàn tỉnh có 192 hộ kinh doanh homestay, nhiều hộ đạt tiêu chuẩn du lịch cộng đồng.'),
      p('Thực hiện Kết luận số 14-KL/TU của Ban Thường vụ Tỉnh ủy, các huyện đã chủ động kêu gọi đầu tư hạ tầng du lịch; tuy vậy, sản phẩm du lịch còn đơn điệu, chưa có nhiều dịch vụ giữ chân du khách lưu trú dài ngày.'),
      p('Kết luận hội nghị, Bí thư Tỉnh ủy Lưu Đức Thắng yêu cầu các cấp, các ngành xác định du lịch là ngành kinh tế mũi nhọn; tập trung nâng cao chất lượng dịch vụ, đào tạo nguồn nhân lực, đẩy mạnh liên kết vùng với các tỉnh Hà Giang, Lạng Sơn.'),
    ],
    byline: 'Bảo Khánh (baocaobang.vn)',
    expected: {
      officials: [
        { name: 'Lưu Đức Thắng', titles: ['Ủy viên BCH Trung ương Đảng', 'Bí thư Tỉnh ủy', 'Trưởng đoàn ĐBQH tỉnh'] },
        { name: 'Lý Thị Quyên', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Phó Chủ tịch UBND tỉnh'] },
      ],
      province: 'Cao Bằng',
      districts: ['Trùng Khánh', 'Hạ Lang', 'Quảng Hòa'],
      authors: ['Bảo Khánh'],
      eventDate: '2024-02-24',
      documents: [
        { kind: 'Nghị quyết', number: '05-NQ/TU', date: '2021-04-22' },
        { kind: 'Kết luận', number: '14-KL/TU', date: null },
      ],
      metrics: [
        { value: 1_480_000_000_000, unit: 'đồng' },
        { value: 23.6, unit: '%' },
        { value: 192, unit: 'hộ' },
      ],
    },
  },
  {
    key: 'cb-05',
    slug: 'bao-lac-khan-truong-khac-phuc-hau-qua-bao-so-3',
    section: 'xa-hoi',
    title: 'Bảo Lạc khẩn trương khắc phục hậu quả bão số 3',
    publishedAt: '2024-09-12T07:45:00+07:00',
    sapo:
      'Chiều 11/9, đồng chí Hoàng Xuân Trường, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh kiểm tra công tác khắc phục hậu quả mưa lũ do hoàn lưu bão số 3 tại huyện Bảo Lạc.',
    blocks: [
      fig('/uploads/2024/09/cb05-1.jpg', 'Chủ tịch UBND tỉnh Hoàng Xuân Trường kiểm tra điểm sạt lở trên Quốc lộ 34.'),
      p('Do ảnh hưởng của hoàn lưu bão số 3, từ ngày 8/9 đến ngày 10/9 trên địa bàn huyện có mưa to đến rất to. Mưa lũ làm 1.235 ha lúa, ngô bị ngập úng, nhiều đoạn đường bị sạt lở, chia cắt; thiệt hại ước tính 86,3 tỷ đồng. Huyện đã sơ tán 512 hộ ra khỏi khu vực nguy hiểm.'),
      p('Bí thư Huyện ủy Bảo Lạc Lục Văn Hưng cho biết, thực hiện Công điện số 12/CĐ-UBND ngày 6/9/2024 của UBND tỉnh, huyện đã thành lập các tổ xung kích tại xã, thị trấn, chủ động phương án “4 tại chỗ”; tiếp nhận 35 tấn gạo cứu trợ để cấp phát cho các hộ bị thiệt hại.'),
      p('Chủ tịch UBND tỉnh Hoàng Xuân Trường yêu cầu huyện ưu tiên bảo đảm an toàn tính mạng nhân dân, bố trí chỗ ở tạm cho các hộ mất nhà; huy động lực lượng, phương tiện thông tuyến Quốc lộ 34 trong thời gian sớm nhất. Tỉnh hỗ trợ khẩn cấp huyện Bảo Lạc 1,5 tỷ đồng và hỗ trợ huyện Bảo Lâm 1 tỷ đồng.'),
    ],
    byline: 'Thanh Tuấn (baocaobang.vn)',
    expected: {
      officials: [
        { name: 'Hoàng Xuân Trường', titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'] },
        { name: 'Lục Văn Hưng', titles: ['Bí thư Huyện ủy Bảo Lạc'] },
      ],
      province: 'Cao Bằng',
      districts: ['Bảo Lạc', 'Bảo Lâm'],
      authors: ['Thanh Tuấn'],
      eventDate: '2024-09-11',
      documents: [{ kind: 'Công điện', number: '12/CĐ-UBND', date: '2024-09-06' }],
      metrics: [
        { value: 1235, unit: 'ha' },
        { value: 86_300_000_000, unit: 'đồng' },
        { value: 512, unit: 'hộ' },
        { value: 35, unit: 'tấn' },
        { value: 1_500_000_000, unit: 'đồng' },
        { value: 1_000_000_000, unit: 'đồng' },
      ],
    },
  },
];
