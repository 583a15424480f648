// Run by heap.test.ts in a process of its own: `node --import tsx heap.fixture.ts <percent>`.
// Keeps ~30 MB alive for the whole run and makes objects that live long enough to be promoted to
// the old generation, then die (as a worker's jobs, replies and cached pages do); prints the
// smallest and largest heap V8 kept once the run has settled.
import { limitHeapGrowth } from './heap.ts';

limitHeapGrowth(Number(process.argv[2]));
const live = Array.from({ length: 300_000 }, (_, i) => ({ id: `kept-${i}`, n: [i] }));
const ring: unknown[] = new Array(50_000);
let min = Infinity;
let max = 0;
for (let i = 0; i < 1_500_000; i++) {
  ring[i % ring.length] = { s: `page-${i}`.padEnd(100, '.'), n: [i, i] };
  if (i % 1000 === 0 && i >= 300_000) {
    const kept = process.memoryUsage().heapTotal;
    min = Math.min(min, kept);
    max = Math.max(max, kept);
  }
}
process.stdout.write(JSON.stringify({ min, max, live: live.length }));
