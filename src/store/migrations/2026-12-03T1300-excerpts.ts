import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
//
// 책 속으로: passages from the book (ONIX TextType 14, 15 and 23, or staff's
// own), kept as sanitised rich text like the description.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('book').addColumn('excerpts_html', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('book').dropColumn('excerpts_html').execute()
}
