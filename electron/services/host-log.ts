import { pino, type DestinationStream, type Logger } from 'pino';

export type HostLogger = Logger;

/**
 * Paths pino blanks out wherever they appear. Host code never logs secrets on purpose; this is
 * the net under that rule, for the day someone logs a whole request or input object.
 */
export const REDACTED_PATHS = [
  'password',
  'token',
  'secret',
  'cookie',
  'authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.cookie',
  '*.authorization',
  'input.password',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** The host's JSON-lines logger: stdout by default, or a given destination (Electron: a file too). */
export function createHostLog(
  opts: { name?: string; level?: string; destination?: DestinationStream } = {},
): HostLogger {
  const options = {
    name: opts.name ?? 'kalma-host',
    level: opts.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/** A logger that drops everything: the default for in-process hosts in tests. */
export const silentLog = (): HostLogger => pino({ level: 'silent' });
