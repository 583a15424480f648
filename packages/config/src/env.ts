import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

const boolFromEnv = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * Every setting provnews reads from the environment. One schema for all services, so a
 * setting means the same thing everywhere and `provnews --help` can list them.
 */
export const envSchema = z.object({
  // Where snapshots, cleaned pages, the JSON Lines sink and an embedded redis-server keep their files.
  PROVNEWS_DATA_DIR: z.string().min(1).default(resolve(process.cwd(), 'data')),
  // Redis for the queues. Unset: use 127.0.0.1:6379 if it answers, else start redis-server from PATH.
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://').optional(),
  // Prefix for every BullMQ key, so several deployments can share one Redis. On a cluster it is
  // wrapped in a hash tag (`{provnews}`) unless it has one, so each queue's keys share a slot.
  PROVNEWS_QUEUE_PREFIX: z.string().regex(/^[\w:{}-]+$/, 'letters, digits, _ : - { } only').default('provnews'),
  // REDIS_URL is a Redis Cluster: then it may list several seed nodes, comma-separated
  // (redis://10.0.0.1:7000,redis://10.0.0.2:7000).
  REDIS_CLUSTER: boolFromEnv.default(false),
  // Portal registry (YAML or JSON). Unset: the registry shipped in config/portals.yaml.
  PROVNEWS_REGISTRY: z.string().optional(),
  // Pages fetched at once across all hosts; per-host politeness still applies.
  CRAWL_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  // Backpressure: article fetches pause while this many fetched pages wait to be cleaned or extracted
  // (0: never). Keeps the hand-off in the store cache and the queues' Redis memory bounded when
  // fetching outruns cleaning (hosts with no delay).
  CRAWL_MAX_BACKLOG: z.coerce.number().int().min(0).max(1_000_000).default(500),
  // Cleaner and extractor are CPU-bound: about one per core.
  CLEAN_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  EXTRACT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  // Worker threads that clean and extract pages, shared by both stages in one process. 0: one per core
  // but one (the event loop keeps a core for the queues, the store and the crawler), at least one.
  PAGE_THREADS: z.coerce.number().int().min(0).max(256).default(0),
  // Budget of cleaning or extracting one page in its worker thread: wall-clock ms and heap MiB. A page
  // over either fails at once with [too-complex]; normal pages take well under a second and ~50 MiB.
  PAGE_TIME_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  PAGE_MEMORY_BUDGET_MB: z.coerce.number().int().min(32).max(16_384).default(512),
  // A job's lock lasts this long and is renewed every half of it; a worker killed mid-job leaves the lock
  // to expire, and the job is handed to another worker within WORKER_LOCK_MS + WORKER_STALL_CHECK_MS.
  WORKER_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(15_000),
  WORKER_STALL_CHECK_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  // How far the JavaScript heap of a worker process may grow past what its last full collection kept
  // before the next one (%, V8's --heap-growing-percent, for every thread of the process). 0: V8's own
  // rule, which lets it grow to ~3x and makes the resident set swing by ~100 MB in a long run.
  WORKER_HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(400).default(50),
  // Minimum gap between two requests to the same host (ms); ~1 s is polite to small government servers.
  CRAWL_HOST_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  // Bodies above this many bytes are refused as too large (permanent failure).
  CRAWL_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  // Whole-request timeout (ms) for one fetch; a timeout is retried later.
  CRAWL_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  // The User-Agent names the project and a contact, so portal admins know who is calling.
  CRAWL_USER_AGENT: z.string().min(3).default('provnews/0.1 (+https://github.com/provnews/provnews; research crawler)'),
  // Where extracted records go: `jsonl` (records.jsonl in the data dir), `postgres` (DATABASE_URL)
  // or `pglite` (an embedded PostgreSQL under the data dir; no server needed).
  PROVNEWS_SINK: z.enum(['jsonl', 'postgres', 'pglite']).default('jsonl'),
  // PostgreSQL for PROVNEWS_SINK=postgres, e.g. postgres://user:pass@host:5432/provnews.
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  // Where snapshots and cleaned pages live: `disk` (<data dir>/store, one machine), `postgres`
  // (a table in STORE_DATABASE_URL or DATABASE_URL) or `s3` (an S3-compatible bucket, S3_BUCKET):
  // the shared ones let crawler, cleaner and extractor processes run on different machines.
  PROVNEWS_STORE: z.enum(['disk', 'postgres', 's3']).default('disk'),
  // In-memory cache of objects this process stored or read lately (MiB; 0 turns it off): in one process
  // the cleaner reads the snapshot the crawler just wrote, the extractor the page the cleaner wrote.
  STORE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
  // PostgreSQL for PROVNEWS_STORE=postgres when it is not DATABASE_URL.
  STORE_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  // A worker service rewrites this file every 10 s while it is healthy (Redis answers, workers run);
  // `provnews health --file` checks its age (container healthchecks). Unset: no heartbeat.
  PROVNEWS_HEALTH_FILE: z.string().min(1).optional(),
  // S3-compatible object storage for PROVNEWS_STORE=s3 (AWS S3, MinIO, Ceph, R2 …). Credentials come
  // from the AWS SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles).
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'not a valid bucket name').optional(),
  // Endpoint of a non-AWS server (path-style addressing), e.g. http://minio:9000; unset means AWS S3.
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  // Key prefix inside the bucket, so several deployments can share one bucket.
  S3_PREFIX: z.string().regex(/^[\w/.-]*$/, 'letters, digits, _ . / - only').default('provnews/'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // `auto`: pretty in a terminal, JSON lines otherwise.
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  // Seconds a worker may take to finish its running jobs after SIGTERM before it is closed hard.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(20),
  // Allow crawling private/loopback addresses for every portal (never in production; demo portals set it per portal).
  CRAWL_ALLOW_PRIVATE: boolFromEnv.default(false),
});

export type Env = z.infer<typeof envSchema>;

/** A bad setting, with one line naming the variable and the problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once at start-up. A wrong value throws a ConfigError whose message is
 * one line per bad variable, e.g. `CRAWL_CONCURRENCY: Too small: expected number to be >=1`.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success && parsed.data.PROVNEWS_SINK === 'postgres' && !parsed.data.DATABASE_URL) {
    throw new ConfigError('invalid configuration: DATABASE_URL: required when PROVNEWS_SINK=postgres');
  }
  if (parsed.success && parsed.data.PROVNEWS_STORE === 'postgres' && !parsed.data.STORE_DATABASE_URL && !parsed.data.DATABASE_URL) {
    throw new ConfigError('invalid configuration: STORE_DATABASE_URL: required (or DATABASE_URL) when PROVNEWS_STORE=postgres');
  }
  if (parsed.success && parsed.data.PROVNEWS_STORE === 's3' && !parsed.data.S3_BUCKET) {
    throw new ConfigError('invalid configuration: S3_BUCKET: required when PROVNEWS_STORE=s3');
  }
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  return { ...parsed.data, PROVNEWS_DATA_DIR: resolve(parsed.data.PROVNEWS_DATA_DIR.replace(/^~(?=$|\/)/, homedir())) };
}

/** Name, default and comment of each variable, for `--help` and the README. */
export function describeEnv(): { name: string; default: string }[] {
  const shape = envSchema.shape;
  return Object.keys(shape).map((name) => {
    const res = (shape as Record<string, z.ZodType>)[name]!.safeParse(undefined);
    return { name, default: res.success && res.data !== undefined ? String(res.data) : '(unset)' };
  });
}
