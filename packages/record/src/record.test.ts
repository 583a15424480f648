import { describe, expect, it } from 'vitest';
import { articleRecordJsonSchema, articleRecordSchema, emptyRecord } from './record.ts';

describe('article record schema v1', () => {
  it('accepts an empty record and rejects a malformed date', () => {
    expect(articleRecordSchema.parse(emptyRecord('https://x.vn/a'))).toMatchObject({ schemaVersion: 1 });
    const bad = { ...emptyRecord('https://x.vn/a'), publishedAt: '13/03/2020' };
    expect(articleRecordSchema.safeParse(bad).success).toBe(false);
  });

  it('accepts every documented date precision', () => {
    for (const d of ['2021', '2021-02', '2021-02-25', '2020-03-13T18:23:00+07:00']) {
      expect(articleRecordSchema.safeParse({ ...emptyRecord('u'), publishedAt: d }).success, d).toBe(true);
    }
  });

  it('publishes a JSON Schema naming every field', () => {
    const schema = articleRecordJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    for (const f of ['schemaVersion', 'url', 'officials', 'documents', 'metrics', 'captions']) {
      expect(schema.properties).toHaveProperty(f);
    }
  });
});

describe('committed JSON Schema', () => {
  it('matches the zod schema (regenerate with `npx provnews schema > packages/record/record.schema.json`)', async () => {
    const { readFile } = await import('node:fs/promises');
    const committed = JSON.parse(await readFile(new URL('../record.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(articleRecordJsonSchema());
  });
});
