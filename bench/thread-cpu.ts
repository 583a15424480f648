/** Per-thread CPU of this process from /proc (Linux), shared by the benchmarks that report it. */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU ms per thread (utime + stime from /proc/self/task, 10 ms ticks), keyed by thread id, with its name. */
export function threadCpu(): Map<string, { name: string; ms: number }> {
  const out = new Map<string, { name: string; ms: number }>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const name = stat.slice(stat.indexOf('(') + 1, close);
        const f = stat.slice(close + 2).split(' ');
        out.set(tid, { name, ms: (Number(f[11]) + Number(f[12])) * 10 });
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // no /proc
  }
  return out;
}

/** CPU ms of this process's main thread so far (its thread id is the pid). Throws without /proc. */
export function mainThreadCpuMs(): number {
  const main = threadCpu().get(String(process.pid));
  if (!main) throw new Error('main-thread CPU is read from /proc/self/task (Linux only)');
  return main.ms;
}
