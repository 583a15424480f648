import type { Cluster, Redis } from 'ioredis';

/**
 * Per-host politeness shared by every crawler worker: at most one request in flight per host
 * and a minimum gap between requests to it, kept in Redis so it holds across processes.
 *
 * BullMQ's open-source rate limiter is per queue, which would let one slow portal stall all the
 * others (head-of-line blocking). Instead a job asks the gate first; when its host is busy the
 * processor parks the job in the delayed set until the host's next slot and the worker slot is
 * free at once for jobs of other hosts.
 *
 * State per host (a hash at `<prefix>:crawler:host:<hostname:port>`):
 * - `busy`/`holder`: the lease of the request in flight (expires by itself if a worker dies);
 * - `next`: earliest start of the next request (last finish + delay, or a Retry-After);
 * - `start`/`avg`: when the request in flight began, and how long this host's requests take
 *   (a running average of the fetches released with `fetched`);
 * - `tail`: the last wake-up time handed to a waiting job, so waiters are spread one spacing apart
 *   instead of all waking together and re-parking each other. The spacing is the host's delay, or
 *   the time its requests take when that is longer, and never under 1 ms: a busy host never
 *   answers "go", even with a delay of 0. A job that already had its turn
 *   and found the host still busy is at the head of the line: it gets the host's next slot
 *   without taking a new place at the tail (else every re-park would leave a hole in the line).
 * Times come from Redis `TIME`, so workers on different machines agree on "now".
 */
const ACQUIRE = `
local function acquire()
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[2])
local delay = tonumber(ARGV[3])
local h = redis.call('HMGET', KEYS[1], 'busy', 'next', 'tail', 'start', 'avg', 'holder')
local busy = tonumber(h[1] or '0')
local nextAt = tonumber(h[2] or '0')
if now < busy and h[6] == ARGV[1] then return 0 end
if now >= busy and now >= nextAt then
  redis.call('HSET', KEYS[1], 'busy', now + lease, 'holder', ARGV[1], 'start', now)
  redis.call('PEXPIRE', KEYS[1], lease + 86400000)
  return 0
end
local avg = tonumber(h[5] or '0')
local spacing = math.max(delay, avg, 1)
local base = nextAt
if now < busy then
  local start = tonumber(h[4] or '') or now
  base = math.max(nextAt, now + spacing, start + avg + delay)
end
if ARGV[4] == '1' then return base - now end
local tail = tonumber(h[3] or '0')
local wake = math.max(base, tail + spacing)
redis.call('HSET', KEYS[1], 'tail', wake)
redis.call('PEXPIRE', KEYS[1], wake - now + 86400000)
return wake - now
end
local r = acquire()
-- A second key: one field of it (ARGV[5]) is read in the same call (acquireReading).
if KEYS[2] then return {r, redis.call('HGET', KEYS[2], ARGV[5])} end
return r
`;

const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local delay = tonumber(ARGV[2])
local penalty = tonumber(ARGV[3])
local h = redis.call('HMGET', KEYS[1], 'next', 'holder', 'start', 'avg')
local nextAt = tonumber(h[1] or '0')
local target = math.max(nextAt, now + penalty)
if h[2] == ARGV[1] then
  target = math.max(target, now + delay)
  redis.call('HSET', KEYS[1], 'busy', 0, 'holder', '')
  local start = tonumber(h[3] or '')
  if start and ARGV[4] == '1' then
    local avg = tonumber(h[4] or '')
    local took = now - start
    if avg then took = math.floor((3 * avg + took) / 4) end
    redis.call('HSET', KEYS[1], 'avg', took)
  end
  if ARGV[5] ~= '' and target <= now then
    local lease = tonumber(ARGV[6])
    redis.call('HSET', KEYS[1], 'busy', now + lease, 'holder', ARGV[5], 'start', now, 'next', target)
    redis.call('PEXPIRE', KEYS[1], lease + 86400000)
    return -1
  end
end
redis.call('HSET', KEYS[1], 'next', target)
redis.call('PEXPIRE', KEYS[1], target - now + 86400000)
return target - now
`;

/** Extends the lease of its holder (1), or does nothing when someone else holds the host now (0). */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('HGET', KEYS[1], 'holder') ~= ARGV[1] then return 0 end
local lease = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'busy', now + lease)
if redis.call('PTTL', KEYS[1]) < lease + 86400000 then redis.call('PEXPIRE', KEYS[1], lease + 86400000) end
return 1
`;

