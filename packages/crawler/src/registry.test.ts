import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleMatcher, defaultRegistryPath, loadRegistry, parseRegistry, portalSchema } from './registry.ts';

describe('the shipped registry', () => {
  it('loads and lists the five seed portals, and no local (loopback/private) portal', async () => {
    const portals = await loadRegistry(defaultRegistryPath());
    const ids = portals.map((p) => p.id);
    for (const id of ['ha-giang', 'lang-son', 'cao-bang', 'quang-ninh', 'quan-hoa']) expect(ids).toContain(id);
    expect(portals.filter((p) => p.local)).toEqual([]);
    expect(portals.every((p) => p.schedule.tz === 'Asia/Ho_Chi_Minh')).toBe(true);
  });
});

describe('registry validation', () => {
  const good = { id: 'cao-bang', name: 'Báo Cao Bằng', province: 'Cao Bằng', baseUrl: 'https://baocaobang.vn/' };

  it('fills defaults', () => {
    expect(portalSchema.parse(good)).toMatchObject({
      schedule: { cron: '0 */2 * * *', tz: 'Asia/Ho_Chi_Minh' },
      politeness: { concurrency: 1 },
      local: false,
      feeds: [],
      maxPages: 200,
      enabled: true,
    });
  });

  it('names the portal and the field of a wrong entry', () => {
    const bad = { portals: [good, { ...good, id: 'lang-son', schedule: { cron: 'every day' } }] };
    expect(() => parseRegistry(bad, 'portals.yaml')).toThrow('portals.yaml: portal "lang-son" (#2): schedule.cron: not a valid cron pattern');
    expect(() => parseRegistry({ portals: [{ ...good, baseUrl: 'ftp://x' }] })).toThrow(/portal "cao-bang" \(#1\): baseUrl: expected an http\(s\) URL/);
    expect(() => parseRegistry({ portals: [{ ...good, articleUrls: { include: ['(unclosed'] } }] })).toThrow(/articleUrls\.include\.0: not a valid regular expression/);
    expect(() => parseRegistry({ portals: [good, good] })).toThrow(/portal "cao-bang" \(#2\): id: duplicate portal id/);
    expect(() => parseRegistry({ portals: [{ ...good, hostDelay: 5 }] })).toThrow(/portal "cao-bang" \(#1\).*hostDelay/);
  });

  it('reads JSON as well as YAML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'registry-'));
    await writeFile(join(dir, 'r.json'), JSON.stringify({ portals: [good] }));
    await writeFile(join(dir, 'r.yaml'), 'portals:\n  - id: cao-bang\n    name: x\n    province: Cao Bằng\n    baseUrl: https://baocaobang.vn/\n    schedule: { tz: Mars/Base }\n');
    expect((await loadRegistry(join(dir, 'r.json')))[0]?.id).toBe('cao-bang');
    await expect(loadRegistry(join(dir, 'r.yaml'))).rejects.toThrow(/portal "cao-bang" \(#1\): schedule.tz: unknown IANA time zone/);
  });
});

describe('article URL rules', () => {
  it('applies include/exclude patterns to path and query, or the slug heuristic', () => {
    const pinned = articleMatcher(portalSchema.parse({ id: 'x', name: 'x', province: 'x', baseUrl: 'https://x.vn', articleUrls: { include: ['^/tin-tuc/.+\\.html$'], exclude: ['/video/'] } }));
    expect(pinned('https://x.vn/tin-tuc/a.html')).toBe(true);
    expect(pinned('https://x.vn/tin-tuc/video/a.html')).toBe(false);
    expect(pinned('https://x.vn/chinh-tri')).toBe(false);
    const guessed = articleMatcher(undefined);
    expect(guessed('https://baohagiang.vn/chinh-tri/202102/bi-thu-tinh-uy-lam-viec-voi-huyen-bac-quang-7b51a.html')).toBe(true);
    expect(guessed('https://x.vn/tin-tuc/hoi-nghi-123456.html')).toBe(true);
    expect(guessed('https://x.vn/index.php?newsid=4567')).toBe(true);
    expect(guessed('https://x.vn/chinh-tri')).toBe(false);
    expect(guessed('https://x.vn/uploads/bao-cao-tong-ket-nam-2023-final.pdf')).toBe(false);
  });
});
