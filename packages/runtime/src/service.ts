import type { Worker } from 'bullmq';
import { ConfigError, loadEnv, type Env } from '@provnews/config';
import { createLogger, type Logger } from '@provnews/logger';
import { createContext, type AppContext } from './context.ts';
import { NoRedisError } from './redis.ts';
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
  if (err instanceof ConfigError || err instanceof NoRedisError || (err instanceof Error && (err.name === 'RegistryError' || err.name === 'ConfigError'))) {
    process.stderr.write(`provnews: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

/**
 * The whole life of a worker service: env → logger → context → `start` → run until
 * SIGINT/SIGTERM → drain workers (with the grace deadline) → close connections → exit 0.
 */
export async function runService(service: string, start: (ctx: AppContext) => Promise<Worker[]>, onClose: () => Promise<void> = async () => undefined): Promise<void> {
  const env = loadEnvOrExit();
  const log = processLogger(service, env);
  try {
    const ctx = await createContext(env, log);
    const workers = await start(ctx);
    installShutdown(
      log,
      env.SHUTDOWN_GRACE_SECONDS,
      async () => void (await Promise.all(workers.map((w) => w.close()))),
      async () => {
        await onClose();
        await ctx.close();
      },
    );
  } catch (err) {
    exitOnStartupError(err);
  }
}
