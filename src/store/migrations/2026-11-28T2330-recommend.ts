import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
export async function up(db: Kysely<any>): Promise<void> {
  // What shoppers did, by an opaque session id; no personal data.
  await db.schema
    .createTable('reco_event')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('session_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('reco_event_session').on('reco_event').columns(['session_id', 'at']).execute()

  // The precomputed lists the pages read: one row per recommended book, in rank order.
  await db.schema
    .createTable('recommendation')
    .addColumn('isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('rec_isbn13', 'varchar(13)', (c) => c.notNull())
    .addColumn('reason', 'varchar(16)', (c) => c.notNull())
    .addColumn('category_id', 'varchar(64)')
    .addColumn('score', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('recommendation_pk', ['isbn13', 'rank'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recommendation').execute()
  await db.schema.dropTable('reco_event').execute()
}
