import type { ChainableCommander, Cluster, Redis } from 'ioredis';

/** What the crawler remembers about a fetched URL, for conditional GETs and change detection. */
export interface UrlState {
  etag?: string;
  lastModified?: string;
  /** Last successful fetch (ISO 8601). */
  fetchedAt: string;
  snapshotId?: string;
}

/** A discovered URL, with the modification time its feed or sitemap gave, if any. */
export interface Candidate {
  url: string;
  lastmod?: string;
}

/**
 * {@link Frontier.record}: the URL's state, and the URL and its redirect target marked seen. With a
 * third key (`recordAfter`), only if that job exists: a URL is never marked fetched without the job
 * the fetch was handed to.
 */
const RECORD = `
if KEYS[3] and redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3])
if ARGV[4] ~= '' and ARGV[4] ~= ARGV[1] then redis.call('HSETNX', KEYS[2], ARGV[4], ARGV[3]) end
return 1
`;

/** Key count first: 2 (state, seen) or 3 (and the job that must exist). */
type RecordCommand = (numKeys: number, ...keysAndArgs: string[]) => unknown;

/** Per-run marks expire after two days: runs are every few hours, so this only bounds memory. */
const RUN_TTL_SECONDS = 2 * 24 * 3600;

/**
 * The crawl frontier's memory, in Redis so it survives restarts:
 * - `<prefix>:crawler:seen` (hash canonical URL → first seen ISO time, then ` ` and the id of the
 *   job that claimed it, if any): an article is enqueued once;
 * - `<prefix>:crawler:state` (hash canonical URL → {@link UrlState} JSON): ETag/Last-Modified;
 * - `<prefix>:crawler:run:<runId>:pages` (set) and `…:budget` (counter): listings, feeds and
 *   sitemaps are fetched once per run, and a run enqueues at most `maxPages` articles.
 */
