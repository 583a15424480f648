import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What a dashboard user may do: an admin changes state, a viewer only reads. */
export type Role = 'admin' | 'viewer';

export interface DashboardUser {
  name: string;
  role: Role;
  /** `scrypt:N:r:p:<salt b64>:<hash b64>` (from `provnews hash-password`); no `$`, so it survives shells, .env files and compose interpolation. */
  hash: string;
}

/** A credentials entry or file that cannot be used; the message names the entry. */
export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

/**
 * scrypt cost: N=2^15, r=8 takes ~50-100 ms and 32 MiB per check on a small server, which makes
 * guessing slow without making a login slow. The parameters are stored in each hash, so they can grow.
 */
const COST = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_BYTES, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a password for a credentials entry (random salt, scrypt). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST);
  return `scrypt:${COST.N}:${COST.r}:${COST.p}:${salt.toString('base64')}:${key.toString('base64')}`;
}

const HASH_FORMAT = /^scrypt:(\d+):(\d+):(\d+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+)$/;

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const m = HASH_FORMAT.exec(hash);
  if (!m) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  const key = await scrypt(password, Buffer.from(m[4]!, 'base64'), { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

const NAME = /^[A-Za-z0-9._@-]{1,64}$/;

function entry(name: string, role: string, hash: string, where: string): DashboardUser {
  if (!NAME.test(name)) throw new CredentialsError(`${where}: user name "${name}" must be 1-64 of A-Z a-z 0-9 . _ @ -`);
  if (role !== 'admin' && role !== 'viewer') throw new CredentialsError(`${where}: role of "${name}" must be admin or viewer, not "${role}"`);
  if (!HASH_FORMAT.test(hash)) throw new CredentialsError(`${where}: password of "${name}" is not a scrypt hash (make one with \`provnews hash-password\`)`);
  return { name, role, hash };
}

/**
 * Parses `DASHBOARD_USERS`: comma-separated `name:role:hash` entries, e.g.
 * `ops:admin:scrypt:32768:8:1:…,lan:viewer:scrypt:…`. Plain-text passwords are refused.
 */
export function parseUsersEnv(value: string): DashboardUser[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item, i) => {
      const [name = '', role = '', ...rest] = item.split(':');
      return entry(name, role, rest.join(':'), `DASHBOARD_USERS entry #${i + 1}`);
    });
}

/** Parses a credentials file: one `name role hash` per line, `#` comments and blank lines ignored. */
export function parseUsersFile(text: string, path: string): DashboardUser[] {
  const users: DashboardUser[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [name = '', role = '', hash = '', ...extra] = line.split(/\s+/);
    if (extra.length) throw new CredentialsError(`${path}:${i + 1}: expected "name role hash"`);
    users.push(entry(name, role, hash, `${path}:${i + 1}`));
  });
  return users;
}

/** Users from `DASHBOARD_USERS` and `DASHBOARD_USERS_FILE` (both may be set); duplicate names are refused. */
export function loadUsers(env: { DASHBOARD_USERS?: string | undefined; DASHBOARD_USERS_FILE?: string | undefined }): DashboardUser[] {
  const users = [...(env.DASHBOARD_USERS ? parseUsersEnv(env.DASHBOARD_USERS) : [])];
  if (env.DASHBOARD_USERS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.DASHBOARD_USERS_FILE, 'utf8');
    } catch (err) {
      throw new CredentialsError(`DASHBOARD_USERS_FILE ${env.DASHBOARD_USERS_FILE}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    users.push(...parseUsersFile(text, env.DASHBOARD_USERS_FILE));
  }
  const seen = new Set<string>();
  for (const u of users) {
    if (seen.has(u.name)) throw new CredentialsError(`dashboard user "${u.name}" is defined twice`);
    seen.add(u.name);
  }
  return users;
}
