import { describe, expect, it } from 'vitest';
import type { DateLine, PageMeta } from '@provnews/cleaner';
import { extractEventDate, extractPublishedAt, parseVietnameseDate, yearsTalkedAbout } from './dates.ts';

const meta = (publishedTimes: string[] = []): PageMeta => ({
  canonicalUrl: null,
  lang: null,
  siteName: null,
  ogTitle: null,
  description: null,
  publishedTimes,
  modifiedTimes: [],
  authors: [],
  section: null,
  jsonLd: [],
});

describe('parseVietnameseDate', () => {
  it.each([
    ['Thứ Hai, 06/11/2023, 09:15 [GMT+7]', '2023-11-06T09:15:00+07:00'],
    ['Cập nhật lúc 16:05 Thứ Năm, 07/09/2023', '2023-09-07T16:05:00+07:00'],
    ['Ngày xuất bản: 21/12/2018 - 08:47', '2018-12-21T08:47:00+07:00'],
    ['10:30, 15/01/2024', '2024-01-15T10:30:00+07:00'],
    ['24/06/2022 14:02', '2022-06-24T14:02:00+07:00'],
    ['Chủ nhật, 3/4/2022 (GMT+7)', '2022-04-03'],
    ['date 2019-11', '2019-11'],
    ['ngày 30 tháng 4 năm 2021', '2021-04-30'],
    ['Đăng ngày: Thứ Năm, 22 tháng 8 năm 2024', '2024-08-22'],
    ['2022-08-01T02:10:00Z', '2022-08-01T09:10:00+07:00'],
    ['2022-08-01T09:10:00+07:00', '2022-08-01T09:10:00+07:00'],
    ['2022-08-01 09:10', '2022-08-01T09:10:00+07:00'],
  ])('parses %j', (input, expected) => {
    expect(parseVietnameseDate(input)).toBe(expected);
  });

  it.each(['', 'không có ngày', '31/02/2021', '99/99/9999'])('returns null for %j', (input) => {
    expect(parseVietnameseDate(input)).toBeNull();
  });
});

describe('extractPublishedAt', () => {
  const dates = (...lines: Array<[string, DateLine['where']]>): DateLine[] => lines.map(([text, where]) => ({ text, where }));

  it('prefers page metadata', () => {
    expect(extractPublishedAt({ meta: meta(['2021-05-04T01:00:00Z']), dates: dates(['Thứ Ba, 04/05/2021, 10:00', 'underTitle']) })).toBe(
      '2021-05-04T08:00:00+07:00',
    );
  });

  it('uses the date under the title, then an inline prefix', () => {
    expect(extractPublishedAt({ meta: meta(), dates: dates(['Thứ Sáu, 08/10/2021, 07:30 [GMT+7]', 'underTitle']) })).toBe('2021-10-08T07:30:00+07:00');
    expect(extractPublishedAt({ meta: meta(), dates: dates(['date 2020-09', 'inlinePrefix']) })).toBe('2020-09');
  });

  it('takes the post time shown by the headline when the metadata puts it on another day (session 15)', () => {
    // article:published_time left at the draft's creation, the evening before the page's own time.
    expect(extractPublishedAt({ meta: meta(['2024-03-04T21:30:00+07:00']), dates: dates(['05/03/2024 10:45', 'meta']) })).toBe('2024-03-05T10:45:00+07:00');
    // The same day: the metadata's time stands; a date-only line or a footer date never overrides it.
    expect(extractPublishedAt({ meta: meta(['2024-03-05T09:30:00+07:00']), dates: dates(['05/03/2024 10:45', 'underTitle']) })).toBe('2024-03-05T09:30:00+07:00');
    expect(extractPublishedAt({ meta: meta(['2024-03-04T21:30:00+07:00']), dates: dates(['05/03/2024', 'underTitle']) })).toBe('2024-03-04T21:30:00+07:00');
    expect(extractPublishedAt({ meta: meta(['2024-03-04T21:30:00+07:00']), dates: dates(['05/03/2024 10:45', 'footer']) })).toBe('2024-03-04T21:30:00+07:00');
  });

  it('ignores a today-date widget above the title', () => {
    expect(extractPublishedAt({ meta: meta(), dates: dates(['Thứ năm, 09/06/2022', 'header']) })).toBeNull();
    expect(extractPublishedAt({ meta: meta(), dates: dates(['Thứ năm, 09/06/2022', 'header'], ['ngày 02/03/2021', 'footer']) })).toBe('2021-03-02');
  });
});

