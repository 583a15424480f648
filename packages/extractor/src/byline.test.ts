import { describe, expect, it } from 'vitest';
import { findTrailingByline, parseByline, parseDateline } from './byline.ts';

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
    ['BÀI: Thu Hằng – ẢNH: Đức Anh', ['Thu Hằng', 'Đức Anh'], null],
    ['Bài: Mạnh Tùng - Ảnh: Lê Hoa', ['Mạnh Tùng', 'Lê Hoa'], null],
    ['Bài: Mạnh Tùng. Ảnh: Lê Hoa', ['Mạnh Tùng', 'Lê Hoa'], null],
    ['Tin: Hải Yến, ảnh: Quốc Việt', ['Hải Yến', 'Quốc Việt'], null],
    ['BÀI VÀ ẢNH: Phương Thảo', ['Phương Thảo'], null],
    ['Bài, ảnh: Phương Thảo', ['Phương Thảo'], null],
    ['TIN, ẢNH: PHƯƠNG THẢO', ['Phương Thảo'], null],
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
});
