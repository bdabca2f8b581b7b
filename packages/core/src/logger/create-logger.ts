import winston from 'winston';
import { activeTraceIds } from '../tracing/trace-context';

export type Logger = winston.Logger;

export interface LoggerOptions {
  /** Which daemon or component writes (api, producer, runner, ...). */
  service: string;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  stream?: NodeJS.WritableStream;
}

const SECRET_FIELD = /pass(word)?|secret|token|authorization|credential|api[-_]?key|private[-_]?key/i;

/**
 * Redacts any field whose name looks secret, at any depth, so a careless
 * `logger.info('x', { deployment })` cannot leak a credential.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) && v !== null && v !== undefined ? '[redacted]' : redactSecrets(v, depth + 1);
  }
  return out;
}

const redactFormat = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'message') continue;
    const value = info[key];
    info[key] = SECRET_FIELD.test(key) && value !== undefined && value !== null ? '[redacted]' : redactSecrets(value);
  }
  return info;
});

/** `trace_id` and `span_id` of the span in progress, when tracing is on. */
const stampTraceIds = winston.format((info) => Object.assign(info, activeTraceIds()));

const stampTime = winston.format((info) => {
  info.time = new Date().toISOString();
  return info;
});

/**
 * One JSON object a line: `{"level","message","service","time", ...ids}`. Scope a logger
 * to the ids in play with `logger.child({ runId, actionId })`.
 */
export function createLogger(options: LoggerOptions): Logger {
  const transport = options.stream
    ? new winston.transports.Stream({ stream: options.stream })
    : new winston.transports.Console();
  return skipDisabledLevels(
    winston.createLogger({
      level: options.level ?? 'info',
      defaultMeta: { service: options.service },
      format: winston.format.combine(
        winston.format.errors({ stack: true }),
        redactFormat(),
        stampTraceIds(),
        stampTime(),
        winston.format.json(),
      ),
      transports: [transport],
    }),
  );
}

/**
 * winston runs every format (redaction, JSON) for every call and leaves the level to the
 * transport, so an `info` line under LOG_LEVEL=warn cost as much as a written one (a few
 * per run in the runner). Here a level method whose level is off returns at once. Child
 * loggers inherit the methods; the level is read at each call, so changing it still works.
 */
function skipDisabledLevels(logger: Logger): Logger {
  const methods = logger as unknown as Record<string, (...args: unknown[]) => Logger>;
  for (const level of Object.keys(logger.levels)) {
    const write = methods[level];
    if (typeof write !== 'function') continue;
    methods[level] = function (this: Logger | undefined, ...args: unknown[]) {
      const self = this ?? logger;
      return self.isLevelEnabled(level) ? write.apply(self, args) : self;
    };
  }
  return logger;
}

/** A logger that writes nothing, for tests that do not inspect logs. */
export function createSilentLogger(): Logger {
  return winston.createLogger({ silent: true, transports: [new winston.transports.Console({ silent: true })] });
}
