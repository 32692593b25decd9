/**
 * Structured logging: one JSON object per line (`{"t","level","msg",...fields}`), so a support engineer can
 * grep or load it, with every line passed through the Redactor first. Sinks are functions; the agent writes
 * to stderr (stdout carries the `key: value` lines scripts read) and the Electron shell to a rotating file.
 */
import { Redactor } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
  readonly redactor: Redactor;
}

export interface LoggerOptions {
  level?: LogLevel;
  sink: (line: string) => void;
  redactor?: Redactor;
  now?: () => Date;
  fields?: LogFields;
}

export function createLogger(options: LoggerOptions): Logger {
  const redactor = options.redactor ?? new Redactor();
  const minRank = RANK[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());
  const make = (base: LogFields): Logger => {
    const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
      if (RANK[level] < minRank) return;
      const record = redactor.redactValue({ t: now().toISOString(), level, msg, ...base, ...fields });
      options.sink(JSON.stringify(record));
    };
    return {
      debug: (msg, fields) => write('debug', msg, fields),
      info: (msg, fields) => write('info', msg, fields),
      warn: (msg, fields) => write('warn', msg, fields),
      error: (msg, fields) => write('error', msg, fields),
      child: (fields) => make({ ...base, ...fields }),
      redactor,
    };
  };
  return make(options.fields ?? {});
}

/** A logger that drops everything: for tests and benchmarks that do not look at logs. */
export function silentLogger(): Logger {
  return createLogger({ sink: () => undefined, level: 'error' });
}
