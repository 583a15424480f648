/**
 * Real provinces and their rural districts (huyện) as they stood before the 2025 reorganisation.
 * Only huyện are listed: the generator writes "huyện <name>", which is right for all of them.
 */
export const PROVINCE_DISTRICTS: Readonly<Record<string, readonly string[]>> = {
  'Hà Giang': ['Bắc Quang', 'Quang Bình', 'Vị Xuyên', 'Bắc Mê', 'Hoàng Su Phì', 'Xín Mần', 'Quản Bạ', 'Yên Minh', 'Đồng Văn', 'Mèo Vạc'],
  'Lạng Sơn': ['Bắc Sơn', 'Bình Gia', 'Văn Quan', 'Tràng Định', 'Văn Lãng', 'Cao Lộc', 'Lộc Bình', 'Đình Lập', 'Chi Lăng', 'Hữu Lũng'],
  'Cao Bằng': ['Bảo Lạc', 'Bảo Lâm', 'Hà Quảng', 'Trùng Khánh', 'Hạ Lang', 'Quảng Hòa', 'Hòa An', 'Nguyên Bình', 'Thạch An'],
  'Thanh Hóa': ['Quan Hóa', 'Quan Sơn', 'Mường Lát', 'Bá Thước', 'Lang Chánh', 'Ngọc Lặc', 'Cẩm Thủy', 'Thường Xuân', 'Như Xuân', 'Như Thanh'],
  'Tuyên Quang': ['Lâm Bình', 'Na Hang', 'Chiêm Hóa', 'Hàm Yên', 'Yên Sơn', 'Sơn Dương'],
  'Quảng Ninh': ['Bình Liêu', 'Tiên Yên', 'Đầm Hà', 'Hải Hà', 'Ba Chẽ', 'Vân Đồn', 'Cô Tô'],
};

/** Province names the generator accepts. */
export const PROVINCES: readonly string[] = Object.keys(PROVINCE_DISTRICTS);
