import { expect, it } from 'vitest';
import { localTime, parseLocalDate, relativeTime } from './overview.ts';

it('reads dates in Vietnam time unless a zone is given', () => {
  expect(parseLocalDate('2026-12-01')?.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  expect(parseLocalDate('2026-12-01T08:30')?.toISOString()).toBe('2026-12-01T01:30:00.000Z');
  expect(parseLocalDate('2026-12-01 08:30')?.toISOString()).toBe('2026-12-01T01:30:00.000Z');
  expect(parseLocalDate('2026-12-01T08:30:00Z')?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
  expect(parseLocalDate('2026-12-01T08:30:00+09:00')?.toISOString()).toBe('2026-11-30T23:30:00.000Z');
  expect(parseLocalDate('hôm qua')).toBeNull();
});

it('prints times in Vietnam time and relative to now', () => {
  expect(localTime(new Date('2026-12-01T23:40:00Z'))).toBe('2026-12-02 06:40 (+07)');
  const now = Date.parse('2026-12-02T00:00:00Z');
  expect(relativeTime(new Date(now + 2 * 3600_000 + 5 * 60_000), now)).toBe('in 2 h 5 min');
  expect(relativeTime(new Date(now - 3 * 60_000), now)).toBe('3 min ago');
  expect(relativeTime(new Date(now + 30_000), now)).toBe('in 30 s');
  expect(relativeTime(new Date(now - 50 * 3600_000), now)).toBe('2 d 2 h ago');
});
