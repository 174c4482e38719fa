import { sql, type Kysely } from 'kysely'
import { speaksPostgres } from './engine'

// Frozen in time: imports no application code.
//
// SQLite needs nothing here: one writer at a time numbers changes in commit
// order, and PRAGMA data_version tells other connections that something
// committed. PostgreSQL gets the same two guarantees from two triggers:
// - Writers take their catalog_change numbers one at a time (a transaction-
//   scoped advisory lock, held from the insert to the commit), so a reader
//   never sees number 6 while 5 is still uncommitted and then skips 5 for ever.
//   The lock covers only the end of a write, never the book rows.
// - Every committed insert NOTIFYs the channel page caches LISTEN on
//   (PostgreSQL delivers a NOTIFY only at commit, once per transaction).
export async function up(db: Kysely<any>): Promise<void> {
  if (!speaksPostgres(db)) return
  await sql`
    CREATE FUNCTION catalog_change_serialize() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('colophon.catalog_change'));
      RETURN NULL;
    END $$`.execute(db)
  await sql`CREATE TRIGGER catalog_change_serialize BEFORE INSERT ON catalog_change FOR EACH STATEMENT EXECUTE FUNCTION catalog_change_serialize()`.execute(db)
  await sql`
    CREATE FUNCTION catalog_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('catalog_change', '');
      RETURN NULL;
    END $$`.execute(db)
  await sql`CREATE TRIGGER catalog_change_notify AFTER INSERT ON catalog_change FOR EACH STATEMENT EXECUTE FUNCTION catalog_change_notify()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!speaksPostgres(db)) return
  await sql`DROP TRIGGER catalog_change_notify ON catalog_change`.execute(db)
  await sql`DROP FUNCTION catalog_change_notify()`.execute(db)
  await sql`DROP TRIGGER catalog_change_serialize ON catalog_change`.execute(db)
  await sql`DROP FUNCTION catalog_change_serialize()`.execute(db)
}
