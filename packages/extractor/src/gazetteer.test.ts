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

  it('resolves aliases', () => {
    expect(g.provinceIndex.get(placeKey('TP.HCM'))?.[0]?.name).toBe('Hồ Chí Minh');
    expect(g.provinceIndex.get(placeKey('Huế'))?.[0]?.name).toBe('Thừa Thiên Huế');
    expect(g.provinceIndex.get(placeKey('Bà Rịa-Vũng Tàu'))?.[0]?.name).toBe('Bà Rịa - Vũng Tàu');
  });
});
