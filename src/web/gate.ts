import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { isBot } from '../recommend'
import { requestLang, type RequestLang } from './page-response'

/** What the gate reads of a request: the same for node:http's fast path and for Hono. */
export interface RequestHead {
  method: string
  /** Path and query, as the request line carries them. */
  url: string
  header(name: string): string | undefined
  /** The address of the connection's other end (a proxy, when there is one). */
  remoteAddress: string | undefined
}

/** Who is asking. Built once per request by the gate; nothing else reads a cookie. */
export interface Visitor {
  /** The shopper's session id, only when it came in a cookie this store signed. */
  session: string | undefined
  /** A session the gate issued on this request: its cookie goes out with the answer. */
  issued: string | undefined
  /** Carries a signed-in customer's or staff member's session: never shares a cached page. */
  isSignedIn: boolean
  /** The `account` cookie's token as sent: unchecked until the accounts service finds its session. */
  accountToken: string | undefined
  /** The account cookie this answer sets (a token), clears (null), or leaves alone (undefined). */
  accountIssued: string | null | undefined
  /** The `staff` cookie's token as sent (only to /admin): unchecked until the staff service finds its session. */
  staffToken: string | undefined
  /** The staff cookie this answer sets (a token), clears (null), or leaves alone (undefined). */
  staffIssued: string | null | undefined
  lang: RequestLang
  isBot: boolean
  /** Came over HTTPS, directly or through a trusted proxy. */
  isSecure: boolean
  /** The client's address: the connection's, or the one a trusted proxy forwarded. */
  ip: string
}

/** Pages whose answer depends on who asks, for some visitors: a returning session's home carries its own recommendations. */
export type RouteKind = 'public' | 'home'

export interface GateOptions {
  /** Signs session ids and form tokens. */
  secret: string
  /** The store's public origin (https://books.example): HSTS when https, the origin forms must come from. */
  publicUrl?: string
  /** Proxies whose X-Forwarded-Proto / X-Forwarded-For are believed: "loopback" or exact addresses. */
  trustProxy?: string[]
  /** A payment provider's browser script (PortOne's), the one script the pages may load from elsewhere. */
  paymentScript?: string
}

const SESSION_COOKIE = /(?:^|;\s*)sid=([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})(?=;|$)/
/** Cookies that mean a signed-in customer or staff member. */
const SIGNED_IN_COOKIE = /(?:^|;\s*)(?:account|staff)=[^;]/
const ACCOUNT_COOKIE = /(?:^|;\s*)account=([^;]*)/
const STAFF_COOKIE = /(?:^|;\s*)staff=([^;]*)/
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Session HMACs the gate remembers (about 100 bytes each). */
const SIGNED_KEPT = 50_000

/**
 * The one door every request passes: who is asking (a signed session, never
 * an id a client made up), whether the answer may be shared through the page
 * cache, which cookies and security headers go out, and whether a form post
 * may change anything (same origin and a token bound to the session).
 */
export class Gate {
  /** Headers every answer carries, as a flat [name, value, …] list. */
  readonly securityHeaders: string[]
  /** A true private field: the secret never shows in a log line or a JSON dump of the gate. */
  readonly #secret: Buffer
  private readonly publicUrl: string | undefined
  private readonly trusted: (address: string) => boolean

  constructor(options: GateOptions) {
    this.#secret = Buffer.from(options.secret)
    this.publicUrl = options.publicUrl
    this.trusted = proxyMatcher(options.trustProxy ?? [])
    this.securityHeaders = securityHeaders(options.publicUrl?.startsWith('https:') ?? false, options.paymentScript)
  }

  /** A gate whose sessions last as long as the process: for tests and one-off servers. */
  static withRandomSecret(options: Omit<GateOptions, 'secret'>): Gate {
    return new Gate({ ...options, secret: randomBytes(32).toString('base64url') })
  }

