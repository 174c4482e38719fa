import { createServer } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { pino, type Logger } from 'pino'
import { SMTPServer } from 'smtp-server'
import { openStore, type Store } from '../../src/store'
import type { TestDialect } from '../dialects'

export const SMTP_USER = 'colophon'
export const SMTP_PASSWORD = 'Pa55-w0rd-never-logged'

/** A loopback port nobody listens on yet. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise((done) => server.close(done))
  return port
}

export const smtpUrl = (port: number) => `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`

export interface SmtpSink {
  received: ParsedMail[]
  /** The next n recipients are refused with 451, as a busy or greylisting server does. */
  refuseNext(n: number): void
  close(): Promise<void>
}

/** A real SMTP server on a loopback port that checks the password and keeps every mail it accepts, parsed. */
export async function startSmtpSink(port: number): Promise<SmtpSink> {
  const received: ParsedMail[] = []
  let refusals = 0
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) done(null, { user: auth.username })
      else done(new Error('Invalid username or password'))
    },
    onRcptTo(_address, _session, done) {
      if (refusals > 0) {
        refusals--
        done(Object.assign(new Error('Try again later'), { responseCode: 451 }))
      } else done()
    },
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail)
        done()
      }, done)
    },
  })
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done))
  return {
    received,
    refuseNext: (n) => (refusals = n),
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

/** A logger whose every line is kept, to show what reached the log. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = []
  return { logger: pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) }), lines }
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-12-02T10:00:00.000Z') {
  let t = Date.parse(start)
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) }
}

/** A fresh store of its own; mail needs only the database, not the other services testStore builds. */
export async function mailStore(dialect: TestDialect): Promise<{ store: Store; url: string; cleanup(): Promise<void> }> {
  const database = await dialect.freshDatabase()
  const store = await openStore(database.url, { poolSize: 4 })
  return {
    store,
    url: database.url,
    async cleanup() {
      await store.close()
      await database.drop()
    },
  }
}
