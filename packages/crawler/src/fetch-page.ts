import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PermanentJobError, TransientJobError } from '@provnews/queues';
import { Agent, buildConnector, request } from 'undici';
import { BLOCKED_ADDRESS_CODE, BlockedAddressError, guardedLookup, isIpLiteral, isPublicAddress, type AddressPolicy } from './address-guard.ts';
import { canonicalizeUrl } from './url.ts';

/** Options of one fetch. */
export interface FetchOptions {
  /** Sent on every request; names the project and a contact URL. */
  userAgent: string;
  /** Deadline for the whole fetch, redirects and body included (ms). */
  timeoutMs: number;
  /** Largest accepted body after decompression (bytes). */
  maxBodyBytes: number;
  /** Allow loopback/private/link-local targets everywhere (CRAWL_ALLOW_PRIVATE; never in production). */
  allowPrivate: boolean;
  /**
   * Origins' `host[:port]` that may be private (a portal marked `local`: only its own hosts). A
   * redirect or link to any other host gets the public-only rule again.
   */
  privateHosts?: readonly string[];
  /**
   * A custom rule for which resolved IPs may be reached, replacing the public-only default (for
   * example, to also allow one internal proxy). Ignored when `allowPrivate` is true.
   */
  isAllowedAddress?: AddressPolicy;
  /** Redirect hops followed before giving up; default 5. */
  maxRedirects?: number;
  /** Extra request headers (If-None-Match, If-Modified-Since, Accept…). */
  headers?: Record<string, string>;
}

/** A response with its body read and decompressed. Any HTTP status is returned as is. */
export interface FetchedPage {
  /** The URL asked for. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  /**
   * Response headers, lower-case names, arrays joined. `set-cookie` is dropped; `content-encoding`
   * and `content-length` are dropped too because `body` is already decompressed.
   */
  headers: Record<string, string>;
  body: Buffer;
  /** Every URL that answered with a redirect, in order. */
  redirects: string[];
  /** When the final response's headers arrived (ISO 8601). */
  fetchedAt: string;
  elapsedMs: number;
}

const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Pooled agents, one per address policy and timeout: keep-alive connections are reused across
 * jobs to the same host, which matters when a worker fetches hundreds of pages from one portal.
 */
const agents = new Map<AddressPolicy, Map<number, Agent>>();
const allowAll: AddressPolicy = () => true;

function agentFor(opts: FetchOptions): Agent {
  const policy = opts.allowPrivate ? allowAll : (opts.isAllowedAddress ?? isPublicAddress);
  let byTimeout = agents.get(policy);
  if (!byTimeout) agents.set(policy, (byTimeout = new Map()));
  let agent = byTimeout.get(opts.timeoutMs);
  if (!agent) byTimeout.set(opts.timeoutMs, (agent = createAgent(policy === allowAll ? null : policy, opts.timeoutMs)));
  return agent;
}

function createAgent(policy: AddressPolicy | null, timeoutMs: number): Agent {
  // Connecting should be quick even to slow servers; a long connect usually means a dead host.
  const connectTimeout = Math.min(timeoutMs, 10_000);
  const base = buildConnector({ timeout: connectTimeout, ...(policy ? { lookup: guardedLookup(policy) } : {}) });
  return new Agent({
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 10_000,
    // At most one request per host is in flight (the host gate); a couple of spare sockets cover
    // robots.txt and redirects to the same origin.
    connections: 4,
    connect: policy
      ? (connectOpts, cb) => {
          // IP literals skip DNS, so the lookup guard never sees them: check them here.
          const host = connectOpts.hostname.replace(/^\[|\]$/g, '');
          if (isIpLiteral(host) && !policy(host)) {
            cb(new BlockedAddressError(host, host), null);
            return;
          }
          base(connectOpts, cb);
        }
      : base,
  });
}

/** Closes the pooled connections (tests, graceful shutdown). */
export async function closeFetchAgents(): Promise<void> {
  const all = [...agents.values()].flatMap((m) => [...m.values()]);
  agents.clear();
  await Promise.all(all.map((a) => a.close()));
}

