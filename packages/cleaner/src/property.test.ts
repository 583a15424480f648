import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from './clean.ts';
import type { CleanResult } from './types.ts';

/** Vietnamese-looking words and portal chrome, invented, to make generated pages look like pages. */
const WORDS = ['Ủy ban', 'nhân dân', 'huyện', 'xã', 'đồng chí', 'Chủ tịch', 'Bí thư', 'tỷ đồng', 'ha', '12/5/2024', 'Trang chủ', 'Chia sẻ', 'Lượt xem', 'Tin liên quan', 'ảnh', 'Theo', '&nbsp;', '&amp;', '&#x1EC7;', '&bogus;', '<', '>', '"', "'"];
const TAGS = ['div', 'p', 'span', 'article', 'section', 'nav', 'header', 'footer', 'aside', 'ul', 'li', 'a', 'h1', 'h2', 'table', 'tr', 'td', 'figure', 'figcaption', 'img', 'br', 'script', 'style', 'iframe', 'strong', 'em', 'time', 'meta', 'form', 'button'];
const ATTRS = ['class="content"', 'class="detail-content"', 'id="main"', 'class="share"', 'class="author"', 'hidden', 'style="display:none"', 'itemprop="articleBody"', 'href="/tin-tuc/a.html"', 'datetime="2024-05-12"', 'class="a\'b"'];

const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 12 }).map((w) => w.join(' '));

/** Random markup: well-formed, broken (unclosed, stray closing tags) and everything in between. */
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 }), fc.array(tie('node'), { maxLength: 5 }), fc.constantFrom('close', 'open', 'stray'))
      .map(([tag, attrs, children, end]) => {
        const open = `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>`;
        const inner = children.join('');
        return end === 'close' ? `${open}${inner}</${tag}>` : end === 'open' ? `${open}${inner}` : `${inner}</${tag}>`;
      }),
  ),
})).node;

const page = fc.tuple(fc.option(text), html, fc.boolean()).map(([title, body, doctype]) => `${doctype ? '<!doctype html>' : ''}<html><head>${title !== null ? `<title>${title}</title>` : ''}</head><body>${body}</body></html>`);

/** What every CleanResult must satisfy, whatever the input. */
function checkShape(r: CleanResult): void {
  expect(['html', 'text']).toContain(r.mode);
  expect(typeof r.isArticle).toBe('boolean');
  // A page that is not an article always says why.
  if (!r.isArticle) expect(r.reason).toMatch(/\S/);
  expect(Array.isArray(r.paragraphs)).toBe(true);
  for (const p of r.paragraphs) {
    expect(typeof p).toBe('string');
    expect(p).toBe(p.normalize('NFC'));
  }
  expect(typeof r.text).toBe('string');
  expect(r.text).toBe(r.text.normalize('NFC'));
  for (const c of r.captions) expect(typeof c).toBe('string');
  expect(Array.isArray(r.removed)).toBe(true);
  // The result crosses a thread boundary and the content store as JSON: it must survive both.
  expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(structuredClone(r))));
}

describe('cleaner properties (fast-check)', () => {
  it('never throws on arbitrary markup and always returns a well-formed result', () => {
    fc.assert(
      fc.property(page, (input) => {
        checkShape(clean(input, { url: 'https://thu.example.vn/tin/a.html' }));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text, binary-looking strings included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), text, fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1'))), (input) => {
        checkShape(clean(input));
      }),
      { numRuns: 300 },
    );
  });
});
