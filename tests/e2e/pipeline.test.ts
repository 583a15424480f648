import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoSummary } from '@provnews/cli';
import { loadEnv } from '@provnews/config';
import { startDemoPortals, type DemoPortalsServer } from '@provnews/demo-portals';
import { silentLogger } from '@provnews/logger';
import type { ArticleRecord } from '@provnews/record';
import { dropPrefix, testRedisHandle, uniqueName } from '@provnews/testing';

/**
 * The whole pipeline, as `provnews demo` runs it: demo portals on loopback → crawler, cleaner and
 * extractor workers on the run's real Redis → records in the JSON Lines sink.
 */
describe('pipeline end to end', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'provnews-e2e-'));
  const outputPath = join(dataDir, 'records.jsonl');
  const prefix = uniqueName('e2e');
  const env = loadEnv({ PROVNEWS_DATA_DIR: dataDir, CRAWL_CONCURRENCY: '4' });
  const redisHandle = testRedisHandle();
  let server: DemoPortalsServer;
  let first: DemoSummary;

  beforeAll(async () => {
    server = await startDemoPortals();
    first = await runDemo({ env, log: silentLogger, redisHandle, server, prefix, outputPath, hostDelayMs: 30, keepQueues: true, timeoutMs: 90_000 });
  }, 120_000);

  afterAll(async () => {
    await dropPrefix(prefix);
    await server?.close();
  });

  const records = (): ArticleRecord[] =>
    readFileSync(outputPath, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ArticleRecord);

  it('stores every demo article once, with no failed jobs', () => {
    const expected = server.portals.reduce((n, p) => n + p.articles.length, 0);
    expect(first.failures).toEqual([]);
    expect(first.stored).toBe(expected);
    expect(new Set(records().map((r) => r.url)).size).toBe(expected);
    for (const p of first.perPortal) expect(p.stored, p.portal).toBe(p.expected);
  });

  it('fills the record fields from the article, not the chrome', () => {
    const byUrl = new Map(records().map((r) => [r.url, r]));
    let checked = 0;
    for (const portal of server.portals) {
      for (const article of portal.articles.slice(0, 2)) {
        const rec = byUrl.get(article.url);
        expect(rec, article.url).toBeDefined();
        if (!rec) continue;
        expect(rec.portal).toBe(portal.id);
        expect(rec.title).toBe(article.title);
        expect(rec.publishedAt?.slice(0, 10)).toBe(article.publishedAt.slice(0, 10));
        expect(rec.province).toBe(article.expected.province);
        const names = rec.officials.map((o) => o.name);
        for (const o of article.expected.officials) expect(names, `${article.url} ${o.name}`).toContain(o.name);
        expect(rec.text.length).toBeGreaterThan(200);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('adds no duplicates when the same portals are crawled again', async () => {
    const again = await runDemo({ env, log: silentLogger, redisHandle, server, prefix, outputPath, hostDelayMs: 30, keepQueues: true, timeoutMs: 90_000 });
    expect(again.failures).toEqual([]);
    expect(again.stored).toBe(first.stored);
    expect(records()).toHaveLength(first.stored);
  }, 120_000);
});
