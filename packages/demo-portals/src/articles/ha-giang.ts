import type { ArticleSource } from '../types.ts';
import { fig, p } from './blocks.ts';

/**
 * Hand-written articles of the demo Hà Giang newspaper. Real province and districts, invented people,
 * events and figures. Each `expected` block is the ground truth of the text above it.
 */
export const HA_GIANG_ARTICLES: ArticleSource[] = [
  {
    key: 'hg-01',
    slug: 'bi-thu-tinh-uy-hoang-minh-tuan-lam-viec-tai-huyen-hoang-su-phi',
    section: 'chinh-tri',
    title: 'Bí thư Tỉnh ủy Hoàng Minh Tuấn làm việc tại huyện Hoàng Su Phì',
    publishedAt: '2022-11-21T17:45:00+07:00',
    sapo:
      'BHG - Chiều 21/11, đồng chí Hoàng Minh Tuấn, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy đã có buổi làm việc với Ban Thường vụ Huyện ủy Hoàng Su Phì về kết quả thực hiện nhiệm vụ phát triển kinh tế – xã hội 10 tháng năm 2022. Cùng dự có đồng chí Triệu Quang Vinh, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy; lãnh đạo một số sở, ngành của tỉnh.',
    blocks: [
      fig('/uploads/2022/11/hg01-1.jpg', 'Bí thư Tỉnh ủy Hoàng Minh Tuấn phát biểu tại buổi làm việc.'),
      p('Báo cáo tại buổi làm việc, đồng chí Lù Văn Chính, Bí thư Huyện ủy Hoàng Su Phì cho biết: 10 tháng năm 2022, toàn huyện gieo trồng được 9.840 ha cây lương thực, đạt 101,2% kế hoạch; tổng sản lượng lương thực ước đạt 31,6 nghìn tấn. Diện tích chè Shan tuyết được chăm sóc, cải tạo đạt 1.120 ha, nhiều hợp tác xã đã có sản phẩm chè đạt chứng nhận OCOP 4 sao. Thu ngân sách trên địa bàn ước đạt 18,7 tỷ đồng, bằng 84,3% dự toán tỉnh giao.'),
      p('Thực hiện Nghị quyết số 209/NQ-HĐND ngày 9/12/2020 của HĐND tỉnh, huyện đã hỗ trợ làm nhà ở cho 215 hộ nghèo, hộ có hoàn cảnh khó khăn; tỷ lệ hộ nghèo giảm còn 38,4%. Đến nay, huyện có 4/25 xã đạt chuẩn nông thôn mới; công tác xây dựng Đảng, xây dựng hệ thống chính trị được quan tâm, quốc phòng – an ninh được giữ vững.'),
      fig('/uploads/2022/11/hg01-2.jpg', 'Bí thư Huyện ủy Hoàng Su Phì Lù Văn Chính báo cáo kết quả thực hiện nhiệm vụ.'),
      p('Tại buổi làm việc, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Triệu Quang Vinh đề nghị huyện tăng cường công tác kiểm tra, giám sát việc sử dụng nguồn vốn các chương trình mục tiêu quốc gia, không để xảy ra thất thoát, lãng phí.'),
      p('Phát biểu kết luận, Bí thư Tỉnh ủy Hoàng Minh Tuấn ghi nhận, biểu dương những kết quả huyện Hoàng Su Phì đạt được trong điều kiện địa hình chia cắt, thời tiết diễn biến phức tạp. Đồng chí yêu cầu huyện tập trung chỉ đạo thu hoạch vụ mùa, chuẩn bị tốt kế hoạch sản xuất vụ đông; phát triển vùng chè Shan tuyết gắn với chế biến sâu và du lịch ruộng bậc thang; đẩy nhanh tiến độ giải ngân vốn đầu tư công; chăm lo đời sống nhân dân trong mùa giá rét.'),
      p('Trước đó, đoàn công tác đã thăm cơ sở chế biến chè của gia đình ông Hoàng Văn Sềnh ở thôn Tả Chải, xã Thông Nguyên và tặng quà học sinh bán trú Trường THCS Lê Văn Tám.'),
    ],
    byline: 'Tin, ảnh: Minh Hải',
    expected: {
      officials: [
        { name: 'Hoàng Minh Tuấn', titles: ['Ủy viên BCH Trung ương Đảng', 'Bí thư Tỉnh ủy'] },
        { name: 'Triệu Quang Vinh', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy'] },
        { name: 'Lù Văn Chính', titles: ['Bí thư Huyện ủy Hoàng Su Phì'] },
      ],
      province: 'Hà Giang',
      districts: ['Hoàng Su Phì'],
      authors: ['Minh Hải'],
      eventDate: '2022-11-21',
      documents: [{ kind: 'Nghị quyết', number: '209/NQ-HĐND', date: '2020-12-09' }],
      metrics: [
        { value: 9840, unit: 'ha' },
        { value: 101.2, unit: '%' },
        { value: 31600, unit: 'tấn' },
        { value: 1120, unit: 'ha' },
        { value: 18_700_000_000, unit: 'đồng' },
        { value: 84.3, unit: '%' },
        { value: 215, unit: 'hộ' },
        { value: 38.4, unit: '%' },
      ],
    },
  },
  {
    key: 'hg-02',
    slug: 'so-ket-2-nam-thuc-hien-nghi-quyet-ve-phat-trien-cay-cam-sanh',
    section: 'kinh-te',
    title: 'Sơ kết 2 năm thực hiện Nghị quyết về phát triển cây cam sành',
    publishedAt: '2023-03-14T08:20:00+07:00',
    sapo:
      'BHG - Sáng 13/3, UBND tỉnh tổ chức hội nghị sơ kết 2 năm thực hiện Nghị quyết số 12-NQ/TU ngày 3/8/2021 của Ban Thường vụ Tỉnh ủy về phát triển bền vững cây cam sành giai đoạn 2021 – 2025. Đồng chí Lò Thị Hiền, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh chủ trì hội nghị.',
    blocks: [
      fig('/uploads/2023/03/hg02-1.jpg', 'Phó Chủ tịch UBND tỉnh Lò Thị Hiền phát biểu chỉ đạo hội nghị.'),
      p('Sau 2 năm triển khai, diện tích cam toàn tỉnh đạt 7.820 ha, trong đó 5.960 ha đã cho thu hoạch; sản lượng niên vụ 2022 – 2023 ước đạt 64,5 nghìn tấn, giá trị trên 580 tỷ đồng. Huyện Bắc Quang là vùng trọng điểm, chiếm 62,8% diện tích; các huyện Quang Bình, Vị Xuyên tập trung cải tạo những vườn cam già cỗi, năng suất thấp.'),
      p('Giám đốc Sở Nông nghiệp và Phát triển nông thôn Đặng Văn Khoa cho biết, toàn tỉnh đã có 1.250 hộ tham gia chuỗi liên kết tiêu thụ cam với doanh nghiệp và hợp tác xã; 410 ha cam được cấp mã số vùng trồng. Tuy nhiên, tình trạng cam bị vàng lá, thối rễ vẫn diễn biến phức tạp, giá bán vào chính vụ giảm mạnh.'),
      p('Nhiều hộ đã vươn lên khá giả nhờ cây cam. Gia đình anh Vàng Văn Dũng ở thôn Khuổi Hốc, xã Tân Thành (Bắc Quang) chăm sóc 3,5 ha cam theo quy trình VietGAP, mỗi năm thu về trên 400 triệu đồng.'),
      fig('/uploads/2023/03/hg02-2.jpg', 'Sản phẩm cam sành được trưng bày bên lề hội nghị.'),
      p('Kết luận hội nghị, Phó Chủ tịch UBND tỉnh Lò Thị Hiền yêu cầu các địa phương không mở rộng diện tích tràn lan, tập trung thâm canh, cải tạo vườn cam hiện có; đẩy mạnh xây dựng thương hiệu cam sành Hà Giang, mở rộng thị trường tiêu thụ; các sở, ngành rà soát, tham mưu điều chỉnh cơ chế hỗ trợ theo Nghị quyết số 12-NQ/TU cho phù hợp với thực tế.'),
    ],
    byline: 'BÀI, ẢNH: Thu Phương',
    expected: {
      officials: [
        { name: 'Lò Thị Hiền', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Phó Chủ tịch UBND tỉnh'] },
        { name: 'Đặng Văn Khoa', titles: ['Giám đốc Sở Nông nghiệp và Phát triển nông thôn'] },
      ],
      province: 'Hà Giang',
      districts: ['Bắc Quang', 'Quang Bình', 'Vị Xuyên'],
      authors: ['Thu Phương'],
      eventDate: '2023-03-13',
      documents: [{ kind: 'Nghị quyết', number: '12-NQ/TU', date: '2021-08-03' }],
      metrics: [
        { value: 7820, unit: 'ha' },
        { value: 5960, unit: 'ha' },
        { value: 64500, unit: 'tấn' },
        { value: 580_000_000_000, unit: 'đồng' },
        { value: 62.8, unit: '%' },
        { value: 1250, unit: 'hộ' },
        { value: 410, unit: 'ha' },
        { value: 3.5, unit: 'ha' },
        { value: 400_000_000, unit: 'đồng' },
      ],
    },
  },
  {
    key: 'hg-03',
    slug: 'chu-tich-ubnd-tinh-kiem-tra-khac-phuc-hau-qua-mua-lu-tai-xin-man',
    section: 'xa-hoi',
    title: 'Chủ tịch UBND tỉnh kiểm tra khắc phục hậu quả mưa lũ tại Xín Mần',
    publishedAt: '2023-09-06T07:10:00+07:00',
    sapo:
      'BHG - Ngày 5/9, đồng chí Nông Văn Thạch, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh cùng lãnh đạo các sở, ngành đã đi kiểm tra công tác khắc phục hậu quả mưa lũ tại huyện Xín Mần.',
    blocks: [
      fig('/uploads/2023/09/hg03-1.jpg', 'Chủ tịch UBND tỉnh Nông Văn Thạch kiểm tra điểm sạt lở tại xã Nà Chì.'),
      p('Từ đêm 2/9 đến sáng 4/9, trên địa bàn huyện Xín Mần xảy ra mưa lớn kéo dài gây lũ quét, sạt lở đất. Mưa lũ đã làm 214 ngôi nhà bị hư hỏng, hơn 360 ha lúa, ngô bị ngập úng, vùi lấp; nhiều tuyến đường liên xã bị chia cắt. Tổng thiệt hại ước tính 27,5 tỷ đồng.'),
      p('Thực hiện Công điện số 08/CĐ-UBND ngày 3/9/2023 của UBND tỉnh, huyện đã huy động hơn 600 cán bộ, chiến sĩ và nhân dân giúp đỡ người dân; di dời khẩn cấp 46 hộ ra khỏi vùng nguy hiểm. Chủ tịch UBND huyện Xín Mần Hoàng Đức Lượng cho biết, huyện đã dùng nguồn dự phòng hỗ trợ ban đầu 1,2 tỷ đồng cho các hộ bị thiệt hại.'),
      fig('/uploads/2023/09/hg03-2.jpg', 'Chủ tịch UBND tỉnh Nông Văn Thạch kiểm tra điểm sạt lở tại xã Nà Chì.'),
      p('Tại các điểm kiểm tra, Chủ tịch UBND tỉnh Nông Văn Thạch chia sẻ với những mất mát của nhân dân; yêu cầu huyện tuyệt đối không để người dân nào bị đói, rét, không có chỗ ở; khẩn trương thông tuyến giao thông, khôi phục sản xuất; tiếp tục rà soát các khu dân cư có nguy cơ sạt lở để chủ động di dời. Đồng chí giao Sở Tài chính tham mưu hỗ trợ huyện 3 tỷ đồng từ ngân sách tỉnh để khắc phục hậu quả.'),
      p('Dịp này, đồng chí Chủ tịch UBND tỉnh đã thăm hỏi, tặng quà gia đình bà Lù Thị Dung ở thôn Nà Chì, xã Nà Chì, có nhà bị lũ cuốn trôi hoàn toàn.'),
    ],
    byline: 'Tin, ảnh: Minh Hải',
    expected: {
      officials: [
        { name: 'Nông Văn Thạch', titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'] },
        { name: 'Hoàng Đức Lượng', titles: ['Chủ tịch UBND huyện Xín Mần'] },
      ],
      province: 'Hà Giang',
      districts: ['Xín Mần'],
      authors: ['Minh Hải'],
      eventDate: '2023-09-05',
      documents: [{ kind: 'Công điện', number: '08/CĐ-UBND', date: '2023-09-03' }],
      metrics: [
        { value: 360, unit: 'ha' },
        { value: 27_500_000_000, unit: 'đồng' },
        { value: 46, unit: 'hộ' },
        { value: 1_200_000_000, unit: 'đồng' },
        { value: 3_000_000_000, unit: 'đồng' },
      ],
    },
  },
  {
    key: 'hg-04',
    slug: 'trao-120-can-nha-dai-doan-ket-cho-ho-ngheo-meo-vac-dong-van',
    section: 'xa-hoi',
    title: 'Trao 120 căn nhà Đại đoàn kết cho hộ nghèo Mèo Vạc, Đồng Văn',
    publishedAt: '2024-01-19T10:05:00+07:00',
    sapo:
      'BHG - Ngày 18/1, Ủy ban MTTQ tỉnh phối hợp với UBND huyện Mèo Vạc tổ chức lễ bàn giao 120 căn nhà Đại đoàn kết cho hộ nghèo hai huyện Mèo Vạc và Đồng Văn. Dự buổi lễ có đồng chí Sầm Thị Lan, Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban MTTQ tỉnh.',
    blocks: [
      fig('/uploads/2024/01/hg04-1.jpg', 'Chủ tịch Ủy ban MTTQ tỉnh Sầm Thị Lan trao quyết định hỗ trợ nhà ở cho các hộ nghèo.'),
      p('Các căn nhà được xây dựng theo Kế hoạch số 115/KH-UBND ngày 20/4/2023 của UBND tỉnh, tổng kinh phí 6,6 tỷ đồng từ Quỹ Vì người nghèo và nguồn xã hội hóa; mỗi căn được hỗ trợ 55 triệu đồng, người dân góp thêm ngày công và vật liệu tại chỗ.'),
      p('Phó Chủ tịch UBND huyện Mèo Vạc Lý Mí Sính cho biết, năm 2023 toàn huyện giảm được 1.036 hộ nghèo, tỷ lệ hộ nghèo còn 41,7%. Tuy nhiên, nhiều gia đình đồng bào Mông vẫn đang ở trong những ngôi nhà tạm, không bảo đảm an toàn trong mùa mưa bão.'),
      p('Phát biểu tại buổi lễ, đồng chí Sầm Thị Lan đề nghị cấp ủy, chính quyền các xã tiếp tục vận động nhân dân giữ gìn, sử dụng hiệu quả ngôi nhà được hỗ trợ, gắn với phát triển sinh kế để thoát nghèo bền vững.'),
      p('Bà Ly Thị Mai ở thôn Sủng Pờ A, xã Sủng Trà xúc động: “Gia đình tôi có 6 người, trước đây ở trong căn nhà trình tường đã nứt. Nay có nhà mới, các con yên tâm đi học”.'),
    ],
    byline: 'Tin, ảnh: Thanh Hà',
    expected: {
      officials: [
        { name: 'Sầm Thị Lan', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Chủ tịch Ủy ban MTTQ tỉnh'] },
        { name: 'Lý Mí Sính', titles: ['Phó Chủ tịch UBND huyện Mèo Vạc'] },
      ],
      province: 'Hà Giang',
      districts: ['Mèo Vạc', 'Đồng Văn'],
      authors: ['Thanh Hà'],
      eventDate: '2024-01-18',
      documents: [{ kind: 'Kế hoạch', number: '115/KH-UBND', date: '2023-04-20' }],
      metrics: [
        { value: 6_600_000_000, unit: 'đồng' },
        { value: 55_000_000, unit: 'đồng' },
        { value: 1036, unit: 'hộ' },
        { value: 41.7, unit: '%' },
      ],
    },
  },
  {
    key: 'hg-05',
    slug: 'quan-ba-don-hon-412-nghin-luot-khach-trong-6-thang-dau-nam',
    section: 'kinh-te',
    title: 'Quản Bạ đón hơn 412 nghìn lượt khách trong 6 tháng đầu năm',
    publishedAt: '2024-06-28T16:30:00+07:00',
    sapo:
      'BHG - Chiều 27/6, Sở Văn hóa, Thể thao và Du lịch phối hợp với UBND huyện Quản Bạ tổ chức hội nghị đánh giá hoạt động du lịch 6 tháng đầu năm 2024. Dự hội nghị có đồng chí Phạm Thị Thu Hằng, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch; đồng chí Ly Văn Pao, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Quản Bạ.',
    blocks: [
      fig('/uploads/2024/06/hg05-1.jpg', 'Chủ tịch UBND huyện Quản Bạ Ly Văn Pao phát biểu tại hội nghị.'),
      p('6 tháng đầu năm, huyện Quản Bạ đón 412.500 lượt khách, tổng doanh thu từ du lịch đạt 186,4 tỷ đồng, tăng 14,2% so với cùng kỳ. Công suất sử dụng phòng lưu trú bình quân đạt 61,5%. Toàn huyện hiện có 78 hộ kinh doanh homestay, tập trung tại thôn Nặm Đăm, xã Quản Bạ và thị trấn Tam Sơn.'),
      p('Thực hiện Nghị quyết số 14-NQ/TU ngày 22/11/2021 của Ban Thường vụ Tỉnh ủy về phát triển du lịch, huyện đã phối hợp với các huyện Yên Minh, Đồng Văn xây dựng tour trải nghiệm trên tuyến Quản Bạ – Yên Minh – Đồng Văn; chỉnh trang 12 điểm dừng chân ngắm cảnh dọc Quốc lộ 4C.'),
      fig('/uploads/2024/06/hg05-2.jpg', 'Du khách check-in tại Cổng trời Quản Bạ.'),
      p('Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch Phạm Thị Thu Hằng đề nghị huyện quan tâm vệ sinh môi trường tại các điểm du lịch, niêm yết giá dịch vụ công khai, đào tạo kỹ năng cho người làm du lịch cộng đồng; chuẩn bị chu đáo cho mùa hoa tam giác mạch cuối năm.'),
    ],
    byline: 'BÀI: Hà Phương – ẢNH: Duy Khánh',
    expected: {
      officials: [
        { name: 'Phạm Thị Thu Hằng', titles: ['Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch'] },
        { name: 'Ly Văn Pao', titles: ['Phó Bí thư Huyện ủy', 'Chủ tịch UBND huyện Quản Bạ'] },
      ],
      province: 'Hà Giang',
      districts: ['Quản Bạ', 'Yên Minh', 'Đồng Văn'],
      authors: ['Hà Phương', 'Duy Khánh'],
      eventDate: '2024-06-27',
      documents: [{ kind: 'Nghị quyết', number: '14-NQ/TU', date: '2021-11-22' }],
      metrics: [
        { value: 186_400_000_000, unit: 'đồng' },
        { value: 14.2, unit: '%' },
        { value: 61.5, unit: '%' },
        { value: 78, unit: 'hộ' },
      ],
    },
  },
];
