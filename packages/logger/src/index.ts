export { createLogger, silentLogger, REDACT_PATHS, type Logger, type LoggerConfig } from './logger.ts';
