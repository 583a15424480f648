import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { DelayedError, type Job, type JobsOptions } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from '@provnews/logger';
import {
  parsePayload,
  PermanentJobError,
  TransientJobError,
  type CrawlPayload,
  type FollowUp,
  type PayloadInputOf,
  type QueueName,
} from '@provnews/queues';
import type { SnapshotStore } from '@provnews/storage';
import { decodeBody } from './charset.ts';
import { classifyLinks, extractPageLinks, keepArticles, paginationLinks, parseFeed, parseSitemap } from './discovery.ts';
import { assertSuccess, fetchPage, parseRetryAfter, type FetchedPage, type FetchOptions } from './fetch-page.ts';
import { Frontier, type Candidate, type UrlState } from './frontier.ts';
import { HostGate } from './host-gate.ts';
import type { Portal } from './registry.ts';
import { RobotsCache, robotsOrigin, type RobotsRules } from './robots.ts';
import { canonicalizeUrl, hostKey, isSameSite } from './url.ts';

/** Crawler settings, usually from the environment (CRAWL_* variables). */
export interface CrawlerConfig {
  /** User-Agent naming the project and a contact URL (CRAWL_USER_AGENT). */
  userAgent: string;
  /** Default minimum gap between two requests to one host, ms (CRAWL_HOST_DELAY_MS). */
  hostDelayMs: number;
  /** Largest accepted body, bytes (CRAWL_MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Deadline of one fetch, ms (CRAWL_TIMEOUT_MS). */
  timeoutMs: number;
  /** Allow private/loopback targets for every portal (CRAWL_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** How long a host's lease lasts unless renewed (default {@link HOST_LEASE_MS}; tests shorten it). */
  hostLeaseMs?: number;
  /** Longest wait for a host's turn inside the job before it parks (default {@link SHORT_WAIT_MS}; tests on a loaded machine lengthen it). */
  shortWaitMs?: number;
}

/** What the crawl processor needs; the crawler service passes its connections and `Queues` methods. */
export interface CrawlProcessorDeps {
  /** Redis for the frontier, robots cache and host gate (any ioredis client; not a blocking one). */
  redis: Redis | Cluster;
  /** Key prefix (the BullMQ prefix); crawler keys live under `<prefix>:crawler:*`. */
  prefix: string;
  snapshots: SnapshotStore;
  /** The registry, by portal id. */
  portals: Map<string, Portal> | ((id: string) => Portal | undefined);
  /** `Queues.enqueue` (bound); `then` must run after the add, in the same MULTI. */
  enqueue: <Q extends QueueName>(queue: Q, payload: PayloadInputOf[Q], opts?: JobsOptions, then?: FollowUp) => Promise<unknown>;
  /** `Queues.enqueueBulk` (bound). */
  enqueueBulk: <Q extends QueueName>(queue: Q, items: { payload: PayloadInputOf[Q]; opts?: JobsOptions }[]) => Promise<unknown>;
  logger: Logger;
  config: CrawlerConfig;
}

/** The result of one crawl job, stored by BullMQ as the job's return value. */
export interface CrawlOutcome {
  /**
   * - `fetched`: a 2xx page was processed (article snapshotted and sent to `clean`, or links discovered);
   * - `unchanged`: the server answered 304 to the conditional GET;
   * - `skipped-seen`: an article already fetched, not forced;
   * - `skipped`: nothing to do (a probed `/sitemap.xml` that does not exist);
   * - `delayed`: the host was busy and no worker token was given to park the job (direct calls);
   *   under a Worker the job is parked in the delayed set instead and no outcome is stored;
   * - `run-started`: a scheduled portal run enqueued its entry points.
   */
  status: 'fetched' | 'unchanged' | 'skipped-seen' | 'skipped' | 'delayed' | 'run-started';
  kind: CrawlPayload['kind'];
  /** Canonical URL. */
  url: string;
  finalUrl?: string;
  httpStatus?: number;
  snapshotId?: string;
  /** Bytes of the stored body (with `snapshotId`). */
  bodyBytes?: number;
  /** New crawl jobs this job enqueued. */
  discovered?: number;
  runId?: string;
  /** With `delayed`: when the host is free again (ISO 8601). */
  notBefore?: string;
  elapsedMs?: number;
}

