import v8 from 'node:v8';

/** The growth limit this process runs with (0: V8's own rule, the default of a Node process). */
let inForce = 0;

/**
 * Bounds how far V8 lets a heap grow past what its last full collection kept before it collects
 * again (`--heap-growing-percent`), for the whole process: the event loop and the page threads.
 *
 * V8's own rule lets the old generation of a busy process grow to several times its live size
 * when collections look cheap. The default deployment keeps ~40–60 MB alive on its event loop and
 * promotes a few KB of short-lived objects per article (jobs, replies, cached pages), so at 50,000
 * articles its heap swung between ~95 and ~185 MB with no trend, and the resident set by as much:
 * five runs measured from +21 % to −2.5 % from 10,000 to 50,000 articles, depending on where in the
 * swing each mark fell. With growth bounded to 50 % the heap stayed at 91–110 MB and the resident
 * set rose +5.7 to +6.7 % in three runs (the JSON Lines sink's URL index; likely also the page
 * threads' word cache, bounded at 100,000 entries), at the same CPU per article. 25 % flattened it
 * a little more and cost 7 % CPU in the one undisturbed pair at 10,000 articles, presumably
 * because the page threads, whose live set is small and whose pages are all garbage, then collect
 * far more often.
 * (bench/results/orchestration-memory.md has the runs and the commands.)
 *
 * A V8 flag is process-wide and read at each collection, so setting it after start-up takes
 * effect from the next one. `percent` 0 restores V8's rule.
 */
export function limitHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0) throw new RangeError(`heap growth must be a whole number of percent ≥ 0, got ${percent}`);
  if (percent === inForce) return;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  inForce = percent;
}
