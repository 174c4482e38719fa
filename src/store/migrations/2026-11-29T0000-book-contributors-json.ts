import { sql, type Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
//
// A book's contributors (in order) and category ids (sorted) as JSON text on
// its own row, like its translated titles: reading a book, or the twelve on a
// product page's shelf, is then one row each. The contributor and
// book_category tables stay as the indexes that find books by name and by
// category; every write sets both in one transaction.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('book').addColumn('contributors', 'text', (c) => c.notNull().defaultTo('[]')).execute()
  await db.schema.alterTable('book').addColumn('category_ids', 'text', (c) => c.notNull().defaultTo('[]')).execute()
  if (speaksPostgres(db)) {
    await sql`
      UPDATE book SET
        contributors = coalesce((SELECT json_agg(json_build_object('name', c.name, 'role', c.role) ORDER BY c.seq)::text FROM contributor c WHERE c.book_isbn13 = book.isbn13), '[]'),
        category_ids = coalesce((SELECT json_agg(l.category_id ORDER BY l.category_id COLLATE "C")::text FROM book_category l WHERE l.book_isbn13 = book.isbn13), '[]')`.execute(db)
  } else {
    await sql`
      UPDATE book SET
        contributors = (SELECT json_group_array(json_object('name', c.name, 'role', c.role) ORDER BY c.seq) FROM contributor c WHERE c.book_isbn13 = book.isbn13),
        category_ids = (SELECT json_group_array(l.category_id ORDER BY l.category_id) FROM book_category l WHERE l.book_isbn13 = book.isbn13)`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('book').dropColumn('category_ids').execute()
  await db.schema.alterTable('book').dropColumn('contributors').execute()
}
