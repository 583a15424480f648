/**
 * What the content store costs per article, as the pipeline uses it today, against a layout
 * with one file per article and no read-before-write — numbers for the store's owner.
 *
 *   npx tsx bench/store-cost.ts [articles=1000]
 *
 * Both variants store the same three things per article (raw body, snapshot metadata, cleaned
 * page JSON) from generated demo articles. `before` rebuilds the store of main at 9df7c53 in this
 * script. `real store` is the real ContentStore/SnapshotStore as
 * they are in this tree (since issue 12: two files per article, the snapshot with its body inline
 * and the cleaned page; gzip level 1; no stat or read before a write; mkdir once per directory;
 * temp file + rename, or + link where the first copy wins; before issue 12 it was three files, gzip
 * level 6, stat before every write, mkdir + temp file + rename each: bench/results/store-cost-before.md). `one file` writes one gzip (level 1) file per article holding the three parts,
 * with mkdir once per directory and an exclusive create (`wx`) instead of stat: an existing file
 * means the same content is already stored. Reads: what the clean and extract stages read back.
 * Results go to bench/results/store-cost.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gunzipSync, gzipSync } from 'node:zlib';
import { clean } from '@provnews/cleaner';
import { generateArticles, renderArticlePage } from '@provnews/demo-portals';
import { CLEANED_KIND, ContentStore, SnapshotStore, sha256 } from '@provnews/storage';

const n = Number(process.argv[2] ?? 1000);
const sources = generateArticles(n, { seed: 7, province: 'Hà Giang', keyPrefix: 'store' });
const pages = sources.map((a, i) => {
  const html = renderArticlePage('demo-hagiang', a);
  return { url: `http://127.0.0.1/tin-tuc/${i}.html`, html: Buffer.from(html), cleaned: clean(html, { url: `http://127.0.0.1/tin-tuc/${i}.html` }) };
});
const headers = { 'content-type': 'text/html; charset=utf-8', server: 'nginx', date: new Date().toUTCString() };

function io(): number {
  try {
    const text = readFileSync('/proc/self/io', 'utf8');
    return Number(/^write_bytes: (\d+)/m.exec(text)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}
const du = (dir: string) => Number(execFileSync('du', ['-sB1', dir], { encoding: 'utf8' }).split('\t')[0]);

async function measure(name: string, write: (dir: string) => Promise<string[]>, read: (dir: string, ids: string[]) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'provnews-store-cost-'));
  const w0 = io();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const ids = await write(dir);
  const c1 = process.cpuUsage(c0);
  const t1 = performance.now();
  const c2 = process.cpuUsage();
  await read(dir, ids);
  const c3 = process.cpuUsage(c2);
  const row = {
    name,
    writeCpuMs: (c1.user + c1.system) / 1000 / n,
    writeWallMs: (t1 - t0) / n,
    readCpuMs: (c3.user + c3.system) / 1000 / n,
    diskWrites: (io() - w0) / n,
    du: du(dir) / n,
  };
  rmSync(dir, { recursive: true, force: true });
  return row;
}

const current = () =>
  measure(
    'real store (ContentStore + SnapshotStore): 2 files (snapshot with body inline, cleaned), gzip 1, no stat, mkdir once per directory, tmp + rename/link',
    async (dir) => {
      const content = new ContentStore(dir);
      const snapshots = new SnapshotStore(content);
      const ids: string[] = [];
      for (const p of pages) {
        const snapshotId = await snapshots.put({ url: p.url, finalUrl: p.url, status: 200, headers, fetchedAt: new Date().toISOString(), body: p.html });
        const cleanedId = await content.putJson(CLEANED_KIND, p.cleaned);
        ids.push(`${snapshotId} ${cleanedId}`);
      }
      return ids;
    },
    async (dir, ids) => {
      const content = new ContentStore(dir);
      const snapshots = new SnapshotStore(content);
      for (const id of ids) {
        const [s, c] = id.split(' ') as [string, string];
        await snapshots.get(s);
        await content.getJson(CLEANED_KIND, c);
      }
    },
  );

/**
 * The store as it was before issue 12 (main at 9df7c53), rebuilt here so before and after run side by
 * side: a stat before every write, mkdir + temp file + rename for each, gzip level 6, three files.
 */