/** Waits for a host's turn up to this long in the job itself; longer ones park the job (see crawlPage). */
const SHORT_WAIT_MS = 100;
/**
 * A host's lease lasts this long and the request holding it renews it every third of that
 * ({@link keepLease}), so a live request keeps its host however long it takes (up to CRAWL_TIMEOUT_MS),
 * while a worker killed mid-request blocks the host for at most this long. (A lease that had to
 * outlive the fetch deadline without renewal blocked the host for 40 s after such a kill.) A third
 * leaves room for two renewals to be late (an event loop held up by a long garbage collection).
 */
export const HOST_LEASE_MS = 9_000;
/** Listing pages followed through pagination per run (page 1 is depth 0 or 1). */
const MAX_LISTING_DEPTH = 5;
/** Sitemap index → sitemap → … hops followed; real portals use one or two levels. */
const MAX_SITEMAP_DEPTH = 3;
/**
 * 429/503 without Retry-After: back off this host for ten of its delays (at least 5 s) — long
 * enough for an overloaded server to recover, short enough not to stall a run.
 */
const DEFAULT_SLOWDOWN_FACTOR = 10;
const MIN_SLOWDOWN_MS = 5_000;

/**
 * The article jobs of one discovery (a sitemap, a feed, a listing page) are numbered 1, 2, 3 … as
 * BullMQ priorities. The crawl queue then serves the first article of every batch waiting before
 * the second of any: portals take turns, instead of one portal's whole sitemap going first while
 * every worker slot holds a job for that one host, which politeness lets fetch one at a time (the
 * others wait, or park and come back: Redis round trips for nothing). Same number: first in, first
 * out. Jobs without a priority (portal runs, sitemaps, listings) go before any of them.
 */
function articleTurn(index: number): number {
  return Math.min(index + 1, PRIORITY_LIMIT);
}
/** BullMQ's largest priority. */
const PRIORITY_LIMIT = 2 ** 21;

const TEXTUAL_TYPE = /^(text\/(html|plain|xml)|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml))$/;
const GZIP_TYPE = /^application\/(x-)?gzip$/;

const gunzip = promisify(zlib.gunzip);

/**
 * Builds the crawl queue's processor: a plain `(job, token) => Promise<CrawlOutcome>` that a
 * BullMQ Worker runs (or a test calls).
 *
 * - `portal` jobs (one per scheduled run) enqueue the portal's entry points, or its home page
 *   for discovery when it lists none;
 * - `home`, `listing`, `feed`, `sitemap` jobs fetch the page, keep same-site article URLs matching
 *   the portal's patterns and enqueue the ones never seen (or changed per sitemap/feed dates);
 * - `article` jobs store the raw response in the snapshot store and enqueue `clean`.
 *
 * Every fetch passes robots.txt and the per-host gate first; a job whose host is busy is moved
 * to the delayed set until the host's next slot (not counted as an attempt). Failures throw
 * PermanentJobError / TransientJobError with a reason code.
 */
