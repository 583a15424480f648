/** A task module for task-pool.test.ts: echoes, spins forever, eats memory, or says whether it was warmed up. */
let warmed = false;

export function warmUp(): void {
  warmed = true;
}

export default function fixtureTask(input: { op: 'echo' | 'spin' | 'hog' | 'warmed'; value?: string }): string {
  if (input.op === 'warmed') return String(warmed);
  if (input.op === 'spin') for (;;);
  if (input.op === 'hog') {
    const keep: string[][] = [];
    for (;;) keep.push(Array.from({ length: 100_000 }, (_, i) => `block ${keep.length} ${i}`));
  }
  return `echo:${input.value ?? ''}`;
}
