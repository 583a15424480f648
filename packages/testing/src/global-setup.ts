import type { TestProject } from 'vitest/node';
import { acquireTestRedis } from './test-redis.ts';

import './provided.ts';

/** One Redis for the whole test run; suites isolate themselves with unique queue names / prefixes. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await acquireTestRedis();
  console.log(`[provnews tests] Redis from ${redis.origin}: ${redis.url}`);
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
