import type { Kysely, Selectable } from 'kysely'
import type { Database, StaffTable } from '../../store'
import type { StaffMember, StaffRole } from './types'

type Db = Kysely<Database>
export type StaffRow = Selectable<StaffTable>
export type StaffTokenPurpose = 'password' | 'sign-in'

export function toStaffMember(row: StaffRow): StaffMember {
  return { id: row.id, email: row.email, name: row.name, role: row.role as StaffRole, lang: row.lang === 'en' ? 'en' : 'ko', hasTwoFactor: row.totp_enabled_at !== null }
}

export async function staffByEmail(db: Db, email: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('email', '=', email).executeTakeFirst()
}

export async function staffById(db: Db, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function allStaff(db: Db): Promise<StaffRow[]> {
  return db.selectFrom('staff').selectAll().orderBy('created_at').orderBy('email').execute()
}

/** False when the email is taken. */
export async function insertStaff(db: Db, row: StaffRow): Promise<boolean> {
  const inserted = await db.insertInto('staff').values(row).onConflict((oc) => oc.column('email').doNothing()).executeTakeFirst()
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
}

type Changeable = Pick<StaffRow, 'role' | 'name' | 'lang' | 'password_hash' | 'totp_secret' | 'totp_enabled_at' | 'totp_last_step' | 'disabled_at'>

export async function updateStaff(db: Db, id: string, values: Partial<Changeable>): Promise<boolean> {
  const updated = await db.updateTable('staff').set(values).where('id', '=', id).executeTakeFirst()
  return Number(updated.numUpdatedRows) > 0
}

/** Accepts a TOTP time step once: of two requests with one code only the first moves the step on. */
export async function advanceTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const updated = await db
    .updateTable('staff')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) === 1
}

export async function insertToken(db: Db, id: string, purpose: StaffTokenPurpose, staffId: string, expiresAt: string): Promise<void> {
  await db.insertInto('staff_token').values({ id, purpose, staff_id: staffId, expires_at: expiresAt, used_at: null }).execute()
}

export async function liveToken(db: Db, id: string, purpose: StaffTokenPurpose, now: string) {
  return db.selectFrom('staff_token').selectAll().where('id', '=', id).where('purpose', '=', purpose).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst()
}

export async function tokenOf(db: Db, id: string, purpose: StaffTokenPurpose) {
  return db.selectFrom('staff_token').selectAll().where('id', '=', id).where('purpose', '=', purpose).executeTakeFirst()
}

/** Marks a token used, once: of two requests racing with it only one wins. */
export async function useToken(db: Db, id: string, now: string): Promise<boolean> {
  const used = await db.updateTable('staff_token').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst()
  return Number(used.numUpdatedRows) === 1
}

export async function replaceRecoveryCodes(db: Db, staffId: string, hashes: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('staff_recovery_code').where('staff_id', '=', staffId).execute()
    await trx.insertInto('staff_recovery_code').values(hashes.map((code_hash) => ({ staff_id: staffId, code_hash, used_at: null }))).execute()
  })
}

export async function deleteRecoveryCodes(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('staff_recovery_code').where('staff_id', '=', staffId).execute()
}

/** Spends a recovery code, once. */
export async function useRecoveryCode(db: Db, staffId: string, hash: string, now: string): Promise<boolean> {
  const used = await db.updateTable('staff_recovery_code').set({ used_at: now }).where('staff_id', '=', staffId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst()
  return Number(used.numUpdatedRows) === 1
}

export async function insertSession(db: Db, id: string, staffId: string, now: string): Promise<void> {
  await db.insertInto('staff_session').values({ id, staff_id: staffId, created_at: now, last_seen_at: now, revoked_at: null }).execute()
}

/** The session and its member as they are now: the role and the disabled mark are read on every request. */
export async function sessionWithStaff(db: Db, id: string) {
  return db
    .selectFrom('staff_session')
    .innerJoin('staff', 'staff.id', 'staff_session.staff_id')
    .selectAll('staff')
    .select(['staff_session.created_at as session_created_at', 'staff_session.last_seen_at', 'staff_session.revoked_at'])
    .where('staff_session.id', '=', id)
    .executeTakeFirst()
}

export async function touchSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('staff_session').set({ last_seen_at: now }).where('id', '=', id).execute()
}

export async function revokeSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('staff_session').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute()
}

/** Ends the member's sessions, all or all but one. */
export async function revokeSessionsOf(db: Db, staffId: string, now: string, exceptId?: string): Promise<void> {
  let update = db.updateTable('staff_session').set({ revoked_at: now }).where('staff_id', '=', staffId).where('revoked_at', 'is', null)
  if (exceptId) update = update.where('id', '!=', exceptId)
  await update.execute()
}
