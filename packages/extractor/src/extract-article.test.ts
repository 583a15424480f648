import { describe, expect, it } from 'vitest';
import { clean, type CleanResult } from '@provnews/cleaner';
import { articleRecordSchema } from '@provnews/record';
import { analysisText, extractArticle } from './extract-article.ts';

/** A CleanResult as the cleaner would give it for a captured text page. */
function cleanResult(over: Partial<CleanResult> & { paragraphs: string[] }): CleanResult {
  return {
    mode: 'text',
    isArticle: true,
    reason: null,
    title: null,
    lead: null,
    text: over.paragraphs.join('\n\n'),
    captions: [],
    byline: null,
    dates: [],
    meta: { canonicalUrl: null, lang: null, siteName: null, ogTitle: null, description: null, publishedTimes: [], modifiedTimes: [], authors: [], section: null, jsonLd: [] },
    removed: [],
    ...over,
  };
}

const ARTICLE = cleanResult({
  title: 'Bí thư Tỉnh ủy làm việc tại huyện Xín Mần',
  byline: 'Tin, ảnh: Minh Khôi',
  dates: [
    { text: 'Thứ hai, 12/09/2022', where: 'header' },
    { text: 'Thứ Sáu, 26/08/2022, 17:40 [GMT+7]', where: 'underTitle' },
  ],
  paragraphs: [
    'BHG - Chiều 26.8, các đồng chí Lương Minh Tiến, Ủy viên BCH T.Ư Đảng, Bí thư Tỉnh ủy; Vàng Thị Hoa, Phó Chủ tịch UBND tỉnh đã làm việc với BTV Huyện ủy Xín Mần.',
    'Năm 2022, huyện thu ngân sách 18,42 tỷ đồng, đạt 104,5% dự toán; giảm 612 hộ nghèo; 6/18 xã đạt chuẩn nông thôn mới. Huyện thực hiện Nghị quyết số 09-NQ/TU ngày 3/5/2021 của Tỉnh ủy.',
    'Bí thư Tỉnh ủy Lương Minh Tiến thăm gia đình ông Sần Văn Páo, thôn Nà Chì, xã Nấm Dẩn.',
  ],
  captions: ['Phó Chủ tịch UBND tỉnh Vàng Thị Hoa phát biểu tại buổi làm việc.', 'Giám đốc Sở Tài chính Đinh Thị Nga phát biểu.'],
});

