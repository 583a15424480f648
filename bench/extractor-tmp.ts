import { extractOfficials } from '@provnews/extractor';
const cases = process.argv.slice(2).length ? process.argv.slice(2) : [
 'Dự có ông Hầu Văn Lử, Chủ tịch UBND xã Sủng Là.',
 'Bà Ly Thị Mai, Phó Chủ tịch HĐND huyện, cho biết.',
 'Giám đốc Sở Văn hóa, Thể thao và Du lịch Sầm Văn Tịnh phát biểu.',
 'Đồng chí Ma Thị Hòe, Phó Giám đốc Sở Lao động, Thương binh và Xã hội, báo cáo.',
 'Chủ tịch UBND tỉnh kiểm tra công trình. Giám đốc Sở Xây dựng kiểm tra công trình.',
 'Đồng chí Quàng Văn Pọm, Trưởng Ban Tuyên giáo Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh dự.',
 'Chủ tịch UBND huyện Bảo Lâm Ngọc Văn Chiến phát biểu.',
 'Đồng chí NGUYỄN VĂN AN, BÍ THƯ TỈNH ỦY phát biểu.',
 'Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy dự. ĐỒNG CHÍ NGUYỄN VĂN AN PHÁT BIỂU TẠI HỘI NGHỊ',
 'Thăm gia đình ông Lù Văn Sáng, Trưởng thôn Nà Mạ; cử tri Giàng Seo Dình, Bí thư chi bộ thôn phát biểu.',
 'Thượng tá Chẩu Văn Lâm, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Đại tá Triệu Đức Minh, Giám đốc Công an tỉnh dự.',
]
for (const t of cases) console.log(t, '\n   →', JSON.stringify(extractOfficials(t).map(o => [o.name, o.titles])));
