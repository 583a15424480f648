import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth } from './heap.ts';

const FIXTURE = fileURLToPath(new URL('./heap.fixture.ts', import.meta.url));

/** The heap a fresh process kept, smallest and largest, running the fixture's load under a growth limit. */
function keptHeap(percent: number): Promise<{ min: number; max: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', FIXTURE, String(percent)], { timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`fixture with ${percent} %: ${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as { min: number; max: number });
    });
  });
}

describe('limitHeapGrowth', () => {
  it('keeps the heap near its live set where V8 alone lets it swing', { timeout: 120_000 }, async () => {
    const unlimited = await keptHeap(0);
    const limited = await keptHeap(50);
    const mb = (b: number) => b / 2 ** 20;
    // ~30 MB live: V8's own rule lets the heap climb far past it between collections.
    expect(mb(unlimited.max - unlimited.min)).toBeGreaterThan(60);
    expect(mb(limited.max - limited.min)).toBeLessThan(mb(unlimited.max - unlimited.min) / 3);
    expect(limited.max).toBeLessThan(unlimited.max);
  });

  it('refuses a growth that is not a whole number of percent', () => {
    expect(() => limitHeapGrowth(-5)).toThrow(/whole number/);
    expect(() => limitHeapGrowth(2.5)).toThrow(/whole number/);
  });
});