async function oldPut(dir: string, kind: string, id: string, data: Uint8Array): Promise<void> {
  const path = join(dir, kind, id.slice(0, 2), `${id}.gz`);
  if (await stat(path).then(() => true, () => false)) return;
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, gzipSync(data, { level: 6 }));
  await rename(tmp, path);
}
const oldStore = () =>
  measure(
    'before (main at 9df7c53, rebuilt in this script): 3 files, gzip 6, stat before write, mkdir + tmp + rename each',
    async (dir) => {
      const ids: string[] = [];
      for (const p of pages) {
        const bodyId = sha256(p.html);
        await oldPut(dir, 'bodies', bodyId, p.html);
        const snapshotId = sha256(JSON.stringify([p.url, 200, bodyId]));
        const meta = { url: p.url, finalUrl: p.url, status: 200, headers, fetchedAt: new Date().toISOString(), bodyId, bodyBytes: p.html.byteLength };
        await oldPut(dir, 'snapshots', snapshotId, Buffer.from(JSON.stringify(meta)));
        const cleaned = Buffer.from(JSON.stringify(p.cleaned));
        const cleanedId = sha256(cleaned);
        await oldPut(dir, CLEANED_KIND, cleanedId, cleaned);
        ids.push(`${snapshotId} ${cleanedId}`);
      }
      return ids;
    },
    async (dir, ids) => {
      const content = new ContentStore(dir); // reads are unchanged: readFile + gunzip
      const snapshots = new SnapshotStore(content);
      for (const id of ids) {
        const [s, c] = id.split(' ') as [string, string];
        await snapshots.get(s);
        await content.getJson(CLEANED_KIND, c);
      }
    },
  );

/** The real ContentStore with the older layout (body apart from its snapshot metadata): the store change alone. */
const realThreeFiles = () =>
  measure(
    'real ContentStore, older 3-file layout (body, snapshot metadata, cleaned): gzip 1, no stat, mkdir once per directory, tmp + rename/link',
    async (dir) => {
      const content = new ContentStore(dir);
      const ids: string[] = [];
      for (const p of pages) {
        const bodyId = await content.putBytes('bodies', p.html);
        const snapshotId = sha256(JSON.stringify([p.url, 200, bodyId]));
        const meta = { url: p.url, finalUrl: p.url, status: 200, headers, fetchedAt: new Date().toISOString(), bodyId, bodyBytes: p.html.byteLength };
        await content.putBytesAt('snapshots', snapshotId, Buffer.from(JSON.stringify(meta)));
        const cleanedId = await content.putJson(CLEANED_KIND, p.cleaned);
        ids.push(`${snapshotId} ${cleanedId}`);
      }
      return ids;
    },
    async (dir, ids) => {
      const content = new ContentStore(dir);
      const snapshots = new SnapshotStore(content); // reads the older layout too
      for (const id of ids) {
        const [s, c] = id.split(' ') as [string, string];
        await snapshots.get(s);
        await content.getJson(CLEANED_KIND, c);
      }
    },
  );

