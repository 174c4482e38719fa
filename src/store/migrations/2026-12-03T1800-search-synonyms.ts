import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// Search synonyms staff keep for what readers type: an abbreviation or
// another spelling (자스) and the words it stands for (자바스크립트), applied
// when a query is read. The term is stored normalised (lower case, NFKC).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_synonym')
    .addColumn('term', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('expansion', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_synonym').execute()
}
