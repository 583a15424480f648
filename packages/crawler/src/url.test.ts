import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, hostKey, isSameSite } from './url.ts';

describe('canonicalizeUrl', () => {
  it('gives one spelling per page', () => {
    const forms = [
      'HTTPS://BaoHaGiang.VN:443/tin-tuc/bai-viet-123.html?b=2&a=1#binh-luan',
      'https://baohagiang.vn/tin-tuc/bai-viet-123.html?a=1&b=2&utm_source=facebook&fbclid=abc',
      'https://baohagiang.vn//tin-tuc/bai-viet-123.html/?a=1&zarsrc=30&b=2',
    ];
    expect(new Set(forms.map((f) => canonicalizeUrl(f))).size).toBe(1);
    expect(canonicalizeUrl(forms[0]!)).toBe('https://baohagiang.vn/tin-tuc/bai-viet-123.html?a=1&b=2');
  });

  it('keeps the root slash, drops default ports and empty queries, resolves relative links', () => {
    expect(canonicalizeUrl('http://x.vn:80/?utm_medium=x')).toBe('http://x.vn/');
    expect(canonicalizeUrl('http://127.0.0.1:8701/chinh-tri/')).toBe('http://127.0.0.1:8701/chinh-tri');
    expect(canonicalizeUrl('../a.html', 'https://x.vn/b/c/d.html')).toBe('https://x.vn/b/a.html');
  });

  it('refuses what is not an http(s) page link', () => {
    for (const bad of ['mailto:a@b.vn', 'javascript:void(0)', 'ftp://x.vn/a', 'http://']) expect(canonicalizeUrl(bad)).toBeNull();
  });
});

describe('hosts and sites', () => {
  it('keys politeness by host and port', () => {
    expect(hostKey('https://baocaobang.vn/a')).toBe('baocaobang.vn:443');
    expect(hostKey('http://127.0.0.1:8701/a')).not.toBe(hostKey('http://127.0.0.1:8702/a'));
  });

  it('treats www and http/https as one site, sibling district portals as different sites', () => {
    expect(isSameSite('https://www.baolangson.vn/a', 'http://baolangson.vn/')).toBe(true);
    expect(isSameSite('https://muonglat.thanhhoa.gov.vn/a', 'https://quanhoa.thanhhoa.gov.vn/')).toBe(false);
    expect(isSameSite('http://127.0.0.1:8702/a', 'http://127.0.0.1:8701/')).toBe(false);
  });
});
