import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadDashboardConfig } from './config.ts';
import { hashPassword, loadUsers, parseUsersEnv, verifyPassword } from './credentials.ts';

it('hashes with a random salt and verifies only the right password', async () => {
  const a = await hashPassword('mật khẩu dài 1');
  const b = await hashPassword('mật khẩu dài 1');
  expect(a).toMatch(/^scrypt:32768:8:1:/);
  expect(a).not.toBe(b);
  expect(await verifyPassword('mật khẩu dài 1', a)).toBe(true);
  expect(await verifyPassword('mật khẩu dài 2', a)).toBe(false);
  expect(await verifyPassword('x', 'plain-text')).toBe(false);
});

it('reads users from the environment and from a file, refusing plain passwords, bad roles and duplicates', async () => {
  const hash = await hashPassword('secret-one');
  expect(parseUsersEnv(`ops:admin:${hash}, lan:viewer:${hash}`).map((u) => [u.name, u.role])).toEqual([['ops', 'admin'], ['lan', 'viewer']]);
  expect(() => parseUsersEnv('ops:admin:hunter2')).toThrow(/DASHBOARD_USERS entry #1: password of "ops" is not a scrypt hash/);
  expect(() => parseUsersEnv(`ops:root:${hash}`)).toThrow(/role of "ops" must be admin or viewer/);
  const file = join(mkdtempSync(join(tmpdir(), 'provnews-users-')), 'users');
  writeFileSync(file, `# dashboard users\nwatcher viewer ${hash}\n\n`);
  expect(loadUsers({ DASHBOARD_USERS_FILE: file }).map((u) => u.name)).toEqual(['watcher']);
  expect(() => loadUsers({ DASHBOARD_USERS: `watcher:admin:${hash}`, DASHBOARD_USERS_FILE: file })).toThrow(/"watcher" is defined twice/);
  expect(() => loadDashboardConfig({ DASHBOARD_USERS_FILE: join(file, 'missing') })).toThrow(/^DASHBOARD_USERS_FILE .*missing: ENOTDIR|ENOENT/);
  expect(() => loadDashboardConfig({ DASHBOARD_PORT: 'abc' })).toThrow(/^DASHBOARD_PORT: /);
});
