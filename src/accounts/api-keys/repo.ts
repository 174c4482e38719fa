import type { Kysely, Selectable } from 'kysely'
import type { ApiKeyTable, Database } from '../../store'
import type { ApiKey, ApiScope } from './types'

type Db = Kysely<Database>

function toKey(row: Selectable<ApiKeyTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as ApiScope[],
    createdAt: row.created_at,
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }
}

export async function insertKey(db: Db, key: ApiKey, hash: string): Promise<void> {
  await db
    .insertInto('api_key')
    .values({ id: key.id, name: key.name, prefix: key.prefix, hash, scopes: JSON.stringify(key.scopes), created_at: key.createdAt, created_by: key.createdBy, last_used_at: null, revoked_at: null })
    .execute()
}

/** Every key, newest first. */
export async function allKeys(db: Db): Promise<ApiKey[]> {
  return (await db.selectFrom('api_key').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()).map(toKey)
}

export async function keyById(db: Db, id: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toKey(row)
}

export async function keyByHash(db: Db, hash: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_key').selectAll().where('hash', '=', hash).executeTakeFirst()
  return row && toKey(row)
}

export async function revokeKey(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_key').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute()
}

export async function touchKey(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('api_key').set({ last_used_at: at }).where('id', '=', id).execute()
}