const oneFile = () =>
  measure(
    'one file per article: gzip 1, exclusive create (no stat, no read), mkdir once per directory',
    async (dir) => {
      const made = new Set<string>();
      const ids: string[] = [];
      for (const p of pages) {
        const meta = Buffer.from(JSON.stringify({ url: p.url, finalUrl: p.url, status: 200, headers, fetchedAt: new Date().toISOString() }));
        const cleaned = Buffer.from(JSON.stringify(p.cleaned));
        const id = createHash('sha256').update(p.html).digest('hex');
        // Length-prefixed parts in one file: [meta][body][cleaned].
        const head = Buffer.alloc(12);
        head.writeUInt32BE(meta.length, 0);
        head.writeUInt32BE(p.html.length, 4);
        head.writeUInt32BE(cleaned.length, 8);
        const sub = join(dir, id.slice(0, 2));
        if (!made.has(sub)) {
          await mkdir(sub, { recursive: true });
          made.add(sub);
        }
        await writeFile(join(sub, `${id}.gz`), gzipSync(Buffer.concat([head, meta, p.html, cleaned]), { level: 1 }), { flag: 'wx' }).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'EEXIST') throw err;
        });
        ids.push(id);
      }
      return ids;
    },
    async (dir, ids) => {
      for (const id of ids) {
        const all = gunzipSync(await readFile(join(dir, id.slice(0, 2), `${id}.gz`)));
        const m = all.readUInt32BE(0);
        const b = all.readUInt32BE(4);
        JSON.parse(all.subarray(12, 12 + m).toString());
        JSON.parse(all.subarray(12 + m + b).toString());
      }
    },
  );

const rows: Awaited<ReturnType<typeof measure>>[] = [];
// Alternate (forwards, then backwards) so neither variant always runs on a warmer or colder machine.
// Five rounds, each in a rotated order, so no variant always runs first (cold) or on a quieter machine.
const variants = [oldStore, current, realThreeFiles, oneFile];
for (let round = 0; round < 5; round++) for (let i = 0; i < variants.length; i++) rows.push(await variants[(i + round) % variants.length]!());
const avgHtml = pages.reduce((s, p) => s + p.html.length, 0) / n;
const avgCleaned = pages.reduce((s, p) => s + Buffer.byteLength(JSON.stringify(p.cleaned)), 0) / n;
const lines = [
  '# Content store cost per article',
  '',
  `Command: \`npx tsx --conditions=source bench/store-cost.ts ${n}\`, run ${new Date().toISOString()} on Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}.`,
  `${n} generated demo articles, ${(avgHtml / 1024).toFixed(1)} KB of HTML and ${(avgCleaned / 1024).toFixed(1)} KB of cleaned JSON each on average. Write = what the crawler and cleaner store; read = what the cleaner and extractor read back.`,
  '',
  '| layout | write CPU ms/article | write wall ms/article | read CPU ms/article | disk writes/article (write_bytes) | du/article |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.writeCpuMs.toFixed(2)} | ${r.writeWallMs.toFixed(2)} | ${r.readCpuMs.toFixed(2)} | ${(r.diskWrites / 1024).toFixed(1)} KB | ${(r.du / 1024).toFixed(1)} KB |`),
  '',
  'Median of the five rounds per layout:',
  '',
  '| layout | write CPU ms/article | read CPU ms/article | disk writes/article | du/article |',
  '|---|---|---|---|---|',
  ...[...new Set(rows.map((r) => r.name))].map((name) => {
    const of = rows.filter((r) => r.name === name);
    const med = (f: (r: (typeof rows)[number]) => number) => of.map(f).sort((a, b) => a - b)[Math.floor(of.length / 2)]!;
    return `| ${name} | ${med((r) => r.writeCpuMs).toFixed(2)} | ${med((r) => r.readCpuMs).toFixed(2)} | ${(med((r) => r.diskWrites) / 1024).toFixed(1)} KB | ${(med((r) => r.du) / 1024).toFixed(1)} KB |`;
  }),
  '',
  'The one-file row is a layout this script builds itself (an exclusive create alone is not crash-safe: a torn',
  'file would count as stored), kept as the lower bound; the real store keeps temp file + rename/link, so a crash',
  'never leaves a torn object. The `before` row rebuilds the store of main at 9df7c53 in this script so before and',
  'after run side by side; the run of this script on that commit itself is bench/results/store-cost-before.md.',
  'The figures are from a loaded shared machine; compare the rows of one run, not across runs.',
  '',
];
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/store-cost.md', lines.join('\n'));
process.stdout.write(lines.join('\n'));
