import { PostgresAdapter, type Kysely } from 'kysely'

/**
 * DDL is where engines differ (identity columns, triggers, default
 * expressions), so a migration asks which SQL the database speaks. Kysely's
 * own adapter class answers; like every migration, this imports no app code.
 */
export function speaksPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
