import type { Compilable, CompiledQuery, Kysely, Transaction } from 'kysely'

/** Where a call's value goes in a prepared query: Kysely passes it through to the compiled parameters as it is. */
class Slot {
  constructor(readonly name: string) {}
}

/**
 * A query built and compiled once per database handle, then run with each
 * call's values. Kysely builds and compiles a query afresh on every call,
 * which on a cold product page cost about as much as the reads themselves;
 * the SQL text is then the same string each time, so the driver finds its
 * prepared statement at once (SQLite keeps them by text; PostgreSQL plans
 * them per connection). Only for queries whose shape never changes: every
 * value the call varies must come from `args`, and no list (`in`) may vary
 * in length.
 */
export function preparedQuery<DB, A extends Record<string, unknown>, R>(build: (db: Kysely<DB> | Transaction<DB>, args: A) => Compilable<R>): (db: Kysely<DB> | Transaction<DB>, args: A) => Promise<R[]> {
  const compiled = new WeakMap<Kysely<DB> | Transaction<DB>, { query: CompiledQuery<R>; values: (args: A) => unknown[] }>()
  return async (db, args) => {
    let kept = compiled.get(db)
    if (!kept) {
      const slots = Object.fromEntries(Object.keys(args).map((name) => [name, new Slot(name)])) as A
      const query = build(db, slots).compile()
      const at = query.parameters.map((p) => (p instanceof Slot ? p.name : undefined))
      const fixed = query.parameters
      kept = { query, values: (a) => at.map((name, i) => (name === undefined ? fixed[i] : a[name])) }
      compiled.set(db, kept)
    }
    const result = await db.executeQuery<R>({ ...kept.query, parameters: kept.values(args) })
    return result.rows
  }
}
