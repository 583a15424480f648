import { z } from 'zod';
import { CredentialsError, loadUsers, type DashboardUser } from './credentials.ts';

/** The dashboard's own settings (parsed once at start-up; a wrong value stops it with one line). */
const dashboardEnvSchema = z.object({
  /** Interface to bind; anything but loopback needs credentials. */
  DASHBOARD_HOST: z.string().min(1).default('127.0.0.1'),
  DASHBOARD_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** `name:role:scrypt-hash` entries, comma-separated (role: admin | viewer). */
  DASHBOARD_USERS: z.string().optional(),
  /** A file with one `name role scrypt-hash` per line (for secrets mounted as files). */
  DASHBOARD_USERS_FILE: z.string().optional(),
  /** Host names (besides loopback and IP literals) the dashboard answers to, comma-separated: guards against DNS rebinding. */
  DASHBOARD_ALLOWED_HOSTS: z.string().default(''),
  /** How long a login lasts. */
  DASHBOARD_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Mark cookies Secure (set when a TLS proxy is in front). */
  DASHBOARD_SECURE_COOKIES: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export interface DashboardConfig {
  host: string;
  port: number;
  users: DashboardUser[];
  allowedHosts: string[];
  sessionHours: number;
  secureCookies: boolean;
}

/** Thrown for a wrong dashboard setting; the message is one line naming it. */
export class DashboardConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the dashboard settings from the environment; `overrides` (CLI flags) win. */
export function loadDashboardConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Pick<DashboardConfig, 'host' | 'port'>> = {}): DashboardConfig {
  const parsed = dashboardEnvSchema.safeParse(env);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new DashboardConfigError(`${String(i.path[0])}: ${i.message}`);
  }
  const e = parsed.data;
  let users: DashboardUser[];
  try {
    users = loadUsers(e);
  } catch (err) {
    if (err instanceof CredentialsError) throw new DashboardConfigError(err.message);
    throw err;
  }
  return {
    host: overrides.host ?? e.DASHBOARD_HOST,
    port: overrides.port ?? e.DASHBOARD_PORT,
    users,
    allowedHosts: e.DASHBOARD_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter(Boolean),
    sessionHours: e.DASHBOARD_SESSION_HOURS,
    secureCookies: e.DASHBOARD_SECURE_COOKIES,
  };
}
