import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Redis } from 'ioredis';
import type { Portal } from '@provnews/crawler';
import { silentLogger, type Logger } from '@provnews/logger';
import { QUEUE_NAMES, type Queues } from '@provnews/queues';
import type { BlobStore, SnapshotStore } from '@provnews/storage';
import { Auth } from './auth.ts';
import { hashPassword, type DashboardUser } from './credentials.ts';
import { DashboardConfigError } from './config.ts';
import { CSS, html, page } from './html.ts';
import { createMetrics } from './metrics.ts';
import { opsRoutes } from './routes.ts';
import { hostCheck, isLoopback, originCheck, securityHeaders } from './security.ts';

export interface DashboardOptions {
  queues: Queues;
  /** Redis for sessions and login counters (a connection that fails fast, separate from the queues'). */
  redisUrl: string;
  /** The registry's portals, for the overview and the crawl-now action. */
  portals?: Portal[];
  /** Stores for reprocessing from snapshots. */
  content?: BlobStore;
  snapshots?: SnapshotStore;
  users?: DashboardUser[];
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Host names besides loopback and IP literals that the dashboard answers to. */
  allowedHosts?: string[];
  sessionHours?: number;
  secureCookies?: boolean;
  log?: Logger;
}

export interface Dashboard {
  url: string;
  /** Set when no credentials were configured on loopback: a one-off admin password, printed once by the caller. */
  generatedPassword?: string;
  close(): Promise<void>;
}

/**
 * Refuses to expose a dashboard without credentials. On loopback with none configured, a random
 * admin password is generated for this process (like a notebook token), so even a local dashboard
 * never changes state for an unauthenticated request.
 */
async function usersFor(host: string, users: DashboardUser[]): Promise<{ users: DashboardUser[]; generatedPassword?: string }> {
  if (users.length) return { users };
  if (!isLoopback(host)) {
    throw new DashboardConfigError(`refusing to bind ${host} without credentials: set DASHBOARD_USERS or DASHBOARD_USERS_FILE (see \`provnews hash-password\`)`);
  }
  const generatedPassword = randomBytes(12).toString('base64url');
  return { users: [{ name: 'admin', role: 'admin', hash: await hashPassword(generatedPassword) }], generatedPassword };
}

function bullBoardRouter(queues: Queues, readOnlyMode: boolean): express.Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath('/queues');
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(queues.get(name), { readOnlyMode, description: `provnews ${name} stage` })),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: readOnlyMode ? 'provnews (read-only)' : 'provnews' } },
  });
  return adapter.getRouter() as express.Router;
}

/** Waits for `p` at most `ms`; rejects with `what` after that (Redis commands queue while it is away). */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The operations console. Everything but `/healthz`, `/login` and the stylesheet needs a login;
 * state changes need the admin role, a same-origin request and the session's CSRF token.
 * - `/overview`, `/failures`, actions — provnews's own pages (routes.ts);
 * - `/queues/` — bull-board (read-only mode for viewers, and the API refuses their writes);
 * - `/metrics` — Prometheus (a session or HTTP Basic credentials), `/healthz` — checks Redis.
 */
