import type { Worker } from 'bullmq';
import { ConfigError, loadEnv, type Env } from '@provnews/config';
import { createLogger, type Logger } from '@provnews/logger';
import { createContext, type AppContext } from './context.ts';
import { startHeartbeat } from './heartbeat.ts';
import { NoRedisError } from './redis.ts';
import { watchRedis } from './redis-health.ts';
import { installShutdown } from './shutdown.ts';

/** Loads the environment or exits with one clear line (exit code 2) naming the bad variable. */
export function loadEnvOrExit(): Env {
  try {
    return loadEnv();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`provnews: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** The root logger of a process, configured from the environment. */
export function processLogger(service: string, env: Env): Logger {
  return createLogger(service, { level: env.LOG_LEVEL, format: env.LOG_FORMAT });
}

/** Prints a start-up failure as one line and exits: config and Redis problems are user errors, not crashes. */
export function exitOnStartupError(err: unknown): never {
  if (err instanceof ConfigError || err instanceof NoRedisError || (err instanceof Error && (err.name === 'RegistryError' || err.name === 'SinkError' || err.name === 'ConfigError'))) {
    process.stderr.write(`provnews: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

export interface ServiceHooks {
  /** Called at shutdown before the connections close. */
  onClose?: () => Promise<void>;
  /** Called when Redis turns out to have lost its data (see `watchRedis`): repair what this service owns. */
  onRedisWiped?: (ctx: AppContext) => Promise<void>;
}

/**
 * The whole life of a worker service: env → logger → context → Redis checks (persistence,
 * instance marker, see `watchRedis`) → `start` → run until
 * SIGINT/SIGTERM → drain workers (with the grace deadline) → close connections → exit 0.
 */
export async function runService(service: string, start: (ctx: AppContext) => Promise<Worker[]>, hooks: ServiceHooks | (() => Promise<void>) = {}): Promise<void> {
  const { onClose = async () => undefined, onRedisWiped } = typeof hooks === 'function' ? { onClose: hooks } : hooks;
  const env = loadEnvOrExit();
  const log = processLogger(service, env);
  try {
    const ctx = await createContext(env, log);
    // Before starting: warn about a Redis that may lose data, and notice one that already has.
    const stopWatching = await watchRedis(
      ctx.redis,
      ctx.prefix,
      env.PROVNEWS_DATA_DIR,
      log,
      async () => {
        await onRedisWiped?.(ctx);
      },
      service,
    );
    const workers = await start(ctx);
    const stopHeartbeat = env.PROVNEWS_HEALTH_FILE ? startHeartbeat(env.PROVNEWS_HEALTH_FILE, ctx.redis, workers).stop : () => undefined;
    installShutdown(
      log,
      env.SHUTDOWN_GRACE_SECONDS,
      async () => {
        stopHeartbeat();
        await Promise.all(workers.map((w) => w.close()));
      },
      async () => {
        stopWatching();
        await onClose();
        await ctx.close();
      },
    );
  } catch (err) {
    exitOnStartupError(err);
  }
}
