// Task module of bench/handoff-cost.ts: a 10 KB string back for any input, no work.
const out = 'x'.repeat(10 * 1024);
export default function echo(input) {
  return input.body.length > 0 ? out : '';
}
