import { sql, type Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // The same text on both engines: 'YYYY-MM-DD HH:MM:SS' in UTC, which is what SQLite's CURRENT_TIMESTAMP gives.
  const now = speaksPostgres(db) ? sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')` : sql`CURRENT_TIMESTAMP`
  await db.schema
    .createTable('book')
    .addColumn('isbn13', 'varchar(13)', (c) => c.primaryKey())
    .addColumn('isbn10', 'varchar(10)')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('original_title', 'text')
    .addColumn('title_translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('publisher', 'text')
    .addColumn('imprint', 'text')
    .addColumn('issued_on', 'varchar(10)')
    .addColumn('language', 'varchar(3)')
    .addColumn('format', 'varchar(16)', (c) => c.notNull())
    .addColumn('series', 'text')
    .addColumn('series_number', 'varchar(16)')
    .addColumn('page_count', 'integer')
    .addColumn('weight_g', 'integer')
    .addColumn('width_mm', 'integer')
    .addColumn('height_mm', 'integer')
    .addColumn('thickness_mm', 'integer')
    .addColumn('currency', 'varchar(3)', (c) => c.notNull().defaultTo('KRW'))
    .addColumn('list_price', 'bigint')
    .addColumn('sale_price', 'bigint')
    .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('on_sale', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('description_headline', 'text')
    .addColumn('description_html', 'text')
    .addColumn('toc', 'text')
    .addColumn('review_html', 'text')
    .addColumn('author_bio_html', 'text')
    .addColumn('cover_url', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('book_issued_on').on('book').columns(['issued_on', 'isbn13']).execute()

  await db.schema
    .createTable('contributor')
    .addColumn('book_isbn13', 'varchar(13)', (c) => c.notNull().references('book.isbn13').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('contributor_pk', ['book_isbn13', 'seq'])
    .execute()
  await db.schema.createIndex('contributor_name').on('contributor').column('name').execute()

  await db.schema
    .createTable('category')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('parent_id', 'varchar(64)', (c) => c.references('category.id'))
    .addColumn('name_ko', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('category_parent').on('category').column('parent_id').execute()

  await db.schema
    .createTable('book_category')
    .addColumn('book_isbn13', 'varchar(13)', (c) => c.notNull().references('book.isbn13').onDelete('cascade'))
    .addColumn('category_id', 'varchar(64)', (c) => c.notNull().references('category.id'))
    .addPrimaryKeyConstraint('book_category_pk', ['book_isbn13', 'category_id'])
    .execute()
  await db.schema.createIndex('book_category_category').on('book_category').columns(['category_id', 'book_isbn13']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('book_category').execute()
  await db.schema.dropTable('category').execute()
  await db.schema.dropTable('contributor').execute()
  await db.schema.dropTable('book').execute()
}
