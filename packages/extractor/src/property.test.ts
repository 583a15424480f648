import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from '@provnews/cleaner';
import { articleRecordSchema } from '@provnews/record';
import { extractArticle } from './extract-article.ts';

/** Invented fragments in the style of provincial news: titles, places, dates, documents, figures. */
const FRAGMENTS = [
  'Sáng 12/5, đồng chí',
  'Nguyễn Văn',
  'Phó Chủ tịch UBND tỉnh',
  'Bí thư Huyện ủy',
  'huyện Miền Thử',
  'xã Bản Thử',
  'tỉnh Hà Giang',
  'Nghị quyết số 18-NQ/TW',
  'Quyết định số 1234/QĐ-UBND ngày 3/4/2023',
  '4,25 tỷ đồng',
  '1.200 ha',
  '7,4%',
  'hộ nghèo',
  'ngày 31/12/2099',
  'tháng 13/2024',
  '(',
  ')',
  '-',
  ',',
  '.',
  ':',
  'Tin, ảnh:',
  'Theo Báo Thử',
  'Đ/c',
  'ông',
  'bà',
  '99999999999999999999 tỷ đồng',
];

const sentence = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }), { maxLength: 20 }).map((w) => w.join(' '));
const article = fc.tuple(sentence, fc.array(sentence, { maxLength: 8 })).map(([title, paras]) => [title, '', ...paras.flatMap((p) => [p, ''])].join('\n'));

describe('extractor properties (fast-check)', () => {
  it('turns any cleaned text into a schema-valid record, never throwing', () => {
    fc.assert(
      fc.property(article, fc.option(fc.constantFrom('Hà Giang', 'Lạng Sơn', 'Cao Bằng')), (input, province) => {
        const record = extractArticle(clean(input, { mode: 'text' }), {
          url: 'https://thu.example.vn/tin/a.html',
          portal: { id: 'thu', province },
          fetchedAt: '2024-05-12T08:00:00.000Z',
        });
        const checked = articleRecordSchema.safeParse(record);
        expect(checked.success, checked.success ? '' : JSON.stringify(checked.error.issues[0])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('turns arbitrary markup through the cleaner into a schema-valid record or a reasoned non-article', () => {
    const markup = fc.array(fc.tuple(fc.constantFrom('p', 'div', 'h1', 'span', 'li', 'td', 'figcaption'), sentence), { maxLength: 10 }).map((els) => `<html><body><article>${els.map(([t, s]) => `<${t}>${s}</${t}>`).join('')}</article></body></html>`);
    fc.assert(
      fc.property(markup, (input) => {
        const cleaned = clean(input, { url: 'https://thu.example.vn/tin/b.html' });
        if (!cleaned.isArticle) {
          expect(cleaned.reason).toMatch(/\S/);
          return;
        }
        const record = extractArticle(cleaned, { url: 'https://thu.example.vn/tin/b.html', portal: null, fetchedAt: null });
        expect(articleRecordSchema.safeParse(record).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
