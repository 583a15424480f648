import { describe, expect, it } from 'vitest';
import { gazetteer, placeKey } from './gazetteer.ts';

describe('gazetteer', () => {
  const g = gazetteer();

  it('holds the pre-2025 units of the GSO list', () => {
    expect(g.provinces).toHaveLength(63);
    expect(g.districts.length).toBeGreaterThan(690);
    expect(g.communes.length).toBeGreaterThan(10_000);
  });

  it('is loaded once', () => {
    expect(gazetteer()).toBe(g);
  });

  it('finds units whatever the tone placement', () => {
    expect(g.districtIndex.get(placeKey('Quan Hoá'))?.[0]?.province).toBe('Thanh Hóa');
    expect(g.provinceIndex.get(placeKey('Hòa Bình'))?.[0]?.name).toBe('Hoà Bình');
    expect(g.districtIndex.get(placeKey('Tam Nông'))?.map((u) => u.province).sort()).toEqual(['Phú Thọ', 'Đồng Tháp']);
  });

  it('knows the 2025 mergers into 34 provinces', () => {
    expect(g.mergers2025.size).toBe(34);
    expect([...g.mergers2025.values()].flat()).toHaveLength(63);
    expect(g.provinceIn2025('Hà Giang')).toBe('Tuyên Quang');
    expect(g.provinceIn2025('Bắc Kạn')).toBe('Thái Nguyên');
    expect(g.provinceIn2025('Cao Bằng')).toBe('Cao Bằng');
    expect(g.provinceIn2025('Thừa Thiên Huế')).toBe('Huế');
    // Every old province of the merger table is a province of the gazetteer.
    for (const old of [...g.mergers2025.values()].flat()) expect(g.provinceIndex.has(placeKey(old))).toBe(true);
  });

  it('agrees with the merger table once typed by hand from the resolution of 12 June 2025', () => {
    // The table the gazetteer used before it read the package; kept here as a check of the data.
  const handTyped: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['Hà Nội', ['Hà Nội']],
    ['Huế', ['Thừa Thiên Huế']],
    ['Lai Châu', ['Lai Châu']],
    ['Điện Biên', ['Điện Biên']],
    ['Sơn La', ['Sơn La']],
    ['Lạng Sơn', ['Lạng Sơn']],
    ['Quảng Ninh', ['Quảng Ninh']],
    ['Thanh Hóa', ['Thanh Hóa']],
    ['Nghệ An', ['Nghệ An']],
    ['Hà Tĩnh', ['Hà Tĩnh']],
    ['Cao Bằng', ['Cao Bằng']],
    ['Tuyên Quang', ['Tuyên Quang', 'Hà Giang']],
    ['Lào Cai', ['Lào Cai', 'Yên Bái']],
    ['Thái Nguyên', ['Thái Nguyên', 'Bắc Kạn']],
    ['Phú Thọ', ['Phú Thọ', 'Vĩnh Phúc', 'Hoà Bình']],
    ['Bắc Ninh', ['Bắc Ninh', 'Bắc Giang']],
    ['Hưng Yên', ['Hưng Yên', 'Thái Bình']],
    ['Hải Phòng', ['Hải Phòng', 'Hải Dương']],
    ['Ninh Bình', ['Ninh Bình', 'Hà Nam', 'Nam Định']],
    ['Quảng Trị', ['Quảng Trị', 'Quảng Bình']],
    ['Đà Nẵng', ['Đà Nẵng', 'Quảng Nam']],
    ['Quảng Ngãi', ['Quảng Ngãi', 'Kon Tum']],
    ['Gia Lai', ['Gia Lai', 'Bình Định']],
    ['Khánh Hòa', ['Khánh Hòa', 'Ninh Thuận']],
    ['Lâm Đồng', ['Lâm Đồng', 'Đắk Nông', 'Bình Thuận']],
    ['Đắk Lắk', ['Đắk Lắk', 'Phú Yên']],
    ['Hồ Chí Minh', ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu']],
    ['Đồng Nai', ['Đồng Nai', 'Bình Phước']],
    ['Tây Ninh', ['Tây Ninh', 'Long An']],
    ['Cần Thơ', ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang']],
    ['Vĩnh Long', ['Vĩnh Long', 'Bến Tre', 'Trà Vinh']],
    ['Đồng Tháp', ['Đồng Tháp', 'Tiền Giang']],
    ['Cà Mau', ['Cà Mau', 'Bạc Liêu']],
    ['An Giang', ['An Giang', 'Kiên Giang']],
  ];

    for (const [now, olds] of handTyped) {
      expect([...(g.mergers2025.get(now) ?? [])].map(placeKey).sort(), now).toEqual(olds.map(placeKey).sort());
      for (const old of olds) expect(g.provinceIn2025(old), old).toBe(now);
    }
  });

  it('holds the 2025 communes and wards', () => {
    expect(g.communes2025).toHaveLength(3321);
    expect(g.communes2025.every((u) => u.system === '2025' && g.mergers2025.has(u.province))).toBe(true);
    expect(new Set(g.communes2025.map((u) => u.level))).toEqual(new Set(['xã', 'phường', 'đặc khu']));
  });

  it('resolves aliases', () => {
    expect(g.provinceIndex.get(placeKey('TP.HCM'))?.[0]?.name).toBe('Hồ Chí Minh');
    expect(g.provinceIndex.get(placeKey('Huế'))?.[0]?.name).toBe('Thừa Thiên Huế');
    expect(g.provinceIndex.get(placeKey('Bà Rịa-Vũng Tàu'))?.[0]?.name).toBe('Bà Rịa - Vũng Tàu');
  });
});
