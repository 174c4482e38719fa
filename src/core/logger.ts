import { pino, type DestinationStream, type Logger } from 'pino'

export type { Logger }

// A secret logged by mistake (a config object, an error's options) shows as [redacted], never as itself.
const SECRET_PATHS = ['apiSecret', 'webhookSecret', 'secret', 'password', 'COLOPHON_SECRET', 'COLOPHON_PORTONE_API_SECRET', 'COLOPHON_PORTONE_WEBHOOK_SECRET', 'COLOPHON_ADMIN_PASSWORD']

/** JSON lines to stdout, or to `destination` (a command whose stdout is its answer logs to stderr). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { pid: process.pid }, redact: { paths: SECRET_PATHS.flatMap((p) => [p, `*.${p}`]), censor: '[redacted]' } }, destination)
}
