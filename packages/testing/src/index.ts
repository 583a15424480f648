export { acquireTestRedis } from './test-redis.ts';
export { freePort, redisAnswers, startRedisServer, type RedisHandle } from './redis-server.ts';
export { testRedis, uniqueName, waitFor } from './helpers.ts';
