import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/** One request a test site received. */
export interface Hit {
  path: string;
  headers: IncomingMessage['headers'];
  /** ms timestamps of request arrival and response end. */
  start: number;
  end: number;
  /** Requests in flight on this site when this one arrived (itself included). */
  inFlight: number;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A loopback HTTP server for tests, with a request log. */
export interface TestSite {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  hits: Hit[];
  hitsOf(path: string): Hit[];
  /** Highest number of requests in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/**
 * Serves `routes` (exact path + query → handler) on a free port; unknown paths get 404.
 * Unless a route for `/robots.txt` is given, robots.txt allows everything.
 */
export async function startSite(routes: Record<string, Route>, host = '127.0.0.1'): Promise<TestSite> {
  const hits: Hit[] = [];
  let inFlight = 0;
  let peak = 0;
  const all: Record<string, Route> = { '/robots.txt': text('User-agent: *\nAllow: /\n', 'text/plain'), ...routes };
  const server = createServer((req, res) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    const hit: Hit = { path: req.url ?? '/', headers: req.headers, start: Date.now(), end: 0, inFlight };
    hits.push(hit);
    res.on('close', () => {
      inFlight -= 1;
      hit.end = Date.now();
    });
    const route = all[req.url ?? '/'];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    void Promise.resolve(route(req, res)).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    hits,
    hitsOf: (path) => hits.filter((h) => h.path === path),
    maxInFlight: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route answering with a fixed body. */
export function text(body: string | Buffer, contentType = 'text/html; charset=utf-8', headers: Record<string, string> = {}, status = 200): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType, ...headers }).end(body);
  };
}

/** A route answering after `ms` (a slow server). */
export function slow(ms: number, route: Route): Route {
  return (req, res) =>
    new Promise<void>((resolve) => {
      setTimeout(() => {
        if (!res.destroyed) void route(req, res);
        resolve();
      }, ms);
    });
}

/** A minimal HTML page with links. */
export function htmlPage(title: string, body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/**
 * Vietnamese the way windows-1258 stores it: vowel letters precomposed (ư, ơ, ă, â, ê, ô),
 * tone marks as separate combining characters ("việc" = "vi" + "ê" + U+0323 + "c").
 */
export function toWindows1258(s: string): Buffer {
  const split = s.normalize('NFD').replace(/\p{L}\p{M}+/gu, (g) => {
    const tones = g.match(TONE_MARKS)?.join('') ?? '';
    return g.replace(TONE_MARKS, '').normalize('NFC') + tones;
  });
  return iconv.encode(split, 'windows-1258');
}

