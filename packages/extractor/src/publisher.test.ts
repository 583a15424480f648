import { describe, expect, it } from 'vitest';
import { publisherProvince } from './publisher.ts';

describe('publisherProvince', () => {
  it.each([
    [{ siteName: 'Báo Phú Thọ điện tử', canonicalUrl: null }, 'Phú Thọ'],
    [{ siteName: 'Đài Phát thanh và Truyền hình Quảng Ninh', canonicalUrl: null }, 'Quảng Ninh'],
    [{ siteName: ' Lạng Sơn online', canonicalUrl: null }, 'Lạng Sơn'],
    [{ siteName: null, canonicalUrl: 'https://baolaocai.vn/tin-tuc-a123.html' }, 'Lào Cai'],
    [{ siteName: null, canonicalUrl: 'https://www.baobinhthuanonline.vn/x' }, 'Bình Thuận'],
    [{ siteName: null, canonicalUrl: 'https://xatanlap.tuyenquang.gov.vn/tin-tuc' }, 'Tuyên Quang'],
    // The licence line beats a site name that names no province.
    [{ siteName: 'Tin tức 24h', canonicalUrl: null, publisher: 'Tỉnh ủy Cao Bằng' }, 'Cao Bằng'],
  ])('reads the publisher of %j', (meta, province) => {
    expect(publisherProvince(meta)).toBe(province);
  });

  it.each([
    [{ siteName: 'Báo Nhân Dân', canonicalUrl: 'https://nhandan.vn/a' }],
    [{ siteName: 'Tin tức an toàn giao thông', canonicalUrl: 'https://vnexpress.net/a' }],
    [{ siteName: null, canonicalUrl: 'file:///tmp/page.html' }],
    [{ siteName: null, canonicalUrl: 'not a url' }],
  ])('finds none for %j', (meta) => {
    expect(publisherProvince(meta)).toBeNull();
  });
});
