import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import nodemailer from 'nodemailer'
import type { Logger } from '../core/logger'
import type { MailTransportConfig } from './types'

export interface OutgoingMail {
  id: string
  to: string
  subject: string
  text: string
  html: string
  date: Date
}

/** Hands one mail over, or throws; the service decides what a failure means. */
export interface MailTransport {
  deliver(mail: OutgoingMail): Promise<{ messageId: string }>
  close(): void
}

// A dead server must not hold a shopper's request for nodemailer's default two minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

/** The SMTP server's host:port, for logs: never the URL, which carries the password. */
function smtpEndpoint(smtpUrl: string): string {
  const url = new URL(smtpUrl)
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`
}

export function createMailTransport(config: MailTransportConfig, logger: Logger): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config.from, logger) : outboxTransport(config.outboxDir, config.from, logger)
}

function message(mail: OutgoingMail, from: string) {
  return { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, date: mail.date, messageId: `<${mail.id}@colophon>` }
}

function smtpTransport(smtpUrl: string, from: string, logger: Logger): MailTransport {
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS })
  logger.info({ smtp: smtpEndpoint(smtpUrl) }, 'mail goes out through SMTP')
  return {
    async deliver(mail) {
      const info = await transporter.sendMail(message(mail, from))
      return { messageId: info.messageId }
    },
    close: () => transporter.close(),
  }
}

/** Without a mail server, each mail becomes an RFC 5322 .eml file that any mail program opens. */
function outboxTransport(outboxDir: string, from: string, logger: Logger): MailTransport {
  const dir = resolve(outboxDir)
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
  let hasDir = false
  return {
    async deliver(mail) {
      const info = await transporter.sendMail(message(mail, from))
      if (!hasDir) await mkdir(dir, { recursive: true })
      hasDir = true
      const file = join(dir, `${mail.date.toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`)
      await writeFile(file, info.message)
      logger.info({ mail: mail.id, file }, 'no SMTP server configured: mail written to the outbox folder')
      return { messageId: info.messageId }
    },
    close: () => transporter.close(),
  }
}
