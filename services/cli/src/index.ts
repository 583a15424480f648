/** Programmatic entry points of the CLI (the `provnews` binary is main.ts). */
export { runDemo, demoPortalEntry, formatDemoSummary, type DemoRunOptions, type DemoSummary } from './demo.ts';
export { startPipeline, pendingJobs } from './pipeline.ts';
export { formatCounts } from './format.ts';
export { formatClean } from './clean-format.ts';
