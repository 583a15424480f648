import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBody } from './charset.ts';
import { toWindows1258 } from './test-site.ts';

const VI = 'Đồng chí Nguyễn Văn Sơn, Chủ tịch UBND tỉnh';

describe('decodeBody', () => {
  it('uses the HTTP charset first', () => {
    const d = decodeBody(toWindows1258(`<p>${VI}</p>`), 'text/html; charset="windows-1258"');
    expect(d).toMatchObject({ charset: 'windows-1258', source: 'header' });
    expect(d.text).toBe(`<p>${VI}</p>`);
  });

  it('lets a byte-order mark win over a wrong label, as browsers do', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VI)]);
    expect(decodeBody(bytes, 'text/html; charset=iso-8859-1')).toMatchObject({ text: VI, source: 'bom' });
  });

  it('reads <meta charset> and http-equiv declarations', () => {
    const meta = Buffer.concat([Buffer.from('<meta charset="windows-1258"><p>'), toWindows1258(VI)]);
    expect(decodeBody(meta, 'text/html')).toMatchObject({ charset: 'windows-1258', source: 'meta' });
    const equiv = Buffer.concat([Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><p>'), Buffer.from(VI)]);
    expect(decodeBody(equiv, null)).toMatchObject({ charset: 'utf-8', source: 'meta' });
  });

  it('detects UTF-8 strictly and falls back to windows-1258, always returning NFC', () => {
    const nfd = VI.normalize('NFD');
    const utf8 = decodeBody(Buffer.from(nfd), null);
    expect(utf8).toMatchObject({ charset: 'utf-8', source: 'detected' });
    expect(utf8.text).toBe(VI.normalize('NFC'));
    // 0xD0 is Đ in windows-1258 and not valid UTF-8 on its own.
    expect(decodeBody(Buffer.from([0xd0, 0x61]), undefined)).toMatchObject({ text: 'Đa', charset: 'windows-1258', source: 'detected' });
  });

  it('treats iso-8859-1 as windows-1252 and ignores unknown labels', () => {
    expect(decodeBody(Buffer.from([0x93, 0x61, 0x94]), 'text/html; charset=ISO-8859-1')).toMatchObject({ text: '\u201ca\u201d', charset: 'windows-1252' });
    expect(decodeBody(Buffer.from('abc'), 'text/html; charset=x-klingon')).toMatchObject({ text: 'abc', source: 'detected' });
  });
});

describe('decodeBody with a lying charset', () => {
  const PAGE = `<p>${VI} đã làm việc với huyện về tiến độ xây dựng nông thôn mới.</p>`;

  it('reads a windows-1258 page declared utf-8 as windows-1258, and says so', () => {
    const d = decodeBody(toWindows1258(PAGE), 'text/html; charset=utf-8');
    expect(d).toMatchObject({ text: PAGE, charset: 'windows-1258', source: 'corrected', declared: 'utf-8', garbled: false });
  });

  it('reads a utf-8 page declared windows-1258 (header or meta) as utf-8, and says so', () => {
    expect(decodeBody(Buffer.from(PAGE), 'text/html; charset=windows-1258')).toMatchObject({ text: PAGE, charset: 'utf-8', source: 'corrected', declared: 'windows-1258', garbled: false });
    const meta = Buffer.from(`<meta charset="iso-8859-1">${PAGE}`);
    expect(decodeBody(meta, 'text/html')).toMatchObject({ charset: 'utf-8', source: 'corrected', declared: 'windows-1252' });
  });

  it('keeps the declared charset for honest pages and a utf-8 page with a stray byte', () => {
    expect(decodeBody(Buffer.from(PAGE), 'text/html; charset=utf-8')).toMatchObject({ source: 'header', garbled: false });
    expect(decodeBody(toWindows1258(PAGE), 'text/html; charset=windows-1258')).toMatchObject({ source: 'header', garbled: false });
    const stray = Buffer.concat([Buffer.from(PAGE), Buffer.from([0xff]), Buffer.from(PAGE)]);
    expect(decodeBody(stray, 'text/html; charset=utf-8')).toMatchObject({ charset: 'utf-8', source: 'header', garbled: false });
  });

  it('flags text that no decoding makes clean (double-encoded UTF-8) as garbled', () => {
    const doubled = Buffer.from(iconv.decode(Buffer.from(PAGE), 'windows-1252'), 'utf8');
    expect(decodeBody(doubled, 'text/html; charset=utf-8').garbled).toBe(true);
    const binaryish = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x80 + (i % 60))));
    expect(decodeBody(binaryish, 'text/html; charset=utf-8').garbled).toBe(true);
  });
});
