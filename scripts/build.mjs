#!/usr/bin/env node
// Compiles every workspace package's TypeScript to JavaScript under its own dist/, so services and
// the `provnews` command start without a run-time TypeScript loader (tsx costs 1.8–4 s per start).
//
// One esbuild bundle per package entry: relative imports are bundled, every bare import (npm
// packages and the other @provnews/* packages) stays external and resolves at run time through the
// package's `exports` ("default" → dist). dist/*.js sits at the same depth as src/*.ts, so paths
// built from import.meta.url (the registry, data files) resolve the same from both.
// Non-TypeScript files under src/ are copied to dist/ at the same relative path.
// Type checking is tsc's job (`npm run typecheck`); this only strips types, in about a second.
//
// Entries of a package: the "source" target of each `exports` entry that has a "default" in dist/,
// plus the files listed in its package.json "provnews.entries" (e.g. a service's src/main.ts).
// Run: `npm run build` (also run by the root `prepare`, i.e. by `npm ci`).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Workspace directories from the root's `workspaces` globs (`dir/*` form only). */
function workspaces() {
  const dirs = [];
  for (const pattern of rootPkg.workspaces) {
    if (!pattern.endsWith('/*')) throw new Error(`build: unsupported workspace pattern ${pattern}`);
    const parent = join(root, pattern.slice(0, -2));
    for (const name of readdirSync(parent).sort()) {
      if (existsSync(join(parent, name, 'package.json'))) dirs.push(join(parent, name));
    }
  }
  return dirs;
}

/** [source, output] pairs of one package, both relative to the package directory. */
function entriesOf(pkg) {
  const pairs = [];
  for (const target of Object.values(pkg.exports ?? {})) {
    if (typeof target === 'object' && target.source && target.default?.startsWith('./dist/')) pairs.push([target.source, target.default]);
  }
  for (const source of pkg.provnews?.entries ?? []) {
    pairs.push([source, `./dist/${source.replace(/^\.?\/?src\//, '').replace(/\.ts$/, '.js')}`]);
  }
  return pairs;
}

const started = Date.now();
let files = 0;
await Promise.all(
  workspaces().map(async (dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const pairs = entriesOf(pkg);
    if (pairs.length === 0) return;
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    const entryPoints = pairs.map(([source, out]) => ({ in: join(dir, source), out: join(dir, out.replace(/\.js$/, '')) }));
    await build({
      entryPoints,
      outdir: join(dir, 'dist'),
      bundle: true,
      packages: 'external', // npm and workspace packages resolve at run time through their exports
      platform: 'node',
      format: 'esm',
      target: 'node20.18',
      splitting: true, // code shared by two entries of a package lives in one chunk, loaded once
      chunkNames: '[name]-[hash]', // beside the entries, so import.meta.url paths keep their depth
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    // Data files beside the sources (word lists, templates) are read through import.meta.url: copy them along.
    const src = join(dir, 'src');
    if (existsSync(src)) {
      cpSync(src, join(dir, 'dist'), { recursive: true, filter: (path) => !/\.(ts|tsx|mts|cts)$/.test(path) });
    }
    files += entryPoints.length;
  }),
);
console.log(`build: ${files} entries compiled to dist/ in ${Date.now() - started} ms (${relative(process.cwd(), root) || '.'})`);
