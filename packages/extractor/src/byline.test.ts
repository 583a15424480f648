import { describe, expect, it } from 'vitest';
import { findLeadingByline, findTrailingByline, parseByline, parseDateline, personAuthorsFromMeta } from './byline.ts';

describe('parseByline', () => {
  it.each([
    ['Tin, ảnh: Minh Khôi', ['Minh Khôi'], null],
    ['Bài và ảnh: Hồng Nhung', ['Hồng Nhung'], null],
    ['THANH HẢI', ['Thanh Hải'], null],
    ['Lan Anh (baolaocai.vn)', ['Lan Anh'], 'baolaocai.vn'],
    ['Tác giả: Hoàng Phúc - Trung tâm VH-TT huyện Xín Mần', ['Hoàng Phúc'], 'Trung tâm VH-TT huyện Xín Mần'],
    ['Minh Hà - Quang Huy', ['Minh Hà', 'Quang Huy'], null],
    ['Bài, ảnh: Thu Trang và Văn Tú', ['Thu Trang', 'Văn Tú'], null],
    ['Theo TTXVN', [], 'TTXVN'],
    ['Theo Thu Hà (Báo Yên Bái)', ['Thu Hà'], 'Báo Yên Bái'],
    ['Theo Đức Minh - Báo Điện Biên Phủ', ['Đức Minh'], 'Báo Điện Biên Phủ'],
    ['Theo Báo Sơn La', [], 'Báo Sơn La'],
    ['Nguồn: Đài PT-TH tỉnh', [], 'Đài PT-TH tỉnh'],
    ['BÀI: Thu Hằng – ẢNH: Đức Anh', ['Thu Hằng', 'Đức Anh'], null],
    ['Bài: Mạnh Tùng - Ảnh: Lê Hoa', ['Mạnh Tùng', 'Lê Hoa'], null],
    ['Bài: Mạnh Tùng. Ảnh: Lê Hoa', ['Mạnh Tùng', 'Lê Hoa'], null],
    ['Tin: Hải Yến, ảnh: Quốc Việt', ['Hải Yến', 'Quốc Việt'], null],
    ['BÀI VÀ ẢNH: Phương Thảo', ['Phương Thảo'], null],
    ['Bài, ảnh: Phương Thảo', ['Phương Thảo'], null],
    ['TIN, ẢNH: PHƯƠNG THẢO', ['Phương Thảo'], null],
    ['Tin, ảnh: Bảo Trường', ['Bảo Trường'], null],
    ['Nhóm PV', [], null],
    ['Người viết: Mạc Thị Lan - Nguồn: Văn phòng HĐND và UBND xã', ['Mạc Thị Lan'], 'Văn phòng HĐND và UBND xã'],
    ['Thực hiện: Kha Minh Đức - Lục Thu Hà', ['Kha Minh Đức', 'Lục Thu Hà'], null],
    ['Nhóm phóng viên', [], null],
    ['Tác giả: Hà Lan - Phòng Văn hóa và Thông tin huyện', ['Hà Lan'], 'Phòng Văn hóa và Thông tin huyện'],
    ['H.Long - V.T.Mai', ['H.Long', 'V.T.Mai'], null],
    ['Theo Q.Anh (Báo Bắc Kạn)', ['Q.Anh'], 'Báo Bắc Kạn'],
    ['', [], null],
  ])('parses %j', (line, authors, source) => {
    expect(parseByline(line)).toEqual({ authors, source });
  });
});

describe('parseDateline', () => {
  it.each([
    ['BHG - Sáng 3.5, đoàn công tác...', 'BHG'],
    ['(QNO) - Chiều 12/6, ...', 'QNO'],
    ['CTO – Ngày 7/7, ...', 'CTO'],
    ['– Hôm nay (21/7), ...', null],
    ['Sáng nay, ...', null],
  ])('reads %j', (text, code) => {
    expect(parseDateline(text)).toBe(code);
  });
});

describe('findTrailingByline', () => {
  it('finds a byline left at the end of the text', () => {
    expect(findTrailingByline(['Nội dung bài viết.', 'Tin, ảnh: Minh Khôi'])).toBe('Tin, ảnh: Minh Khôi');
    expect(findTrailingByline(['Nội dung bài viết.', 'NGỌC MAI'])).toBe('NGỌC MAI');
  });

  it('does not take a sentence for a byline', () => {
    expect(findTrailingByline(['Nội dung.', 'Hội nghị kết thúc tốt đẹp.'])).toBeNull();
  });

  it('finds names written with initials', () => {
    expect(findTrailingByline(['Nội dung bài viết.', 'Q.Anh - L.Hương'])).toBe('Q.Anh - L.Hương');
  });

  it('finds a credit to another outlet', () => {
    expect(findTrailingByline(['Nội dung bài viết.', 'Nguồn: Báo Sơn La'])).toBe('Nguồn: Báo Sơn La');
  });
});