export async function startDashboard(opts: DashboardOptions): Promise<Dashboard> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? silentLogger;
  const { users, generatedPassword } = await usersFor(host, opts.users ?? []);
  // Fails fast instead of queueing when Redis is away, so a page or probe answers instead of hanging.
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 1000 });
  redis.on('error', () => undefined);
  // Wait for the first connection (a page served before it would fail); a Redis that is down does not stop start-up.
  await within(new Promise((resolve) => redis.once('ready', resolve)), 3000, 'Redis').catch(() => log.warn('dashboard started while Redis does not answer'));
  const auth = new Auth({ redis, prefix: opts.queues.prefix, users, log, sessionHours: opts.sessionHours ?? 12, secureCookies: opts.secureCookies ?? false });
  const metrics = createMetrics(opts.queues, redis);
  const adminBoard = bullBoardRouter(opts.queues, false);
  const viewerBoard = bullBoardRouter(opts.queues, true);

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(hostCheck(opts.allowedHosts ?? []));
  app.use(express.urlencoded({ extended: false, limit: '32kb' }));
  app.use(originCheck);

  app.get('/healthz', async (_req, res) => {
    try {
      await within(redis.ping(), 1000, 'Redis');
      res.json({ ok: true, redis: 'up' });
    } catch {
      res.status(503).json({ ok: false, redis: 'down' });
    }
  });
  app.get('/assets/dashboard.css', (_req, res) => void res.type('text/css').send(CSS));

  const loginPage = (error: string | null, next: string) =>
    page(
      'Log in',
      html`<form class="login" method="post" action="/login">
        <h2>Log in</h2>${error ? html`<p class="error" role="alert">${error}</p>` : ''}
        <input type="hidden" name="next" value="${next}">
        <label>User <input name="user" autocomplete="username" required></label>
        <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">Log in</button></form>`,
      null,
    );
  const safeNext = (v: unknown) => (typeof v === 'string' && /^\/(?![/\\])/.test(v) ? v : '/overview');
  app.get('/login', (req, res) => void res.type('html').send(loginPage(null, safeNext(req.query.next))));
  app.post('/login', async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const name = typeof body.user === 'string' ? body.user.slice(0, 64) : '';
      const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
      const ip = req.socket.remoteAddress ?? 'unknown';
      const wait = await within(auth.blockedFor(name, ip), 2000, 'Redis');
      if (wait > 0) {
        log.warn({ user: name, ip, retryAfter: wait }, 'dashboard login refused: too many failures');
        res.status(429).setHeader('Retry-After', String(wait));
        res.type('html').send(loginPage(`Too many failed logins; try again in ${wait} s.`, safeNext(body.next)));
        return;
      }
      const user = await auth.check(name, password, ip);
      if (!user) {
        res.status(401).type('html').send(loginPage('Wrong user name or password.', safeNext(body.next)));
        return;
      }
      await auth.open(res, user);
      res.redirect(303, safeNext(body.next));
    } catch (err) {
      next(err);
    }
  });

  app.use(auth.load);
  app.post('/logout', auth.requireAnyRole, async (req, res, next) => {
    try {
      await auth.close(req, res);
      res.redirect(303, '/login');
    } catch (err) {
      next(err);
    }
  });

  // Prometheus scrapes with HTTP Basic credentials (GET only, rate-limited like the login form).
  app.get('/metrics', async (req, res, next) => {
    try {
      if (!req.session && !(await basicUser(req))) {
        res.status(401).setHeader('WWW-Authenticate', 'Basic realm="provnews metrics"').type('text/plain').send('authentication required\n');
        return;
      }
      const text = await within(metrics.metrics(), 1000, 'metrics from Redis');
      res.type(metrics.contentType).send(text);
    } catch (err) {
      res.status(503).type('text/plain').send(`metrics unavailable: ${(err as Error).message}\n`);
    }
  });
  async function basicUser(req: Request): Promise<DashboardUser | null> {
    const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i < 0) return null;
    const ip = req.socket.remoteAddress ?? 'unknown';
    if ((await within(auth.blockedFor(decoded.slice(0, i), ip), 1000, 'Redis')) > 0) return null;
    return auth.check(decoded.slice(0, i), decoded.slice(i + 1), ip);
  }

  app.use(auth.require);
  app.get('/', (_req, res) => res.redirect(303, '/overview'));
  opsRoutes(app, { queues: opts.queues, portals: opts.portals ?? [], log, redis, ...(opts.content ? { content: opts.content } : {}), ...(opts.snapshots ? { snapshots: opts.snapshots } : {}) });
  app.use('/queues', (req: Request, res: Response, next: NextFunction) => (req.session?.role === 'admin' ? adminBoard : viewerBoard)(req, res, next));
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    // Sessions and every page read Redis: while it is away, say so with a 503 rather than a bare 500.
    const redisDown = redis.status !== 'ready';
    log.error({ err: err.message, redisDown }, 'dashboard request failed');
    if (!res.headersSent) res.status(redisDown ? 503 : 500).type('text/plain').send(redisDown ? 'Redis is not answering; try again shortly\n' : 'internal error\n');
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port ?? 3000, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    ...(generatedPassword ? { generatedPassword } : {}),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}
