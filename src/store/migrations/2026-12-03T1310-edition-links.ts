import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// What a feed said a book is related to as another edition of one work: the
// ISBN of a related product ('isbn:9788962633245') or the identifier of the
// work it manifests ('work:11:A0220090000154FA'). Kept so that a book whose
// other edition arrives later is linked then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('edition_link')
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('link', 'varchar(160)', (c) => c.notNull())
    .addPrimaryKeyConstraint('edition_link_pk', ['isbn13', 'link'])
    .execute()
  await db.schema.createIndex('edition_link_link').on('edition_link').columns(['link', 'isbn13']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('edition_link').execute()
}
