export { startDashboard, type Dashboard, type DashboardOptions } from './app.ts';
export { serveDashboard } from './serve.ts';
export { loadDashboardConfig, DashboardConfigError, type DashboardConfig } from './config.ts';
export { hashPassword, verifyPassword, type DashboardUser, type Role } from './credentials.ts';
export { createMetrics } from './metrics.ts';
