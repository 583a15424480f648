/** Reading `INFO` from the benchmark's own Redis (shared by bench/orchestration.ts and its child runs). */

/** Anything that answers `INFO <section>` (an ioredis client or cluster). */
export interface InfoSource {
  info(section: string): Promise<string>;
}

/** `INFO <section>` as a map of fields. */
export async function redisInfo(redis: InfoSource, section: string): Promise<Map<string, string>> {
  const text = await redis.info(section);
  const out = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out.set(line.slice(0, i), line.slice(i + 1));
  }
  return out;
}

/** CPU the Redis server has used so far (user + system), ms. */
export async function redisCpuMs(redis: InfoSource): Promise<number> {
  const cpu = await redisInfo(redis, 'cpu');
  return (Number(cpu.get('used_cpu_sys')) + Number(cpu.get('used_cpu_user'))) * 1000;
}

/** Calls so far per command (`INFO commandstats`), by command name. */
export async function commandCalls(redis: InfoSource): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [k, v] of await redisInfo(redis, 'commandstats')) {
    const calls = /calls=(\d+)/.exec(v);
    if (k.startsWith('cmdstat_') && calls) out.set(k.slice(8), Number(calls[1]));
  }
  return out;
}
