import { describe, expect, it } from 'vitest';
import { resolvePlaces } from './places.ts';

describe('resolvePlaces', () => {
  it('infers the province from a district the text names', () => {
    const r = resolvePlaces('Chiều 3/4, đoàn công tác làm việc với Huyện ủy Vị Xuyên và thăm xã Thanh Thủy.');
    expect(r.province).toBe('Hà Giang');
    expect(r.districts).toEqual(['Vị Xuyên']);
    expect(r.places.map((p) => [p.level, p.name, p.province])).toEqual([
      ['huyện', 'Vị Xuyên', 'Hà Giang'],
      ['xã', 'Thanh Thủy', 'Hà Giang'],
    ]);
  });

  it('matches old tone placement', () => {
    const r = resolvePlaces('Đảng bộ huyện Quan Hoá tổ chức đại hội; xã Phú Nghiêm đạt chuẩn.');
    expect(r.province).toBe('Thanh Hóa');
    expect(r.districts).toEqual(['Quan Hóa']);
  });

  it('uses the portal province as a prior for ambiguous names', () => {
    expect(resolvePlaces('Huyện Tam Nông đã hoàn thành kế hoạch.', { priorProvince: 'Phú Thọ' }).province).toBe('Phú Thọ');
    expect(resolvePlaces('Huyện Tam Nông đã hoàn thành kế hoạch.', { priorProvince: 'Đồng Tháp' }).province).toBe('Đồng Tháp');
    // A 2025 province name as prior stands for the provinces it absorbed.
    expect(resolvePlaces('Huyện Tam Nông đã hoàn thành kế hoạch.', { priorProvince: 'Phú Thọ' }).districts).toEqual(['Tam Nông']);
  });

  it('lets an explicit province outweigh the prior', () => {
    expect(resolvePlaces('Đoàn công tác tỉnh Lạng Sơn thăm huyện Cao Lộc.', { priorProvince: 'Hà Giang' }).province).toBe('Lạng Sơn');
  });

  it('handles TP, thành phố, thị xã, thị trấn, thôn and bản, and "và" lists', () => {
    const r = resolvePlaces('Tại TP Hà Giang, thị trấn Yên Minh và Mậu Duệ... thôn Nà Mạ, bản Tả Lủ, thành phố Hà Nội, thị xã Quảng Yên.');
    expect(r.places.map((p) => `${p.level}:${p.name}`)).toEqual([
      'thành phố:Hà Giang',
      'thị trấn:Yên Minh',
      'xã:Mậu Duệ',
      'thôn:Nà Mạ',
      'bản:Tả Lủ',
      'thành phố:Hà Nội',
      'thị xã:Quảng Yên',
    ]);
  });

  it('does not read ordinary words after cue words as places', () => {
    const r = resolvePlaces('an sinh xã hội, huyện NTM, bản sắc văn hóa, tỉnh cần tập trung, phường, xã.');
    expect(r.places).toEqual([]);
    expect(r.province).toBeNull();
  });

  it('returns the prior when the text names no place', () => {
    expect(resolvePlaces('Không có địa danh.', { priorProvince: 'Cao Bằng' }).province).toBe('Cao Bằng');
  });
});