/**
 * Fetches one URL with undici: pooled keep-alive agent, connect/header/body timeouts plus an
 * overall deadline, a body size limit, gzip/deflate/br, redirects followed by hand (each hop
 * re-checked by the address guard, loops detected) and the SSRF guard on the resolved IP.
 *
 * Returns any HTTP status (see {@link assertSuccess} to classify it). Throws
 * {@link PermanentJobError} for `bad-url`, `blocked-address`, `redirect-limit`, `too-large`,
 * `decode-error`, and {@link TransientJobError} for `timeout` and `network`.
 */
export async function fetchPage(url: string, opts: FetchOptions): Promise<FetchedPage> {
  const started = Date.now();
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const deadline = AbortSignal.timeout(opts.timeoutMs);
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-language': 'vi,en;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
    ...opts.headers,
  };

  const redirects: string[] = [];
  const visited = new Set<string>();
  let current = url;
  for (;;) {
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      throw new PermanentJobError('bad-url', `not a URL: ${current}`);
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new PermanentJobError('bad-url', `not an http(s) URL: ${current}`);
    }
    visited.add(canonicalizeUrl(current) ?? current);

    // Checked on every hop: a local portal's own host may be private, a redirect elsewhere may not.
    const dispatcher = agentFor({ ...opts, allowPrivate: opts.allowPrivate || (opts.privateHosts?.includes(target.host) ?? false) });
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(target, { method: 'GET', headers, dispatcher, signal: deadline });
    } catch (err) {
      throw classifyNetworkError(err, current, opts.timeoutMs);
    }
    const fetchedAt = new Date().toISOString();
    const location = res.headers.location;
    if (REDIRECT_STATUSES.has(res.statusCode) && typeof location === 'string' && location) {
      await res.body.dump().catch(() => undefined);
      redirects.push(current);
      const next = new URL(location, target).toString();
      if (visited.has(canonicalizeUrl(next) ?? next)) {
        throw new PermanentJobError('redirect-limit', `redirect loop at ${current} -> ${next}`);
      }
      if (redirects.length > maxRedirects) {
        throw new PermanentJobError('redirect-limit', `more than ${maxRedirects} redirects from ${url}`);
      }
      current = next;
      continue;
    }

    const rawHeaders = flattenHeaders(res.headers);
    let raw: Buffer;
    try {
      raw = await readLimited(res.body, rawHeaders['content-length'], opts.maxBodyBytes, current);
    } catch (err) {
      if (err instanceof PermanentJobError) throw err;
      throw classifyNetworkError(err, current, opts.timeoutMs);
    }
    const body = await decompress(raw, rawHeaders['content-encoding'], opts.maxBodyBytes, current);
    const { 'content-encoding': _ce, 'content-length': _cl, 'set-cookie': _sc, ...kept } = rawHeaders;
    return { url, finalUrl: current, status: res.statusCode, headers: kept, body, redirects, fetchedAt, elapsedMs: Date.now() - started };
  }
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

interface BodyStream extends AsyncIterable<Buffer | Uint8Array> {
  destroy(err?: Error): unknown;
}

