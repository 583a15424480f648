import { describe, expect, it } from 'vitest';
import { detectWrapWidth, reflowLines } from './reflow.ts';
import { cleanText } from './text-mode.ts';

/**
 * An invented capture saved from a fixed-width (64-column) view, as `lynx -dump` prints a commune
 * portal: the title and every paragraph broken where the next word did not fit, one paragraph
 * ending with a lone word ("xã.") and an official's title split by the break.
 */
const WRAPPED = [
  'Ngày đăng: 03/04/2024 15:10 | Lượt xem: 417',
  '',
  'Huyện Hoàng Su Phì tổ chức Lễ phát động ra quân trồng chè Shan',
  'tuyết năm 2024',
  '',
  'Sáng 2/4, UBND huyện Hoàng Su Phì tổ chức Lễ phát động ra quân',
  'trồng chè Shan tuyết năm 2024 tại thôn Nậm Hồng, xã Bản Luốc. Dự',
  'buổi lễ có đồng chí Lù Văn Pao, Phó Chủ tịch UBND huyện cùng',
  'lãnh đạo các phòng, ban chuyên môn và bà con nhân dân trong xã.',
  '',
  'Năm 2024, huyện phấn đấu trồng mới 120 ha chè, tập trung tại các',
  'Bản Luốc, Nậm Dịch, Túng Sán, Pố Lồ và Thàng Tín cùng các thôn',
  'xã.',
  '',
  'Văn Hùng - TTVH-TT huyện',
].join('\n');

