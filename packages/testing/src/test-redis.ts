import { execFileSync } from 'node:child_process';
import { redisAnswers, startRedisServer, type RedisHandle } from "@provnews/redis-local";

/** True when a Docker engine answers (not just a docker client on PATH). */
function dockerEngineAnswers(): boolean {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The one way tests get Redis: testcontainers when a Docker engine answers, otherwise
 * `REDIS_URL`, otherwise a `redis-server` from PATH on a free port. Never a mock.
 * Throws (failing the run loudly) when none of these works.
 */
export async function acquireTestRedis(): Promise<RedisHandle> {
  if (dockerEngineAnswers()) {
    const { RedisContainer } = await import('@testcontainers/redis');
    const container = await new RedisContainer('redis:7-alpine').start();
    return { url: container.getConnectionUrl(), origin: 'testcontainers', stop: async () => void (await container.stop()) };
  }
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    if (!(await redisAnswers(fromEnv))) {
      throw new Error(`REDIS_URL=${fromEnv} is set but nothing answers there; start Redis or unset REDIS_URL`);
    }
    return { url: fromEnv, origin: 'REDIS_URL', stop: async () => undefined };
  }
  try {
    return await startRedisServer();
  } catch (err) {
    throw new Error(
      `tests need Redis and none is available: no Docker engine, REDIS_URL unset, and ${(err as Error).message}. ` +
        'Install redis-server (apt-get install -y redis-server) or set REDIS_URL.',
    );
  }
}