/** The gate's scripts as client commands: ioredis sends EVALSHA (the script's text only once per connection). */
interface GateCommands {
  /** Key count first (1, or 2 with the hash to read a field of): one script serves acquire and acquireReading. */
  provnewsGateAcquire(numKeys: 1, key: string, holder: string, leaseMs: number, delayMs: number, hadTurn: string): Promise<number>;
  provnewsGateAcquire(numKeys: 2, key: string, readKey: string, holder: string, leaseMs: number, delayMs: number, hadTurn: string, field: string): Promise<[number, string | null]>;
  provnewsGateRelease(key: string, holder: string, delayMs: number, penaltyMs: number, fetched: string, handTo: string, leaseMs: number): Promise<number>;
  provnewsGateRenew(key: string, holder: string, leaseMs: number): Promise<number>;
}

/** Redis-backed per-host lease and spacing. */
export class HostGate {
  private readonly redis: (Redis | Cluster) & GateCommands;

  constructor(
    redis: Redis | Cluster,
    private readonly prefix: string,
  ) {
    const r = redis as (Redis | Cluster) & Partial<GateCommands>;
    if (typeof r.provnewsGateAcquire !== 'function') r.defineCommand('provnewsGateAcquire', { lua: ACQUIRE });
    if (typeof r.provnewsGateRelease !== 'function') r.defineCommand('provnewsGateRelease', { numberOfKeys: 1, lua: RELEASE });
    if (typeof r.provnewsGateRenew !== 'function') r.defineCommand('provnewsGateRenew', { numberOfKeys: 1, lua: RENEW });
    this.redis = r as (Redis | Cluster) & GateCommands;
  }

  private key(host: string): string {
    return `${this.prefix}:crawler:host:${host}`;
  }

  /**
   * Takes the host's lease when it is free and its delay has passed (returns 0), or returns how
   * many ms the caller should wait before asking again (its reserved turn). A holder asking for
   * the lease it already holds (handed over by {@link release}) gets 0.
   *
   * @param holder unique token of this attempt; only the holder's release frees the lease
   * @param leaseMs how long the lease lasts if never released (a crashed worker): longer than a fetch
   * @param delayMs the host's minimum gap between requests
   * @param hadTurn true when the caller was parked before and its turn has come: it is not
   *   queued behind later waiters again
   */
  async acquire(host: string, holder: string, leaseMs: number, delayMs: number, hadTurn = false): Promise<number> {
    return Number(await this.redis.provnewsGateAcquire(1, this.key(host), holder, Math.ceil(leaseMs), Math.ceil(delayMs), hadTurn ? '1' : '0'));
  }

  /**
   * {@link acquire}, and the value of one hash field read in the same round trip (the crawler reads
   * the URL's state with it). `read` must be a key of the same Redis Cluster slot (the prefix's
   * hash tag sees to that).
   */
  async acquireReading(host: string, holder: string, leaseMs: number, delayMs: number, hadTurn: boolean, read: { key: string; field: string }): Promise<{ wait: number; value: string | null }> {
    // One script, not a pipeline of HGET + acquire: a pipeline on a client that also carries BullMQ's
    // scripts copies every one of them onto itself when it is made.
    const [wait, value] = await this.redis.provnewsGateAcquire(2, this.key(host), read.key, holder, Math.ceil(leaseMs), Math.ceil(delayMs), hadTurn ? '1' : '0', read.field);
    return { wait: Number(wait), value: value ?? null };
  }

  /**
   * Extends a lease its holder still holds to `leaseMs` from now (true), while its request runs;
   * false when the lease has run out and someone else holds the host (or nobody does).
   */
  async renew(host: string, holder: string, leaseMs: number): Promise<boolean> {
    return Number(await this.redis.provnewsGateRenew(this.key(host), holder, Math.ceil(leaseMs))) === 1;
  }

  /**
   * Ends a request: frees the lease and sets the host's next slot `delayMs` from now, or
   * `penaltyMs` from now when the server asked to slow down (429/503 Retry-After). A penalty is
   * applied even when the lease has expired and someone else holds the host. `fetched` false: no
   * request was made under this lease (it does not count toward the host's request time).
   * Returns ms until the host's next slot.
   *
   * `handTo`: when the caller still holds the lease and the host may be asked again at once (no
   * delay, no penalty, no later slot set), the lease passes to `handTo.holder` for `handTo.leaseMs`
   * as if it had acquired it, and the result is -1. Saves the waiter its own round trip.
   */
  async release(host: string, holder: string, delayMs: number, penaltyMs = 0, fetched = true, handTo?: { holder: string; leaseMs: number }): Promise<number> {
    return Number(
      await this.redis.provnewsGateRelease(this.key(host), holder, Math.ceil(delayMs), Math.ceil(penaltyMs), fetched ? '1' : '0', handTo?.holder ?? '', Math.ceil(handTo?.leaseMs ?? 0)),
    );
  }
}
