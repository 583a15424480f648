import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Paths pino blanks out wherever they appear in a log line: secrets never reach the logs. */
export const REDACT_PATHS = [
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  'password',
  '*.password',
  'token',
  '*.token',
  'redisUrl',
  'databaseUrl',
];

export interface LoggerConfig {
  level?: string;
  /** `pretty` for humans, `json` for machines; `auto` picks pretty only when stdout is a TTY. */
  format?: 'auto' | 'pretty' | 'json';
  /** Where JSON lines go; default stdout. */
  destination?: NodeJS.WritableStream;
}

/**
 * The root logger of a process. Pretty output only when stdout is a TTY (or asked for),
 * JSON lines otherwise, so logs piped to files or collectors stay machine-readable.
 */
export function createLogger(service: string, cfg: LoggerConfig = {}): Logger {
  const pretty = cfg.format === 'pretty' || (cfg.format !== 'json' && process.stdout.isTTY === true);
  const options: LoggerOptions = {
    level: cfg.level ?? 'info',
    // The process is `name`; each worker's child logger adds `service` and `queue`, so an
    // embedded process (`provnews run`) never writes two `service` keys on one line.
    name: service,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (pretty && !cfg.destination) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } },
    });
  }
  return cfg.destination ? pino(options, cfg.destination as pino.DestinationStream) : pino(options);
}

/** A logger that drops everything, for library calls that take an optional logger. */
export const silentLogger: Logger = pino({ level: 'silent' });
