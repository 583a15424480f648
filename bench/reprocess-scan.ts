/**
 * How long `provnews reprocess` takes to find a portal's stored pages: `findSnapshots` over n
 * snapshots in each store (local disk, PostgreSQL, S3 through s3rver on loopback), reading one
 * snapshot at a time against {@link SCAN_IN_FLIGHT} reads in flight.
 *
 *   npm run bench:reprocess-scan -- [--snapshots 2000]
 *
 * PostgreSQL: DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/test (a schema of its own,
 * dropped at the end). Wall time per scan; the stores are filled before the clock starts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findSnapshots, SCAN_IN_FLIGHT } from '@provnews/ops';
import { ContentStore, openPgBlobStore, openS3BlobStore, SnapshotStore, type BlobStore } from '@provnews/storage';
import { privateSchema } from '@provnews/testing';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    snapshots: { type: 'string', default: '2000' },
    out: { type: 'string', default: 'bench/results/reprocess-scan.md' },
  },
});
const N = Number(args.snapshots);
const BASE = 'http://bao.example.vn/';

async function fill(store: BlobStore): Promise<void> {
  const snapshots = new SnapshotStore(store);
  // Invented pages of a few KB, as a portal's articles; every tenth of another site.
  for (let i = 0; i < N; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, N - i) }, (_, k) => {
        const n = i + k;
        const url = n % 10 === 9 ? `http://khac.example.vn/tin/${n}.html` : `${BASE}tin/bai-${n}.html`;
        const body = `<html><body><h1>Tin ${n}</h1>${'<p>Xã Tân Lập tổ chức hội nghị tổng kết công tác năm.</p>'.repeat(40)}</body></html>`;
        return snapshots.put({ url, finalUrl: url, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, fetchedAt: '2026-11-20T03:00:00.000Z', body: Buffer.from(body) });
      }),
    );
  }
}

interface Row {
  store: string;
  inFlight: number;
  ms: number;
  found: number;
}

async function scan(name: string, store: BlobStore, rows: Row[]): Promise<void> {
  await fill(store);
  for (const inFlight of [1, SCAN_IN_FLIGHT, 1, SCAN_IN_FLIGHT]) {
    const t0 = performance.now();
    const found = await findSnapshots(store, BASE, new Date(0), { inFlight });
    const row = { store: name, inFlight, ms: performance.now() - t0, found: found.length };
    rows.push(row);
    process.stderr.write(`${name}, ${inFlight} in flight: ${row.ms.toFixed(0)} ms, ${row.found} found\n`);
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'provnews-scan-'));
  try {
    await scan('disk', new ContentStore(join(dir, 'store')), rows);

    const db = await privateSchema('scan');
    const pgStore = await openPgBlobStore(db.url, `${db.schema}.blobs`);
    try {
      await scan('PostgreSQL', pgStore, rows);
    } finally {
      await pgStore.close();
      await db.drop();
    }

    const { default: S3rver } = await import('s3rver');
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: 'provnews' }] });
    const { port } = await server.run();
    const s3 = await openS3BlobStore({ bucket: 'provnews', endpoint: `http://127.0.0.1:${port}`, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    try {
      await scan('S3 (s3rver on loopback)', s3, rows);
    } finally {
      await s3.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const command = `npm run bench:reprocess-scan -- --snapshots ${N}`;
  const lines = [
    '# Reprocess: finding a portal\'s stored pages',
    '',
    `Command: \`${command}\`, run ${new Date().toISOString()} on Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? '?'}).`,
    '',
    `\`findSnapshots\` over ${N} snapshots (9 in 10 of the portal), each store filled first; one read at a time against`,
    `${SCAN_IN_FLIGHT} in flight, alternating. See bench/reprocess-scan.ts.`,
    '',
    '| store | reads in flight | ms | µs per snapshot | found |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.store} | ${r.inFlight} | ${r.ms.toFixed(0)} | ${((r.ms * 1000) / N).toFixed(0)} | ${r.found} |`),
    '',
  ];
  writeFileSync(resolve(root, args.out), lines.join('\n'));
  process.stderr.write(`wrote ${args.out}\n`);
}

await main();