  identify(req: RequestHead): Visitor {
    const cookie = req.header('cookie')
    const viaProxy = req.remoteAddress !== undefined && this.trusted(req.remoteAddress)
    return {
      session: cookie ? this.verifiedSession(cookie) : undefined,
      issued: undefined,
      isSignedIn: cookie !== undefined && SIGNED_IN_COOKIE.test(cookie),
      accountToken: cookie ? ACCOUNT_COOKIE.exec(cookie)?.[1] : undefined,
      accountIssued: undefined,
      staffToken: cookie ? STAFF_COOKIE.exec(cookie)?.[1] : undefined,
      staffIssued: undefined,
      lang: requestLang(req.url),
      isBot: isBot(req.header('user-agent')),
      isSecure: viaProxy && req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https',
      ip: (viaProxy ? forwardedClient(req.header('x-forwarded-for'), this.trusted) : undefined) ?? req.remoteAddress ?? '',
    }
  }

  /** Only visitors who are not signed in share cached pages, both ways; a session's own home is its own. */
  mayShare(visitor: Visitor, route: RouteKind = 'public'): boolean {
    return !visitor.isSignedIn && !(route === 'home' && visitor.session)
  }

  /** The visitor's session, issued now when it has none (its cookie then goes out with the answer). */
  ensureSession(visitor: Visitor): string {
    if (!visitor.session) {
      visitor.session = randomBytes(16).toString('base64url')
      visitor.issued = visitor.session
    }
    return visitor.session
  }

  /**
   * A new anonymous session in place of the visitor's (at sign-in): a session
   * id or form token someone saw or planted before cannot follow the shopper in.
   */
  rotateSession(visitor: Visitor): string {
    visitor.session = undefined
    return this.ensureSession(visitor)
  }

  /** The answer sets the account cookie to this session token. */
  signIn(visitor: Visitor, token: string): void {
    visitor.accountIssued = token
    visitor.isSignedIn = true
  }

  /** The answer clears the account cookie (signed out, or a token with no live session). */
  signOut(visitor: Visitor): void {
    if (visitor.accountToken !== undefined || visitor.accountIssued) visitor.accountIssued = null
  }

  /** The answer sets the staff cookie to this back-office session token. */
  staffSignIn(visitor: Visitor, token: string): void {
    visitor.staffIssued = token
    visitor.isSignedIn = true
  }

  /** The answer clears the staff cookie (signed out, or a token with no live session). */
  staffSignOut(visitor: Visitor): void {
    if (visitor.staffToken !== undefined || visitor.staffIssued) visitor.staffIssued = null
  }

  /** The session a product view is recorded under, or undefined when it is not recorded (crawlers). */
  viewer(visitor: Visitor): string | undefined {
    return visitor.isBot ? undefined : this.ensureSession(visitor)
  }

  /** The token every state-changing form of this visitor carries: bound to its session, useless with any other. */
  formToken(visitor: Visitor): string {
    return this.sign('form', this.ensureSession(visitor))
  }

  /**
   * Why a state-changing request may not act, or undefined when it may: it
   * must come from this store's own pages (Fetch Metadata, else Origin) and
   * carry the form token of the session it acts for.
   */
  refusal(visitor: Visitor, req: RequestHead, token: string | undefined): 'cross-site' | 'token' | undefined {
    if (!STATE_CHANGING.has(req.method)) return undefined
    if (this.isCrossSite(req)) return 'cross-site'
    if (!visitor.session || !token || !safeEqual(token, this.sign('form', visitor.session))) return 'token'
    return undefined
  }

