/** What the vitest globalSetup hands to every test file. */
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the run's real Redis (testcontainers, REDIS_URL or a spawned redis-server). */
    redisUrl: string;
  }
}

export {};
