import type { Kysely, Transaction } from 'kysely'
import type { Database } from './database'

/**
 * One transaction that several domains' operations join. Each domain's repo
 * runs its queries on `db`; whatever must wait until the writes are visible
 * to others (dropping cached pages, say) goes to `afterCommit`, which never
 * runs when the unit rolls back.
 */
export interface UnitOfWork {
  readonly db: Transaction<Database>
  afterCommit(action: () => void): void
}

/** Runs `work` as one unit of work: committed when it resolves, rolled back when it throws. */
export type Transactor = <T>(work: (unit: UnitOfWork) => Promise<T>) => Promise<T>

export function transactor(db: Kysely<Database>): Transactor {
  return async (work) => {
    const committed: Array<() => void> = []
    const result = await db.transaction().execute((trx) => work({ db: trx, afterCommit: (action) => committed.push(action) }))
    for (const action of committed) action()
    return result
  }
}
