export { createContext, bullConnection, openBlobStore, openSink, type AppContext, type ContextOverrides } from './context.ts';
export { resolveRedis, NoRedisError, DEFAULT_LOCAL_REDIS, redact } from './redis.ts';
export { MAX_STALLED_COUNT, readStalledCounts, stalledCountKey, startWorker, type StartWorkerOptions } from './worker.ts';
export { TaskPool, type TaskPoolOptions } from './task-pool.ts';
export { installShutdown } from './shutdown.ts';
export { exitOnStartupError, loadEnvOrExit, processLogger, runService } from './service.ts';
export { HEARTBEAT_EVERY_MS, heartbeatFresh, startHeartbeat } from './heartbeat.ts';
export { clusterSeeds, openRedisClient, type RedisClient } from './redis-client.ts';
export { checkRedisDurability, checkRedisInstance, readRedisInstanceState, watchRedis, INSTANCE_CHECK_MS, type RedisDurability, type RedisInstanceState } from './redis-health.ts';
