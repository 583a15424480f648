import type { Cluster, Redis } from 'ioredis';
import robotsParserModule from 'robots-parser';
import { TransientJobError } from '@provnews/queues';
import { decodeBody } from './charset.ts';
import { fetchPage, parseRetryAfter, type FetchOptions } from './fetch-page.ts';

/** robots.txt is re-read once a day: rules rarely change and small servers should not serve it per page. */
export const ROBOTS_TTL_MS = 24 * 3600_000;
/** Rules a worker confirmed with Redis are reused this long before it asks Redis again. */
export const ROBOTS_RECHECK_MS = 30_000;
/** RFC 9309 asks crawlers to parse at least 500 KiB; more is refused rather than downloaded. */
const ROBOTS_MAX_BYTES = 512 * 1024;
/**
 * Upper bound on a honoured Crawl-delay: a few portals write absurd values (`Crawl-delay: 3600`)
 * that would crawl one page an hour; ten minutes still spaces requests far beyond the default.
 */
export const MAX_CRAWL_DELAY_MS = 600_000;

// robots-parser is CommonJS with an ESM-style `export default` typing: at runtime the default
// import is the function itself; TypeScript sees a namespace. Accept both shapes.
type RobotsParserFn = (url: string, contents: string) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
};
const robotsParser: RobotsParserFn =
  (robotsParserModule as unknown as { default?: RobotsParserFn }).default ?? (robotsParserModule as unknown as RobotsParserFn);

/** The parts of a host's robots.txt the crawler uses. */
export interface RobotsRules {
  /** Whether the user agent may fetch the URL (same origin as the robots.txt). */
  isAllowed(url: string): boolean;
  /** Crawl-delay for the user agent in ms (capped), if the file sets one. */
  crawlDelayMs: number | undefined;
  /** `Sitemap:` lines. */
  sitemaps: string[];
}

interface StoredRobots {
  status: number;
  body: string;
}

/** The origin (`scheme://host:port`) whose robots.txt governs a URL. */
export function robotsOrigin(url: string): string {
  return new URL(url).origin;
}

/**
 * Rules from a robots.txt response. A 4xx means "no robots.txt": everything is allowed
 * (RFC 9309 §2.3.1.3).
 */
export function parseRobots(origin: string, status: number, body: string, userAgent: string): RobotsRules {
  const robots = robotsParser(`${origin}/robots.txt`, status >= 200 && status < 300 ? body : '');
  const delay = robots.getCrawlDelay(userAgent);
  return {
    // robots-parser returns undefined for URLs of another origin; those are not governed by this file.
    isAllowed: (url) => robots.isAllowed(url, userAgent) !== false,
    crawlDelayMs: delay !== undefined && delay > 0 ? Math.min(delay * 1000, MAX_CRAWL_DELAY_MS) : undefined,
    sitemaps: robots.getSitemaps(),
  };
}

/**
 * robots.txt per origin, cached in Redis with a TTL so every worker shares one copy and a restart
 * does not refetch it.
 */
export class RobotsCache {
  /**
   * Parsed rules per origin, reused while Redis holds the same robots.txt (parsing is the costly
   * part); `at` is when Redis last confirmed them.
   */
  private readonly parsed = new Map<string, { raw: string; rules: RobotsRules; at: number }>();

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
    private readonly userAgent: string,
    private readonly ttlMs = ROBOTS_TTL_MS,
    /**
     * How long rules Redis confirmed are used without asking it again: a page of an origin costs no
     * Redis round trip for its robots.txt, and a new robots.txt reaches every worker within this.
     */
    private readonly recheckMs = ROBOTS_RECHECK_MS,
  ) {}

  private key(origin: string): string {
    return `${this.prefix}:crawler:robots:${origin}`;
  }

  /** The cached rules of an origin, or null when they must be fetched. */
  async cached(origin: string): Promise<RobotsRules | null> {
    const now = Date.now();
    const memo = this.parsed.get(origin);
    if (memo && now - memo.at < this.recheckMs) return memo.rules;
    const raw = await this.redis.get(this.key(origin));
    if (!raw) {
      this.parsed.delete(origin);
      return null;
    }
    if (memo?.raw === raw) {
      memo.at = now;
      return memo.rules;
    }
    const stored = JSON.parse(raw) as StoredRobots;
    const rules = parseRobots(origin, stored.status, stored.body, this.userAgent);
    this.parsed.set(origin, { raw, rules, at: now });
    return rules;
  }

  /**
   * Fetches, caches and returns an origin's rules. A 5xx or an unreachable server means
   * "assume complete disallow" (RFC 9309): the job is retried later as a transient failure
   * instead of crawling blind.
   */
  async fetch(origin: string, opts: Omit<FetchOptions, 'maxBodyBytes' | 'headers'>): Promise<RobotsRules> {
    const page = await fetchPage(`${origin}/robots.txt`, { ...opts, maxBodyBytes: ROBOTS_MAX_BYTES, headers: { accept: 'text/plain,*/*;q=0.5' } });
    if (page.status >= 500 || page.status === 429) {
      throw new TransientJobError(page.status === 429 ? 'http-429' : 'http-5xx', `${origin}/robots.txt: HTTP ${page.status}; not crawling until it answers`, parseRetryAfter(page.headers['retry-after']));
    }
    const body = page.status >= 200 && page.status < 300 ? decodeBody(page.body, page.headers['content-type']).text : '';
    const stored: StoredRobots = { status: page.status, body };
    const raw = JSON.stringify(stored);
    await this.redis.set(this.key(origin), raw, 'PX', this.ttlMs);
    const rules = parseRobots(origin, page.status, body, this.userAgent);
    this.parsed.set(origin, { raw, rules, at: Date.now() });
    return rules;
  }
}
