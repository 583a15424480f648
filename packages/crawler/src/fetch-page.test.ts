import { randomBytes } from 'node:crypto';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentJobError, reasonOf, TransientJobError } from '@provnews/queues';
import { decodeBody } from './charset.ts';
import { assertSuccess, closeFetchAgents, fetchPage, parseRetryAfter, type FetchOptions } from './fetch-page.ts';
import { slow, startSite, text, toWindows1258, type TestSite } from './test-site.ts';

const opts: FetchOptions = { userAgent: 'provnews-test/0.1 (+https://example.org/provnews)', timeoutMs: 2000, maxBodyBytes: 64 * 1024, allowPrivate: true };

/** The reason code of a rejected promise. */
async function reasonOfRejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err instanceof PermanentJobError || err instanceof TransientJobError).toBe(true);
    return reasonOf((err as Error).message);
  }
  throw new Error('expected a rejection');
}

const VI = 'Hà Giang: Bí thư Tỉnh ủy làm việc tại huyện Bắc Quang';
const vi1258 = toWindows1258(`<html><body><p>${VI}</p></body></html>`);

let site: TestSite;
let other: TestSite;
const largeText = randomBytes(150 * 1024).toString('base64'); // ~150 KB gzipped: well over the 64 KB inline limit
beforeAll(async () => {
  site = await startSite({
    '/ok': text('<p>xin chào</p>', 'text/html; charset=utf-8', { etag: '"v1"' }),
    '/gzip': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync('<p>nén gzip</p>')),
    '/br': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }).end(brotliCompressSync('<p>nén br</p>')),
    // Over 64 KB compressed: inflated in the thread pool, not on the event loop.
    '/gzip-large': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(largeText)),
    '/big': text('x'.repeat(100 * 1024)),
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 100; i++) res.write('y'.repeat(1024));
      res.end();
    },
    '/bomb': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1024 * 1024, 0x20))),
    '/hang': slow(5000, text('too late')),
    '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => void res.writeHead(301, { location: '/loop-a' }).end(),
    '/chain': (_req, res) => void res.writeHead(302, { location: '/ok?from=chain' }).end(),
    '/ok?from=chain': text('<p>after redirect</p>'),
    '/vi-1258': text(vi1258, 'text/html; charset=windows-1258'),
    '/vi-1258-undeclared': text(vi1258, 'text/html'),
  });
  // A second loopback address: Linux routes all of 127/8 to lo.
  other = await startSite({ '/secret': text('internal') }, '127.0.0.2');
});
afterAll(async () => {
  await site.close();
  await other.close();
  await closeFetchAgents();
});

describe('fetchPage', () => {
  it('fetches, keeps validators and decompresses gzip and br', async () => {
    const page = await fetchPage(`${site.origin}/ok`, opts);
    expect(page.status).toBe(200);
    expect(page.headers.etag).toBe('"v1"');
    expect(page.body.toString()).toBe('<p>xin chào</p>');
    expect(site.hitsOf('/ok')[0]!.headers['user-agent']).toBe(opts.userAgent);
    expect((await fetchPage(`${site.origin}/gzip`, opts)).body.toString()).toBe('<p>nén gzip</p>');
    const br = await fetchPage(`${site.origin}/br`, opts);
    expect(br.body.toString()).toBe('<p>nén br</p>');
    expect(br.headers['content-encoding']).toBeUndefined();
    expect((await fetchPage(`${site.origin}/gzip-large`, { ...opts, maxBodyBytes: 1024 * 1024 })).body.toString()).toBe(largeText);
  });

  it('follows redirects and reports the final URL', async () => {
    const page = await fetchPage(`${site.origin}/chain`, opts);
    expect(page.finalUrl).toBe(`${site.origin}/ok?from=chain`);
    expect(page.redirects).toEqual([`${site.origin}/chain`]);
  });

  it('refuses a redirect loop and a too-long chain as permanent redirect-limit', async () => {
    expect(await reasonOfRejection(fetchPage(`${site.origin}/loop-a`, opts))).toBe('redirect-limit');
    expect(await reasonOfRejection(fetchPage(`${site.origin}/chain`, { ...opts, maxRedirects: 0 }))).toBe('redirect-limit');
  });

  it('refuses bodies over the limit (declared, streamed and decompressed) as too-large', async () => {
    expect(await reasonOfRejection(fetchPage(`${site.origin}/big`, opts))).toBe('too-large');
    expect(await reasonOfRejection(fetchPage(`${site.origin}/big-chunked`, opts))).toBe('too-large');
    expect(await reasonOfRejection(fetchPage(`${site.origin}/bomb`, opts))).toBe('too-large');
  });

  it('times out a server that never answers as a transient timeout', async () => {
    const started = Date.now();
    expect(await reasonOfRejection(fetchPage(`${site.origin}/hang`, { ...opts, timeoutMs: 300 }))).toBe('timeout');
    // The server never answers: finishing at all (well inside the test's own timeout) proves the deadline fired.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports a refused connection as transient network error', async () => {
    const gone = await startSite({});
    await gone.close();
    expect(await reasonOfRejection(fetchPage(`${gone.origin}/x`, opts))).toBe('network');
  });

  it('decodes a windows-1258 page to NFC text, declared or detected', async () => {
    for (const path of ['/vi-1258', '/vi-1258-undeclared']) {
      const page = await fetchPage(`${site.origin}${path}`, opts);
      const decoded = decodeBody(page.body, page.headers['content-type']);
      expect(decoded.charset).toBe('windows-1258');
      expect(decoded.text).toContain(VI.normalize('NFC'));
      expect(decoded.text).toBe(decoded.text.normalize('NFC'));
    }
    // The fixture really is windows-1258 with combining tones (0xF2 = U+0323 dot below).
    expect(vi1258.includes(0xf2)).toBe(true);
  });
});

