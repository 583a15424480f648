/** A task module for task-pool.test.ts: echoes, spins forever, or eats memory. */
export default function fixtureTask(input: { op: 'echo' | 'spin' | 'hog'; value?: string }): string {
  if (input.op === 'spin') for (;;);
  if (input.op === 'hog') {
    const keep: string[][] = [];
    for (;;) keep.push(Array.from({ length: 100_000 }, (_, i) => `block ${keep.length} ${i}`));
  }
  return `echo:${input.value ?? ''}`;
}
