import { describe, expect, it } from 'vitest';
import { extractOfficials } from './officials.ts';

const pick = (text: string) => extractOfficials(text).map(({ name, titles }) => ({ name, titles }));

describe('extractOfficials', () => {
  it('reads "đồng chí A, T1, T2; B, T3" lists', () => {
    const text =
      'Chiều 4.3, các đồng chí Lương Minh Tiến, Ủy viên BCH T.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH khoá XV của tỉnh; ' +
      'Vàng Thị Hoa, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã làm việc với huyện Mèo Vạc.';
    expect(pick(text)).toEqual([
      { name: 'Lương Minh Tiến', titles: ['Ủy viên BCH T.Ư Đảng', 'Bí thư Tỉnh ủy', 'Trưởng đoàn ĐBQH khoá XV của tỉnh'] },
      { name: 'Vàng Thị Hoa', titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'] },
    ]);
  });

  it('reads titles before the name and merges mentions of the same person', () => {
    const text =
      'Dự có đồng chí Lương Minh Tiến, Bí thư Tỉnh ủy. Bí thư Tỉnh ủy Lương Minh Tiến phát biểu. ' +
      'Giám đốc Sở Nông nghiệp và Phát triển nông thôn Mai Văn Khải báo cáo. ' +
      'Bí thư Huyện ủy Đồng Văn Sùng Mí Chơ phát biểu.';
    expect(pick(text)).toEqual([
      { name: 'Lương Minh Tiến', titles: ['Bí thư Tỉnh ủy'] },
      { name: 'Mai Văn Khải', titles: ['Giám đốc Sở Nông nghiệp và Phát triển nông thôn'] },
      { name: 'Sùng Mí Chơ', titles: ['Bí thư Huyện ủy Đồng Văn'] },
    ]);
    const [first] = extractOfficials(text);
    expect(first?.spans).toHaveLength(2);
    expect(first?.spans?.map(([a, b]) => text.slice(a, b))).toEqual(['Lương Minh Tiến', 'Lương Minh Tiến']);
  });

  it('chains comma-separated titles before the name', () => {
    expect(pick('Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Hoàng Văn Nam làm việc tại huyện.')).toEqual([
      { name: 'Hoàng Văn Nam', titles: ['Phó Bí thư Thường trực Tỉnh ủy', 'Chủ tịch HĐND tỉnh'] },
    ]);
  });

  it('expands BT/CT/TUV abbreviations consistently and reads titles without commas', () => {
    const text = 'đ/c Lò Văn Pọm tỉnh uỷ viên, BT huyện uỷ, CT HĐND huyện chủ trì. Phát biểu, đ/c Lò Văn Pọm Tỉnh uỷ viên BT huyện uỷ, CT HĐND huyện nhấn mạnh.';
    expect(pick(text)).toEqual([{ name: 'Lò Văn Pọm', titles: ['Tỉnh uỷ viên', 'Bí thư Huyện uỷ', 'Chủ tịch HĐND huyện'] }]);
    expect(pick('Đồng chí Hà Văn Sinh, TUV, PCT UBND tỉnh dự.')).toEqual([{ name: 'Hà Văn Sinh', titles: ['Tỉnh ủy viên', 'Phó Chủ tịch UBND tỉnh'] }]);
  });

  it('reads military and police ranks', () => {
    expect(pick('Thượng tá Nông Văn Tuấn, Trưởng Công an huyện Quản Bạ, báo cáo. Thiếu tướng Phạm Đức Hùng dự.')).toEqual([
      { name: 'Nông Văn Tuấn', titles: ['Thượng tá', 'Trưởng Công an huyện Quản Bạ'] },
      { name: 'Phạm Đức Hùng', titles: ['Thiếu tướng'] },
    ]);
  });

  it('reads "NAME, TITLE" without a trigger word', () => {
    expect(pick('Theo ông Triệu Văn Lâm, Chủ tịch UBND xã Nà Chì, năm nay...; Đặng Thị Lan, Giám đốc Sở Y tế, cho biết.')).toEqual([
      { name: 'Triệu Văn Lâm', titles: ['Chủ tịch UBND xã Nà Chì'] },
      { name: 'Đặng Thị Lan', titles: ['Giám đốc Sở Y tế'] },
    ]);
  });

  it('splits a place off the front of a name run after a title', () => {
    expect(pick('Chủ tịch UBND huyện Hà Quảng Nông Thị Hạnh phát biểu. Ông Lê Quốc Trường, Chủ tịch UBND thành phố, chủ trì.')).toEqual([
      { name: 'Nông Thị Hạnh', titles: ['Chủ tịch UBND huyện Hà Quảng'] },
      { name: 'Lê Quốc Trường', titles: ['Chủ tịch UBND thành phố'] },
    ]);
  });

  describe('not officials', () => {
    it('ignores ordinary citizens without a title', () => {
      expect(pick('Đoàn thăm và tặng quà gia đình ông Hoàng Văn Páo, thôn Khuổi Mực, xã Lũng Cú.')).toEqual([]);
    });

    it('ignores people inside organisation and place names', () => {
      const text =
        'Xóa bỏ tổ chức bất hợp pháp Dương Văn Mình trên địa bàn; Chủ tịch UBND phường Trần Phú phát biểu; ' +
        'Hiệu trưởng Trường THPT Chu Văn An phát biểu; sửa đường Lê Lợi; Bí thư Huyện ủy Hà Quảng phát biểu; ' +
        'Chủ tịch UBND tỉnh Cao Bằng chỉ đạo.';
      expect(pick(text)).toEqual([]);
    });

    it('keeps a name after a place and an organisation in a title', () => {
      expect(pick('Chủ tịch UBND tỉnh Hà Giang Phan Văn Lộc và Hiệu trưởng Trường THPT Chu Văn An Nguyễn Thị Bích dự.')).toEqual([
        { name: 'Phan Văn Lộc', titles: ['Chủ tịch UBND tỉnh Hà Giang'] },
        { name: 'Nguyễn Thị Bích', titles: ['Hiệu trưởng Trường THPT Chu Văn An'] },
      ]);
    });

    it('does not take a title alone or "CT MTQG" for a person', () => {
      expect(pick('đồng chí Bí thư Tỉnh ủy biểu dương; Ban chỉ đạo các CT MTQG huyện Nguyễn Bình xây dựng kế hoạch.')).toEqual([]);
    });
  });

  it('stays linear and valid on adversarial input', () => {
    expect(extractOfficials('Nguyễn '.repeat(150_000))).toEqual([]);
    expect(extractOfficials('Bí thư Tỉnh ủy '.repeat(70_000))).toEqual([]);
    expect(extractOfficials('đồng chí '.repeat(100_000))).toEqual([]);
    expect(extractOfficials('Bí thư Nguyễn Văn A, '.repeat(40_000)).length).toBeGreaterThan(0);
  });
});