describe('SSRF guard', () => {
  it('refuses loopback IP literals and names resolving to loopback unless allowed', async () => {
    const strict = { ...opts, allowPrivate: false };
    expect(await reasonOfRejection(fetchPage(`${site.origin}/ok`, strict))).toBe('blocked-address');
    const port = new URL(site.origin).port;
    // A name, not an IP literal: the check happens on the resolved address.
    expect(await reasonOfRejection(fetchPage(`http://localhost:${port}/ok`, strict))).toBe('blocked-address');
    expect(await reasonOfRejection(fetchPage('http://[::1]:9/x', strict))).toBe('blocked-address');
    expect(site.hitsOf('/ok').length).toBe(1); // only the allowed fetch of the first test arrived
  });

  it('checks every redirect hop', async () => {
    const hop = await startSite({ '/go': (_req, res) => void res.writeHead(302, { location: `${other.origin}/secret` }).end() });
    try {
      // Only 127.0.0.1 is allowed: the first hop passes, the redirect to 127.0.0.2 is refused.
      const onlyFirst = { ...opts, allowPrivate: false, isAllowedAddress: (ip: string) => ip === '127.0.0.1' };
      expect(await reasonOfRejection(fetchPage(`${hop.origin}/go`, onlyFirst))).toBe('blocked-address');
      expect(hop.hitsOf('/go').length).toBe(1);
      expect(other.hitsOf('/secret').length).toBe(0);
    } finally {
      await hop.close();
    }
  });
});

describe('status classification', () => {
  const at = (status: number, headers: Record<string, string> = {}) => {
    try {
      assertSuccess({ status, headers, finalUrl: 'https://x.vn/a' });
      return 'ok';
    } catch (err) {
      return `${err instanceof PermanentJobError ? 'permanent' : 'transient'}:${reasonOf((err as Error).message)}`;
    }
  };

  it('sorts statuses by whether a retry can help', () => {
    expect(at(200)).toBe('ok');
    expect(at(304)).toBe('ok');
    expect(at(404)).toBe('permanent:http-404');
    expect(at(410)).toBe('permanent:http-410');
    expect(at(403)).toBe('permanent:http-4xx');
    expect(at(408)).toBe('transient:timeout');
    expect(at(429)).toBe('transient:http-429');
    expect(at(503)).toBe('transient:http-5xx');
  });

  it('carries Retry-After in seconds or as an HTTP date', () => {
    try {
      assertSuccess({ status: 429, headers: { 'retry-after': '7' }, finalUrl: 'https://x.vn' });
    } catch (err) {
      expect((err as TransientJobError).retryAfterMs).toBe(7000);
    }
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
