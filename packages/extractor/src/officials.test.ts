import { describe, expect, it } from 'vitest';
import { extractOfficials } from './officials.ts';

const pick = (text: string) => extractOfficials(text).map(({ name, titles }) => ({ name, titles }));

describe('extractOfficials', () => {
  it("reads a body's name in title casing to its closing comma ('Trung tâm Bảo tồn Di tích Cố đô …')", () => {
    const titles = (t: string) => extractOfficials(t).map((o) => [o.name, o.titles]);
    expect(titles('Theo ông Đàm Quang Vĩnh, Giám đốc Trung tâm Bảo tồn Di tích Cố đô Phú Lạc, khu vực này sẽ được trồng cỏ.')).toEqual([
      ['Đàm Quang Vĩnh', ['Giám đốc Trung tâm Bảo tồn Di tích Cố đô Phú Lạc']],
    ]);
    // A field in lower case up to the level word reads as before.
    expect(titles('Bà Lò Thị Mai, Giám đốc Trung tâm Phát triển quỹ đất huyện, cho biết dự án đã xong.')).toEqual([
      ['Lò Thị Mai', ['Giám đốc Trung tâm Phát triển quỹ đất huyện']],
    ]);
  });

  it('reads "đồng chí A, T1, T2; B, T3" lists', () => {
    const text =
      'Chiều 4.3, các đồng chí Lương Minh Tiến, Ủy viên BCH T.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn ĐBQH khoá XV của tỉnh; ' +
      'Vàng Thị Hoa, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đã làm việc với huyện Mèo Vạc.';
    expect(pick(text)).toEqual([
      { name: 'Lương Minh Tiến', titles: ['Ủy viên BCH T.Ư Đảng', 'Bí thư Tỉnh ủy', 'Trưởng đoàn ĐBQH khoá XV của tỉnh'] },
      { name: 'Vàng Thị Hoa', titles: ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh'] },
    ]);
  });

  it('reads the special zones of the 2025 reform as a level ("đặc khu") and their party committee', () => {
    expect(pick('Tiếp đoàn có ông Lý Văn Thử, Phó Bí thư Đặc khu ủy, Chủ tịch UBND đặc khu Cồn Thử; Thượng tá Mạc Văn Thí, Trưởng Công an đặc khu.')).toEqual([
      { name: 'Lý Văn Thử', titles: ['Phó Bí thư Đặc khu ủy', 'Chủ tịch UBND đặc khu Cồn Thử'] },
      { name: 'Mạc Văn Thí', titles: ['Thượng tá', 'Trưởng Công an đặc khu'] },
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

  it('keeps "nông thôn mới" (the new rural development programme) whole inside an office\'s name', () => {
    expect(pick('Chánh Văn phòng Điều phối nông thôn mới tỉnh Lò Văn Thử đề nghị các xã rà soát tiêu chí.')).toEqual([
      { name: 'Lò Văn Thử', titles: ['Chánh Văn phòng Điều phối nông thôn mới tỉnh'] },
    ]);
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

  it('reads given names that are also organisation nouns ("Ban", "Hội") at the end of a name', () => {
    expect(pick('Dự có đ/c Sầm Văn Ban, PCT UBND huyện; ông Đoàn Văn Hội, Chủ tịch Hội Nông dân xã. Trưởng Ban Dân vận Huyện ủy Lục Thị Hằng phát biểu.')).toEqual([
      { name: 'Sầm Văn Ban', titles: ['Phó Chủ tịch UBND huyện'] },
      { name: 'Đoàn Văn Hội', titles: ['Chủ tịch Hội Nông dân xã'] },
      { name: 'Lục Thị Hằng', titles: ['Trưởng Ban Dân vận Huyện ủy'] },
    ]);
  });

  it('reads "PBT Thường trực huyện ủy" without a comma after the name', () => {
    expect(pick('Dự họp có đ/c Quàng Thị Mơ PBT Thường trực huyện ủy; đ/c Cầm Văn Bình PCT Thường trực UBND huyện.')).toEqual([
      { name: 'Quàng Thị Mơ', titles: ['Phó Bí thư Thường trực Huyện ủy'] },
      { name: 'Cầm Văn Bình', titles: ['Phó Chủ tịch Thường trực UBND huyện'] },
    ]);
  });

  it('keeps abbreviated fields joined by "&" or a bare comma inside an organisation', () => {
    expect(pick('Ông Phùng Văn Tài - Giám đốc Sở KH&ĐT; bà Lê Thị Thu - Phó Giám đốc Sở VH,TT&DL tỉnh cho biết.')).toEqual([
      { name: 'Phùng Văn Tài', titles: ['Giám đốc Sở KH&ĐT'] },
      { name: 'Lê Thị Thu', titles: ['Phó Giám đốc Sở VH,TT&DL tỉnh'] },
    ]);
  });

  it('reads former offices with "nguyên" kept in the title', () => {
    expect(pick('Tới dự có ông Hứa Văn Lộc, nguyên Chủ tịch UBND tỉnh. Nguyên Bí thư Huyện ủy Ma Thị Xuân cũng có mặt.')).toEqual([
      { name: 'Hứa Văn Lộc', titles: ['nguyên Chủ tịch UBND tỉnh'] },
      { name: 'Ma Thị Xuân', titles: ['nguyên Bí thư Huyện ủy'] },
    ]);
    expect(pick('Ông Trần Văn Nguyên, Chủ tịch UBND xã phát biểu.')).toEqual([{ name: 'Trần Văn Nguyên', titles: ['Chủ tịch UBND xã'] }]);
  });

  it('reads an organisation named by its function with a lower-case object up to its level', () => {
    const text =
      'Đồng chí Vũ Thị Hà, Phó Trưởng Ban Chỉ đạo các phong trào thi đua của huyện; ông Chu Văn Long, ' +
      'Giám đốc Ban quản lý rừng phòng hộ đầu nguồn huyện Mường Khương; bà Lý Thị Dung, Trưởng Ban Tổ chức ' +
      'phát biểu tại xã; ông Hà Văn Tú, Bí thư Huyện ủy kiểm tra công tác dọn vệ sinh huyện.';
    expect(pick(text)).toEqual([
      { name: 'Vũ Thị Hà', titles: ['Phó Trưởng Ban Chỉ đạo các phong trào thi đua của huyện'] },
      { name: 'Chu Văn Long', titles: ['Giám đốc Ban quản lý rừng phòng hộ đầu nguồn huyện Mường Khương'] },
      { name: 'Lý Thị Dung', titles: ['Trưởng Ban Tổ chức'] },
      { name: 'Hà Văn Tú', titles: ['Bí thư Huyện ủy'] },
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

    it('reads a person, not a ward, after "UBND phường" when no ward bears the name (session 15)', () => {
      expect(pick('Theo PCT UBND phường Tạ Minh Khang, năm nay phường đón 2 triệu lượt khách.')).toEqual([{ name: 'Tạ Minh Khang', titles: ['Phó Chủ tịch UBND phường'] }]);
      // A real ward named after a person stays a ward: "Chu Văn An" (Hải Phòng), "Trần Phú" (many provinces).
      expect(pick('Chủ tịch UBND phường Chu Văn An Lê Thị Hoa cho biết.')).toEqual([{ name: 'Lê Thị Hoa', titles: ['Chủ tịch UBND phường Chu Văn An'] }]);
      expect(pick('Chủ tịch UBND phường Trần Phú phát biểu.')).toEqual([]);
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

  describe('generalised titles and names', () => {
    it('reads minority family names introduced by "ông"/"bà" and a title', () => {
      const text =
        'Theo bà Ly Thị Sua, Phó Chủ tịch HĐND xã Tả Ván, năm nay xã trồng mới rừng. ' +
        'Ông Vừ Mí Lầu – Bí thư Đảng ủy xã cho biết thêm. Dự có ông Chẩu Văn Pình, Trưởng phòng Dân tộc huyện.';
      expect(pick(text)).toEqual([
        { name: 'Ly Thị Sua', titles: ['Phó Chủ tịch HĐND xã Tả Ván'] },
        { name: 'Vừ Mí Lầu', titles: ['Bí thư Đảng ủy xã'] },
        { name: 'Chẩu Văn Pình', titles: ['Trưởng phòng Dân tộc huyện'] },
      ]);
    });

    it('reads a name with an unlisted family name when "Văn" or "Thị" is its middle name', () => {
      expect(pick('Chủ tịch UBND xã Nghĩa Thuận Ngân Văn Khởi báo cáo; Tại Văn Bàn, Chủ tịch UBND huyện chủ trì.')).toEqual([
        { name: 'Ngân Văn Khởi', titles: ['Chủ tịch UBND xã Nghĩa Thuận'] },
      ]);
    });

    it('ends a title at the verb after it, even a verb that is also an organisation word', () => {
      const text =
        'Chủ tịch UBND huyện kiểm tra tiến độ; Giám đốc Sở Giao thông vận tải Quách Văn Lực chỉ đạo sửa đường. ' +
        'Sau đó Phó Chủ tịch UBND tỉnh Đào Thị Hạnh kiểm tra kè chống sạt lở.';
      expect(pick(text)).toEqual([
        { name: 'Quách Văn Lực', titles: ['Giám đốc Sở Giao thông vận tải'] },
        { name: 'Đào Thị Hạnh', titles: ['Phó Chủ tịch UBND tỉnh'] },
      ]);
      // After an organisation noun the same words name the body: "Ban chỉ đạo", "Ủy ban kiểm tra".
      expect(pick('Bà Tạ Thị Nga, Phó Trưởng ban chỉ đạo giảm nghèo huyện, báo cáo.')).toEqual([
        { name: 'Tạ Thị Nga', titles: ['Phó Trưởng ban chỉ đạo giảm nghèo huyện'] },
      ]);
    });

    it('keeps commas, dashes and place names inside organisation names', () => {
      const text =
        'Đồng chí Lường Văn Thuận, Giám đốc Sở Văn hóa, Thể thao và Du lịch; đồng chí Mạc Thị Oanh, Phó Giám đốc ' +
        'Sở Lao động - Thương binh và Xã hội; đồng chí Sầm Đức Lộc, Phó Trưởng Ban Tuyên giáo Tỉnh ủy, Chủ tịch Ủy ban ' +
        'MTTQ Việt Nam tỉnh cùng dự.';
      expect(pick(text)).toEqual([
        { name: 'Lường Văn Thuận', titles: ['Giám đốc Sở Văn hóa, Thể thao và Du lịch'] },
        { name: 'Mạc Thị Oanh', titles: ['Phó Giám đốc Sở Lao động - Thương binh và Xã hội'] },
        { name: 'Sầm Đức Lộc', titles: ['Phó Trưởng Ban Tuyên giáo Tỉnh ủy', 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh'] },
      ]);
      // A comma before a new title or a name still ends the title.
      expect(pick('Giám đốc Sở Y tế, Chủ tịch Hội Chữ thập đỏ tỉnh Hứa Văn Tài và bà Lò Thị Én dự.')).toEqual([
        { name: 'Hứa Văn Tài', titles: ['Giám đốc Sở Y tế', 'Chủ tịch Hội Chữ thập đỏ tỉnh'] },
      ]);
    });

    it('reads delegations, national posts and ranks', () => {
      const text =
        'Tiếp đoàn có đồng chí Giàng A Tông, Phó Trưởng Đoàn chuyên trách Đoàn ĐBQH tỉnh; Thứ trưởng Bộ Nông nghiệp và ' +
        'Phát triển nông thôn Khổng Minh Đạt; Trung tá Lục Văn Khang, Phó Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh.';
      expect(pick(text)).toEqual([
        { name: 'Giàng A Tông', titles: ['Phó Trưởng Đoàn chuyên trách Đoàn ĐBQH tỉnh'] },
        { name: 'Khổng Minh Đạt', titles: ['Thứ trưởng Bộ Nông nghiệp và Phát triển nông thôn'] },
        { name: 'Lục Văn Khang', titles: ['Trung tá', 'Phó Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh'] },
      ]);
    });

    it('skips a short parenthesis between a name and its titles (captions)', () => {
      expect(pick('Đồng chí Hầu Thị Dợ (thứ ba từ trái sang), Chủ tịch Hội LHPN tỉnh trao quà.')).toEqual([
        { name: 'Hầu Thị Dợ', titles: ['Chủ tịch Hội LHPN tỉnh'] },
      ]);
    });

    it('reads names and titles in capitals, bounded by names read in mixed case', () => {
      expect(pick('ĐỒNG CHÍ TRIỆU VĂN QUYẾT, TỈNH ỦY VIÊN, BÍ THƯ HUYỆN ỦY HOÀNG SU PHÌ.')).toEqual([
        { name: 'Triệu Văn Quyết', titles: ['Tỉnh ủy viên', 'Bí thư Huyện ủy Hoàng Su Phì'] },
      ]);
      const text = 'Ông Nông Quốc Hưng, Giám đốc Sở Công Thương, dự.\n\nGIÁM ĐỐC SỞ CÔNG THƯƠNG NÔNG QUỐC HƯNG THĂM GIAN HÀNG';
      const [hung, ...rest] = extractOfficials(text);
      expect(rest).toEqual([]);
      expect(hung?.name).toBe('Nông Quốc Hưng');
      expect(hung?.spans).toHaveLength(2);
      // Unknown capitals followed by more capitals: where the name ends cannot be told, so nothing is read.
      expect(pick('CHỦ TỊCH UBND TỈNH ĐÀM VĂN LONG THĂM HỘ NGHÈO')).toEqual([]);
    });
  });

  describe('heads of private bodies are not officials', () => {
    it('skips directors of companies, cooperatives and groups, in any case', () => {
      const text =
        'Ông Đặng Minh Quý, Giám đốc Công ty CP Gạch Tuy Phong, cho biết; bà Lò Thị Mai, Giám đốc HTX dệt Nà Khương chia sẻ; ' +
        'Chủ tịch HĐQT Tập đoàn Sao Mai Vũ Đức Toàn dự; ông Hà Văn Sơn, Giám đốc công ty, nói.';
      expect(pick(text)).toEqual([]);
    });

    it('keeps a public body whose name holds a private-body word further on', () => {
      expect(pick('Ông Phan Văn Lợi, Chủ tịch Liên minh Hợp tác xã tỉnh, dự.')).toEqual([
        { name: 'Phan Văn Lợi', titles: ['Chủ tịch Liên minh Hợp tác xã tỉnh'] },
      ]);
    });
  });

  describe('more name and title forms', () => {
    it('reads titles inside parentheses after the name', () => {
      const text = 'Dự có đồng chí Lê Thị Hoa (Bí thư Huyện ủy Bảo Yên); ông Mai Văn Bình (Phó Chủ tịch UBND huyện) và bà Đỗ Thị Lành (Chủ tịch Hội LHPN huyện) cùng dự.';
      expect(pick(text)).toEqual([
        { name: 'Lê Thị Hoa', titles: ['Bí thư Huyện ủy Bảo Yên'] },
        { name: 'Mai Văn Bình', titles: ['Phó Chủ tịch UBND huyện'] },
        { name: 'Đỗ Thị Lành', titles: ['Chủ tịch Hội LHPN huyện'] },
      ]);
    });

    it('reads Central Highlands names, with or without a family name, only with a title', () => {
      const text =
        "Dự có đ/c Y Bhăm – Chủ tịch UBND huyện; bà Ksor H'Yim, Phó Bí thư Đảng ủy xã; ông Điểu K'Lăng, Trưởng Công an xã. " +
        'Chủ tịch UBND huyện Krông Pa Rơ Lan Thuk phát biểu. Ông Y Nuê kể lại; già làng A Pớt nói.';
      expect(pick(text)).toEqual([
        { name: 'Y Bhăm', titles: ['Chủ tịch UBND huyện'] },
        { name: "Ksor H'Yim", titles: ['Phó Bí thư Đảng ủy xã'] },
        { name: "Điểu K'Lăng", titles: ['Trưởng Công an xã'] },
        { name: 'Rơ Lan Thuk', titles: ['Chủ tịch UBND huyện Krông Pa'] },
      ]);
    });

    it('reads youth-union committees named by their level', () => {
      expect(pick('Bí thư Huyện đoàn Lương Thị Thủy trao quà; đồng chí Hồ Văn Tình, Phó Bí thư Tỉnh đoàn, dự.')).toEqual([
        { name: 'Lương Thị Thủy', titles: ['Bí thư Huyện đoàn'] },
        { name: 'Hồ Văn Tình', titles: ['Phó Bí thư Tỉnh đoàn'] },
      ]);
    });

    it('keeps the fullest form of a title and drops "và đoàn công tác" after it', () => {
      const text =
        'Thứ trưởng Đào Văn Hữu làm trưởng đoàn. Thứ trưởng Bộ Tài chính Đào Văn Hữu phát biểu. ' +
        'Đồng chí Mai Quốc Bảo, Trưởng Ban Tổ chức Trung ương và đoàn công tác đã làm việc.';
      expect(pick(text)).toEqual([
        { name: 'Đào Văn Hữu', titles: ['Thứ trưởng Bộ Tài chính'] },
        { name: 'Mai Quốc Bảo', titles: ['Trưởng Ban Tổ chức Trung ương'] },
      ]);
    });

    it('reads "phụ trách" between a head and its body, border posts and sub-departments', () => {
      const text =
        'Ông Tạ Văn Chiến, Phó Giám đốc phụ trách Sở Xây dựng cho biết. Trung tá Bế Văn Mạnh, Đồn trưởng Đồn Biên phòng Pò Peo; ' +
        'ông Nông Đức Thịnh, Chi cục trưởng Chi cục Thủy lợi tỉnh dự.';
      expect(pick(text)).toEqual([
        { name: 'Tạ Văn Chiến', titles: ['Phó Giám đốc phụ trách Sở Xây dựng'] },
        { name: 'Bế Văn Mạnh', titles: ['Trung tá', 'Đồn trưởng Đồn Biên phòng Pò Peo'] },
        { name: 'Nông Đức Thịnh', titles: ['Chi cục trưởng Chi cục Thủy lợi tỉnh'] },
      ]);
    });

    it('reads names after "Bs", "thầy" and a place ending in a street-like word', () => {
      const text =
        'Bs Đinh Thị Yến – Giám đốc Trung tâm Y tế huyện cho biết; thầy Lê Văn Quý, Hiệu trưởng Trường THCS Nậm Lúc phát biểu. ' +
        'Bí thư Huyện ủy Bến Cầu Trần Văn Hưng phát biểu.';
      expect(pick(text)).toEqual([
        { name: 'Đinh Thị Yến', titles: ['Giám đốc Trung tâm Y tế huyện'] },
        { name: 'Lê Văn Quý', titles: ['Hiệu trưởng Trường THCS Nậm Lúc'] },
        { name: 'Trần Văn Hưng', titles: ['Bí thư Huyện ủy Bến Cầu'] },
      ]);
    });
  });

  describe('citizens are not officials even with a title-like word after them', () => {
    it.each([
      'Đoàn đến thăm gia đình ông Lù Văn Pao, Trưởng thôn Khuổi Luông.',
      'Hộ bà Thào Thị Mỷ, Trưởng bản Sín Chải, được hỗ trợ làm nhà.',
      'Cử tri Hoàng Văn Thịnh, Bí thư chi bộ thôn Nà Lại, kiến nghị làm đường.',
      'Em Vàng Thị Chi, Bí thư chi đoàn lớp 12A, nhận học bổng.',
      'Cháu Nông Văn Tiến, Chủ tịch Hội đồng đội trường, phát biểu.',
    ])('%j', (text) => {
      expect(pick(text)).toEqual([]);
    });
  });

  it('reads a second office after "kiêm" and the number of an army unit', () => {
    expect(extractOfficials('Đồng chí Ma Văn Khánh, Phó Chủ tịch UBND huyện kiêm Trưởng Công an huyện báo cáo.').map((o) => [o.name, o.titles])).toEqual([
      ['Ma Văn Khánh', ['Phó Chủ tịch UBND huyện', 'Trưởng Công an huyện']],
    ]);
    expect(extractOfficials('Bác sĩ Nông Thị Duyên, Giám đốc Trung tâm Y tế huyện, kiêm Trưởng phòng Y tế huyện phát biểu.').map((o) => o.titles)).toEqual([
      ['Giám đốc Trung tâm Y tế huyện', 'Trưởng phòng Y tế huyện'],
    ]);
    expect(extractOfficials('Đại tá Lục Văn Thành, Chính ủy Sư đoàn 316 và Thiếu tướng Hà Minh Đức, Phó Tư lệnh Quân khu 2 dự.').map((o) => o.titles)).toEqual([
      ['Đại tá', 'Chính ủy Sư đoàn 316'],
      ['Thiếu tướng', 'Phó Tư lệnh Quân khu 2'],
    ]);
  });

  it('keeps a delegation\'s purpose in "Trưởng đoàn" titles', () => {
    expect(pick('Đồng chí Đèo Thị Hằng, Phó Chủ tịch HĐND tỉnh, Trưởng đoàn giám sát làm việc tại xã.')).toEqual([
      { name: 'Đèo Thị Hằng', titles: ['Phó Chủ tịch HĐND tỉnh', 'Trưởng đoàn giám sát'] },
    ]);
    expect(pick('Đồng chí Đèo Thị Hằng, Trưởng đoàn công tác thăm xã.').map((o) => o.titles)).toEqual([['Trưởng đoàn công tác']]);
    expect(pick('Đồng chí Đèo Thị Hằng, Trưởng đoàn kiểm tra số 3 của Tỉnh ủy phát biểu.').map((o) => o.titles)).toEqual([['Trưởng đoàn kiểm tra số 3 của Tỉnh ủy']]);
  });

  describe('elections and appointments (issue 8, class 7)', () => {
    it('reads the office a person is elected or appointed to', () => {
      const text =
        'Với 100% phiếu tán thành, kỳ họp đã bầu bà Lục Thị Thanh giữ chức Chủ tịch HĐND huyện khóa XX, nhiệm kỳ 2021 - 2026; ' +
        'đồng chí Nông Văn Bình, Phó Bí thư Huyện ủy, được bầu giữ chức Chủ tịch UBND huyện. ' +
        'Đồng chí Hà Minh Sơn được bầu làm Phó Chủ tịch HĐND huyện. Ông Chu Đức Toàn tái đắc cử chức Chủ tịch Hội Cựu chiến binh tỉnh. ' +
        'UBND tỉnh bổ nhiệm ông Vi Văn Lực làm Giám đốc Sở Nội vụ; bà Mạc Thị Hiền được bổ nhiệm giữ chức Phó Giám đốc Sở Tư pháp.';
      expect(pick(text)).toEqual([
        { name: 'Lục Thị Thanh', titles: ['Chủ tịch HĐND huyện'] },
        { name: 'Nông Văn Bình', titles: ['Phó Bí thư Huyện ủy', 'Chủ tịch UBND huyện'] },
        { name: 'Hà Minh Sơn', titles: ['Phó Chủ tịch HĐND huyện'] },
        { name: 'Chu Đức Toàn', titles: ['Chủ tịch Hội Cựu chiến binh tỉnh'] },
        { name: 'Vi Văn Lực', titles: ['Giám đốc Sở Nội vụ'] },
        { name: 'Mạc Thị Hiền', titles: ['Phó Giám đốc Sở Tư pháp'] },
      ]);
    });

    it('reads the body that elects or appoints between "được" and the verb', () => {
      const text =
        'Ông Hoàng Minh Khôi được HĐND tỉnh bầu giữ chức Chủ tịch UBND tỉnh. Đồng chí Bạch Văn Tư, Phó Bí thư Tỉnh ủy ' +
        'được Bộ Chính trị điều động, chỉ định giữ chức Bí thư Tỉnh ủy. Bà Lê Thị Mận trúng cử Đại biểu Quốc hội khóa XVI. ' +
        'Ông Đoàn Văn Tín được bà con bầu chọn là gương mặt tiêu biểu.';
      expect(pick(text)).toEqual([
        { name: 'Hoàng Minh Khôi', titles: ['Chủ tịch UBND tỉnh'] },
        { name: 'Bạch Văn Tư', titles: ['Phó Bí thư Tỉnh ủy', 'Bí thư Tỉnh ủy'] },
        { name: 'Lê Thị Mận', titles: ['Đại biểu Quốc hội khóa XVI'] },
      ]);
    });

    it('keeps acting and former offices with their prefix, and given names that look like one', () => {
      const text =
        'Quyền Chủ tịch UBND tỉnh Đỗ Văn Sơn phát biểu; ông Hà Văn Nam, Quyền Giám đốc Sở Y tế; ông Lò Văn An, Nguyên Bí thư ' +
        'Huyện ủy dự. Đ/c Lê Văn Quyền Chủ tịch UBND xã báo cáo.';
      expect(pick(text)).toEqual([
        { name: 'Đỗ Văn Sơn', titles: ['Quyền Chủ tịch UBND tỉnh'] },
        { name: 'Hà Văn Nam', titles: ['Quyền Giám đốc Sở Y tế'] },
        { name: 'Lò Văn An', titles: ['nguyên Bí thư Huyện ủy'] },
        { name: 'Lê Văn Quyền', titles: ['Chủ tịch UBND xã'] },
      ]);
      expect(pick('Việc này thuộc thẩm quyền Chủ tịch UBND tỉnh Lê Văn Hòa.')).toEqual([{ name: 'Lê Văn Hòa', titles: ['Chủ tịch UBND tỉnh'] }]);
    });

    it('reads "làm" as "as" only after an appointment verb', () => {
      expect(pick('Thứ trưởng Đào Văn Hữu làm trưởng đoàn; ông Lý Văn Dũng làm Trưởng thôn nhiều năm.')).toEqual([
        { name: 'Đào Văn Hữu', titles: ['Thứ trưởng'] },
      ]);
    });
  });

  describe('a title shared by a list of names (issues 8 and 13)', () => {
    it('gives the shared title to each name, with each one\'s own titles', () => {
      const text =
        'Dự hội nghị có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Đinh Văn Hải, Trưởng Ban Tổ chức Tỉnh ủy; ' +
        'Lò Thị Hằng, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy, Chủ tịch Công đoàn tỉnh.';
      expect(pick(text)).toEqual([
        { name: 'Đinh Văn Hải', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Trưởng Ban Tổ chức Tỉnh ủy'] },
        { name: 'Lò Thị Hằng', titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy', 'Chủ tịch Công đoàn tỉnh'] },
      ]);
    });

    it('reads a shared title before names, after a colon or after "các"', () => {
      expect(pick('Cùng đi có các Đại biểu Quốc hội: Mông Văn Tường, Sùng Thị Dợ, Bế Thị Lan.')).toEqual([
        { name: 'Mông Văn Tường', titles: ['Đại biểu Quốc hội'] },
        { name: 'Sùng Thị Dợ', titles: ['Đại biểu Quốc hội'] },
        { name: 'Bế Thị Lan', titles: ['Đại biểu Quốc hội'] },
      ]);
      expect(pick('Tham dự có các Phó Chủ tịch UBND tỉnh Hoàng Văn Nhật, Triệu Thị Mai và Lâm Văn Đức.')).toEqual([
        { name: 'Hoàng Văn Nhật', titles: ['Phó Chủ tịch UBND tỉnh'] },
        { name: 'Triệu Thị Mai', titles: ['Phó Chủ tịch UBND tỉnh'] },
        { name: 'Lâm Văn Đức', titles: ['Phó Chủ tịch UBND tỉnh'] },
      ]);
      expect(pick('Các đồng chí: Hoàng Văn Nhật, Bí thư Huyện ủy; Triệu Thị Mai, Chủ tịch UBND huyện dự.')).toEqual([
        { name: 'Hoàng Văn Nhật', titles: ['Bí thư Huyện ủy'] },
        { name: 'Triệu Thị Mai', titles: ['Chủ tịch UBND huyện'] },
      ]);
    });

    it('reads no masthead credit ("Tổng biên tập: A") as a list', () => {
      expect(pick('Tổng biên tập: Hà Văn Toàn\nPhó Tổng biên tập: Lê Thị Thu, Vũ Văn Hòa\nGiám đốc: Trần Văn Hậu')).toEqual([]);
    });

    it('does not spread a singular title to the names after its person', () => {
      expect(pick('Phó Chủ tịch UBND tỉnh Hoàng Văn Nhật, Triệu Thị Mai và Lâm Văn Đức đi kiểm tra.')).toEqual([
        { name: 'Hoàng Văn Nhật', titles: ['Phó Chủ tịch UBND tỉnh'] },
      ]);
    });
  });

  describe('leaders of the past are not current officials (issue 8, class 7)', () => {
    it.each([
      'Học tập và làm theo tư tưởng, đạo đức, phong cách của Chủ tịch Hồ Chí Minh; Đại tướng Võ Nguyên Giáp từng về đây.',
      'Kỷ niệm 115 năm ngày sinh đồng chí Ngô Gia Tự, nguyên Bí thư Xứ ủy Bắc Kỳ.',
      'Sinh thời, Thủ tướng Lê Văn Hưu nhiều lần về thăm tỉnh.',
      'Tượng đài cố Chủ tịch nước Trần Văn Khải được khánh thành.',
      'Huyện trao bằng cho gia đình liệt sĩ Nông Văn Dền, Chính trị viên đại đội.',
      'Lễ viếng đồng chí Phạm Văn Hòa, nguyên Chủ tịch UBND tỉnh được tổ chức trọng thể.',
    ])('%j', (text) => {
      expect(pick(text)).toEqual([]);
    });

    it('keeps the current official named after a leader of the past', () => {
      expect(pick('Nhân kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh, đồng chí Lê Văn An, Bí thư Tỉnh ủy dâng hương. Cố gắng hơn nữa, ông nói.')).toEqual([
        { name: 'Lê Văn An', titles: ['Bí thư Tỉnh ủy'] },
      ]);
    });
  });

  describe('abbreviated forms of district portals (issue 13)', () => {
    it('expands UV BTV, UV BCH, TT, CT. and chains titles with " - "', () => {
      const text =
        'đ/c Đặng Thị Mơ PBT TT huyện uỷ; đ/c Lã Văn Tiến UV BTV huyện uỷ, PCT TT UBND huyện; ' +
        'Đ/c Hầu A Lử - UV BCH Đảng bộ tỉnh - Bí thư Huyện ủy - CT. HĐND huyện phát biểu.';
      expect(pick(text)).toEqual([
        { name: 'Đặng Thị Mơ', titles: ['Phó Bí thư Thường trực Huyện uỷ'] },
        { name: 'Lã Văn Tiến', titles: ['Ủy viên BTV Huyện uỷ', 'Phó Chủ tịch Thường trực UBND huyện'] },
        { name: 'Hầu A Lử', titles: ['Ủy viên BCH Đảng bộ tỉnh', 'Bí thư Huyện ủy', 'Chủ tịch HĐND huyện'] },
      ]);
    });

    it('reads a second official in a list with no comma between name and title', () => {
      expect(pick('Dự có đồng chí Lê Văn Ân, Bí thư Huyện ủy; Trần Văn Bình Chủ tịch UBND huyện và Hà Thị Cúc Phó Chủ tịch HĐND huyện.')).toEqual([
        { name: 'Lê Văn Ân', titles: ['Bí thư Huyện ủy'] },
        { name: 'Trần Văn Bình', titles: ['Chủ tịch UBND huyện'] },
        { name: 'Hà Thị Cúc', titles: ['Phó Chủ tịch HĐND huyện'] },
      ]);
    });

    it('expands GĐ, PGĐ and ĐUV before a body', () => {
      expect(pick('đ/c Lò Văn Tâm, GĐ Sở NN&PTNT; đ/c Vi Thị Hà PGĐ Trung tâm Y tế huyện; đ/c Sa Văn Khoa, ĐUV, Trưởng Công an xã.')).toEqual([
        { name: 'Lò Văn Tâm', titles: ['Giám đốc Sở NN&PTNT'] },
        { name: 'Vi Thị Hà', titles: ['Phó Giám đốc Trung tâm Y tế huyện'] },
        { name: 'Sa Văn Khoa', titles: ['Đảng ủy viên', 'Trưởng Công an xã'] },
      ]);
    });

    it('keeps "CT", "UV" and "TT" alone as no title', () => {
      expect(pick('Ông Vũ Văn Sáu, CT MTQG giai đoạn 2; bà Lò Thị Ơn UV tổ TT học tập.')).toEqual([]);
    });
  });

  describe('titles not cut short (issues 8 and 13)', () => {
    it('reads a field whose first syllable alone is capitalised, across a hyphen or a comma', () => {
      const text =
        'Ông Đàm Văn Phúc, Trưởng phòng Giám định kỹ thuật hình sự Công an tỉnh; bà Lưu Thị Thoa, Phó Trưởng Ban Kinh tế - Ngân ' +
        'sách HĐND tỉnh; ông Lê Quang Huy, Phó Trưởng Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn huyện; ' +
        'bà Hà Thị Hồng, Chủ tịch Hội Luật gia tỉnh cùng dự.';
      expect(pick(text)).toEqual([
        { name: 'Đàm Văn Phúc', titles: ['Trưởng phòng Giám định kỹ thuật hình sự Công an tỉnh'] },
        { name: 'Lưu Thị Thoa', titles: ['Phó Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh'] },
        { name: 'Lê Quang Huy', titles: ['Phó Trưởng Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn huyện'] },
        { name: 'Hà Thị Hồng', titles: ['Chủ tịch Hội Luật gia tỉnh'] },
      ]);
    });

    it('does not run a title into the verb after a place', () => {
      expect(pick('Chủ tịch UBND tỉnh Cao Bằng chúc mừng; Bí thư Huyện ủy Nguyễn Văn Tâm chúc Tết.')).toEqual([
        { name: 'Nguyễn Văn Tâm', titles: ['Bí thư Huyện ủy'] },
      ]);
    });

    it('reads a rank before a name without a listed family name, and a level word that ends a name', () => {
      expect(pick('Thượng tá Y Thuận Êban, Trưởng Công an huyện báo cáo; đồng chí Mã Văn Tỉnh, nguyên Phó Chủ tịch UBND tỉnh dự.')).toEqual([
        { name: 'Y Thuận Êban', titles: ['Thượng tá', 'Trưởng Công an huyện'] },
        { name: 'Mã Văn Tỉnh', titles: ['nguyên Phó Chủ tịch UBND tỉnh'] },
      ]);
    });
  });

  describe('more title forms', () => {
    it('reads a title set before "ông"/"bà" and a name by a comma', () => {
      expect(pick('Chủ tịch UBND xã Tân Lập, ông Lê Văn Khang cho biết; Giám đốc Sở Y tế, bà Đặng Thị Lụa nói thêm. Hộ nghèo, bà Lò Thị Mai kể.')).toEqual([
        { name: 'Lê Văn Khang', titles: ['Chủ tịch UBND xã Tân Lập'] },
        { name: 'Đặng Thị Lụa', titles: ['Giám đốc Sở Y tế'] },
      ]);
    });

    it('reads alternate members, steering committees against a scourge and the general staff', () => {
      const text =
        'Đồng chí Lý Văn Kiên, Ủy viên dự khuyết BCH Trung ương Đảng, Trưởng Ban Chỉ đạo phòng, chống ma túy tỉnh dự; ' +
        'Trung tướng Lê Quang Oai, Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam phát biểu.';
      expect(pick(text)).toEqual([
        { name: 'Lý Văn Kiên', titles: ['Ủy viên dự khuyết BCH Trung ương Đảng', 'Trưởng Ban Chỉ đạo phòng, chống ma túy tỉnh'] },
        { name: 'Lê Quang Oai', titles: ['Trung tướng', 'Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam'] },
      ]);
    });
  });

  describe('one title written two ways is one title', () => {
    it('merges abbreviated and written-out forms, keeping the fuller', () => {
      const text =
        'Ông Võ Văn Thành, Phó Chủ tịch HĐND TP phát biểu. Phó Chủ tịch HĐND TP.HCM Võ Văn Thành cho biết thêm. ' +
        'Bà Hồ Thị Vân, Ủy viên BTV Thành ủy dự. Ủy viên Ban Thường vụ Thành ủy Hồ Thị Vân phát biểu.';
      expect(pick(text)).toEqual([
        { name: 'Võ Văn Thành', titles: ['Phó Chủ tịch HĐND TP.HCM'] },
        { name: 'Hồ Thị Vân', titles: ['Ủy viên BTV Thành ủy'] },
      ]);
    });
  });

  describe('heads of private clinics and hospital departments are not officials', () => {
    it.each([
      'BSCKII Trần Văn Lâm, Trưởng khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh cho biết.',
      'Ông Lê Minh Tâm, Giám đốc Bệnh viện đa khoa tư nhân Hòa An, cho biết.',
      'Bà Vũ Thị Nhàn, Giám đốc Phòng khám đa khoa Thiện Tâm, chia sẻ.',
      'Ông Phạm Văn Lộc, Chủ tịch Công ty cổ phần Sông Đà, phát biểu.',
      'PGS.TS Đỗ Văn Hùng, Phó Trưởng khoa Y, Trường Đại học Y Dược, tư vấn.',
      'Ông Trần Văn Long, Giám đốc điều hành Công ty Sao Việt, cho biết; bà Hà Thị Nụ, Phó Giám đốc, chia sẻ thêm.',
      'Ông Phạm Văn Đức, Chủ tịch HĐQT kiêm Tổng Giám đốc Công ty CP Thủy điện Suối Chăn phát biểu.',
      'Ông Nguyễn Văn Khải, Trưởng phòng Kinh doanh Công ty TNHH Minh Phát, cho biết.',
    ])('%j', (text) => {
      expect(pick(text)).toEqual([]);
    });

    it('reads a name holding a private-body word after a rank', () => {
      expect(pick('Thiếu tá Điểu Khoa Tăng, Phó Trưởng Công an xã báo cáo; ông Lò Văn Khoa, Giám đốc Sở Nội vụ dự.')).toEqual([
        { name: 'Điểu Khoa Tăng', titles: ['Thiếu tá', 'Phó Trưởng Công an xã'] },
        { name: 'Lò Văn Khoa', titles: ['Giám đốc Sở Nội vụ'] },
      ]);
    });

    it('keeps a public hospital\'s director', () => {
      expect(pick('Ông Lê Văn An, Giám đốc Bệnh viện Đa khoa tỉnh, kiểm tra các phòng khám tư nhân.')).toEqual([
        { name: 'Lê Văn An', titles: ['Giám đốc Bệnh viện Đa khoa tỉnh'] },
      ]);
    });
  });

  // Why one test per input: each is ~1 MB; on a loaded machine one test with all of them could hit the timeout.
  // Speed itself is measured in bench/, not here: these check the scan finishes and stays valid.
  describe('stays linear and valid on adversarial input', () => {
    it.each<[string, () => string, number | 'some']>([
      ['NGUYỄN VĂN …', () => 'NGUYỄN VĂN '.repeat(100_000), 0],
      ['BÍ THƯ TỈNH ỦY …', () => 'BÍ THƯ TỈNH ỦY '.repeat(70_000), 0],
      ['Giám đốc Sở Văn hóa, Thể thao, …', () => 'Giám đốc Sở Văn hóa, Thể thao, '.repeat(35_000), 0],
      ['đồng chí Lò Văn An (giữa …', () => 'đồng chí Lò Văn An (giữa '.repeat(40_000), 0],
      ['Ngân Văn Thị …', () => 'Ngân Văn Thị '.repeat(80_000), 0],
      ['BÍ THƯ HUYỆN ỦY BẢO LẠC LÒ VĂN AN, …', () => 'BÍ THƯ HUYỆN ỦY BẢO LẠC LÒ VĂN AN, '.repeat(10_000), 1],
      ['Nguyễn …', () => 'Nguyễn '.repeat(150_000), 0],
      ['Bí thư Tỉnh ủy …', () => 'Bí thư Tỉnh ủy '.repeat(70_000), 0],
      ['đồng chí …', () => 'đồng chí '.repeat(100_000), 0],
      ['Bí thư Nguyễn Văn A, …', () => 'Bí thư Nguyễn Văn A, '.repeat(40_000), 'some'],
      ['nguyên …', () => 'nguyên '.repeat(150_000), 0],
      ['Nguyên. Nguyên nguyên Bí thư …', () => 'Nguyên. Nguyên nguyên Bí thư '.repeat(30_000), 0],
      ['Trưởng Ban chỉ đạo các thôn bản xóm …', () => 'Trưởng Ban chỉ đạo các thôn bản xóm '.repeat(25_000), 0],
      ['Lê Văn Ban Lê Văn Hội …', () => 'Lê Văn Ban Lê Văn Hội '.repeat(40_000), 0],
      ['Giám đốc Sở NN&PTNT&KH,ĐT, …', () => 'Giám đốc Sở NN&PTNT&KH,ĐT,'.repeat(35_000), 0],
      ['ông Y Khê Y Khê Y …', () => 'ông Y Khê Y Khê Y '.repeat(55_000), 0],
      ['ông A Bờ (Bí thư (Bí thư …', () => 'ông A Bờ (Bí thư (Bí thư '.repeat(40_000), 1],
      ['Chủ tịch HĐQT Công ty …', () => 'Chủ tịch HĐQT Công ty '.repeat(45_000), 0],
      ['Trưởng Ban và đoàn và đoàn …', () => 'Trưởng Ban và đoàn và đoàn '.repeat(40_000), 0],
      ['Lò Văn An, Bí thư Huyện ủy kiêm kiêm Quân khu 2 …', () => 'Lò Văn An, Bí thư Huyện ủy kiêm kiêm Quân khu 2 '.repeat(20_000), 'some'],
      ['Trưởng đoàn công tác số 3 …', () => 'Trưởng đoàn công tác số 3 '.repeat(40_000), 0],
      ['các Đại biểu Quốc hội Nguyễn Văn A, …', () => 'các Đại biểu Quốc hội Nguyễn Văn A, '.repeat(30_000), 1],
      ['các Đại biểu Quốc hội: Lê Văn A, Lê Văn B; …', () => 'các Đại biểu Quốc hội: Lê Văn A, Lê Văn B; '.repeat(25_000), 2],
      ['đ/c Lò Văn An được bầu giữ chức …', () => 'đ/c Lò Văn An được bầu giữ chức '.repeat(30_000), 0],
      ['Trưởng phòng Giám định kỹ thuật hình sự …', () => 'Trưởng phòng Giám định kỹ thuật hình sự '.repeat(25_000), 0],
      ['Sinh thời, cố Bí thư Lê Văn A, …', () => 'Sinh thời, cố Bí thư Lê Văn A, '.repeat(30_000), 0],
      ['Ban Chỉ huy Phòng, chống …', () => 'Ban Chỉ huy Phòng, chống '.repeat(40_000), 0],
      ['PBT TT CT. UV BTV …', () => 'PBT TT CT. UV BTV '.repeat(55_000), 0],
    ])('%s', (_label, input, expected) => {
      const found = extractOfficials(input());
      if (expected === 'some') expect(found.length).toBeGreaterThan(0);
      else expect(found).toHaveLength(expected);
    });
  });
});
