import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

/** Each run starts Node (up to seconds on a busy machine): generous per-test deadlines. */
const SLOW = 60_000;
const BIN = fileURLToPath(new URL('../bin/provnews.js', import.meta.url));

// A module resolve hook that writes every workspace package and BullMQ a process imports to stderr
// (synchronously: the hooks run on their own thread and the CLI may exit right after).
const hooks = mkdtempSync(join(tmpdir(), 'provnews-lazy-'));
writeFileSync(
  join(hooks, 'hook.mjs'),
  `import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@provnews/') || specifier === 'bullmq') writeSync(2, 'loaded ' + specifier + '\\n');
  return next(specifier, context);
}
`,
);
writeFileSync(join(hooks, 'register.mjs'), `import { register } from 'node:module';\nregister('./hook.mjs', import.meta.url);\n`);

/** Runs the real `provnews` binary and returns the packages it imported. */
function loadedBy(...args: string[]): Promise<{ code: number; stdout: string; loaded: string[] }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', pathToFileURL(join(hooks, 'register.mjs')).href, BIN, ...args], { timeout: SLOW }, (err, stdout, stderr) => {
      const loaded = [...new Set([...stderr.matchAll(/^loaded (\S+)$/gm)].map((m) => m[1]!))].sort();
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, loaded });
    });
    child.stdin?.end();
  });
}

it('--help, a command\'s --help and --version load no package but the environment list', { timeout: SLOW }, async () => {
  for (const args of [['--help'], ['failed', '--help'], ['schedule', 'list', '--help'], ['--version']]) {
    const r = await loadedBy(...args);
    expect(r.code, args.join(' ')).toBe(0);
    expect(r.stdout.length, args.join(' ')).toBeGreaterThan(0);
    expect(r.loaded, args.join(' ')).toEqual(['@provnews/config']);
  }
});

it('a command loads the packages it uses when it runs', { timeout: SLOW }, async () => {
  const r = await loadedBy('schema');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toHaveProperty('properties');
  expect(r.loaded).toContain('@provnews/record');
  expect(r.loaded).not.toContain('@provnews/dashboard');
});
