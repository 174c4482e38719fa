import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simpleParser } from 'mailparser'
import { afterEach, describe, expect, it } from 'vitest'
import { MailService } from '../../src/mail'
import { testDialects } from '../dialects'
import { capturingLogger, mailStore } from './smtp-sink'

let store: Awaited<ReturnType<typeof mailStore>> | undefined
let mail: MailService | undefined
let dir: string | undefined
afterEach(async () => {
  await mail?.close()
  await store?.cleanup()
  if (dir) await rm(dir, { recursive: true, force: true })
  mail = store = dir = undefined
})

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: mail without an SMTP server`, () => {
    it('writes each mail as an .eml file in the outbox folder, says where, and marks it sent', async () => {
      store = await mailStore(dialect)
      dir = await mkdtemp(join(tmpdir(), 'colophon-mail-'))
      const outboxDir = join(dir, 'mail-outbox')
      const { logger, lines } = capturingLogger()
      mail = new MailService(store.store.db, { from: 'Colophon <no-reply@localhost>', outboxDir }, logger)

      const link = 'https://books.example/account/reset?token=xyz'
      const { id } = await mail.send({ to: 'reader@example.com', lang: 'ko', template: 'reset-password', params: { name: '김독자', link, minutes: 30 } })

      const files = await readdir(outboxDir)
      expect(files).toHaveLength(1)
      expect(files[0]).toMatch(new RegExp(`${id}\\.eml$`))
      const raw = await readFile(join(outboxDir, files[0]!))
      expect(raw.toString('latin1')).toMatch(/^[\s\S]*\r\nSubject: =\?UTF-8\?/)
      const parsed = await simpleParser(raw)
      expect(parsed.subject).toBe('[Colophon] 비밀번호 재설정 안내')
      expect(parsed.text).toContain('30분')
      expect(parsed.text).toContain(link)
      expect(parsed.html).toContain(`href="${link}"`)
      expect(parsed.from?.value).toEqual([{ name: 'Colophon', address: 'no-reply@localhost' }])
      expect(parsed.messageId).toBe(`<${id}@colophon>`)
      expect(lines.some((l) => l.includes(join(outboxDir, files[0]!)))).toBe(true)

      const row = await store.store.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      expect(row).toMatchObject({ status: 'sent', attempts: 1, recipient: 'reader@example.com', template: 'reset-password', lang: 'ko' })
      expect(await mail.deliverDue()).toEqual({ sent: 0, failed: 0 })
      expect(await readdir(outboxDir)).toHaveLength(1)
    })
  })
}
