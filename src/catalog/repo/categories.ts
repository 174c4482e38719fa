import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../store'
import type { Category, SubjectMapping } from '../types'

type Db = Kysely<Database> | Transaction<Database>

export async function insertCategory(trx: Db, c: Category): Promise<void> {
  await trx.insertInto('category').values({ id: c.id, parent_id: c.parentId, name_ko: c.name.ko, name_en: c.name.en, sort_order: c.sortOrder }).execute()
}

export async function setNames(trx: Db, id: string, name: Category['name']): Promise<void> {
  await trx.updateTable('category').set({ name_ko: name.ko, name_en: name.en }).where('id', '=', id).execute()
}

export async function setParent(trx: Db, id: string, parentId: string | null, sortOrder: number): Promise<void> {
  await trx.updateTable('category').set({ parent_id: parentId, sort_order: sortOrder }).where('id', '=', id).execute()
}

/** Moves every child of `from` under `to`; returns how many moved. */
export async function moveChildren(trx: Db, from: string, to: string): Promise<number> {
  const r = await trx.updateTable('category').set({ parent_id: to }).where('parent_id', '=', from).executeTakeFirst()
  return Number(r.numUpdatedRows)
}

export async function deleteCategory(trx: Db, id: string): Promise<void> {
  await trx.deleteFrom('category').where('id', '=', id).execute()
}

/** How many books are filed directly under each category (those with none are absent). */
export async function bookCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('book_category').select(['category_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('category_id').execute()
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]))
}

/** Every book filed directly under any of the categories, in ISBN order. */
export async function isbnsFiledIn(db: Db, categoryIds: string[]): Promise<string[]> {
  if (categoryIds.length === 0) return []
  const rows = await db.selectFrom('book_category').select('book_isbn13').distinct().where('category_id', 'in', categoryIds).orderBy('book_isbn13').execute()
  return rows.map((r) => r.book_isbn13)
}

export async function countBooksIn(db: Db, categoryId: string): Promise<number> {
  const r = await db.selectFrom('book_category').select((eb) => eb.fn.countAll<number>().as('n')).where('category_id', '=', categoryId).executeTakeFirstOrThrow()
  return Number(r.n)
}

const toMapping = (r: { scheme: string; code: string; category_id: string }): SubjectMapping => ({ scheme: r.scheme, code: r.code, categoryId: r.category_id })

/** The subject-code rows, by scheme then code; `scheme` and `text` (a code prefix or a category id's part) narrow them. */
export async function subjectMappings(db: Db, filter: { scheme?: string; text?: string; categoryId?: string } = {}): Promise<SubjectMapping[]> {
  let q = db.selectFrom('subject_category').selectAll()
  if (filter.scheme) q = q.where('scheme', '=', filter.scheme)
  if (filter.categoryId) q = q.where('category_id', '=', filter.categoryId)
  if (filter.text) {
    const text = filter.text.replace(/[\\%_]/g, '')
    q = q.where((eb) => eb.or([eb('code', 'like', `${text.toUpperCase()}%`), eb('category_id', 'like', `%${text.toLowerCase()}%`)]))
  }
  const rows = await q.orderBy('scheme').orderBy('code').execute()
  return rows.map(toMapping)
}

export async function subjectMapping(db: Db, scheme: string, code: string): Promise<SubjectMapping | undefined> {
  const row = await db.selectFrom('subject_category').selectAll().where('scheme', '=', scheme).where('code', '=', code).executeTakeFirst()
  return row && toMapping(row)
}

export async function insertSubjectMapping(trx: Db, m: SubjectMapping): Promise<void> {
  await trx.insertInto('subject_category').values({ scheme: m.scheme, code: m.code, category_id: m.categoryId }).execute()
}

export async function setSubjectMappingCategory(trx: Db, scheme: string, code: string, categoryId: string): Promise<void> {
  await trx.updateTable('subject_category').set({ category_id: categoryId }).where('scheme', '=', scheme).where('code', '=', code).execute()
}

export async function deleteSubjectMapping(trx: Db, scheme: string, code: string): Promise<void> {
  await trx.deleteFrom('subject_category').where('scheme', '=', scheme).where('code', '=', code).execute()
}

/** Points every subject row of `from` at `to`; returns how many rows now point there. */
export async function repointSubjectMappings(trx: Db, from: string, to: string): Promise<number> {
  const r = await trx.updateTable('subject_category').set({ category_id: to }).where('category_id', '=', from).executeTakeFirst()
  return Number(r.numUpdatedRows)
}
