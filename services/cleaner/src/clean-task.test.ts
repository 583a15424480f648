import { describe, expect, it } from 'vitest';
import { clean } from '@provnews/cleaner';
import { cleanTask } from './clean-task.ts';

describe('cleanTask', () => {
  it('returns the CleanResult as the JSON text the store keeps, with the summary the stage reads', () => {
    const html = '<html><head><title>Tin thử</title></head><body><nav>Trang chủ</nav><article><h1>Xã Thử ra quân</h1><p>Sáng nay, xã Thử tổ chức lễ ra quân làm đường giao thông nông thôn với 120 hộ tham gia.</p></article></body></html>';
    const out = cleanTask({ body: Buffer.from(html), contentType: 'text/html; charset=utf-8', url: 'https://thu.invalid/a.html' });
    if (!out.ok) throw new Error(out.message);
    const direct = clean(html, { url: 'https://thu.invalid/a.html' });
    expect(JSON.parse(out.json)).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(out.summary).toEqual({ isArticle: direct.isArticle, reason: direct.reason ?? null, title: direct.title, paragraphs: direct.paragraphs.length, removed: direct.removed.length });
    expect(out.charset).toMatchObject({ charset: 'utf-8', source: 'header' });
  });
});
