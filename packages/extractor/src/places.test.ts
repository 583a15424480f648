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

  it('reads a district of the article\'s province named without a cue word', () => {
    const r = resolvePlaces('Sáng 4/5, huyện Bảo Lâm ra quân. Tại Nguyên Bình, người dân trồng quế; Trường THPT Hà Quảng khai giảng; tỉnh Cao Bằng.');
    expect(r.province).toBe('Cao Bằng');
    expect(r.districts).toEqual(['Bảo Lâm', 'Nguyên Bình']);
    // A district named like its province is not read without a cue.
    expect(resolvePlaces('Tỉnh Lạng Sơn có huyện Chi Lăng; Lạng Sơn phát triển.').districts).toEqual(['Chi Lăng']);
  });

  it('matches old tone placement', () => {
    const r = resolvePlaces('Đảng bộ huyện Quan Hoá tổ chức đại hội; xã Phú Nghiêm đạt chuẩn.');
    expect(r.province).toBe('Thanh Hóa');
    expect(r.districts).toEqual(['Quan Hóa']);
  });

  it('counts a centrally run city and a province written out bare as the province named', () => {
    // "thành phố Cần Thơ" is the province itself, as "tỉnh X" would be.
    const city = resolvePlaces('Chiều 4/3, UBND thành phố Cần Thơ họp bàn việc nạo vét kênh ở quận Ô Môn.', { asOf: '2024-03-04' });
    expect([city.province, city.provinceNamed, city.districts]).toEqual(['Cần Thơ', true, ['Ô Môn']]);
    // From July 2025 "thành phố Huế" is the province Huế, not a district of Thừa Thiên Huế.
    const hue = resolvePlaces('Theo UBND thành phố Huế, phường Thuận Hóa đã di dời 120 hộ.', { asOf: '2025-10-02' });
    expect([hue.province, hue.provinceNamed, hue.districts]).toEqual(['Huế', true, []]);
    // A province that kept its name: the former district-level city stays a district.
    const laoCai = resolvePlaces('Phường Cam Đường thuộc thành phố Lào Cai (cũ) đã hoàn thành 40 căn nhà.', { asOf: '2025-10-02' });
    expect(laoCai.districts).toEqual(['Lào Cai']);
    // "huyện Gia Lâm (Hà Nội)", "nông dân ở Bến Tre": the province the places point to, written bare.
    expect(resolvePlaces('Một cháu bé ở huyện Gia Lâm (Hà Nội) phải nhập viện.', { asOf: '2024-05-02' })).toMatchObject({ province: 'Hà Nội', provinceNamed: true });
    expect(resolvePlaces('Nông dân ở Bến Tre trữ nước ngọt. Tại huyện Ba Tri, độ mặn tăng.', { asOf: '2024-03-02' })).toMatchObject({ province: 'Bến Tre', provinceNamed: true });
    // Not when the name is part of a longer one ("Báo Bến Tre"), nor when only a district is named.
    expect(resolvePlaces('Tại huyện Ba Tri, độ mặn tăng (Báo Bến Tre Online).', { asOf: '2024-03-02' })).toMatchObject({ province: 'Bến Tre', provinceNamed: false });
    expect(resolvePlaces('Tại huyện Ba Tri, độ mặn tăng.', { asOf: '2024-03-02' })).toMatchObject({ province: 'Bến Tre', provinceNamed: false });
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

  it('reads every name of a plural list: "các huyện A, B và C", "2 huyện A, B", "các xã A, B"', () => {
    const r = resolvePlaces('Mô hình được nhân rộng ra các huyện Xín Mần, Hoàng Su Phì và Bắc Mê; 2 huyện Yên Minh, Quản Bạ đăng ký. Các xã Lũng Cú, Sủng Là tham gia.');
    expect(r.province).toBe('Hà Giang');
    expect(r.districts).toEqual(['Xín Mần', 'Hoàng Su Phì', 'Bắc Mê', 'Yên Minh', 'Quản Bạ']);
    expect(r.places.filter((p) => p.level === 'xã').map((p) => p.name)).toEqual(['Lũng Cú', 'Sủng Là']);
  });

  it('does not read a comma after a single place as a list', () => {
    expect(resolvePlaces('Hội nghị tổ chức tại huyện Bảo Lạc, Cao Bằng và huyện Hà Quảng.').districts).toEqual(['Bảo Lạc', 'Hà Quảng']);
  });

  it('lets the portal province and its districts outweigh provinces named in passing', () => {
    const text = 'Huyện Hạ Lang đẩy mạnh liên kết tiêu thụ nông sản với các tỉnh Lạng Sơn, Thái Nguyên.';
    expect(resolvePlaces(text, { priorProvince: 'Cao Bằng' }).province).toBe('Cao Bằng');
    expect(resolvePlaces('Đoàn công tác học tập mô hình của các tỉnh Lạng Sơn, Tuyên Quang.', { priorProvince: 'Cao Bằng' }).province).toBe('Cao Bằng');
  });

  it('reads the district in parentheses after a commune, when the commune lies in it', () => {
    const r = resolvePlaces('Đoàn thăm hộ nghèo ở xã Thanh Thủy (Vị Xuyên) và xã Lũng Cú (ảnh).');
    expect(r.districts).toEqual(['Vị Xuyên']);
    expect(resolvePlaces('Mô hình ở xã Lũng Cú (Vị Xuyên).').districts).toEqual([]);
  });

  it('reads a one-word district only when it continues a list after another district', () => {
    expect(resolvePlaces('Huyện Chư Sê phối hợp với các xã biên giới của Chư Prông, KBang.').districts).toEqual(['Chư Sê', 'Chư Prông', 'KBang']);
    expect(resolvePlaces('Đoàn làm việc tại huyện Diễn Châu và Vinh.').districts).toEqual(['Diễn Châu', 'Vinh']);
    // Alone, a one-word name is a person's: "ông Vinh".
    expect(resolvePlaces('Ông Vinh, cán bộ huyện Diễn Châu, cho biết. Anh Vinh, Diễn Châu.').districts).toEqual(['Diễn Châu']);
  });

  it('reads a district name written run together, and reports it as written', () => {
    expect(resolvePlaces('Huyện Lạc Dương (Lâm Đồng) hỗ trợ các xã của Lạc Dương, Đamrông.').districts).toEqual(['Lạc Dương', 'Đamrông']);
    expect(resolvePlaces('Tỉnh Lâm Đồng: huyện Đamrông và huyện Đam Rông là một.').districts).toEqual(['Đamrông']);
  });

  it('does not read a house address as a district', () => {
    expect(resolvePlaces('Huyện Trùng Khánh, tỉnh Cao Bằng; trụ sở tại số 5 Bảo Lâm, đường Hà Quảng.').districts).toEqual(['Trùng Khánh']);
  });

  it('stays linear on a 1 MB list of one-word districts', () => {
    expect(resolvePlaces(`Huyện Diễn Châu${', Vinh'.repeat(150_000)}`).districts).toEqual(['Diễn Châu', 'Vinh']);
  });

  it('does not read a person or a headline kicker as a district', () => {
    const text = 'Sáng 2/3, huyện Trùng Khánh (Cao Bằng) ra quân. Ông Bảo Lâm, trưởng thôn, cho biết.\n\nHà Quảng: Ra mắt mô hình nuôi ong\n\nTại Hà Quảng, người dân trồng quế.';
    expect(resolvePlaces(text).districts).toEqual(['Trùng Khánh', 'Hà Quảng']);
    expect(resolvePlaces('Huyện Trùng Khánh (Cao Bằng).\n\nHà Quảng: Ra mắt mô hình nuôi ong').districts).toEqual(['Trùng Khánh']);
    expect(resolvePlaces(`Huyện Trùng Khánh (Cao Bằng). ${'Hà Quảng: '.repeat(100_000)}`).districts).toEqual(['Trùng Khánh', 'Hà Quảng']);
  });

  it('stays linear on a 1 MB list', () => {
    expect(resolvePlaces('các huyện Bảo Lạc, '.repeat(60_000)).districts).toEqual(['Bảo Lạc']);
  });

  it('returns the prior when the text names no place', () => {
    expect(resolvePlaces('Không có địa danh.', { priorProvince: 'Cao Bằng' }).province).toBe('Cao Bằng');
  });
});

