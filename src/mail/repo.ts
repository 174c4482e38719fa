import type { Kysely } from 'kysely'
import type { Database } from '../store'

type Db = Kysely<Database>

export interface NewMail {
  id: string
  createdAt: string
  to: string
  template: string
  lang: string
  subject: string
  text: string
  html: string
}

export interface ClaimedMail {
  id: string
  created_at: string
  recipient: string
  subject: string
  text_body: string
  html_body: string
  attempts: number
}

export async function insertMail(db: Db, mail: NewMail): Promise<void> {
  await db
    .insertInto('mail_outbox')
    .values({
      id: mail.id,
      created_at: mail.createdAt,
      recipient: mail.to,
      template: mail.template,
      lang: mail.lang,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html,
      status: 'queued',
      next_attempt_at: mail.createdAt,
    })
    .execute()
}

/** Mail waiting for its turn, and mail whose worker's lease ran out (it stopped while sending). */
export async function dueMailIds(db: Db, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * Takes one mail for this worker, or nothing when another took it first: the
 * UPDATE re-checks the state it read, and both engines let only one writer's
 * UPDATE match (SQLite writes one at a time; PostgreSQL re-evaluates the WHERE
 * on the row a concurrent UPDATE left).
 */
export async function claimMail(db: Db, id: string, now: string, leaseUntil: string): Promise<ClaimedMail | undefined> {
  const result = await db
    .updateTable('mail_outbox')
    .set((eb) => ({ status: 'sending', lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('lease_until', '<=', now)]),
      ]),
    )
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return undefined
  const row = await db
    .selectFrom('mail_outbox')
    .select(['id', 'created_at', 'recipient', 'subject', 'text_body', 'html_body', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return { ...row, attempts: Number(row.attempts) }
}

export async function markSent(db: Db, id: string, now: string, messageId: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: now, message_id: messageId, lease_until: null, last_error: null })
    .where('id', '=', id)
    .execute()
}

export async function markRetry(db: Db, id: string, nextAttemptAt: string, error: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'queued', next_attempt_at: nextAttemptAt, lease_until: null, last_error: error })
    .where('id', '=', id)
    .execute()
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ status: 'failed', lease_until: null, last_error: error }).where('id', '=', id).execute()
}
