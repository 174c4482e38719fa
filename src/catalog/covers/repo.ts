import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../store'
import type { CoverImage } from './types'

type Db = Kysely<Database> | Transaction<Database>

export async function findCover(db: Db, isbn13: string): Promise<CoverImage | null> {
  const row = await db.selectFrom('book_cover').select(['hash', 'width', 'height', 'widths']).where('isbn13', '=', isbn13).executeTakeFirst()
  return row ? toCover(row.hash, row.width, row.height, row.widths) : null
}

export async function saveCover(trx: Db, isbn13: string, cover: CoverImage, by: string, now = new Date().toISOString()): Promise<void> {
  const row = { hash: cover.hash, width: cover.width, height: cover.height, widths: JSON.stringify(cover.widths), uploaded_at: now, uploaded_by: by }
  await trx
    .insertInto('book_cover')
    .values({ isbn13, ...row })
    .onConflict((oc) => oc.column('isbn13').doUpdateSet(row))
    .execute()
}

export async function deleteCover(trx: Db, isbn13: string): Promise<void> {
  await trx.deleteFrom('book_cover').where('isbn13', '=', isbn13).execute()
}

/** A cover from the columns a book read joins in (all null when the book has none). */
export function toCover(hash: string | null, width: number | null, height: number | null, widths: string | null): CoverImage | null {
  return hash && width && height && widths ? { hash, width: Number(width), height: Number(height), widths: JSON.parse(widths) } : null
}
