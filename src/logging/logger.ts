import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * copnet's structured log: JSON lines on stdout (pino), one per answered request plus errors.
 * Never a token, a secret or a request body: request lines carry the path, never the query
 * string or headers, and errors only their message and stack.
 */
export function createLogger(level: string = process.env['COPNET_LOG_LEVEL'] ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
