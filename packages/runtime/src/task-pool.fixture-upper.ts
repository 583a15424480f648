/** A second task module for task-pool.test.ts: upper-cases its input; says whether it was warmed up. */
let warmed = false;

export function warmUp(): void {
  warmed = true;
}

export default function upperTask(input: { value: string }): string {
  return `${input.value.toUpperCase()}:${warmed ? 'warm' : 'cold'}`;
}
