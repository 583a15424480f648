import { isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** A host name or address that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::ffff:127.0.0.1';
}

/** The host name of a `Host` header value (`a.b:3000` → `a.b`, `[::1]:80` → `::1`). */
export function hostnameOf(hostHeader: string): string {
  const v = hostHeader.trim().toLowerCase();
  if (v.startsWith('[')) return v.slice(1, v.indexOf(']'));
  return v.replace(/:\d+$/, '');
}

/**
 * Accepts a request only when its `Host` names this dashboard: a loopback name, an IP literal, or
 * a name listed in DASHBOARD_ALLOWED_HOSTS. A DNS-rebinding page (evil.example resolving to
 * 127.0.0.1) sends `Host: evil.example` and is refused before any handler runs.
 */
export function hostCheck(allowedHosts: string[]) {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return (req: Request, res: Response, next: NextFunction): void => {
    const host = req.headers.host ? hostnameOf(req.headers.host) : '';
    if (host && (isLoopback(host) || isIP(host) !== 0 || allowed.has(host))) return next();
    res.status(421).type('text/plain').send('unknown Host header: add the name to DASHBOARD_ALLOWED_HOSTS\n');
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for methods that never change state here. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * A state-changing request must come from a page of this dashboard: its `Origin` (or, when a
 * browser omits it, its `Referer`) must name the same host and port as the `Host` header.
 * A request carrying neither is refused too, so a client has to say where it comes from.
 */
export function originCheck(req: Request, res: Response, next: NextFunction): void {
  if (isSafeMethod(req.method)) return next();
  const source = req.headers.origin ?? req.headers.referer;
  let sourceHost: string | null = null;
  try {
    if (source && source !== 'null') sourceHost = new URL(source).host.toLowerCase();
  } catch {
    sourceHost = null;
  }
  if (sourceHost && sourceHost === (req.headers.host ?? '').toLowerCase()) return next();
  res.status(403).type('text/plain').send('cross-origin request refused\n');
}

/**
 * Security headers (helmet): a CSP that allows only this origin's scripts (bull-board's bundles
 * are files; its inline styles need 'unsafe-inline' for styles only), no framing, no sniffing,
 * no referrer to other sites, and no caching of authenticated pages.
 */
export function securityHeaders() {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false, // served over plain HTTP on loopback; a TLS proxy in front sets HSTS
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Cache-Control', 'no-store');
    headers(req, res, next);
  };
}
