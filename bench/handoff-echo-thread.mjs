// The bare worker thread of bench/handoff-cost.ts: answers every message on its port, no pool.
import { parentPort } from 'node:worker_threads';
import echo from './handoff-echo-task.mjs';

parentPort.on('message', ({ id, input }) => parentPort.postMessage({ id, value: echo(input) }));
