import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { generateArticles } from './generator.ts';
import { PORTAL_DEFINITIONS, portalDefinition } from './portals.ts';
import { PortalSite, type Page } from './site.ts';
import type { ArticleSource, DemoArticle, DemoPortal, DemoPortalsServer, DemoRequest, StartDemoPortalsOptions } from './types.ts';

/** Sites of running portals, so `renderArticlePage` renders with the same neighbours the server shows. */
const runningSites = new WeakMap<DemoPortal, PortalSite>();
/** Sites built for rendering without a server (benchmarks), per portal id. */
const staticSites = new Map<string, PortalSite>();
const gzipCache = new WeakMap<Page, Buffer>();

/** Per-template server headers, for realism (an old ASP.NET district portal, nginx in front of newspapers). */
const SERVER_HEADERS: Record<string, Record<string, string>> = {
  'table-portal': { Server: 'Microsoft-IIS/8.5', 'X-Powered-By': 'ASP.NET' },
  'modern-newspaper': { Server: 'nginx' },
  'jsonld-newspaper': { Server: 'nginx' },
  'cms-portal': { Server: 'Apache' },
};

/**
 * Starts every demo portal on its own loopback port (port 0: the OS picks), so that each portal is a
 * distinct host for a per-host polite crawler. Resolves when all are listening.
 */
export async function startDemoPortals(opts: StartDemoPortalsOptions = {}): Promise<DemoPortalsServer> {
  const host = opts.host ?? '127.0.0.1';
  const generated = opts.generated ?? 0;
  const seed = opts.seed ?? 1;
  const pageSize = opts.pageSize ?? 4;
  if (!Number.isInteger(generated) || generated < 0) throw new Error(`generated must be a non-negative integer, got ${generated}`);
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer, got ${pageSize}`);

  const latencyMs = opts.latencyMs ?? 0;
  const log: DemoRequest[] = [];
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const servers: Server[] = [];
  const portals: DemoPortal[] = [];
  try {
    for (const [index, def] of PORTAL_DEFINITIONS.entries()) {
      let site: PortalSite | undefined;
      const server = createServer((req, res) => {
        if (!site) return;
        const open = (inFlight.get(def.id) ?? 0) + 1;
        inFlight.set(def.id, open);
        peak.set(def.id, Math.max(peak.get(def.id) ?? 0, open));
        res.once('close', () => inFlight.set(def.id, (inFlight.get(def.id) ?? 1) - 1));
        const answer = site;
        if (latencyMs > 0) setTimeout(() => serve(answer, req, res, log), latencyMs);
        else serve(answer, req, res, log);
      });
      servers.push(server);
      const port = await listen(server, host);
      const hostPart = host.includes(':') ? `[${host}]` : host;
      const sources = generated
        ? generateArticles(generated, {
            seed: seed * 101 + index + 1,
            province: def.province,
            ...(def.generatorDistricts ? { districts: def.generatorDistricts } : {}),
            keyPrefix: `g${seed}`,
          })
        : [];
      site = new PortalSite(def, `http://${hostPart}:${port}`, sources, pageSize);
      runningSites.set(site.portal, site);
      portals.push(site.portal);
    }
  } catch (err) {
    await Promise.all(servers.map(closeServer));
    throw err;
  }

  let closed: Promise<void> | undefined;
  return {
    portals,
    requests: () => log.map((r) => ({ ...r })),
    peakInFlight: () => Object.fromEntries(peak),
    close: () => (closed ??= Promise.all(servers.map(closeServer)).then(() => undefined)),
  };
}

/**
 * The HTML of an article page as the portal serves it. `portal` is a running portal or a portal id
 * (then links point at `http://127.0.0.1`); `article` is one of the portal's articles or any
 * `ArticleSource` (for example from `generateArticles`), rendered as if the portal had published it.
 */
export function renderArticlePage(portal: DemoPortal | string, article: DemoArticle | ArticleSource): string {
  const site = typeof portal === 'string' ? staticSite(portal, 'http://127.0.0.1') : (runningSites.get(portal) ?? staticSite(portal.id, portal.baseUrl));
  const demo = 'source' in article ? article : site.wrap(article, 9_000_000 + (hashKey(article.key) % 1_000_000), true);
  return site.renderArticle(demo);
}

function staticSite(id: string, baseUrl: string): PortalSite {
  const key = `${id} ${baseUrl}`;
  let site = staticSites.get(key);
  if (!site) {
    site = new PortalSite(portalDefinition(id), baseUrl, [], 4);
    staticSites.set(key, site);
  }
  return site;
}

function hashKey(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) >>> 0;
  return h;
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive sockets of a crawler would hold close() open until they time out.
    server.closeAllConnections();
  });
}

/** True when the client accepts gzip (`gzip` or `*` with a non-zero q). */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
function notModified(req: IncomingMessage, page: Page, etags: string[]): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    return inm.split(',').some((raw) => {
      const tag = raw.trim().replace(/^W\//, '');
      return tag === '*' || etags.includes(tag);
    });
  }
  const ims = req.headers['if-modified-since'];
  if (ims && page.lastModified) {
    const since = Date.parse(ims);
    // HTTP dates have second precision; compare on whole seconds.
    return !Number.isNaN(since) && Math.floor(page.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

function serve(site: PortalSite, req: IncomingMessage, res: ServerResponse, log: DemoRequest[]): void {
  const target = req.url ?? '/';
  const finish = (status: number, headers: Record<string, string | number>, body?: Buffer): void => {
    log.push({ portal: site.def.id, path: target, status });
    res.writeHead(status, { ...SERVER_HEADERS[site.def.template.name], ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    finish(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from('Method Not Allowed\n'));
    return;
  }
  const page = site.handle(target);
  const gzip = acceptsGzip(req.headers['accept-encoding']) && page.body.length > 0;
  // The gzip variant is a different representation, so it gets its own strong validator.
  const etag = gzip ? page.etag.replace(/"$/, '-gz"') : page.etag;
  const headers: Record<string, string | number> = {
    'Content-Type': page.contentType,
    ETag: etag,
    Vary: 'Accept-Encoding',
    'Cache-Control': page.status === 200 ? 'public, max-age=300' : 'no-cache',
  };
  if (page.lastModified) headers['Last-Modified'] = page.lastModified.toUTCString();
  if (page.status === 200 && notModified(req, page, [page.etag, page.etag.replace(/"$/, '-gz"')])) {
    delete headers['Content-Type'];
    finish(304, headers);
    return;
  }
  let body = page.body;
  if (gzip) {
    let gz = gzipCache.get(page);
    if (!gz) {
      gz = gzipSync(page.body);
      gzipCache.set(page, gz);
    }
    body = gz;
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  finish(page.status, headers, body);
}
