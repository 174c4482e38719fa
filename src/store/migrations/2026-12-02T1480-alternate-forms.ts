import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// A book catalogued in another script (a Chinese record with its 880 fields)
// is shown in that script, and its romanised title and names are kept here as
// JSON {titles, names} so a search for "Hong lou meng" still finds 红楼梦.
// Null for the books without any, which is nearly all of them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('book').addColumn('alternate_forms', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('book').dropColumn('alternate_forms').execute()
}
