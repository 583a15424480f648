import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '@provnews/logger';
import { verifyPassword, type DashboardUser, type Role } from './credentials.ts';
import { isSafeMethod } from './security.ts';

/** Checked for unknown user names, so answering them takes as long as a wrong password. */
const DUMMY_HASH = 'scrypt:32768:8:1:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const SESSION_COOKIE = 'provnews_session';
/** Read by bull-board's HTTP client (axios), which echoes it in `X-XSRF-TOKEN` on same-origin requests. */
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADERS = ['x-xsrf-token', 'x-csrf-token'] as const;

export interface Session {
  user: string;
  role: Role;
  csrf: string;
  createdAt: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    session?: Session;
  }
}

/**
 * Failed logins allowed before a pause: 5 per user name and 20 per client address in 15 minutes.
 * Counted in Redis, so several dashboard processes share the budget and a restart does not reset it.
 */
const PER_USER = { points: 5, duration: 15 * 60 };
const PER_IP = { points: 20, duration: 15 * 60 };

export interface AuthOptions {
  redis: Redis;
  prefix: string;
  users: DashboardUser[];
  log: Logger;
  sessionHours: number;
  secureCookies: boolean;
}

function cookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sessions in Redis (keyed by a hash of the cookie token), login with rate limiting, role and CSRF checks. */
export class Auth {
  private readonly byName: Map<string, DashboardUser>;
  private readonly perUser: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(private readonly opts: AuthOptions) {
    this.byName = new Map(opts.users.map((u) => [u.name, u]));
    const common = { storeClient: opts.redis, useRedisPackage: false };
    this.perUser = new RateLimiterRedis({ ...common, ...PER_USER, keyPrefix: `${opts.prefix}:dashboard:login-fail:user` });
    this.perIp = new RateLimiterRedis({ ...common, ...PER_IP, keyPrefix: `${opts.prefix}:dashboard:login-fail:ip` });
  }

  private key(token: string): string {
    return `${this.opts.prefix}:dashboard:session:${createHash('sha256').update(token).digest('hex')}`;
  }

  private cookieAttrs(httpOnly: boolean): string {
    return `Path=/; SameSite=Strict${httpOnly ? '; HttpOnly' : ''}${this.opts.secureCookies ? '; Secure' : ''}; Max-Age=${this.opts.sessionHours * 3600}`;
  }

  /** Seconds until a client may try again, or 0 when it is not blocked. */
  async blockedFor(user: string, ip: string): Promise<number> {
    const [u, i] = await Promise.all([this.perUser.get(user), this.perIp.get(ip)]);
    const wait = (r: RateLimiterRes | null, points: number) => (r && r.consumedPoints >= points ? Math.ceil(r.msBeforeNext / 1000) : 0);
    return Math.max(wait(u, PER_USER.points), wait(i, PER_IP.points));
  }

  /**
   * Checks a user name and password. Returns the user, or null (and counts the failure against
   * the name and the address). An unknown name costs a hash check too, so timing does not tell.
   */
  async check(name: string, password: string, ip: string): Promise<DashboardUser | null> {
    const user = this.byName.get(name);
    const ok = await verifyPassword(password, user?.hash ?? DUMMY_HASH);
    if (user && ok) {
      await this.perUser.delete(name);
      return user;
    }
    await Promise.all([this.perUser.penalty(name, 1), this.perIp.penalty(ip, 1)]);
    this.opts.log.warn({ user: name, ip }, 'dashboard login failed');
    return null;
  }

  /** Opens a session and sets its cookies (session: HttpOnly; CSRF token: readable by the page). */
  async open(res: Response, user: DashboardUser): Promise<Session> {
    const token = randomBytes(32).toString('base64url');
    const session: Session = { user: user.name, role: user.role, csrf: randomBytes(32).toString('base64url'), createdAt: new Date().toISOString() };
    await this.opts.redis.set(this.key(token), JSON.stringify(session), 'EX', this.opts.sessionHours * 3600);
    res.append('Set-Cookie', `${SESSION_COOKIE}=${token}; ${this.cookieAttrs(true)}`);
    res.append('Set-Cookie', `${CSRF_COOKIE}=${session.csrf}; ${this.cookieAttrs(false)}`);
    this.opts.log.info({ user: user.name, role: user.role }, 'dashboard login');
    return session;
  }

  async close(req: Request, res: Response): Promise<void> {
    const token = cookies(req)[SESSION_COOKIE];
    if (token) await this.opts.redis.del(this.key(token));
    res.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0`);
    res.append('Set-Cookie', `${CSRF_COOKIE}=; Path=/; Max-Age=0`);
  }

  /** Attaches `req.session` when the session cookie names a live session. */
  readonly load = async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    try {
      const token = cookies(req)[SESSION_COOKIE];
      if (token && /^[A-Za-z0-9_-]{43}$/.test(token)) {
        const raw = await this.opts.redis.get(this.key(token));
        if (raw) {
          const s = JSON.parse(raw) as Session;
          // A user removed from the credentials (or whose role changed) loses the session at once.
          const user = this.byName.get(s.user);
          if (user && user.role === s.role) req.session = s;
        }
      }
      next();
    } catch (err) {
      next(err);
    }
  };

  /**
   * Everything behind this needs a session: browsers are sent to the login page, other clients
   * get 401. State changes additionally need the admin role and the session's CSRF token.
   */
  readonly require = (req: Request, res: Response, next: NextFunction): void => this.guard(req, res, next, true);

  /** Like `require`, but any role may make the request (logging out ends only one's own session). */
  readonly requireAnyRole = (req: Request, res: Response, next: NextFunction): void => this.guard(req, res, next, false);

  private guard(req: Request, res: Response, next: NextFunction, adminForWrites: boolean): void {
    const s = req.session;
    if (!s) {
      if (isSafeMethod(req.method) && req.accepts(['html', 'json']) === 'html' && !req.path.startsWith('/api/')) {
        res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      } else res.status(401).json({ error: 'authentication required' });
      return;
    }
    if (isSafeMethod(req.method)) return next();
    if (adminForWrites && s.role !== 'admin') {
      res.status(403).json({ error: 'read-only user' });
      return;
    }
    const sent = CSRF_HEADERS.map((h) => req.headers[h]).find((v): v is string => typeof v === 'string') ?? (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof sent !== 'string' || !sameToken(sent, s.csrf)) {
      this.opts.log.warn({ user: s.user, path: req.path }, 'dashboard request without a valid CSRF token');
      res.status(403).json({ error: 'missing or invalid CSRF token' });
      return;
    }
    next();
  }
}
