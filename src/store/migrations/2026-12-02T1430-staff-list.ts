import { sql, type Kysely } from 'kysely'

// Frozen in time: imports no application code.
// The back office's books list at a million books: each sort walks its own index in key
// order (the ISBN breaks ties, so a "next" cursor is one range seek), and each rare filter
// has a partial index, so "which books lack a description" is found without reading them all.
const SORTS: Array<[string, string]> = [
  ['book_staff_title', 'title, isbn13'],
  // Never null, so a cursor compares plainly on both engines: what a shopper pays, -1 for no price.
  ['book_staff_price', '(coalesce(sale_price, list_price, -1)), isbn13'],
  ['book_staff_stock', 'stock, isbn13'],
  ['book_staff_issued', "(coalesce(issued_on, '')), isbn13"],
  ['book_staff_updated', 'updated_at, isbn13'],
]

const FILTERS: Array<[string, string]> = [
  ['book_no_cover', 'cover_url IS NULL'],
  ['book_no_description', 'description_html IS NULL'],
  ['book_no_toc', 'toc IS NULL'],
  ['book_no_category', "category_ids = '[]'"],
  ['book_off_sale', 'on_sale = 0'],
  // 도서정가제: a KRW sale price below 90% of the list price (10 x sale < 9 x list, in whole won).
  ['book_price_law', "currency = 'KRW' AND sale_price * 10 < list_price * 9"],
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of SORTS) await sql`CREATE INDEX ${sql.id(name)} ON book (${sql.raw(columns)})`.execute(db)
  for (const [name, where] of FILTERS) await sql`CREATE INDEX ${sql.id(name)} ON book (isbn13) WHERE ${sql.raw(where)}`.execute(db)
  // Which run brought which book, so the list can show "imported by run R".
  await db.schema
    .createTable('import_run_book')
    .addColumn('run_id', 'integer', (c) => c.notNull())
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_run_book_pk', ['run_id', 'isbn13'])
    .execute()
  await db.schema.createIndex('import_run_book_isbn').on('import_run_book').columns(['isbn13', 'run_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_run_book').execute()
  for (const [name] of [...SORTS, ...FILTERS]) await db.schema.dropIndex(name).execute()
}