export class Frontier {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
  ) {
    const r = redis as (Redis | Cluster) & { provnewsRecordFetch?: RecordCommand };
    if (typeof r.provnewsRecordFetch !== 'function') r.defineCommand('provnewsRecordFetch', { lua: RECORD });
  }

  private get seenKey(): string {
    return `${this.prefix}:crawler:seen`;
  }
  /** The hash of URL states (another module may read a state in the same round trip as its own command). */
  get stateKey(): string {
    return `${this.prefix}:crawler:state`;
  }

  /**
   * Article candidates worth enqueueing: URLs never seen, plus seen ones whose `lastmod` is newer
   * than their last fetch (`changed: true`, to be fetched with a conditional GET). New URLs are
   * marked seen atomically (HSETNX), so two workers discovering the same article enqueue it once.
   * At most `limit` URLs are returned; the rest stay unseen for a later run.
   *
   * `claimer` (the discovering job's id) is written into the seen mark. Claiming comes before the
   * article jobs are enqueued, so a crash in between would lose them; the retried job (same id)
   * finds its own marks, takes those URLs again and re-enqueues them under deterministic job ids.
   */
  async admit(candidates: Candidate[], limit = Infinity, claimer?: string): Promise<{ url: string; changed: boolean }[]> {
    if (limit <= 0) return [];
    const { fresh: allFresh, changed, reclaimed } = await this.classify(candidates, claimer);
    const picked = changed.slice(0, limit).map((url) => ({ url, changed: true }));
    picked.push(...reclaimed.slice(0, Math.max(0, limit - picked.length)).map((url) => ({ url, changed: false })));
    const fresh = allFresh.slice(0, Math.max(0, limit - picked.length));
    if (fresh.length) {
      const mark = seenMark(new Date().toISOString(), claimer);
      const pipe = this.redis.pipeline();
      for (const url of fresh) pipe.hsetnx(this.seenKey, url, mark);
      const results = (await pipe.exec()) ?? [];
      fresh.forEach((url, i) => {
        if (results[i]?.[1] === 1) picked.push({ url, changed: false });
      });
    }
    return picked;
  }

  /**
   * How many candidates {@link admit} would take right now (read-only). A run reserves budget for
   * these only, so articles already seen never use up `maxPages` of a run.
   */
  async countAdmissible(candidates: Candidate[], claimer?: string): Promise<number> {
    const { fresh, changed, reclaimed } = await this.classify(candidates, claimer);
    return fresh.length + changed.length + reclaimed.length;
  }

  /**
   * Splits candidates into never-seen URLs, URLs this `claimer` marked but never fetched (its
   * earlier attempt crashed before the hand-off ended), and seen ones whose `lastmod` is newer
   * than their last fetch.
   */
  private async classify(candidates: Candidate[], claimer?: string): Promise<{ fresh: string[]; changed: string[]; reclaimed: string[] }> {
    const unique = [...new Map(candidates.map((c) => [c.url, c])).values()];
    if (!unique.length) return { fresh: [], changed: [], reclaimed: [] };
    const urls = unique.map((c) => c.url);
    const [seen, states] = await Promise.all([this.redis.hmget(this.seenKey, ...urls), this.redis.hmget(this.stateKey, ...urls)]);
    const fresh: string[] = [];
    const changed: string[] = [];
    const reclaimed: string[] = [];
    unique.forEach((c, i) => {
      if (!seen[i]) {
        fresh.push(c.url);
        return;
      }
      if (claimer && !states[i] && claimerOf(seen[i]!) === claimer) {
        reclaimed.push(c.url);
        return;
      }
      const state = states[i] ? (JSON.parse(states[i]!) as UrlState) : undefined;
      const lastmod = c.lastmod ? Date.parse(c.lastmod) : NaN;
      if (state && !Number.isNaN(lastmod) && lastmod > Date.parse(state.fetchedAt)) changed.push(c.url);
    });
    return { fresh, changed, reclaimed };
  }

  /** What the last successful fetch of the URL left (validators), or null if never fetched. */
  async state(url: string): Promise<UrlState | null> {
    return Frontier.parseState(await this.redis.hget(this.stateKey, url));
  }

  /** A state as stored in {@link stateKey}, or null. */
  static parseState(raw: string | null | undefined): UrlState | null {
    return raw ? (JSON.parse(raw) as UrlState) : null;
  }

  /**
   * Records a successful fetch and marks the URL seen (`provnews crawl <url>` counts too), and
   * its redirect target, so discovering the target later does not fetch the same page again.
   */
  async record(url: string, state: UrlState, finalUrl?: string): Promise<void> {
    await (this.redis as (Redis | Cluster) & { provnewsRecordFetch: RecordCommand }).provnewsRecordFetch(2, this.stateKey, this.seenKey, ...this.recordArgs(url, state, finalUrl));
  }

  private recordArgs(url: string, state: UrlState, finalUrl?: string): string[] {
    return [url, JSON.stringify(state), state.fetchedAt, finalUrl ?? ''];
  }

  /**
   * {@link record} as a follow-up of a job's add (`Queues.enqueue`'s `then`): queued on `tx` behind
   * the add, it marks the URL only if the job (`jobKey`) exists, so the mark never outlives a
   * failed add. The command's reply is 1 (marked) or 0 (no job: nothing written).
   */
  recordAfter(tx: ChainableCommander, jobKey: string, url: string, state: UrlState, finalUrl?: string): void {
    const keysAndArgs = [this.stateKey, this.seenKey, jobKey, ...this.recordArgs(url, state, finalUrl)];
    const cmd = (tx as ChainableCommander & { provnewsRecordFetch?: RecordCommand }).provnewsRecordFetch;
    // A transaction of another connection than this frontier's may lack the command: plain EVAL then.
    if (typeof cmd === 'function') cmd.call(tx, 3, ...keysAndArgs);
    else tx.eval(RECORD, 3, ...keysAndArgs);
  }

  /**
   * Non-article pages (listings, feeds, sitemaps) not yet claimed in this run; claims them.
   * Stops a run from fetching the same category page twice when several pages link to it.
   */
  async claimForRun(runId: string, urls: string[]): Promise<string[]> {
    if (!urls.length) return [];
    const key = `${this.prefix}:crawler:run:${runId}:pages`;
    const pipe = this.redis.pipeline();
    for (const url of urls) pipe.sadd(key, url);
    pipe.expire(key, RUN_TTL_SECONDS);
    const results = (await pipe.exec()) ?? [];
    return urls.filter((_, i) => results[i]?.[1] === 1);
  }

  /** Article slots left in a run's `maxPages` budget (reserving up to `wanted`). */
  async reserveBudget(runId: string, wanted: number, maxPages: number): Promise<number> {
    if (wanted <= 0) return 0;
    const key = `${this.prefix}:crawler:run:${runId}:budget`;
    const [[, total]] = ((await this.redis.multi().incrby(key, wanted).expire(key, RUN_TTL_SECONDS).exec()) ?? [[null, 0]]) as [[unknown, number]];
    const before = total - wanted;
    return Math.max(0, Math.min(wanted, maxPages - before));
  }

  /** Returns unused budget (candidates reserved but already seen by another worker). */
  async refundBudget(runId: string, unused: number): Promise<void> {
    if (unused > 0) await this.redis.decrby(`${this.prefix}:crawler:run:${runId}:budget`, unused);
  }
}

/** The value of a seen mark: when, and which job claimed the URL (for crash recovery). */
function seenMark(at: string, claimer: string | undefined): string {
  return claimer ? `${at} ${claimer}` : at;
}

function claimerOf(mark: string): string | undefined {
  const space = mark.indexOf(' ');
  return space < 0 ? undefined : mark.slice(space + 1);
}