describe('reflowLines', () => {
  it('finds the wrap width of a fixed-width capture', () => {
    expect(detectWrapWidth(WRAPPED.split('\n'))).toBe(64);
  });

  it('finds it when one paragraph of the capture was pasted unwrapped, and not when most were', () => {
    const unwrapped =
      'Tiếp đó, đoàn kiểm tra vườn chè của hợp tác xã Chè Shan Bản Luốc, nơi có 35 ha chè cổ thụ được chăm sóc theo hướng hữu cơ và xuất bán 12 tấn chè búp tươi mỗi vụ.';
    const mixed = WRAPPED.split('\n');
    mixed.splice(10, 0, unwrapped, '');
    expect(detectWrapWidth(mixed)).toBe(64);
    expect(reflowLines(mixed).lines).toContain('Năm 2024, huyện phấn đấu trồng mới 120 ha chè, tập trung tại các Bản Luốc, Nậm Dịch, Túng Sán, Pố Lồ và Thàng Tín cùng các thôn xã.');
    // A capture of long lines with a few short ones is one line per paragraph.
    expect(detectWrapWidth([unwrapped, '', unwrapped, '', unwrapped, '', unwrapped, '', ...WRAPPED.split('\n').slice(0, 6)])).toBeNull();
  });

  it('leaves a stray letter under a short line (a byline) alone', () => {
    const lines = [...WRAPPED.split('\n').slice(0, -1), 'Văn Hùng - Trung tâm VH-TT huyện', 'l', 'Tin liên quan'];
    expect(reflowLines(lines).lines.slice(-3)).toEqual(['Văn Hùng - Trung tâm VH-TT huyện', 'l', 'Tin liên quan']);
  });

  it('joins wrapped lines into paragraphs and keeps the original line numbers', () => {
    const r = reflowLines(WRAPPED.split('\n'));
    expect(r.lines[2]).toBe('Huyện Hoàng Su Phì tổ chức Lễ phát động ra quân trồng chè Shan tuyết năm 2024');
    expect(r.spans[2]).toEqual({ from: 3, to: 4 });
    const para = r.lines.find((l) => l.startsWith('Sáng 2/4'));
    expect(para).toContain('Phó Chủ tịch UBND huyện cùng lãnh đạo các phòng');
    expect(r.spans[r.lines.indexOf(para ?? '')]).toEqual({ from: 6, to: 9 });
    expect(r.lines).toContain('Năm 2024, huyện phấn đấu trồng mới 120 ha chè, tập trung tại các Bản Luốc, Nậm Dịch, Túng Sán, Pố Lồ và Thàng Tín cùng các thôn xã.');
    // Blank lines and short lines (the byline, the meta line) stay as they were.
    expect(r.lines).toContain('Văn Hùng - TTVH-TT huyện');
    expect(r.lines[0]).toBe('Ngày đăng: 03/04/2024 15:10 | Lượt xem: 417');
  });

  it('keeps a date line under a full-width line on its own', () => {
    const lines = WRAPPED.split('\n');
    lines.splice(4, 0, 'Thứ tư, 03/04/2024');
    lines.splice(3, 1);
    lines[2] = 'Huyện Hoàng Su Phì phát động ra quân trồng chè Shan tuyết năm 2024';
    const r = reflowLines(lines);
    expect(r.lines).toContain('Thứ tư, 03/04/2024');
    expect(r.lines).toContain('Huyện Hoàng Su Phì phát động ra quân trồng chè Shan tuyết năm 2024');
  });

  it('joins a capture wrapped a few characters short of its width (by hand or in a proportional font)', () => {
    const r = reflowLines([
      'Huyện Mèo Vạc sơ kết công tác phòng, chống cháy rừng mùa khô năm',
      '2024 - 2025',
      '',
      'Chiều 3/3, Ban Chỉ huy phòng, chống cháy rừng huyện Mèo Vạc tổ chức',
      'hội nghị sơ kết công tác phòng, chống cháy rừng. Dự hội nghị có đồng',
      'chí Sùng Mí Lử, Phó Chủ tịch UBND huyện, Trưởng ban Chỉ huy phòng,',
      'chống cháy rừng huyện; lãnh đạo các phòng, ban chuyên môn và Chủ tịch',
      'UBND các xã, thị trấn trên địa bàn huyện.',
    ]);
    expect(r.lines[0]).toBe('Huyện Mèo Vạc sơ kết công tác phòng, chống cháy rừng mùa khô năm 2024 - 2025');
    expect(r.lines[2]).toContain('có đồng chí Sùng Mí Lử, Phó Chủ tịch UBND huyện, Trưởng ban Chỉ huy phòng, chống cháy rừng huyện;');
    expect(r.lines).toHaveLength(3);
  });

  it('leaves a capture with one line per paragraph alone', () => {
    const lines = [
      'Huyện Vị Xuyên tổng kết công tác khuyến nông năm 2024',
      'Chiều 20/12, Trạm Khuyến nông huyện Vị Xuyên tổ chức hội nghị tổng kết công tác khuyến nông năm 2024, triển khai nhiệm vụ năm 2025.',
      'Năm 2024, trạm đã mở 42 lớp tập huấn cho hơn 1.800 lượt nông dân.',
      'Minh Khôi',
    ];
    const r = reflowLines(lines);
    expect(r.wrapWidth).toBeNull();
    expect(r.lines).toEqual(lines);
  });

  it('joins a sentence broken mid-way in any capture when it goes on in lower case', () => {
    const r = reflowLines([
      'Hội nghị có sự tham dự của đồng chí Sùng Mí Vừ, Phó Bí thư Thường trực',
      'huyện ủy và lãnh đạo các xã.',
      'Thống kê truy cập',
      'hôm nay: 12',
    ]);
    expect(r.lines[0]).toBe('Hội nghị có sự tham dự của đồng chí Sùng Mí Vừ, Phó Bí thư Thường trực huyện ủy và lãnh đạo các xã.');
    // A title broken after a word no headline ends with, the rest in capitals.
    expect(reflowLines(['Ban Chấp hành Đảng bộ xã Thông Nguyên học tập Nghị quyết của', 'Tỉnh ủy Hà Giang', '', 'Sáng 5/3, ...']).lines[0]).toBe(
      'Ban Chấp hành Đảng bộ xã Thông Nguyên học tập Nghị quyết của Tỉnh ủy Hà Giang',
    );
    // A widget in lower case is not glued to the widget above it.
    expect(r.lines.slice(1)).toEqual(['Thống kê truy cập', 'hôm nay: 12']);
  });
});

describe('cleanText on a hard-wrapped capture', () => {
  const r = cleanText(WRAPPED);

  it('finds the title broken across lines and says which lines it came from', () => {
    expect(r.title).toBe('Huyện Hoàng Su Phì tổ chức Lễ phát động ra quân trồng chè Shan tuyết năm 2024');
    expect(r.titleWhy).toMatch(/^lines 3–4: /u);
    expect(r.removed.find((x) => x.rule === 'titleRule')?.lines).toEqual({ from: 3, to: 4 });
  });

  it('loses no word at a line start: the lone "xã." stays in its sentence', () => {
    expect(r.text).toContain('Pố Lồ và Thàng Tín cùng các thôn xã.');
    expect(r.removed.map((x) => x.rule)).not.toContain('strayLetterRule');
    expect(r.text).toContain('đồng chí Lù Văn Pao, Phó Chủ tịch UBND huyện cùng lãnh đạo');
  });

  it('reads the post time from the meta line and the unit byline', () => {
    expect(r.dates).toEqual([{ text: 'Ngày đăng: 03/04/2024 15:10', where: 'header' }]);
    expect(r.byline).toBe('Văn Hùng - TTVH-TT huyện');
    expect(r.text).not.toContain('Lượt xem');
  });
});