describe('publication dates on real CMS markup (issue 8, class 3)', () => {
  const line = (text: string, where: DateLine['where']): DateLine => ({ text, where });

  it.each([
    ['4/2/2022 8:05:09 PM', '2022-04-02T20:05:09+07:00'],
    ['12/30/2020 11:40:00 AM', '2020-12-30T11:40:00+07:00'],
    ['7/15/2019 12:10:30 AM', '2019-07-15T00:10:30+07:00'],
    ['11/21/2023 9:28', '2023-11-21T09:28:00+07:00'],
    ['05/04/2022 16:20:45', '2022-04-05T16:20:45+07:00'],
    // A printed midnight is a CMS placeholder: the day only.
    ['Ngày 14/02/2019 00:00:00', '2019-02-14'],
    ['14/02/2019 00:05', '2019-02-14T00:05:00+07:00'],
  ])('reads the CMS date form %s (US form month-first with its AM/PM; midnight as a placeholder)', (input, expected) => {
    expect(parseVietnameseDate(input)).toBe(expected);
  });

  it('lets a JSON-LD timestamp with its zone win over a local-form meta tag', () => {
    expect(extractPublishedAt({ meta: meta(['3/7/2022 9:15:00 AM', '2022-03-07T09:15:42+07:00']), dates: [] })).toBe('2022-03-07T09:15:42+07:00');
  });

  it('completes a date-only JSON-LD with the visible time of the same day', () => {
    const dates = [line('Thứ Năm, 24/10/2024', 'header'), line('08/05/2016 - 17:25', 'meta')];
    expect(extractPublishedAt({ meta: meta(['2016-05-08']), dates })).toBe('2016-05-08T17:25:00+07:00');
    // A visible time of another day does not complete it.
    expect(extractPublishedAt({ meta: meta(['2016-05-08']), dates: [line('09/05/2016 - 17:25', 'meta')] })).toBe('2016-05-08');
  });

  it('ignores the capture-day widget and prefers the posting line to an update line', () => {
    const dates = [line('Thứ Hai, 21/10/2024', 'header'), line('Cập nhật: 14:02, 06/06/2018', 'underTitle'), line('Đăng lúc 09:30, 05/06/2018', 'footer')];
    expect(extractPublishedAt({ meta: meta(), dates })).toBe('2018-06-05T09:30:00+07:00');
    expect(extractPublishedAt({ meta: meta(), dates: [line('Thứ Hai, 21/10/2024', 'header'), line('Cập nhật: 14:02, 06/06/2018', 'underTitle')] })).toBe(
      '2018-06-06T14:02:00+07:00',
    );
  });
});

