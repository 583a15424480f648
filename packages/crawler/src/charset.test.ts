import { describe, expect, it } from 'vitest';
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