describe('village false positives (issue 8, class 8)', () => {
  const villages = (text: string): string[] => resolvePlaces(text).places.filter((p) => ['thôn', 'bản', 'làng', 'xóm', 'ấp'].includes(p.level)).map((p) => `${p.level} ${p.name}`);

  it('does not read "nông thôn" before an official\'s name as a village', () => {
    expect(villages('Giám đốc Sở Nông nghiệp và Phát triển nông thôn Lương Văn Kiên cho biết vụ đông năm nay đạt kết quả tốt.')).toEqual([]);
  });

  it('does not read the next sentence after "thôn, bản." as a village', () => {
    expect(villages('Đoàn đã đến tất cả các thôn, bản. Trước đó, huyện đã họp bàn kế hoạch.')).toEqual([]);
  });

  it('does not read a landmark named after a village word as a village', () => {
    expect(villages('Du khách đến thác Bản Xô và hang Làng Mây trong dịp nghỉ lễ.')).toEqual([]);
    expect(villages('Văn bản Hướng dẫn của huyện đã được gửi tới cơ sở.')).toEqual([]);
  });

  it('still reads real villages', () => {
    expect(villages('Người dân bản Nà Lòa và thôn Khuổi Mạ góp công làm đường.')).toEqual(['bản Nà Lòa', 'thôn Khuổi Mạ']);
  });
});

