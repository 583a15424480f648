import { describe, expect, it } from 'vitest';
import { extractDocuments } from './documents.ts';

const pick = (text: string) => extractDocuments(text).map(({ kind, number, date }) => ({ kind, number, date }));

describe('extractDocuments', () => {
  it('reads kind, number and date in the forms the press uses', () => {
    const text =
      'Huyện triển khai Nghị quyết số 26-NQ/TW, Nghị quyết số 33-NQ/TW ngày 9/6/2014 của Trung ương; ' +
      'chương trình hành động số 14-Ctr/TU ngày 3/8/2019; Đề án số 05-ĐA/TU, ngày 12/11/2021 của Tỉnh ủy; ' +
      'Kết luận số 21-KL/TU; Chỉ thị số 08-CT/TU; Quyết định số 1250/QĐ-UBND ngày 10 tháng 5 năm 2022; Nghị định 15/2020/NĐ-CP.';
    expect(pick(text)).toEqual([
      { kind: 'Nghị quyết', number: '26-NQ/TW', date: null },
      { kind: 'Nghị quyết', number: '33-NQ/TW', date: '2014-06-09' },
      { kind: 'Chương trình hành động', number: '14-Ctr/TU', date: '2019-08-03' },
      { kind: 'Đề án', number: '05-ĐA/TU', date: '2021-11-12' },
      { kind: 'Kết luận', number: '21-KL/TU', date: null },
      { kind: 'Chỉ thị', number: '08-CT/TU', date: null },
      { kind: 'Quyết định', number: '1250/QĐ-UBND', date: '2022-05-10' },
      { kind: 'Nghị định', number: '15/2020/NĐ-CP', date: null },
    ]);
  });

  it('reads the kinds of provincial orders and notices', () => {
    const text =
      'Thực hiện Công điện số 07/CĐ-UBND ngày 11/8/2024 của UBND tỉnh, Kế hoạch số 88/KH-UBND, Quyết định 456/QĐ-UBND, ' +
      'Thông báo số 31-TB/TU, Hướng dẫn số 09-HD/BTGTU, Quy định số 15-QĐ/TU, Thông tư 02/2023/TT-BNNPTNT, ' +
      'Công văn số 1789/UBND-NLN, Chỉ thị 21-CT/TU và Nghị quyết 57-NQ/TW, huyện đã ...';
    expect(pick(text)).toEqual([
      { kind: 'Công điện', number: '07/CĐ-UBND', date: '2024-08-11' },
      { kind: 'Kế hoạch', number: '88/KH-UBND', date: null },
      { kind: 'Quyết định', number: '456/QĐ-UBND', date: null },
      { kind: 'Thông báo', number: '31-TB/TU', date: null },
      { kind: 'Hướng dẫn', number: '09-HD/BTGTU', date: null },
      { kind: 'Quy định', number: '15-QĐ/TU', date: null },
      { kind: 'Thông tư', number: '02/2023/TT-BNNPTNT', date: null },
      { kind: 'Công văn', number: '1789/UBND-NLN', date: null },
      { kind: 'Chỉ thị', number: '21-CT/TU', date: null },
      { kind: 'Nghị quyết', number: '57-NQ/TW', date: null },
    ]);
  });

  it('reads further numbers of the same kind in a list', () => {
    const text = 'Các Quyết định số 301/QĐ-UBND, 302/QĐ-UBND ngày 4/3/2024 và số 315/QĐ-UBND; 12/3/2024 họp.';
    expect(pick(text)).toEqual([
      { kind: 'Quyết định', number: '301/QĐ-UBND', date: null },
      { kind: 'Quyết định', number: '302/QĐ-UBND', date: '2024-03-04' },
      { kind: 'Quyết định', number: '315/QĐ-UBND', date: null },
    ]);
    const [, second] = extractDocuments(text);
    expect(second && text.slice(second.span?.[0], second.span?.[1])).toBe('302/QĐ-UBND ngày 4/3/2024');
  });

  it('merges repeated mentions and fills in a date given later', () => {
    const text = 'Thực hiện Đề án 03-ĐA/TU của Tỉnh ủy... Ban Chỉ đạo Đề án số 03-ĐA/TU ngày 2/4/2022 họp.';
    expect(pick(text)).toEqual([{ kind: 'Đề án', number: '03-ĐA/TU', date: '2022-04-02' }]);
  });

  it('ignores documents without a number and numbers without a symbol', () => {
    expect(pick('Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII; đề án 196; kế hoạch 1/500.')).toEqual([]);
  });

  it('gives spans into the text', () => {
    const text = 'Theo Chỉ thị số 05-CT/TW, các cấp...';
    const [d] = extractDocuments(text);
    expect(d && text.slice(d.span?.[0], d.span?.[1])).toBe('Chỉ thị số 05-CT/TW');
  });

  it('is linear on adversarial input', () => {
    expect(extractDocuments('Nghị quyết số '.repeat(70_000))).toEqual([]);
    expect(extractDocuments('Kế hoạch số 1/KH-UBND' + ', 2/KH'.repeat(150_000))).toHaveLength(2);
    expect(extractDocuments('Nghị quyết số 1-' + 'A-'.repeat(400_000)).length).toBeLessThanOrEqual(1);
  });
});

describe('document numbers holding "&" (issue 8, class 6)', () => {
  it('keeps the whole number and its date', () => {
    const docs = extractDocuments('Thực hiện Công văn số 517/UBND-KT&HT ngày 14/8/2023 của UBND huyện và Kế hoạch 88/KH-SNN&PTNT, các xã rà soát.');
    expect(docs.map((d) => [d.kind, d.number, d.date])).toEqual([
      ['Công văn', '517/UBND-KT&HT', '2023-08-14'],
      ['Kế hoạch', '88/KH-SNN&PTNT', null],
    ]);
  });

  it('does not take a trailing "&" into the number', () => {
    expect(extractDocuments('Quyết định 12/QĐ-UBND& và các văn bản khác.').map((d) => d.number)).toEqual(['12/QĐ-UBND']);
  });
});
