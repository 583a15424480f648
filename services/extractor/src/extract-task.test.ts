import { describe, expect, it } from 'vitest';
import { clean } from '@provnews/cleaner';
import { extractTask } from './extract-task.ts';

const page = clean(
  '<html><head><title>Hội nghị tổng kết</title></head><body><article><h1>Huyện Thử tổng kết năm</h1>' +
    '<p>Sáng 3/4, UBND huyện Thử tổ chức hội nghị tổng kết, giải ngân 12,5 tỷ đồng cho 340 hộ nghèo.</p></article></body></html>',
  { url: 'https://thu.invalid/tin/hoi-nghi.html' },
);
const base = { url: 'https://thu.invalid/tin/hoi-nghi.html', portal: null, fetchedAt: '2024-04-03T08:00:00.000Z' };

describe('extractTask', () => {
  it('gives the same record from the stored JSON text as from the object', () => {
    const fromObject = extractTask({ ...base, cleaned: page });
    const fromText = extractTask({ ...base, cleaned: JSON.stringify(page), cleanedId: 'a'.repeat(64) });
    expect(fromObject.ok).toBe(true);
    expect(fromText).toEqual(fromObject);
  });

  it('answers store-corrupt for text that is not a JSON object', () => {
    expect(extractTask({ ...base, cleaned: '{"truncated', cleanedId: 'b'.repeat(64) })).toMatchObject({
      ok: false,
      reason: 'store-corrupt',
      message: expect.stringMatching(/^cleaned\/b{64}: not valid JSON/),
    });
    expect(extractTask({ ...base, cleaned: '[1,2]', cleanedId: 'c'.repeat(64) })).toMatchObject({ ok: false, reason: 'store-corrupt', message: `cleaned/${'c'.repeat(64)}: expected a JSON object` });
  });
});
