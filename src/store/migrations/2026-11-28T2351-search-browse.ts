import { sql, type Kysely } from 'kysely'

// Frozen in time: imports no application code.
// Category pages: each shelf's books newest first straight from an index, and each shelf's facet
// counts kept as running totals instead of counted over the shelf on every visit.
export async function up(db: Kysely<any>): Promise<void> {
  // '' for an unknown date, so it sorts last when newest come first, on both databases.
  await db.schema.alterTable('search_book_category').addColumn('issued_on', 'varchar(10)', (c) => c.notNull().defaultTo('')).execute()
  await sql`UPDATE search_book_category SET issued_on = coalesce((SELECT s.issued_on FROM search_book s WHERE s.id = search_book_category.id), '')`.execute(db)
  await db.schema.createIndex('search_book_category_newest').on('search_book_category').columns(['category_id', 'issued_on', 'id']).execute()
  // category_id '' is the whole catalog; dim is publisher, format, language, year, price or category.
  await db.schema
    .createTable('search_facet_count')
    .addColumn('category_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('dim', 'varchar(16)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_facet_count_pk', ['category_id', 'dim', 'value'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_facet_count').execute()
  await db.schema.dropIndex('search_book_category_newest').execute()
  await db.schema.alterTable('search_book_category').dropColumn('issued_on').execute()
}
