export { acquireTestRedis } from './test-redis.ts';
export { freePort, redisAnswers, startRedisServer, type RedisHandle } from "@provnews/redis-local";
export { dropPrefix, testRedis, testRedisHandle, uniqueName, waitFor } from './helpers.ts';
export { privateSchema, TEST_DATABASE_URL, type PrivateSchema } from './postgres.ts';