describe('findLeadingByline', () => {
  it('finds a name in capitals standing alone under the title', () => {
    expect(findLeadingByline(['THU PHƯƠNG', 'Sáng 2/3, xã tổ chức ra quân.'])).toBe('THU PHƯƠNG');
    expect(findLeadingByline(['Bài, ảnh: Thu Phương', 'Sáng 2/3, xã tổ chức ra quân.'])).toBe('Bài, ảnh: Thu Phương');
  });

  it('does not take a section label, a sentence or a lone paragraph', () => {
    expect(findLeadingByline(['THỜI SỰ', 'Sáng 2/3, xã tổ chức ra quân.'])).toBeNull();
    expect(findLeadingByline(['TIN LIÊN QUAN', 'Sáng 2/3, ...'])).toBeNull();
    expect(findLeadingByline(['Thu Phương', 'Sáng 2/3, ...'])).toBeNull();
    expect(findLeadingByline(['Sáng 2/3, xã tổ chức ra quân.', 'Nội dung.'])).toBeNull();
    expect(findLeadingByline(['THU PHƯƠNG'])).toBeNull();
  });
});

describe('bylines and metadata authors on real CMS markup (issue 8, class 5)', () => {
  it.each([
    ['BS TRẦN QUỐC BẢO', ['Trần Quốc Bảo'], null],
    ['ThS.BS Lê Thị Hoài Thu', ['Lê Thị Hoài Thu'], null],
    ['PGS.TS Vũ Minh Khang - Bệnh viện tỉnh', ['Vũ Minh Khang'], 'Bệnh viện tỉnh'],
    ['Theo PV (TTXVN/Vietnam+)', [], 'TTXVN/Vietnam+'],
    ['Nguồn baosuckhoe.vn', [], 'baosuckhoe.vn'],
    ['Nguồn: baosuckhoe.vn', [], 'baosuckhoe.vn'],
    ['MINH KHUÊ (Theo Science Daily)', ['Minh Khuê'], 'Science Daily'],
    ['Lan Hương/Báo Yên Hòa', ['Lan Hương'], 'Báo Yên Hòa'],
    ['Theo PV', [], null],
    ['Quỳnh Chi (tổng hợp)', ['Quỳnh Chi'], null],
    ['TTXVN/Vietnam+', [], 'TTXVN/Vietnam+'],
  ])('parses %s', (line, authors, source) => {
    expect(parseByline(line)).toEqual({ authors, source });
  });

  it('joins a signature and the "(Theo X)" credit split over two lines', () => {
    expect(findTrailingByline(['Cuối bài là một câu văn đầy đủ.', 'T.H', '(Theo Health Digest)'])).toBe('T.H (Theo Health Digest)');
    expect(parseByline('T.H (Theo Health Digest)')).toEqual({ authors: ['T.H'], source: 'Health Digest' });
    expect(findTrailingByline(['Cuối bài là một câu văn đầy đủ.', 'Lan Hương/Báo Yên Hòa'])).toBe('Lan Hương/Báo Yên Hòa');
    // A credit line after a sentence stands alone.
    expect(findTrailingByline(['Cuối bài là một câu văn đầy đủ.', '(Theo Health Digest)'])).toBe('Theo Health Digest');
  });

  it('keeps metadata authors only when they name a person', () => {
    expect(personAuthorsFromMeta(['Báo Bình Yên'], null)).toEqual([]);
    expect(personAuthorsFromMeta(['Bình Yên Online'], 'Bình Yên Online')).toEqual([]);
    expect(personAuthorsFromMeta(['admin', 'bientap02', 'baobinhyen.vn'], null)).toEqual([]);
    expect(personAuthorsFromMeta(['Công ty Cổ phần Phần mềm ABC', 'VNPT Media', 'Zeta Software'], null)).toEqual([]);
    expect(personAuthorsFromMeta(['HOÀNG LAN ANH', 'BS Phan Đức'], 'Báo Bình Yên')).toEqual(['Hoàng Lan Anh', 'Phan Đức']);
  });
});
