import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../store'
import type { Collection } from '../types'

type Db = Kysely<Database> | Transaction<Database>

export async function allCollections(db: Db): Promise<Collection[]> {
  const [rows, books] = await Promise.all([
    db.selectFrom('collection').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('collection_book').selectAll().orderBy('collection_id').orderBy('position').execute(),
  ])
  const isbns = new Map<string, string[]>()
  for (const b of books) (isbns.get(b.collection_id) ?? isbns.set(b.collection_id, []).get(b.collection_id)!).push(b.isbn13)
  return rows.map((r) => ({
    id: r.id,
    title: { ko: r.title_ko, en: r.title_en },
    blurb: { ko: r.blurb_ko, en: r.blurb_en },
    isbns: isbns.get(r.id) ?? [],
    position: Number(r.position),
    updatedAt: r.updated_at,
  }))
}

export async function nextPosition(db: Db): Promise<number> {
  const row = await db.selectFrom('collection').select((eb) => eb.fn.max('position').as('last')).executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

export async function writeCollection(db: Db, c: Collection): Promise<void> {
  const values = { title_ko: c.title.ko, title_en: c.title.en, blurb_ko: c.blurb.ko, blurb_en: c.blurb.en, position: c.position, updated_at: c.updatedAt }
  await db
    .insertInto('collection')
    .values({ id: c.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute()
  await db.deleteFrom('collection_book').where('collection_id', '=', c.id).execute()
  if (c.isbns.length) await db.insertInto('collection_book').values(c.isbns.map((isbn13, i) => ({ collection_id: c.id, position: i + 1, isbn13 }))).execute()
}

export async function deleteCollection(db: Db, id: string): Promise<void> {
  await db.deleteFrom('collection_book').where('collection_id', '=', id).execute()
  await db.deleteFrom('collection').where('id', '=', id).execute()
}