export function createCrawlProcessor(deps: CrawlProcessorDeps): (job: Job, token?: string) => Promise<CrawlOutcome> {
  const { config: cfg } = deps;
  const lookupPortal = typeof deps.portals === 'function' ? deps.portals : (id: string) => (deps.portals as Map<string, Portal>).get(id);
  const frontier = new Frontier(deps.redis, deps.prefix);
  const gate = new HostGate(deps.redis, deps.prefix);
  const robots = new RobotsCache(deps.redis, deps.prefix, cfg.userAgent);
  /**
   * Jobs of this process waiting a few ms for a host's turn, oldest first. A job of this process
   * ending its request on a host with no gap to keep hands the lease straight to the oldest waiter
   * (in the release's round trip: the gate checks the hand-over, so other processes count too);
   * a waiter not handed the lease asks the gate itself when its time is up.
   */
  interface Waiter {
    holder: string;
    /** Ends the wait (off the line, timer stopped); `granted`: the lease is the waiter's now. */
    wake: (granted: boolean) => void;
    /** Off the line and timer stopped, not woken yet: a hand-over to it is in flight. */
    claim: () => void;
  }
  const waiters = new Map<string, Waiter[]>();
  const waitForTurn = (host: string, holder: string, ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const line = waiters.get(host) ?? [];
      waiters.set(host, line);
      const claim = () => {
        clearTimeout(timer);
        const i = line.indexOf(w);
        if (i >= 0) line.splice(i, 1);
        if (!line.length && waiters.get(host) === line) waiters.delete(host);
      };
      const w: Waiter = {
        holder,
        claim,
        wake: (granted) => {
          claim();
          resolve(granted);
        },
      };
      const timer = setTimeout(() => w.wake(false), ms);
      line.push(w);
    });
  /** Hosts whose lease a job of this process holds: their waiters wait for the release, not a timer. */
  const holding = new Set<string>();
  /**
   * Ends a request on `host`: releases the lease, or with no gap to keep (no delay, no penalty)
   * hands it to this process's oldest waiter, who then fetches without asking the gate again.
   */
  const giveBack = async (host: string, holder: string, leaseMs: number, delayMs: number, penaltyMs: number, fetched: boolean): Promise<void> => {
    const next = delayMs === 0 && penaltyMs === 0 ? waiters.get(host)?.[0] : undefined;
    // Claimed first: its own timer cannot fire (and send it to the gate) while the hand-over is in flight.
    next?.claim();
    let handed = false;
    try {
      handed = (await gate.release(host, holder, delayMs, penaltyMs, fetched, next ? { holder: next.holder, leaseMs } : undefined)) < 0;
    } finally {
      if (!handed) holding.delete(host);
      next?.wake(handed);
    }
  };

  /** Renews `holder`'s lease on `host` every third of `leaseMs` until `stop()`. */
  const keepLease = (host: string, holder: string, leaseMs: number, log: Logger): { stop(): void } => {
    let stopped = false;
    const timer = setInterval(() => {
      gate.renew(host, holder, leaseMs).then(
        (held) => {
          // Lost (the event loop or Redis stalled past the lease): another request may now run on
          // this host beside ours. Nothing to undo; say so, once per request. (A renewal answered
          // after the request ended and gave the lease back is not a loss.)
          if (!held && !stopped) {
            clearInterval(timer);
            log.warn({ host, leaseMs }, 'host lease ran out during a request');
          }
        },
        (err: Error) => {
          if (!stopped) log.warn({ host, err: err.message }, 'cannot renew the host lease');
        },
      );
    }, Math.max(1, Math.floor(leaseMs / 3)));
    timer.unref();
    return {
      stop: () => {
        stopped = true;
        clearInterval(timer);
      },
    };
  };

  return async function processCrawlJob(job: Job, token?: string): Promise<CrawlOutcome> {
    const payload = parsePayload('crawl', job.data);
    const portal = payload.portal ? lookupPortal(payload.portal) : undefined;
    if (payload.portal && !portal) throw new PermanentJobError('bad-payload', `unknown portal "${payload.portal}" (not in the registry)`);
    // A disabled portal accepts no jobs: not its runs, not a page a replay or a stale job names.
    if (portal && !portal.enabled) throw new PermanentJobError('portal-disabled', `portal "${portal.id}" is disabled in the registry`);
    const log = deps.logger.child({ jobId: job.id, portal: payload.portal, url: payload.url, kind: payload.kind });
    if (payload.kind === 'portal') return startRun(job, payload, portal, log);
    return crawlPage(job, token, payload, portal, log);
  };

  async function startRun(job: Job, payload: CrawlPayload, portal: Portal | undefined, log: Logger): Promise<CrawlOutcome> {
    if (!portal) throw new PermanentJobError('bad-payload', 'a portal run needs a registry portal id');
    const runId = payload.runId ?? `${portal.id}-${new Date(job.timestamp).toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
    const entries: { url: string; kind: CrawlPayload['kind'] }[] = [
      ...portal.feeds.map((url) => ({ url, kind: 'feed' as const })),
      ...portal.sitemaps.map((url) => ({ url, kind: 'sitemap' as const })),
      ...portal.listings.map((url) => ({ url, kind: 'listing' as const })),
    ];
    // Only a base URL: the home page job discovers feeds, sitemaps and category listings.
    if (!entries.length) entries.push({ url: portal.baseUrl, kind: 'home' });
    const canonical = entries.map((e) => ({ ...e, url: canonicalizeUrl(e.url) ?? e.url }));
    const fresh = new Set(await frontier.claimForRun(runId, canonical.map((e) => e.url)));
    const items = canonical
      .filter((e) => fresh.has(e.url))
      .map((e) => ({ payload: { url: e.url, portal: portal.id, kind: e.kind, depth: 0, force: true, runId } }));
    if (items.length) await deps.enqueueBulk('crawl', items);
    log.info({ runId, entries: items.length }, 'portal run started');
    return { status: 'run-started', kind: 'portal', url: portal.baseUrl, runId, discovered: items.length };
  }

  async function crawlPage(job: Job, token: string | undefined, payload: CrawlPayload, portal: Portal | undefined, log: Logger): Promise<CrawlOutcome> {
    const url = canonicalizeUrl(payload.url);
    if (!url) throw new PermanentJobError('bad-url', `cannot crawl ${payload.url}`);
    const base = { kind: payload.kind, url, ...(payload.runId ? { runId: payload.runId } : {}) };
    const origin = robotsOrigin(url);
    const host = hostKey(url);
    // Rules this worker confirmed lately cost no round trip (RobotsCache).
    let rules = await robots.cached(origin);
    let delayMs = hostDelay(portal, rules);

    const holder = `${job.id ?? 'direct'}:${randomUUID()}`;
    const hadTurn = parkedBefore(job);
    // The host's turn and what the last fetch of this URL left, in one round trip.
    const leaseMs = cfg.hostLeaseMs ?? HOST_LEASE_MS;
    // Asked as if at the head of the line (no place taken at the tail): a job that ends up waiting
    // in the job takes no slot from the jobs parked behind it; one that must park takes its place below.
    const first = await gate.acquireReading(host, holder, leaseMs, delayMs, true, { key: frontier.stateKey, field: url });
    let wait = first.wait;
    const state = Frontier.parseState(first.value);
    const seen = payload.kind === 'article' && state !== null && !payload.force;
    if (seen || (rules && !rules.isAllowed(url))) {
      // Nothing to fetch: hand the host back untouched (no delay: no request was made).
      if (wait === 0) await giveBack(host, holder, leaseMs, 0, 0, false);
      if (seen) return { ...base, status: 'skipped-seen' };
      assertAllowed(rules!, url);
    }
    // A turn a few ms away (a host with little or no delay whose request is ending) is waited for
    // here: parking the job in the delayed set and fetching it again costs more than the wait.
    for (const until = Date.now() + (cfg.shortWaitMs ?? SHORT_WAIT_MS); wait > 0 && token && Date.now() + wait <= until; ) {
      // Held here: handed the lease at the release (the oldest waiter first). Held elsewhere: the gate's estimate.
      const granted = await waitForTurn(host, holder, holding.has(host) ? Math.max(1, until - Date.now()) : wait);
      wait = granted ? 0 : await gate.acquire(host, holder, leaseMs, delayMs, true);
    }
    // Parking: a job parked before keeps its place at the head; a new one takes the next free slot.
    if (wait > 0 && !hadTurn) wait = await gate.acquire(host, holder, leaseMs, delayMs, false);
    if (wait > 0) return postpone(job, token, wait, base, log);
    holding.add(host);

    const fetchOpts: FetchOptions = {
      userAgent: cfg.userAgent,
      timeoutMs: cfg.timeoutMs,
      maxBodyBytes: cfg.maxBodyBytes,
      allowPrivate: cfg.allowPrivate,
      ...(portal?.local ? { privateHosts: portalHosts(portal) } : {}),
    };
    let page: FetchedPage | undefined;
    let penaltyMs = 0;
    const renewal = keepLease(host, holder, leaseMs, log);
    try {
      if (!rules) {
        rules = await robots.fetch(origin, fetchOpts);
        delayMs = hostDelay(portal, rules);
      } else {
        page = await fetchPage(url, { ...fetchOpts, headers: conditionalHeaders(payload.kind, state) });
        penaltyMs = slowDownMs(page, delayMs);
      }
    } catch (err) {
      if (err instanceof TransientJobError && (err.reason === 'http-429' || err.reason === 'http-5xx')) {
        penaltyMs = err.retryAfterMs ?? Math.max(MIN_SLOWDOWN_MS, delayMs * DEFAULT_SLOWDOWN_FACTOR);
      }
      throw err;
    } finally {
      renewal.stop();
      await giveBack(host, holder, leaseMs, delayMs, penaltyMs, true);
    }
    if (!page) {
      // This slot went to robots.txt; the page itself takes the host's next slot.
      assertAllowed(rules, url);
      return postpone(job, token, delayMs, base, log);
    }
    if (penaltyMs > 0) log.warn({ status: page.status, penaltyMs }, 'host asked to slow down');

    const fetched = { ...base, finalUrl: page.finalUrl, httpStatus: page.status, elapsedMs: page.elapsedMs };
    if (page.status === 304) {
      await frontier.record(url, { ...(state ?? {}), fetchedAt: page.fetchedAt });
      log.info({ status: 304, ms: page.elapsedMs }, 'page unchanged');
      return { ...fetched, status: 'unchanged' };
    }
    if (payload.probe && (page.status === 404 || page.status === 410)) return { ...fetched, status: 'skipped' };
    assertSuccess(page);
    const body = await readableBody(page, payload.kind, cfg.maxBodyBytes);
    const newState: UrlState = validatorsOf(page);

    if (payload.kind === 'article') {
      const snapshotId = await deps.snapshots.put({
        url,
        finalUrl: page.finalUrl,
        status: page.status,
        headers: page.headers,
        fetchedAt: page.fetchedAt,
        body,
      });
      // The hand-off order is what makes a crash harmless: stored → clean job (its id derives from
      // the snapshot id, so enqueueing twice is a no-op) → only then marked fetched. A crash before
      // the mark leaves the URL unfetched in the frontier, so the retried job refetches and
      // finishes the hand-off instead of ending as `skipped-seen`.
      // Job and mark go in one MULTI (one round trip), the mark behind the add and only if the job exists.
      const finalUrl = canonicalizeUrl(page.finalUrl) ?? undefined;
      await deps.enqueue('clean', { snapshotId, url, portal: payload.portal, fetchedAt: page.fetchedAt, ...(payload.runId ? { runId: payload.runId } : {}) }, {}, (tx, jobKey) =>
        frontier.recordAfter(tx, jobKey, url, { ...newState, snapshotId }, finalUrl),
      );
      log.info({ status: page.status, ms: page.elapsedMs, snapshotId }, 'article fetched');
      return { ...fetched, status: 'fetched', snapshotId, bodyBytes: body.byteLength };
    }

    const found = discover(payload, portal, page, body, rules);
    const discovered = await enqueueDiscovered(payload, portal, found, job.id);
    await frontier.record(url, newState);
    log.info({ status: page.status, ms: page.elapsedMs, articles: found.articles.length, pages: found.pages.length, discovered }, 'page scanned');
    return { ...fetched, status: 'fetched', discovered };
  }

  function assertAllowed(rules: RobotsRules, url: string): void {
    if (!rules.isAllowed(url)) throw new PermanentJobError('robots-disallow', `${url}: disallowed by robots.txt for ${cfg.userAgent}`);
  }

  function hostDelay(portal: Portal | undefined, rules: RobotsRules | null): number {
    return Math.max(portal?.politeness.hostDelayMs ?? cfg.hostDelayMs, rules?.crawlDelayMs ?? 0);
  }

  /**
   * Claims the discovered articles (seen marks naming `claimer`, this job's id) and enqueues them
   * with job ids derived from the claimer and URL: a retry of a job that crashed between the two
   * steps re-takes its own claims, and re-enqueueing what did get enqueued is a no-op.
   */
  async function enqueueDiscovered(payload: CrawlPayload, portal: Portal | undefined, found: Discovered, claimer: string | undefined): Promise<number> {
    const runId = payload.runId;
    const depth = Math.min(20, payload.depth + 1);
    const pageUrls = runId ? new Set(await frontier.claimForRun(runId, found.pages.map((p) => p.url))) : new Set(found.pages.map((p) => p.url));
    const pages = found.pages.filter((p) => pageUrls.has(p.url));

    // The budget is per portal within a run: one run id may span several portals (`provnews demo`).
    const budgetKey = runId && portal ? `${runId}:${portal.id}` : null;
    let limit = Infinity;
    if (budgetKey && portal) limit = await frontier.reserveBudget(budgetKey, await frontier.countAdmissible(found.articles, claimer), portal.maxPages);
    const articles = await frontier.admit(found.articles, limit, claimer);
    if (budgetKey && Number.isFinite(limit)) await frontier.refundBudget(budgetKey, limit - articles.length);

    const common = { portal: payload.portal, depth, ...(runId ? { runId } : {}) };
    const items = [
      ...pages.map((p) => ({ payload: { ...common, url: p.url, kind: p.kind, force: true, probe: p.probe === true } })),
      // A changed article is forced: its job skips the seen check and sends a conditional GET.
      ...articles.map((a, i) => ({
        payload: { ...common, url: a.url, kind: 'article' as const, force: a.changed },
        opts: { priority: articleTurn(i), ...(claimer && !a.changed ? { jobId: articleJobId(claimer, a.url) } : {}) },
      })),
    ];
    if (items.length) await deps.enqueueBulk('crawl', items);
    return items.length;
  }
}

/**
 * The `host[:port]` of a portal's own URLs (base URL, feeds, sitemaps, listings): the only hosts
 * `local: true` lets the crawler reach on a private address.
 */
export function portalHosts(portal: Portal): string[] {
  const hosts = new Set<string>();
  for (const url of [portal.baseUrl, ...portal.feeds, ...portal.sitemaps, ...portal.listings]) {
    try {
      hosts.add(new URL(url).host);
    } catch {
      // the registry schema validated these URLs; nothing to add
    }
  }
  return [...hosts];
}

/** The id of an article job discovered by job `claimer`: the same on every attempt of the claimer. */
export function articleJobId(claimer: string, url: string): string {
  return `article-${createHash('sha256').update(`${claimer} ${url}`).digest('hex').slice(0, 40)}`;
}

interface Discovered {
  articles: Candidate[];
  pages: { url: string; kind: 'listing' | 'feed' | 'sitemap'; probe?: boolean }[];
}

/**
 * What a fetched non-article page leads to, by the job's kind, without URLs robots.txt forbids
 * (they would only turn into failed jobs).
 */
function discover(payload: CrawlPayload, portal: Portal | undefined, page: FetchedPage, body: Buffer, rules: RobotsRules): Discovered {
  const found = discoverAll(payload, portal, page, body, rules);
  return { articles: found.articles.filter((a) => rules.isAllowed(a.url)), pages: found.pages.filter((p) => rules.isAllowed(p.url)) };
}

function discoverAll(payload: CrawlPayload, portal: Portal | undefined, page: FetchedPage, body: Buffer, rules: RobotsRules): Discovered {
  const site = portal?.baseUrl ?? page.finalUrl;
  const text = decodeBody(body, page.headers['content-type']).text;
  if (payload.kind === 'feed') return { articles: keepArticles(parseXml(() => parseFeed(text, page.finalUrl), page), portal, site, true), pages: [] };
  if (payload.kind === 'sitemap') {
    const sitemap = parseXml(() => parseSitemap(text, page.finalUrl), page);
    if (sitemap.type === 'urlset') return { articles: keepArticles(sitemap.entries, portal, site, false), pages: [] };
    const children = payload.depth < MAX_SITEMAP_DEPTH ? sitemap.entries.filter((e) => isSameSite(e.url, site)) : [];
    return { articles: [], pages: children.map((e) => ({ url: e.url, kind: 'sitemap' })) };
  }
  const pageLinks = extractPageLinks(text, page.finalUrl);
  const { feeds } = pageLinks;
  const { articles, listings } = classifyLinks(pageLinks.links, page.finalUrl, portal);
  const found: Discovered = { articles: articles.map((url) => ({ url })), pages: [] };
  if (payload.kind === 'listing') {
    // Older pages of a listing hold older articles: a few pages per run catch up after downtime.
    if (payload.depth < MAX_LISTING_DEPTH) found.pages.push(...paginationLinks(pageLinks, page.finalUrl).map((url) => ({ url, kind: 'listing' as const })));
    return found;
  }
  if (payload.kind !== 'home') return found;
  found.pages.push(...feeds.filter((f) => isSameSite(f, site)).map((url) => ({ url, kind: 'feed' as const })));
  const sitemaps = rules.sitemaps.map((s) => canonicalizeUrl(s)).filter((s): s is string => s !== null && isSameSite(s, site));
  if (sitemaps.length) found.pages.push(...sitemaps.map((url) => ({ url, kind: 'sitemap' as const })));
  else found.pages.push({ url: new URL('/sitemap.xml', page.finalUrl).toString(), kind: 'sitemap', probe: true });
  found.pages.push(...listings.filter((l) => l !== canonicalizeUrl(page.finalUrl)).map((url) => ({ url, kind: 'listing' as const })));
  return found;
}

function parseXml<T>(parse: () => T, page: FetchedPage): T {
  try {
    return parse();
  } catch (err) {
    throw new PermanentJobError('decode-error', `${page.finalUrl}: unparseable XML: ${(err as Error).message}`);
  }
}

/**
 * The body to keep, after checking it is a page: a textual Content-Type (or none) and no NUL
 * bytes in the first KiB (binary served as text/html). A gzipped sitemap (`sitemap.xml.gz`) is
 * unpacked first.
 */
async function readableBody(page: FetchedPage, kind: CrawlPayload['kind'], maxBytes: number): Promise<Buffer> {
  const type = (page.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  let body = page.body;
  if (kind === 'sitemap' && body[0] === 0x1f && body[1] === 0x8b) {
    body = await gunzip(body, { maxOutputLength: maxBytes }).catch((err: NodeJS.ErrnoException) => {
      throw new PermanentJobError(err.code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'decode-error', `${page.finalUrl}: gzipped sitemap: ${err.message}`);
    });
  } else if (type && !TEXTUAL_TYPE.test(type) && !(kind === 'sitemap' && GZIP_TYPE.test(type))) {
    throw new PermanentJobError('not-html', `${page.finalUrl}: Content-Type ${type} is not a page`);
  }
  if (looksBinary(body)) throw new PermanentJobError('not-html', `${page.finalUrl}: binary body (NUL bytes) served as ${type || 'no type'}`);
  return body;
}

function looksBinary(body: Buffer): boolean {
  // UTF-16 text is full of NULs; its byte-order mark says so.
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) return false;
  return body.subarray(0, 1024).includes(0);
}

/**
 * If-None-Match / If-Modified-Since from the last fetch. Not for home pages and sitemaps: an
 * unchanged home page or sitemap index still leads to category pages and child sitemaps that may
 * have changed, and a 304 would stop the run there. An unchanged article, listing or feed has
 * nothing new to offer.
 */
function conditionalHeaders(kind: CrawlPayload['kind'], state: UrlState | null): Record<string, string> {
  const h: Record<string, string> = {};
  if (kind === 'home' || kind === 'sitemap') return h;
  if (state?.etag) h['if-none-match'] = state.etag;
  if (state?.lastModified) h['if-modified-since'] = state.lastModified;
  return h;
}

function validatorsOf(page: FetchedPage): UrlState {
  return {
    fetchedAt: page.fetchedAt,
    ...(page.headers.etag ? { etag: page.headers.etag } : {}),
    ...(page.headers['last-modified'] ? { lastModified: page.headers['last-modified'] } : {}),
  };
}

/** How long a 429/503 (or any response with Retry-After on a 5xx) keeps the host quiet. */
function slowDownMs(page: FetchedPage, delayMs: number): number {
  const asksToWait = page.status === 429 || page.status === 503 || (page.status >= 500 && page.headers['retry-after'] !== undefined);
  if (!asksToWait) return 0;
  return parseRetryAfter(page.headers['retry-after']) ?? Math.max(MIN_SLOWDOWN_MS, delayMs * DEFAULT_SLOWDOWN_FACTOR);
}

/**
 * Whether the job was parked at a busy host ({@link postpone}: moved to the delayed set without
 * using an attempt) and now wakes at its turn: started more often than attempted, the times the
 * backlog guard put it back (`held`, counted in its payload) and the starts its dead workers never
 * finished (BullMQ's `stalledCounter`: the stall check put it back) aside. A job only held or
 * recovered was never parked and takes a place at the host's tail like any newcomer.
 */
export function parkedBefore(job: Pick<Job, 'attemptsStarted' | 'attemptsMade' | 'stalledCounter' | 'data'>): boolean {
  return job.attemptsStarted > job.attemptsMade + 1 + timesHeld(job.data) + (job.stalledCounter ?? 0);
}

/** The backlog guard's count of holds in a crawl job's payload (`held`); 0 when absent or not a count. */
export function timesHeld(data: unknown): number {
  const held = Number((data as { held?: unknown } | null)?.held ?? 0);
  return Number.isInteger(held) && held > 0 ? held : 0;
}

async function postpone(job: Job, token: string | undefined, waitMs: number, base: Pick<CrawlOutcome, 'kind' | 'url' | 'runId'>, log: Logger): Promise<CrawlOutcome> {
  const notBefore = Date.now() + waitMs;
  if (!token) return { ...base, status: 'delayed', notBefore: new Date(notBefore).toISOString() };
  log.debug({ waitMs }, 'host busy, job parked');
  // BullMQ's pattern for "not now": the job goes to the delayed set without using an attempt,
  // and this worker slot is free at once for other hosts.
  await job.moveToDelayed(notBefore, token);
  throw new DelayedError();
}
