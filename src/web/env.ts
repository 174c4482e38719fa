import type { Session } from './middleware/session'
import type { PageContext } from './pages/context'

/** What the Hono app's middleware gives every handler. */
export type AppEnv = { Variables: { page: PageContext; cacheGeneration: number; session: Session } }
