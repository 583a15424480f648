export { startDashboard, type Dashboard, type DashboardOptions } from './app.ts';
export { createMetrics } from './metrics.ts';
