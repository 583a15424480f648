export * from './catalog.ts';
export * from './errors.ts';
export * from './backoff.ts';
export { Queues, REPROCESS_NOTES_TTL_S, type FollowUp, type QueuesOptions } from './queues.ts';
export { clusterPrefix, hashTagOf } from './cluster-keys.ts';
