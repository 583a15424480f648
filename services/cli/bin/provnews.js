#!/usr/bin/env node
// Runs the compiled CLI (dist/main.js, built by `npm ci` through the root `prepare` script).
// When dist is missing (a checkout installed with --ignore-scripts) it is built once, here, first.
// PROVNEWS_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (development).
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered here: loading the commands pulls in BullMQ, the cleaner and the dashboard (~1 s).
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if (process.env.PROVNEWS_FROM_SOURCE === '1') {
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