describe('extractEventDate', () => {
  it('reads two days joined by "&"', () => {
    expect(extractEventDate('Thực hiện kế hoạch của Sở Y tế, trong hai ngày 16 & 17/4 vừa qua, trung tâm y tế huyện tổ chức khám sàng lọc cho học sinh.', '2023-04-19')).toBe('2023-04-16');
  });


  it.each([
    ['QNO - Chiều 25.2, đoàn công tác làm việc tại huyện.', '2022-03-10', '2022-02-25'],
    ['Sáng ngày 14/2/2020, Ban Thường vụ Huyện ủy họp.', null, '2020-02-14'],
    ['Tiếp tục chương trình, chiều 29/5, đoàn làm việc với huyện.', '2023-06-01', '2023-05-29'],
    ['– Hôm nay (21/7), đoàn công tác kiểm tra thực tế.', '2021-07-21T20:00:00+07:00', '2021-07-21'],
    ['Tối 6-9, tại nhà văn hóa thôn diễn ra đêm giao lưu.', '2019-09-07', '2019-09-06'],
    ['Từ ngày 2 đến 4/10, Đại hội Đảng bộ huyện diễn ra.', '2020-10-05', '2020-10-02'],
    ['Sáng ngày 30 tháng 4, huyện tổ chức lễ mít tinh.', '2024-05-01', '2024-04-30'],
  ])('reads %j', (text, publishedAt, expected) => {
    expect(extractEventDate(text, publishedAt)).toBe(expected);
  });

  it.each([
    ['Sáng thứ Ba (12/3), đoàn kiểm tra tiến độ.', '2024-03-13', '2024-03-12'],
    ['Thứ Sáu, 15/3, huyện ra quân trồng cây.', '2024-03-16', '2024-03-15'],
    ['Trong 2 ngày 21 và 22/11, lớp tập huấn diễn ra tại huyện.', '2023-11-23', '2023-11-21'],
  ])('reads weekdays and "và" ranges: %j', (text, publishedAt, expected) => {
    expect(extractEventDate(text, publishedAt)).toBe(expected);
  });

  it.each([
    ['Từ 13 - 15/6, huyện tổ chức giải bóng chuyền.', '2023-06-20', '2023-06-13'],
    ['Trong các ngày 14, 15/3, lớp bồi dưỡng diễn ra tại xã.', '2023-04-13', '2023-03-14'],
    ['Ngày mùng 5/2, xã tổ chức lễ hội.', '2023-04-13', '2023-02-05'],
  ])('reads bare "Từ" ranges, comma-separated days and "mùng": %j', (text, publishedAt, expected) => {
    expect(extractEventDate(text, publishedAt)).toBe(expected);
  });

  it('does not open with a bare "từ" that is not a date', () => {
    expect(extractEventDate('Từ 3-5 triệu đồng mỗi hộ được hỗ trợ.', '2023-06-20')).toBeNull();
  });

  it('takes a date that opens the second paragraph after a sapo without one', () => {
    const text = 'Huyện chú trọng phát triển du lịch cộng đồng gắn với bảo tồn văn hóa.\n\nNgày 12/4, UBND huyện tổ chức hội nghị.\n\nTừ đêm 2/4 đến sáng 4/4, mưa lớn gây sạt lở.';
    expect(extractEventDate(text, '2023-04-13')).toBe('2023-04-12');
  });

  it('gives no date for an undated "Vừa qua" / "Mới đây" lead, whatever dates the body holds', () => {
    expect(extractEventDate('Mới đây, xã tổ chức hội nghị.\n\nCác hộ phải hoàn thành trước ngày 30/6.', '2023-04-02')).toBeNull();
    expect(extractEventDate('Vừa qua, huyện họp tổng kết. Ngày 12/5/2019, xã được công nhận đạt chuẩn.', '2023-04-13')).toBeNull();
    expect(extractEventDate('Thời gian qua, huyện tập trung chỉ đạo.\n\nSáng 9/3, đoàn kiểm tra làm việc tại xã.', '2023-04-13')).toBe('2023-03-09');
  });

  it('skips deadlines, documents, anniversaries and past years in the body', () => {
    const pub = '2023-04-20';
    expect(extractEventDate('Huyện triển khai kế hoạch.\n\nCác xã hoàn thành đến ngày 30/6 năm nay.', pub)).toBeNull();
    expect(extractEventDate('Huyện triển khai kế hoạch.\n\nThực hiện Nghị quyết Đại hội ngày 25/10/2020, huyện ...', pub)).toBeNull();
    expect(extractEventDate('Huyện kỷ niệm ngày truyền thống.\n\nNgày 28/3/1950 – 28/3/2023 là chặng đường vẻ vang.', pub)).toBeNull();
    expect(extractEventDate('Huyện họp tổng kết.\n\nNgày 12/5/2019, xã được công nhận đạt chuẩn.', pub)).toBeNull();
    expect(extractEventDate('Huyện họp tổng kết.\n\nCuối tuần, ngày 15/4, đoàn về xã.', pub)).toBe('2023-04-15');
  });

  it('completes the year across New Year and leaves out target years', () => {
    expect(extractEventDate('Chiều 28/12, huyện tổng kết năm.', '2024-01-03T08:00:00+07:00')).toBe('2023-12-28');
    expect(extractEventDate('Chiều 28/12, huyện tổng kết.\n\nNăm 2024, huyện phấn đấu thu ngân sách vượt 10%; năm 2023 đạt 95%.', null)).toBe('2023-12-28');
  });

  it('prefers the date that opens the lead over a time-of-day date in the background', () => {
    const text = 'LCO - Ngày 9/7, lãnh đạo tỉnh thăm vùng lũ.\n\nTừ đêm 6/7 đến sáng 7/7, mưa lớn gây sạt lở.';
    expect(extractEventDate(text, '2024-07-10')).toBe('2024-07-09');
  });

  it('reads "sáng nay" and "hôm qua" without a date from the publication day', () => {
    expect(extractEventDate('Sáng nay, Huyện ủy tổ chức hội nghị.', '2024-04-02T10:00:00+07:00')).toBe('2024-04-02');
    expect(extractEventDate('(TNO) – Chiều qua, đoàn công tác làm việc tại xã.', '2024-03-01')).toBe('2024-02-29');
    expect(extractEventDate('Sáng nay, Huyện ủy tổ chức hội nghị.', '2024-04')).toBeNull();
    expect(extractEventDate('Vừa qua, huyện tổ chức hội nghị.', '2024-04-02')).toBeNull();
  });

  it('never puts the event after publication: a later day-month is last year', () => {
    expect(extractEventDate('Chiều 28/12, huyện tổng kết năm.', '2023-01-03')).toBe('2022-12-28');
    expect(extractEventDate('Chiều 25.2, hội nghị diễn ra.', '2021-02')).toBe('2021-02-25');
  });

  it('completes the year from the years the text talks about when there is no publication date', () => {
    const text = 'Hôm nay (14/8), đoàn công tác làm việc với huyện.\n\nTrong 6 tháng đầu năm 2019, so với năm 2018, ... giai đoạn 2021 - 2025, đến năm 2030.';
    expect(extractEventDate(text, null)).toBe('2019-08-14');
  });

  it('prefers the year of a part-year report over a later planned year', () => {
    const plan = 'Sáng 20/9, huyện họp giao ban.\n\nKết quả 8 tháng đầu năm 2020: thu ngân sách đạt 60%. Dự án cầu treo được đưa vào kế hoạch năm 2021.';
    expect(extractEventDate(plan, null)).toBe('2020-09-20');
    expect(extractEventDate('Chiều 10.4, xã họp triển khai nhiệm vụ quý II/2024; mục tiêu năm 2025.', null)).toBe('2024-04-10');
    // Results of a period that ended long before the event's month: given the next year.
    expect(extractEventDate('Sáng 8/1, huyện đánh giá kết quả 9 tháng đầu năm 2023 và cả năm.', null)).toBe('2024-01-08');
  });

  it('does not take a document date or a period for the event', () => {
    expect(extractEventDate('Thực hiện Đề án số 04-ĐA/TU, ngày 12/5/2021 của Tỉnh ủy, giai đoạn 2021 - 2025.', null)).toBeNull();
  });
});

describe('extractEventDate on adversarial input', () => {
  it('stays linear and returns a valid value on 1 MB inputs', () => {
    expect(extractEventDate('Nghị quyết số 5 ngày 2/3 đến ngày 4/5 '.repeat(28_000), '2023-06-01')).toBeNull();
    expect(extractEventDate('Vừa qua, '.repeat(110_000), '2023-06-01')).toBeNull();
    expect(extractEventDate('Từ 13 - 15/6 năm 2024 phấn đấu '.repeat(33_000), null)).toBe('2024-06-13');
  });
});

describe('yearsTalkedAbout', () => {
  it('leaves out targets and periods', () => {
    expect(yearsTalkedAbout('năm 2022 tăng so với năm 2021; nhiệm kỳ 2020 - 2025; đến năm 2030; tầm nhìn 2045')).toEqual([2022, 2021]);
  });
});
