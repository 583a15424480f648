/** Programmatic entry points of the CLI (the `provnews` binary is main.ts). */
export { runDemo, demoPortalEntry, formatDemoSummary, type DemoRunOptions, type DemoSummary } from './demo.ts';
export { startPipeline, pendingJobs } from './pipeline.ts';
export { listFailed, replayFailed, formatCounts, type FailedJobView, type FailedFilter } from './ops.ts';
export { formatClean } from './clean-format.ts';
