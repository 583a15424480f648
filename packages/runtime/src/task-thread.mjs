// Entry of a task-pool worker thread (see task-pool.ts). It loads the TypeScript task module named
// in the pool's workerData and runs its default export on each task, first writing the start time
// into the task's shared clock so the budget counts running time only (not thread start-up).
// A process started through tsx passes its loader to the thread (execArgv); otherwise (the
// `provnews` bin, vitest) the thread registers tsx itself.
import { workerData } from 'piscina';

async function load(url) {
  try {
    return await import(url);
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
    const { register } = await import('tsx/esm/api');
    register();
    // Node caches the failed import of `url`; a query makes it a new module for the loader.
    return import(`${url}?tsx`);
  }
}

const mod = await load(workerData.taskModule);
const task = mod.default;
// Lazy set-up (parsers, word lists, gazetteers) happens here, while the thread starts, so the
// first page a thread takes is not charged for it.
// A failing warm-up only loses the head start: the first task will show the real error.
if (typeof mod.warmUp === 'function') {
  try {
    mod.warmUp();
  } catch {
    // ignored on purpose
  }
}

export default function runTask({ input, startedAt }) {
  Atomics.store(new BigInt64Array(startedAt), 0, BigInt(Date.now()));
  return task(input);
}