async function readLimited(body: BodyStream, declaredLength: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const declared = declaredLength ? Number(declaredLength) : NaN;
  if (Number.isFinite(declared) && declared > maxBytes) {
    body.destroy();
    throw new PermanentJobError('too-large', `${url}: Content-Length ${declared} exceeds the ${maxBytes}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      // Stop reading at once: a multi-gigabyte body must not be downloaded just to be refused.
      body.destroy();
      throw new PermanentJobError('too-large', `${url}: body exceeds the ${maxBytes}-byte limit`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, total);
}

/**
 * Compressed bodies up to this size are decompressed on the calling thread: a news page is a few
 * KB, and a thread-pool hop costs more than inflating it. Output stays bounded by maxBodyBytes.
 */
const SYNC_DECOMPRESS_MAX_BYTES = 64 * 1024;
type Inflater = (buf: Buffer, opts: zlib.ZlibOptions | zlib.BrotliOptions) => Promise<Buffer>;
const either = (sync: (buf: Buffer, opts: never) => Buffer, pooled: (buf: Buffer, opts: never) => Promise<Buffer>): Inflater =>
  async (buf, opts) => (buf.byteLength <= SYNC_DECOMPRESS_MAX_BYTES ? sync(buf, opts as never) : pooled(buf, opts as never));
const gunzip = either(zlib.gunzipSync, promisify(zlib.gunzip));
const inflate = either(zlib.inflateSync, promisify(zlib.inflate));
const inflateRaw = either(zlib.inflateRawSync, promisify(zlib.inflateRaw));
const brotli = either(zlib.brotliDecompressSync, promisify(zlib.brotliDecompress));

/** Undoes Content-Encoding (last applied first), bounded by `maxBytes` of output (zip bombs). */
async function decompress(raw: Buffer, encoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const codings = (encoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
    .reverse();
  let body = raw;
  const limit = { maxOutputLength: maxBytes };
  try {
    for (const coding of codings) {
      if (coding === 'gzip' || coding === 'x-gzip') body = await gunzip(body, limit);
      // "deflate" should be zlib-wrapped, but some servers send raw deflate: accept both.
      else if (coding === 'deflate') body = await inflate(body, limit).catch(() => inflateRaw(body, limit));
      else if (coding === 'br') body = await brotli(body, limit);
      else throw new PermanentJobError('decode-error', `${url}: unsupported Content-Encoding ${coding}`);
    }
  } catch (err) {
    if (err instanceof PermanentJobError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PermanentJobError('too-large', `${url}: decompressed body exceeds the ${maxBytes}-byte limit`);
    }
    throw new PermanentJobError('decode-error', `${url}: corrupt ${encoding} body: ${(err as Error).message}`);
  }
  return body;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Sorts a thrown network error: blocked address is permanent, timeouts and the rest transient. */
function classifyNetworkError(err: unknown, url: string, timeoutMs: number): Error {
  const e = err as (Error & { code?: string; cause?: { code?: string } }) | undefined;
  const code = e?.code ?? e?.cause?.code;
  if (code === BLOCKED_ADDRESS_CODE || e instanceof BlockedAddressError) {
    return new PermanentJobError('blocked-address', `${url}: ${e?.message ?? 'blocked address'}`);
  }
  if ((code && TIMEOUT_CODES.has(code)) || e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new TransientJobError('timeout', `${url}: no complete response within ${timeoutMs} ms (${code ?? e?.name})`);
  }
  return new TransientJobError('network', `${url}: ${code ? `${code} ` : ''}${e?.message ?? String(err)}`);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`). Undefined when absent or unparseable; never negative.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Throws the classified error for a non-success status: 404/410 and other 4xx are permanent
 * (`http-404`, `http-410`, `http-4xx`); 408 (`timeout`), 429 (`http-429`) and 5xx (`http-5xx`)
 * are transient, carrying `Retry-After` as `retryAfterMs`. 2xx and 304 pass.
 */
export function assertSuccess(page: Pick<FetchedPage, 'status' | 'headers' | 'finalUrl'>): void {
  const { status, finalUrl } = page;
  if ((status >= 200 && status < 300) || status === 304) return;
  const retryAfter = parseRetryAfter(page.headers['retry-after']);
  if (status === 404) throw new PermanentJobError('http-404', `${finalUrl}: 404 Not Found`);
  if (status === 410) throw new PermanentJobError('http-410', `${finalUrl}: 410 Gone`);
  if (status === 408) throw new TransientJobError('timeout', `${finalUrl}: 408 Request Timeout`, retryAfter);
  if (status === 429) throw new TransientJobError('http-429', `${finalUrl}: 429 Too Many Requests`, retryAfter);
  if (status >= 500) throw new TransientJobError('http-5xx', `${finalUrl}: HTTP ${status}`, retryAfter);
  if (status >= 400) throw new PermanentJobError('http-4xx', `${finalUrl}: HTTP ${status}`);
  // A 3xx without a Location, or a 1xx/other oddity: nothing a retry would change.
  throw new PermanentJobError('http-4xx', `${finalUrl}: unexpected HTTP ${status}`);
}
