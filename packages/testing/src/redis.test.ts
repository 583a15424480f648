import { afterAll, expect, it } from 'vitest';
import { testRedis } from './helpers.ts';

const redis = testRedis();
afterAll(() => redis.quit());

it('talks to a real Redis', async () => {
  expect(await redis.ping()).toBe('PONG');
  const info = await redis.info('server');
  expect(info).toMatch(/redis_version:/);
});
