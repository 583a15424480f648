export * from './failed-jobs.ts';
export * from './reprocess.ts';
export * from './overview.ts';
