// pino to stderr (stdout carries only the `vecgres listening on host:port` line). Synchronous
// writes so the last lines before an exit are not lost.
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config/config-types';

export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { pid: process.pid }, name: 'vecgres' }, pino.destination({ dest: 2, sync: true }));
}
