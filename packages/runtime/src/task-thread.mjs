// Entry of a task-pool worker thread (see task-pool.ts). Each task names its task module (a URL);
// the thread loads a module once, runs its optional warmUp(), and then calls its default export on
// the task's input, first writing the start time into the task's shared clock so the budget counts
// running time only (not thread start-up, module loading or warm-up). Modules named in the pool's
// workerData.preload are loaded as soon as the thread starts.
// A process started through tsx passes its loader to the thread (execArgv); otherwise (the
// `provnews` bin, vitest) the thread registers tsx itself.
import { workerData } from 'piscina';

async function importModule(url) {
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

/** Task module URL → the loaded module (a promise, so concurrent first tasks load it once). */
const modules = new Map();

function loaded(url) {
  let mod = modules.get(url);
  if (!mod) {
    mod = importModule(url).then((m) => {
      // Lazy set-up (parsers, word lists, gazetteers) happens here, outside any task's budget.
      // A failing warm-up only loses the head start: the first task will show the real error.
      if (typeof m.warmUp === 'function') {
        try {
          m.warmUp();
        } catch {
          // ignored on purpose
        }
      }
      return m;
    });
    modules.set(url, mod);
  }
  return mod;
}

for (const url of workerData?.preload ?? []) await loaded(url);

export default async function runTask({ module, input, startedAt, warmOnly }) {
  const mod = await loaded(module);
  // A warm-up task (TaskPool.warm): the module is loaded and warmed on this thread, nothing to run.
  if (warmOnly) return true;
  Atomics.store(new BigInt64Array(startedAt), 0, BigInt(Date.now()));
  return mod.default(input);
}
