#!/usr/bin/env node
// Runs the compiled CLI (dist/main.js, built by `npm ci` through the root `prepare` script).
// When dist is missing (a checkout installed with --ignore-scripts) it is built once, here, first.
// PROVNEWS_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (development).
// main.js loads a command's packages only when that command runs, so `--version` and `--help` are quick.
import { existsSync } from 'node:fs';

if (process.env.PROVNEWS_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
} else {
  const compiled = new URL('../dist/main.js', import.meta.url);
  if (!existsSync(compiled)) {
    const { execFileSync } = await import('node:child_process');
    const script = new URL('../../../scripts/build.mjs', import.meta.url);
    execFileSync(process.execPath, [script.pathname], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  await import(compiled.href);
}
