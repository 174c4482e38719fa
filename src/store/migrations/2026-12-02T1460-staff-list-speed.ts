import type { Kysely } from 'kysely'

// Frozen in time: imports no application code.
// The back office's books list counts the books whose contributor's name starts so: with the
// book's ISBN beside the name in the index, that is a range of the index alone, not a table
// row read per contributor (ten thousand of them to say "10000+" at a million books).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('contributor_name_book').on('contributor').columns(['name', 'book_isbn13']).execute()
  await db.schema.dropIndex('contributor_name').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('contributor_name').on('contributor').column('name').execute()
  await db.schema.dropIndex('contributor_name_book').execute()
}
