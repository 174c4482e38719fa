import type { Customer, StaffMember } from '../accounts'
import type { Visitor } from './gate'
import type { PageContext } from './pages/context'

/** What the Hono app's middleware gives every handler. */
export type AppEnv = {
  Variables: {
    page: PageContext
    visitor: Visitor
    /** The signed-in customer, when the account cookie names a live session. */
    customer: Customer | undefined
    /** The signed-in staff member, when the staff cookie names a live staff session (back office only). */
    staff: StaffMember | undefined
    /** The page cache's generation when the request began: a render that overlapped an invalidation is not stored. */
    cacheGeneration: number
    /** The database did not answer the page cache's check: pages already cached may still be served. */
    isStoreDown: boolean
  }
}