describe('province and places on real pages (issue 8, class 4)', () => {
  it('lets the publisher outweigh a place named in an aside', () => {
    const text = 'Một chuyên gia dinh dưỡng đang lưu trú tại thành phố Đà Lạt (tỉnh Lâm Đồng) chia sẻ cách chọn rau quả cho bữa ăn gia đình.';
    expect(resolvePlaces(text, { priorProvince: 'Phú Yên', priorWeight: 3.5 }).province).toBe('Phú Yên');
    // Without a publisher the aside is all there is.
    expect(resolvePlaces(text).province).toBe('Lâm Đồng');
  });

  it('counts a unit marked "(cũ)" less than one named plainly', () => {
    expect(resolvePlaces('Ông từng công tác ở huyện Bắc Quang (cũ), nay là cán bộ huyện Lục Yên.').province).toBe('Yên Bái');
  });

  it('places a commune in the district the text names, not in the prior province', () => {
    const r = resolvePlaces('Gia đình chị Hoa ở xã Tân Hương, huyện Đức Thọ được hỗ trợ làm nhà.', { priorProvince: 'Nghệ An', priorWeight: 3.5 });
    expect(r.places.find((p) => p.level === 'xã')).toMatchObject({ name: 'Tân Hương', province: 'Hà Tĩnh' });
    const paren = resolvePlaces('Bà Lan ở phường Ngọc Sơn (quận Kiến An) cho biết khu phố đã sạch hơn.', { priorProvince: 'Nghệ An', priorWeight: 3.5 });
    expect(paren.places.find((p) => p.level === 'phường')).toMatchObject({ name: 'Ngọc Sơn', province: 'Hải Phòng' });
  });

  it('records the post-2025 province beside each unit as named', () => {
    const r = resolvePlaces('Đoàn công tác làm việc tại huyện Bắc Quang.');
    expect(r.province).toBe('Hà Giang');
    expect(r.places[0]).toMatchObject({ name: 'Bắc Quang', level: 'huyện', province: 'Hà Giang', province2025: 'Tuyên Quang', system: 'pre-2025' });
  });

  it('reads a 2025-system article in the 34-province system', () => {
    const r = resolvePlaces('Sáng 12/9, UBND phường Hà Giang 1 ra quân làm sạch môi trường; nguyên lãnh đạo tỉnh Hà Giang (cũ) cùng tham gia.', { asOf: '2025-09-12' });
    expect(r.province).toBe('Tuyên Quang');
    expect(r.places.find((p) => p.level === 'phường')).toMatchObject({ name: 'Hà Giang 1', province: 'Tuyên Quang', province2025: 'Tuyên Quang', system: '2025' });
    expect(r.districts).toEqual([]);
  });
});

describe('transliterated highland names', () => {
  it('matches a syllable ending in k whatever its marks, and reports the district as written', () => {
    const r = resolvePlaces('Sáng 5/3, UBND huyện Đăk Hà tổ chức hội nghị; huyện Dak Tô cử đoàn tham dự.');
    expect(r.districts).toEqual(['Đăk Hà', 'Dak Tô']);
    expect(r.places.every((p) => p.province === 'Kon Tum')).toBe(true);
  });
});
