import type { Logger } from '@provnews/logger';

/**
 * One SIGINT/SIGTERM handler per process: runs `drain` (stop taking jobs, let running ones
 * finish) with a deadline, then `close` (connections), then exits 0. A second signal exits at once.
 */
export function installShutdown(log: Logger, graceSeconds: number, drain: () => Promise<void>, close: () => Promise<void>): void {
  let shuttingDown = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (shuttingDown) {
      log.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    shuttingDown = true;
    log.info({ signal, graceSeconds }, 'shutting down: draining workers');
    const deadline = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceSeconds * 1000).unref());
    const outcome = await Promise.race([drain().then(() => 'drained' as const), deadline]);
    if (outcome === 'timeout') log.warn({ graceSeconds }, 'grace period over, closing with jobs still running (they will be retried)');
    await close().catch((err: Error) => log.error({ err: err.message }, 'error while closing'));
    log.info({ outcome }, 'stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
