import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '@provnews/cli';
import { loadEnv } from '@provnews/config';
import { startDemoPortals, type DemoPortalsServer } from '@provnews/demo-portals';
import { silentLogger } from '@provnews/logger';
import { clusterPrefix } from '@provnews/queues';
import type { ArticleRecord } from '@provnews/record';
import { clusterSeeds, openRedisClient } from '@provnews/runtime';
import { freePort, redisAnswers, uniqueName, waitFor } from '@provnews/testing';

const run = promisify(execFile);

/**
 * A real Redis Cluster on loopback: three masters started with `redis-server --cluster-enabled yes`
 * on free ports and joined with `redis-cli --cluster create`. The whole pipeline runs on it.
 */
describe('Redis Cluster (3 local masters)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'provnews-cluster-'));
  const servers: ChildProcess[] = [];
  const ports: number[] = [];
  let seeds = '';
  let portals: DemoPortalsServer;

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: 'ignore' },
      );
      child.once('error', (err) => {
        throw new Error(`cannot start redis-server from PATH: ${err.message}`);
      });
      servers.push(child);
      ports.push(port);
    }
    for (const port of ports) await waitFor(`redis-server on ${port}`, () => redisAnswers(`redis://127.0.0.1:${port}`, 300), 10_000, 50);
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const port of ports) {
      await waitFor(`cluster_state:ok on ${port}`, async () => (await run('redis-cli', ['-p', String(port), 'cluster', 'info'])).stdout.includes('cluster_state:ok'), 20_000, 100);
    }
    seeds = ports.map((p) => `redis://127.0.0.1:${p}`).join(',');
    portals = await startDemoPortals();
  }, 60_000);

  afterAll(async () => {
    await portals?.close();
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((r) => {
            if (s.exitCode !== null) return r();
            s.once('exit', () => r());
            s.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it('is a real cluster of three masters, and a cross-slot transaction is refused unless a hash tag joins the keys', async () => {
    const client = openRedisClient(seeds, true) as Cluster;
    try {
      await client.ping();
      expect(clusterSeeds(seeds).nodes).toHaveLength(3);
      await waitFor('three masters', () => client.nodes('master').length === 3);
      // The frontier writes a URL's state and its seen mark in one MULTI: two keys.
      const bare = uniqueName('bare');
      await expect(client.multi().hset(`${bare}:crawler:state`, 'u', '1').hsetnx(`${bare}:crawler:seen`, 'u', '1').exec()).rejects.toThrow(/CROSSSLOT|slot/i);
      const tagged = clusterPrefix(bare);
      expect(tagged).toBe(`{${bare}}`);
      const res = await client.multi().hset(`${tagged}:crawler:state`, 'u', '1').hsetnx(`${tagged}:crawler:seen`, 'u', '1').exec();
      expect(res?.map(([err]) => err)).toEqual([null, null]);
    } finally {
      client.disconnect();
    }
  });

  it('runs the pipeline end to end on the cluster: every demo article stored once, no failed job', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'provnews-cluster-data-'));
    const outputPath = join(dataDir, 'records.jsonl');
    const prefix = uniqueName('cl');
    const env = loadEnv({ PROVNEWS_DATA_DIR: dataDir, REDIS_URL: seeds, REDIS_CLUSTER: 'true', CRAWL_CONCURRENCY: '4' });
    const summary = await runDemo({
      env,
      log: silentLogger,
      redisHandle: { url: seeds, origin: 'REDIS_URL', stop: async () => undefined },
      server: portals,
      prefix,
      outputPath,
      hostDelayMs: 30,
      keepQueues: true,
      timeoutMs: 90_000,
    });
    const expected = portals.portals.reduce((n, p) => n + p.articles.length, 0);
    expect(summary.failures).toEqual([]);
    expect(summary.stored).toBe(expected);
    const records = readFileSync(outputPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ArticleRecord);
    expect(new Set(records.map((r) => r.url)).size).toBe(expected);

    // Every key the run left (queues, seen-set, URL states, host gates, robots cache) carries the hash tag.
    const client = openRedisClient(seeds, true) as Cluster;
    try {
      await client.ping();
      await waitFor('three masters', () => client.nodes('master').length === 3);
      const keys: string[] = [];
      for (const node of client.nodes('master')) keys.push(...(await node.keys(`*${prefix}*`)));
      expect(keys.length).toBeGreaterThan(10);
      expect(keys.filter((k) => !k.startsWith(`{${prefix}}:`))).toEqual([]);
      for (const kind of [':crawl:', ':clean:', ':extract:', ':crawler:seen', ':crawler:host:', ':crawler:robots:']) {
        expect(keys.some((k) => k.includes(kind)), kind).toBe(true);
      }
    } finally {
      client.disconnect();
    }
  }, 120_000);
});
