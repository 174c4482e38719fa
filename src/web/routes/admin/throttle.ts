import cluster from 'node:cluster'
import type { RateLimiterAbstract } from 'rate-limiter-flexible'

/** Failed sign-ins allowed within the window, per client address and, separately, per account name. */
const MAX_FAILURES = 10
const WINDOW_SECONDS = 10 * 60
const BLOCK_SECONDS = 10 * 60
/** Account names are the guesser's to choose: a long one must not become a long key. */
const MAX_ACCOUNT_KEY = 100

export interface SignInBlock {
  scope: 'address' | 'account'
  /** Whole seconds until the block ends. */
  retryAfter: number
}

/** Counts failed sign-ins and blocks whoever fails too often. */
export interface SignInThrottle {
  /** The block in force for this address or account, the longer when both are blocked. */
  check(ip: string, account: string): Promise<SignInBlock | undefined>
  /** Counts a failure against both; returns the blocks this failure started. */
  fail(ip: string, account: string): Promise<SignInBlock[]>
  /** A sign-in that succeeded clears the account's count; the address keeps its own. */
  succeed(ip: string, account: string): Promise<void>
}

type Scope = SignInBlock['scope']

/** The counters, and how a refused count is told from a failed call. */
interface Limiters {
  byScope: Record<Scope, RateLimiterAbstract>
  isRefusal(thrown: unknown): thrown is { consumedPoints: number }
}

// Loaded at the first sign-in, not at start: the package's index costs every command a tenth of a second.
async function loadLimiters(door: string): Promise<Limiters> {
  const { RateLimiterCluster, RateLimiterMemory, RateLimiterRes } = await import('rate-limiter-flexible')
  const limiter = (keyPrefix: string) => {
    const options = { keyPrefix, points: MAX_FAILURES, duration: WINDOW_SECONDS }
    // In `colophon serve`'s workers one count is kept by the RateLimiterClusterMaster in the primary, whichever worker answers.
    return cluster.isWorker ? new RateLimiterCluster(options) : new RateLimiterMemory(options)
  }
  return {
    byScope: { address: limiter(`${door}-sign-in-address`), account: limiter(`${door}-sign-in-account`) },
    isRefusal: (thrown): thrown is { consumedPoints: number } => thrown instanceof RateLimiterRes,
  }
}

const accountKey = (account: string) => account.trim().toLowerCase().slice(0, MAX_ACCOUNT_KEY)

/** The count after this failure, whether or not the limiter refused it (it was already over). */
async function countFailure({ byScope, isRefusal }: Limiters, scope: Scope, key: string): Promise<number> {
  try {
    return (await byScope[scope].consume(key)).consumedPoints
  } catch (thrown) {
    if (isRefusal(thrown)) return thrown.consumedPoints
    throw thrown
  }
}

/** `door` names the sign-in it guards (staff, customer): each keeps its own counts, also in the primary's shared ones. */
export function createSignInThrottle(door: 'staff' | 'customer'): SignInThrottle {
  let loaded: Promise<Limiters> | undefined
  const limiters = () => (loaded ??= loadLimiters(door))
  const keys = (ip: string, account: string) => ({ address: ip, account: accountKey(account) })
  return {
    async check(ip, account) {
      const { byScope } = await limiters()
      const key = keys(ip, account)
      let block: SignInBlock | undefined
      for (const scope of ['address', 'account'] as const) {
        const res = await byScope[scope].get(key[scope])
        if (!res || res.consumedPoints < MAX_FAILURES) continue
        const retryAfter = Math.max(1, Math.ceil(res.msBeforeNext / 1000))
        if (!block || retryAfter > block.retryAfter) block = { scope, retryAfter }
      }
      return block
    },
    async fail(ip, account) {
      const counters = await limiters()
      const key = keys(ip, account)
      const started: SignInBlock[] = []
      for (const scope of ['address', 'account'] as const) {
        // The failure that reaches the limit starts a block of its own length, however early in the window it came.
        if ((await countFailure(counters, scope, key[scope])) !== MAX_FAILURES) continue
        await counters.byScope[scope].block(key[scope], BLOCK_SECONDS)
        started.push({ scope, retryAfter: BLOCK_SECONDS })
      }
      return started
    },
    async succeed(_ip, account) {
      await (await limiters()).byScope.account.delete(accountKey(account))
    },
  }
}

