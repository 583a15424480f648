import { afterAll, describe, expect, it } from 'vitest';
import { autoPageThreads, leaseTaskPool, pagePoolReady, TaskPool } from './task-pool.ts';

type Input = { op: 'echo' | 'spin' | 'hog' | 'warmed'; value?: string };
const pool = new TaskPool<Input, string>({ taskModule: new URL('./task-pool.fixture.ts', import.meta.url), threads: 2, timeoutMs: 1500, maxMemoryMb: 64 });
afterAll(() => pool.close());

describe('TaskPool', () => {
  it('runs tasks on worker threads and reuses them', async () => {
    expect(await pool.run({ op: 'echo', value: 'a' }, 'a')).toBe('echo:a');
    expect(await Promise.all(['b', 'c', 'd'].map((v) => pool.run({ op: 'echo', value: v }, v)))).toEqual(['echo:b', 'echo:c', 'echo:d']);
    expect(pool.threads).toBe(2);
    // warmUp() ran when the thread started, before any task.
    expect(await pool.run({ op: 'warmed' }, 'w')).toBe('true');
  });

  it('stops a runaway task at the time budget with [too-complex] while the other thread keeps working', async () => {
    const started = Date.now();
    const runaway = pool.run({ op: 'spin' }, 'https://x.vn/spin').catch((e: unknown) => e as Error);
    // The main thread stays free: other tasks complete while the runaway spins.
    const others = [];
    for (let i = 0; i < 5; i++) others.push(await pool.run({ op: 'echo', value: String(i) }, String(i)));
    expect(others).toEqual(['echo:0', 'echo:1', 'echo:2', 'echo:3', 'echo:4']);
    const err = await runaway;
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^\[too-complex\] https:\/\/x\.vn\/spin: over the 1500 ms processing budget/);
    expect((err as Error).name).toBe('PermanentJobError');
    // Budget counts from the task's start on its thread; allow for a loaded machine around it.
    expect(Date.now() - started).toBeLessThan(15_000);
    // The killed thread is replaced.
    expect(await pool.run({ op: 'echo', value: 'after' }, 'after')).toBe('echo:after');
  });

  it('stops a task over the memory budget with [too-complex]', async () => {
    const roomy = new TaskPool<Input, string>({ taskModule: new URL('./task-pool.fixture.ts', import.meta.url), threads: 1, timeoutMs: 60_000, maxMemoryMb: 64 });
    const err = await roomy.run({ op: 'hog' }, 'https://x.vn/hog').catch((e: unknown) => e as Error);
    await roomy.close();
    expect((err as Error).message).toMatch(/^\[too-complex\] https:\/\/x\.vn\/hog: over the 64 MiB memory budget/);
    expect(await pool.run({ op: 'echo', value: 'still' }, 'still')).toBe('echo:still');
  }, 60_000);

  it('shares one pool between the stages of a process, each task naming its module', async () => {
    const owner = {};
    const opts = { taskModule: new URL('./task-pool.fixture.ts', import.meta.url), threads: 1, timeoutMs: 5000, maxMemoryMb: 64 };
    const clean = leaseTaskPool(owner, opts);
    const extract = leaseTaskPool(owner, { ...opts, taskModule: new URL('./task-pool.fixture-upper.ts', import.meta.url) });
    const upper = new URL('./task-pool.fixture-upper.ts', import.meta.url);
    const echo = new URL('./task-pool.fixture.ts', import.meta.url);
    // Both stages' modules are loaded and warmed on the thread before any page arrives.
    await pagePoolReady(owner);
    // Both run on the same single thread; the second module is loaded (and warmed) on its first task.
    const out = await Promise.all([clean.run<Input, string>(echo, { op: 'echo', value: 'x' }, 'x'), extract.run<{ value: string }, string>(upper, { value: 'xã thử' }, 'y')]);
    expect(out).toEqual(['echo:x', 'XÃ THỬ:warm']);
    await clean.release();
    // One lease left: the pool still runs tasks.
    expect(await extract.run<{ value: string }, string>(upper, { value: 'a' }, 'a')).toBe('A:warm');
    await extract.release();
    // All released: a new lease makes a new pool.
    const again = leaseTaskPool(owner, opts);
    expect(await again.run<Input, string>(echo, { op: 'echo', value: 'z' }, 'z')).toBe('echo:z');
    await again.release();
  }, 30_000);

  it('leaves one core to the event loop and never goes below one page thread', () => {
    expect(autoPageThreads(1)).toBe(1);
    expect(autoPageThreads(2)).toBe(1);
    expect(autoPageThreads(8)).toBe(7);
  });
});
