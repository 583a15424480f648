export { createContext, bullConnection, openSink, type AppContext, type ContextOverrides } from './context.ts';
export { resolveRedis, NoRedisError, DEFAULT_LOCAL_REDIS, redact } from './redis.ts';
export { startWorker, type StartWorkerOptions } from './worker.ts';
export { installShutdown } from './shutdown.ts';
export { exitOnStartupError, loadEnvOrExit, processLogger, runService } from './service.ts';
export { observeWorker, flushWorkerMetrics, statsKeys, METRICS_PUSH_MS, STAGE_BUCKET_MS, PORTAL_BUCKET_MS } from './metrics.ts';
