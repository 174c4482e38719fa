import type { Compilable, CompiledQuery, Kysely, Transaction } from 'kysely'

/** Where a call's value goes in a prepared query: Kysely passes it through to the compiled parameters as it is. */
class Slot {
  constructor(
    readonly name: string,
    /** For a list argument: which of its values. */
    readonly index?: number,
  ) {}
}

/**
 * A query built and compiled once per database handle, then run with each
 * call's values. Kysely builds and compiles a query afresh on every call,
 * which on a cold product page cost about as much as the reads themselves;
 * the SQL text is then the same string each time, so the driver finds its
 * prepared statement at once (SQLite keeps them by text; PostgreSQL plans
 * them per connection). Only for queries whose shape never changes: every
 * value the call varies must come from `args`. A list argument (for `in`,
 * or one subquery per value) has the length of the first call's list, and
 * every later call must pass a list of that length.
 */
export function preparedQuery<DB, A extends Record<string, unknown>, R>(build: (db: Kysely<DB> | Transaction<DB>, args: A) => Compilable<R>): (db: Kysely<DB> | Transaction<DB>, args: A) => Promise<R[]> {
  const compiled = new WeakMap<Kysely<DB> | Transaction<DB>, { query: CompiledQuery<R>; values: (args: A) => unknown[] }>()
  return async (db, args) => {
    let kept = compiled.get(db)
    if (!kept) {
      const slots = Object.fromEntries(Object.entries(args).map(([name, v]) => [name, Array.isArray(v) ? v.map((_, i) => new Slot(name, i)) : new Slot(name)])) as A
      const query = build(db, slots).compile()
      const at = query.parameters.map((p) => (p instanceof Slot ? p : undefined))
      const fixed = query.parameters
      const lengths = Object.entries(args).flatMap(([name, v]) => (Array.isArray(v) ? [[name, v.length] as const] : []))
      kept = {
        query,
        values: (a) => {
          for (const [name, n] of lengths) if ((a[name] as unknown[]).length !== n) throw new Error(`prepared query: "${name}" must hold ${n} values, got ${(a[name] as unknown[]).length}`)
          return at.map((slot, i) => (slot === undefined ? fixed[i] : slot.index === undefined ? a[slot.name] : (a[slot.name] as unknown[])[slot.index]))
        },
      }
      compiled.set(db, kept)
    }
    const result = await db.executeQuery<R>({ ...kept.query, parameters: kept.values(args) })
    return result.rows
  }
}