describe('extractArticle', () => {
  const record = extractArticle(ARTICLE, { url: 'https://baohagiang.vn/a/1', portal: { id: 'baohagiang', province: 'Hà Giang' }, fetchedAt: '2022-09-12T08:00:00Z' });

  it('fills every field of schema v1 and validates', () => {
    expect(articleRecordSchema.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({
      url: 'https://baohagiang.vn/a/1',
      portal: 'baohagiang',
      fetchedAt: '2022-09-12T08:00:00Z',
      title: 'Bí thư Tỉnh ủy làm việc tại huyện Xín Mần',
      publishedAt: '2022-08-26T17:40:00+07:00',
      eventDate: '2022-08-26',
      authors: ['Minh Khôi'],
      source: 'BHG',
      province: 'Hà Giang',
      districts: ['Xín Mần'],
    });
    expect(record.officials.map((o) => [o.name, o.titles])).toEqual([
      ['Lương Minh Tiến', ['Ủy viên BCH T.Ư Đảng', 'Bí thư Tỉnh ủy']],
      ['Vàng Thị Hoa', ['Phó Chủ tịch UBND tỉnh']],
      ['Đinh Thị Nga', ['Giám đốc Sở Tài chính']],
    ]);
    expect(record.officials.some((o) => o.name === 'Sần Văn Páo')).toBe(false);
    expect(record.documents).toMatchObject([{ kind: 'Nghị quyết', number: '09-NQ/TU', date: '2021-05-03' }]);
    expect(record.metrics.map((m) => [m.value, m.unit])).toEqual([
      [18420000000, 'đồng'],
      [104.5, '%'],
      [612, 'hộ'],
      [6, 'xã'],
    ]);
    expect(record.topics).toEqual(expect.arrayContaining(['giảm nghèo', 'nông thôn mới', 'ngân sách']));
    expect(record.text).toBe(ARTICLE.text);
    expect(record.captions).toEqual(ARTICLE.captions);
  });

  it('gives spans into text, and into text + "\\n\\n" + captions for caption-only entities', () => {
    const combined = `${record.text}\n\n${record.captions.join('\n\n')}`;
    for (const o of record.officials) for (const [a, b] of o.spans ?? []) expect(combined.slice(a, b)).toBe(o.name);
    const nga = record.officials.find((o) => o.name === 'Đinh Thị Nga');
    expect(nga?.spans?.[0]?.[0]).toBeGreaterThan(record.text.length);
    for (const m of record.metrics) expect(record.text.slice(m.span?.[0], m.span?.[1])).toBe(m.text);
    for (const p of record.places) expect(combined.slice(p.span?.[0], p.span?.[1])).toBe(p.name);
  });

  it('reports a province named by the text or the portal, not one only inferred from a district', () => {
    const paragraphs = ['Sáng 3/4, đoàn công tác làm việc với huyện Tràng Định về chương trình nông thôn mới.'];
    expect(extractArticle(cleanResult({ paragraphs }), { url: 'file:///a.txt' }).province).toBeNull();
    expect(extractArticle(cleanResult({ paragraphs }), { url: 'file:///a.txt', portal: { id: 'p', province: 'Lạng Sơn' } }).province).toBe('Lạng Sơn');
    const named = ['Sáng 3/4, đoàn công tác của tỉnh Lạng Sơn làm việc với huyện Tràng Định.'];
    expect(extractArticle(cleanResult({ paragraphs: named }), { url: 'file:///a.txt' }).province).toBe('Lạng Sơn');
  });

  it('ignores a today-date widget and completes the event year from the text', () => {
    const r = extractArticle(
      cleanResult({
        dates: [{ text: 'Thứ năm, 09/06/2022', where: 'header' }],
        paragraphs: ['– Hôm nay (14/7), đoàn công tác làm việc với Huyện ủy Cao Lộc.', 'Trong 6 tháng đầu năm 2021, huyện đạt nhiều kết quả.'],
        byline: 'NGỌC MAI',
      }),
      { url: 'file:///x.txt' },
    );
    expect(r.publishedAt).toBeNull();
    expect(r.eventDate).toBe('2021-07-14');
    expect(r.authors).toEqual(['Ngọc Mai']);
    // Cao Lộc is a district of Lạng Sơn, but the text never names the province: no province,
    // the district's place still carries it.
    expect(r.province).toBeNull();
    expect(r.places.find((p) => p.name === 'Cao Lộc')?.province).toBe('Lạng Sơn');
  });

  it('generalises: a passing province, district lists, a photographer, a Công điện and a caption in capitals', () => {
    const r = extractArticle(
      cleanResult({
        byline: 'BÀI: Lệ Quyên – ẢNH: Trung Kiên',
        dates: [{ text: 'Thứ Ba, 20/08/2024, 09:15 [GMT+7]', where: 'underTitle' }],
        paragraphs: [
          'Ngày 19/8, đồng chí Đàm Văn Thức, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh kiểm tra công tác khắc phục sạt lở tại các huyện Bảo Lâm, Bảo Lạc.',
          'Từ đêm 16/8 đến sáng 17/8, mưa lớn làm hư hỏng 75 nhà. Thực hiện Công điện số 05/CĐ-UBND ngày 17/8/2024, huyện di dời 40 hộ. Huyện cũng học tập kinh nghiệm của các tỉnh Hà Giang, Lào Cai.',
          'Ông Mã Thị Lụa, Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch cho biết sẽ hỗ trợ các bản du lịch cộng đồng.',
        ],
        captions: ['CHỦ TỊCH UBND TỈNH ĐÀM VĂN THỨC KIỂM TRA ĐIỂM SẠT LỞ'],
      }),
      { url: 'https://example.test/a/2', portal: { id: 'demo', province: 'Cao Bằng' } },
    );
    expect(r).toMatchObject({ authors: ['Lệ Quyên', 'Trung Kiên'], province: 'Cao Bằng', districts: ['Bảo Lâm', 'Bảo Lạc'], eventDate: '2024-08-19' });
    expect(r.officials.map((o) => [o.name, o.titles])).toEqual([
      ['Đàm Văn Thức', ['Phó Bí thư Tỉnh ủy', 'Chủ tịch UBND tỉnh']],
      ['Mã Thị Lụa', ['Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch']],
    ]);
    expect(r.officials[0]?.spans).toHaveLength(2);
    expect(r.documents).toMatchObject([{ kind: 'Công điện', number: '05/CĐ-UBND', date: '2024-08-17' }]);
  });

  it('credits an outlet from the byline', () => {
    const r = extractArticle(cleanResult({ byline: 'Thu Hà (baocaobang.vn)', paragraphs: ['Nội dung.'] }), { url: 'u' });
    expect(r.authors).toEqual(['Thu Hà']);
    expect(r.source).toBe('baocaobang.vn');
  });

  it('returns a valid sparse record for bad input', () => {
    const inputs = ['', 'The committee met on Monday. Growth reached 5 percent.', '0123456789'.repeat(100_000), 'Nguyễn '.repeat(150_000)];
    for (const input of inputs) {
      const r = extractArticle(cleanResult({ paragraphs: input ? [input] : [], isArticle: input.length > 0 }), { url: 'u' });
      expect(articleRecordSchema.safeParse(r).success).toBe(true);
      expect(r.officials).toEqual([]);
    }
    const listing = extractArticle(cleanResult({ paragraphs: [], isArticle: false, reason: 'no-article: listing page' }), { url: 'u' });
    expect(listing).toMatchObject({ title: null, officials: [], metrics: [], province: null });
  });
});

describe('analysisText', () => {
  it('appends captions after the text and marks those the text already holds as a line', () => {
    const text = 'Đoạn một của bài.\nNgười dân thu hoạch lúa tại xã Tân Lập (Ảnh: Hà Vy)\nĐoạn hai.';
    const { combined, duplicateRanges } = analysisText(text, ['Người dân thu hoạch lúa tại xã Tân Lập (Ảnh: Hà Vy)', 'Cầu treo mới ở thôn Nặm Đăm']);
    expect(combined).toBe(`${text}\n\nNgười dân thu hoạch lúa tại xã Tân Lập (Ảnh: Hà Vy)\n\nCầu treo mới ở thôn Nặm Đăm`);
    expect(duplicateRanges).toHaveLength(1);
    const [a, b] = duplicateRanges[0] as [number, number];
    expect(combined.slice(a, b)).toBe('Người dân thu hoạch lúa tại xã Tân Lập (Ảnh: Hà Vy)');
  });

  it('stops at the analysis cap: no caption past it is read', () => {
    const text = 'x'.repeat(50);
    expect(analysisText(text, ['chú thích ảnh'], 40).combined).toBe('x'.repeat(40));
    expect(analysisText(text, ['chú thích ảnh một', 'chú thích hai'], 60).combined).toBe(`${text}\n\nchú thích ảnh một`.slice(0, 60));
  });
});

describe('extractArticle without portal context (issue 8, classes 3-5)', () => {
  const page = (meta: Partial<CleanResult['meta']>, byline: string | null): CleanResult => {
    const base = cleanResult({
      mode: 'html',
      title: 'Ăn rau xanh mỗi ngày giúp giảm nguy cơ thiếu máu',
      byline,
      paragraphs: [
        'Theo các chuyên gia dinh dưỡng, rau lá xanh đậm chứa nhiều sắt và axit folic, hai chất cần cho quá trình tạo máu của cơ thể người trưởng thành.',
        'Người lớn nên ăn ít nhất ba bữa rau mỗi ngày, kết hợp trái cây giàu vitamin C để cơ thể hấp thu sắt tốt hơn.',
      ],
    });
    return { ...base, meta: { ...base.meta, ...meta } };
  };

  it('takes the province from the page\'s own publisher and gives its 2025 province', () => {
    const r = extractArticle(page({ siteName: 'Báo Hà Giang điện tử', authors: ['Báo Hà Giang điện tử'], publishedTimes: ['8/9/2016 4:05:00 PM'] }, 'ThS.BS LÊ HOÀNG YẾN'), { url: 'file:///tmp/a.html' });
    expect(r.province).toBe('Hà Giang');
    expect(r.province2025).toBe('Tuyên Quang');
    expect(r.authors).toEqual(['Lê Hoàng Yến']);
    expect(r.publishedAt).toBe('2016-08-09T16:05:00+07:00');
  });

  it('keeps no site name or CMS account as an author', () => {
    const r = extractArticle(page({ siteName: 'Báo Hà Giang điện tử', authors: ['Báo Hà Giang', 'quantri01'] }, 'Theo Sức khỏe & Đời sống'), { url: 'file:///tmp/b.html' });
    expect(r.authors).toEqual([]);
    expect(r.source).toBe('Sức khỏe & Đời sống');
  });
});

describe('a listing capture with one news lead', () => {
  it('reads the entities of its one sentence, but none from a list of headlines', () => {
    const lead = clean('Chiều 20/3, kỳ họp thứ 9 HĐND huyện đã bầu ông Lò Văn Pấng giữ chức Chủ tịch UBND huyện, nhiệm kỳ 2021 - 2026.', { mode: 'text' });
    expect(lead.isArticle).toBe(false);
    expect(extractArticle(lead, { url: 'file:///lead.txt' }).officials.map((o) => o.name)).toEqual(['Lò Văn Pấng']);
    const headlines = clean(['Chủ tịch UBND huyện Lò Văn Pấng thăm xã Nậm Ty', 'Bí thư Huyện ủy Vàng Seo Dín dự lễ khánh thành cầu'].join('\n'), { mode: 'text' });
    expect(extractArticle(headlines, { url: 'file:///list.txt' }).officials).toEqual([]);
  });
});

describe('a corrected charset', () => {
  it('is noted in the record, and absent when the label was right', () => {
    const paragraphs = ['Sáng 3/4, đoàn công tác của tỉnh Lạng Sơn làm việc với huyện Tràng Định về chương trình nông thôn mới.'];
    const lied = extractArticle({ ...cleanResult({ paragraphs }), decoding: { declared: 'utf-8', used: 'windows-1258' } }, { url: 'file:///a.html' });
    expect(lied.decoding).toEqual({ declared: 'utf-8', used: 'windows-1258' });
    expect(articleRecordSchema.safeParse(lied).success).toBe(true);
    expect(extractArticle(cleanResult({ paragraphs }), { url: 'file:///a.html' }).decoding).toBeUndefined();
  });
});
