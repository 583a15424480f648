/**
 * What a running pipeline asks of Redis, per article: watches a Redis server with MONITOR for a
 * few seconds and counts the commands clients send, naming every EVALSHA by its script (BullMQ's
 * own, and provnews's host gate and fetched mark), per article stored (one fetched mark each).
 * Commands that scripts run inside Redis are counted apart from what clients send (the round trips).
 *
 *   npx tsx bench/redis-scripts.ts redis://127.0.0.1:<port> [seconds]
 *
 * Run it against the benchmark's private Redis while a pipeline run is going (its port is in
 * `ps`); MONITOR slows Redis down, so figures taken meanwhile are not timings.
 *
 *   npx tsx bench/redis-scripts.ts redis://127.0.0.1:<port> [seconds] --time
 *
 * Where Redis's time goes instead: every command is logged to SLOWLOG for the window (threshold
 * 0, then the server's own settings back), and each script's time is summed with what it runs
 * inside. Logging each command costs Redis time too, so the shares count, not the absolute µs.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import { Frontier, HostGate } from '@provnews/crawler';

/** sha1 → name of every script BullMQ ships (one module per script, exporting `{ name, content }`). */
function bullmqScripts(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('bullmq/package.json', { paths: [process.cwd()] })), 'dist/cjs/scripts');
  const out = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js')) {
    for (const value of Object.values(require(join(dir, file)) as Record<string, unknown>)) {
      const s = value as { name?: string; content?: string };
      if (s?.name && s.content) out.set(createHash('sha1').update(s.content).digest('hex'), s.name);
    }
  }
  return out;
}

/** sha1 → name of provnews's own scripts, as the crawler defines them on a client. */
function provnewsScripts(redis: Redis): Map<string, string> {
  new HostGate(redis, 'x');
  new Frontier(redis, 'x');
  const defined = (redis as unknown as { scriptsSet: Record<string, { sha: string }> }).scriptsSet;
  return new Map(Object.entries(defined).map(([name, s]) => [s.sha, name]));
}

async function main(): Promise<void> {
  const timed = process.argv.includes('--time');
  const [url, secondsArg] = process.argv.slice(2).filter((a) => a !== '--time');
  const seconds = Number(secondsArg ?? 5);
  if (!url || !(seconds > 0)) throw new Error('usage: redis-scripts.ts <redis-url> [seconds] [--time]');
  const redis = new Redis(url, { lazyConnect: true });
  const names = new Map([...bullmqScripts(), ...provnewsScripts(redis)]);
  await redis.connect();
  if (timed) return timeScripts(redis, names, url, seconds);
  const sent = new Map<string, number>();
  const inScripts = new Map<string, number>();
  // A MULTI … EXEC block travels as one write: one round trip for the whole block.
  const inTransaction = new Set<string>();
  let roundTrips = 0;
  const monitor = await redis.monitor();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const cmd = String(args[0]).toLowerCase();
    const key = cmd === 'evalsha' ? `evalsha ${names.get(String(args[1])) ?? String(args[1]).slice(0, 12)}` : cmd;
    const into = source === 'lua' ? inScripts : sent;
    into.set(key, (into.get(key) ?? 0) + 1);
    if (source === 'lua') return;
    if (cmd === 'multi') inTransaction.add(source);
    else if (cmd === 'exec' || cmd === 'discard') return void inTransaction.delete(source);
    else if (inTransaction.has(source)) return;
    roundTrips++;
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  monitor.disconnect();
  redis.disconnect();
  const articles = sent.get('evalsha provnewsRecordFetch') ?? 0;
  const per = (n: number) => (articles ? (n / articles).toFixed(2) : 'n/a');
  const table = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `| ${k} | ${n} | ${per(n)} |`);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(
    [
      `Redis at ${url}, ${seconds} s of MONITOR: ${articles} articles stored (fetched marks), ${per(roundTrips)} client round trips per article.`,
      '',
      `Sent by clients (${per(sum(sent))} commands per article):`,
      '',
      '| command | calls | per article |',
      '|---|---|---|',
      ...table(sent),
      '',
      `Run inside scripts (${per(sum(inScripts))} per article):`,
      '',
      '| command | calls | per article |',
      '|---|---|---|',
      ...table(inScripts),
    ].join('\n'),
  );
}

/** One SLOWLOG entry as Redis returns it: id, unix time, µs, arguments (then client fields). */
type SlowlogEntry = [number, number, number, string[], ...unknown[]];

/** The `--time` mode: µs per command and script from SLOWLOG, per article stored. */
async function timeScripts(redis: Redis, names: Map<string, string>, url: string, seconds: number): Promise<void> {
  const saved = (await redis.config('GET', 'slowlog-*')) as string[];
  const restore = async () => {
    for (let i = 0; i + 1 < saved.length; i += 2) await redis.config('SET', saved[i]!, saved[i + 1]!);
  };
  await redis.config('SET', 'slowlog-max-len', '10000000');
  await redis.slowlog('RESET');
  await redis.config('SET', 'slowlog-log-slower-than', '0');
  let entries: SlowlogEntry[];
  try {
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    await redis.config('SET', 'slowlog-log-slower-than', '-1');
    entries = (await redis.slowlog('GET', '-1')) as SlowlogEntry[];
  } finally {
    await restore();
    await redis.slowlog('RESET');
    redis.disconnect();
  }
  const byName = new Map<string, { calls: number; us: number }>();
  for (const [, , us, args] of entries) {
    const cmd = String(args[0]).toLowerCase();
    const key = cmd === 'evalsha' ? `evalsha ${names.get(String(args[1])) ?? String(args[1]).slice(0, 12)}` : cmd;
    const row = byName.get(key) ?? { calls: 0, us: 0 };
    row.calls++;
    row.us += us;
    byName.set(key, row);
  }
  const articles = byName.get('evalsha provnewsRecordFetch')?.calls ?? 0;
  const per = (n: number) => (articles ? (n / articles).toFixed(2) : 'n/a');
  const scriptUs = [...byName].filter(([k]) => k.startsWith('evalsha ')).reduce((a, [, r]) => a + r.us, 0);
  console.log(
    [
      `Redis at ${url}, ${seconds} s of SLOWLOG (every command): ${articles} articles stored (fetched marks).`,
      `Scripts took ${per(scriptUs)} µs per article, the commands they run included; a command run inside a script is`,
      'listed again on its own line, so the lines do not add up.',
      '',
      '| command | calls | per article | µs per call | µs per article | share of script time |',
      '|---|---|---|---|---|---|',
      ...[...byName]
        .sort((a, b) => b[1].us - a[1].us)
        .map(([k, r]) => `| ${k} | ${r.calls} | ${per(r.calls)} | ${(r.us / r.calls).toFixed(1)} | ${per(r.us)} | ${k.startsWith('evalsha ') && scriptUs ? `${((100 * r.us) / scriptUs).toFixed(0)} %` : ''} |`),
    ].join('\n'),
  );
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
