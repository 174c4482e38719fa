import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // One uploaded cover per book; its files on disk are named by isbn13, hash and width.
  await db.schema
    .createTable('book_cover')
    .addColumn('isbn13', 'varchar(13)', (c) => c.primaryKey().references('book.isbn13').onDelete('cascade'))
    .addColumn('hash', 'varchar(16)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('widths', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(64)', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('book_cover').execute()
}