  /** Set-Cookie values this answer must carry. */
  cookies(visitor: Visitor): string[] {
    // HttpOnly: no script reads it; SameSite=Lax: no other site's form posts with it; Secure when the shopper came over HTTPS.
    const flags = `HttpOnly; SameSite=Lax${visitor.isSecure ? '; Secure' : ''}`
    const out = visitor.issued ? [`sid=${visitor.issued}.${this.sign('sid', visitor.issued)}; Path=/; Max-Age=31536000; ${flags}`] : []
    if (visitor.accountIssued === null) out.push(`account=; Path=/; Max-Age=0; ${flags}`)
    // The session lives 30 days from its last use on the server; the cookie outlives it and is cleared when found dead.
    else if (visitor.accountIssued) out.push(`account=${visitor.accountIssued}; Path=/; Max-Age=31536000; ${flags}`)
    // Sent only to the back office, never with a request another site started; no Max-Age: the browser forgets it on closing, the server after 30 idle minutes.
    const staffFlags = `Path=/admin; HttpOnly; SameSite=Strict${visitor.isSecure ? '; Secure' : ''}`
    if (visitor.staffIssued === null) out.push(`staff=; Max-Age=0; ${staffFlags}`)
    else if (visitor.staffIssued) out.push(`staff=${visitor.staffIssued}; ${staffFlags}`)
    return out
  }

  private isCrossSite(req: RequestHead): boolean {
    const site = req.header('sec-fetch-site')
    // "same-site" is another origin too: another port or subdomain of the same host.
    if (site) return site !== 'same-origin' && site !== 'none'
    const origin = req.header('origin')
    if (!origin) return false
    return origin !== (this.publicUrl ?? `${req.header('x-forwarded-proto') === 'https' && req.remoteAddress && this.trusted(req.remoteAddress) ? 'https' : 'http'}://${req.header('host')}`)
  }

  private verifiedSession(cookie: string): string | undefined {
    const m = SESSION_COOKIE.exec(cookie)
    return m && safeEqual(m[2]!, this.sign('sid', m[1]!)) ? m[1] : undefined
  }

  /**
   * HMACs of recent sessions, kept so a returning shopper's cached page costs
   * a map lookup rather than two HMACs; cleared whole when full, so memory stays bounded.
   */
  readonly #signed = new Map<string, string>()

  private sign(purpose: string, value: string): string {
    const key = `${purpose}:${value}`
    let tag = this.#signed.get(key)
    if (tag === undefined) {
      tag = createHmac('sha256', this.#secret).update(key).digest('base64url').slice(0, 22)
      if (this.#signed.size >= SIGNED_KEPT) this.#signed.clear()
      this.#signed.set(key, tag)
    }
    return tag
  }
}

function safeEqual(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

function proxyMatcher(list: string[]): (address: string) => boolean {
  const exact = new Set(list.filter((a) => a !== 'loopback').flatMap((a) => [a, `::ffff:${a}`]))
  const loopback = list.includes('loopback')
  return (address) => exact.has(address) || (loopback && LOOPBACK.test(address))
}

/** The first address, from the right, that is not a trusted proxy: anything left of it a client could have written. */
function forwardedClient(header: string | undefined, trusted: (address: string) => boolean): string | undefined {
  const hops = header?.split(',').map((h) => h.trim()).filter(Boolean) ?? []
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted(hops[i]!) || i === 0) return hops[i]
  return undefined
}

/**
 * Scripts and styles come only from the store's own files: the pages carry
 * no inline script (JSON-LD is data, which the policy does not run). Covers
 * may come from publishers' servers over HTTPS. A store taking cards adds its
 * payment provider's script, and the provider's window opens in a frame of
 * the card company's own HTTPS pages.
 */
function contentSecurityPolicy(paymentScript: string | undefined): string {
  const provider = paymentScript ? ` ${new URL(paymentScript).origin}` : ''
  return [
    "default-src 'self'",
    `script-src 'self'${provider}`,
    "style-src 'self'",
    "img-src 'self' https: data:",
    `connect-src 'self'${provider}`,
    ...(paymentScript ? ['frame-src https:'] : []),
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

function securityHeaders(isHttps: boolean, paymentScript: string | undefined): string[] {
  return [
    'content-security-policy', contentSecurityPolicy(paymentScript),
    'x-content-type-options', 'nosniff',
    'referrer-policy', 'strict-origin-when-cross-origin',
    'permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(self)',
    'cross-origin-opener-policy', 'same-origin',
    ...(isHttps ? ['strict-transport-security', 'max-age=31536000; includeSubDomains'] : []),
  ]
}
