import { z } from 'zod'
import { StartupError } from './errors'

/** A PostgreSQL connection URL (anything else in COLOPHON_DB is a SQLite file). */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url)

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** A SQLite file path (or sqlite:PATH), or a postgres:// URL. */
  COLOPHON_DB: z.string().min(1).default('colophon.db'),
  /** A read replica of the PostgreSQL database for search (postgres:// URL); unset, search reads the database itself. */
  COLOPHON_DB_READ_URL: z.string().refine(isPostgresUrl, 'expected a postgres:// URL of a read replica').optional(),
  /** Connections each process keeps to PostgreSQL (ignored by SQLite). */
  COLOPHON_DB_POOL: z.coerce.number().int().min(1).max(1000).default(10),
  COLOPHON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where GET /metrics is answered: "off", "main" (the store's own port) or "[host:]port" (default: loopback 9464). */
  COLOPHON_METRICS: z
    .string()
    .regex(/^(off|main|(?:[\w.-]+:)?\d{1,5})$/, 'expected off, main, PORT or HOST:PORT')
    .default('127.0.0.1:9464'),
  /** A back-office session unused this many minutes ends. */
  COLOPHON_STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  /** A back-office session ends this many hours after sign-in, however busy. */
  COLOPHON_STAFF_MAX_HOURS: z.coerce.number().int().min(1).max(168).default(8),
  /** The store's public origin (https://books.example): every absolute link is built from it, never from a request's Host. */
  COLOPHON_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://books.example" })
    .transform((u) => new URL(u).origin)
    .optional(),
  /** Addresses of the proxies whose X-Forwarded-Proto and X-Forwarded-For are believed: "loopback" or a comma-separated list of IPs. */
  COLOPHON_TRUST_PROXY: z
    .string()
    .transform((s) => s.split(",").map((a) => a.trim()).filter(Boolean))
    .default([]),
  /** Signs session ids and form tokens; at least 32 characters. Unset: the database keeps a generated one. */
  COLOPHON_SECRET: z.string().min(32, "use at least 32 characters").optional(),
  /** Bearer tokens of the trading partners who may fetch the ONIX feed, comma-separated; unset, the feed is off. */
  COLOPHON_FEED_TOKENS: z
    .string()
    .transform((s) => s.split(",").map((t) => t.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(24, "each feed token needs at least 24 characters")))
    .default([]),
  /** Where the ONIX feed's files are written; unset, beside the SQLite file or in the OS temp folder (defaultFeedDir). */
  COLOPHON_FEED_DIR: z.string().min(1).optional(),
  /** Upper bound on each worker's rendered-page cache, in MiB. */
  COLOPHON_PAGE_CACHE_MB: z.coerce.number().int().min(1).max(65536).default(64),
  /** The book price law (도서정가제) on KRW books: "off" for a store outside Korea. */
  COLOPHON_PRICE_LAW: z.enum(['on', 'off']).default('on'),
  /** Which currency an imported book is priced in when its feed has no KRW price for Korea: "any" (the feed's first), "none", or ISO 4217 codes in order ("USD,EUR"). */
  COLOPHON_PRICE_FALLBACK_CURRENCY: z
    .string()
    .trim()
    .regex(/^(any|none|[A-Z]{3}(\s*,\s*[A-Z]{3})*)$/, 'expected any, none or ISO 4217 codes such as USD,EUR')
    .transform((s): 'any' | 'none' | string[] => (s === 'any' || s === 'none' ? s : s.split(',').map((c) => c.trim())))
    .default('any'),
  /** Points earned as a share of the price paid; the law caps discount and points together at 15%. */
  COLOPHON_POINT_RATE: z.coerce.number().min(0).max(0.15).default(0.05),
  /** Shipping fee in won, charged below COLOPHON_FREE_SHIPPING_FROM (the books' total after discounts). */
  COLOPHON_SHIPPING_FEE: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  COLOPHON_FREE_SHIPPING_FROM: z.coerce.number().int().min(0).max(100_000_000).default(15000),
  /** Where mail goes: smtp:// or smtps://user:pass@host:port; unset, each mail is written as an .eml file to COLOPHON_MAIL_OUTBOX. */
  COLOPHON_SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, 'expected smtp://user:pass@host:port or smtps://...').optional(),
  COLOPHON_MAIL_FROM: z.string().min(3).default('Colophon <no-reply@localhost>'),
  /** The folder mail is written to when no SMTP server is configured. */
  COLOPHON_MAIL_OUTBOX: z.string().min(1).default('./mail-outbox'),
  /** The account bank transfers (무통장입금) go to, shown at checkout and in the order mail. */
  COLOPHON_BANK_NAME: z.string().min(1).default('KB국민은행'),
  COLOPHON_BANK_ACCOUNT: z.string().regex(/^[0-9-]{6,30}$/, 'expected digits and hyphens').default('000000-00-000000'),
  COLOPHON_BANK_HOLDER: z.string().min(1).default('Colophon'),
  /** Days a bank transfer may take before the order is cancelled and its stock released. */
  COLOPHON_BANK_DAYS: z.coerce.number().int().min(1).max(14).default(3),
  /** Minutes a card payment window may stay open before its order is given up. */
  COLOPHON_CARD_MINUTES: z.coerce.number().int().min(10).max(1440).default(60),
  /** Days after delivery within which a return may be asked for. */
  COLOPHON_RETURN_DAYS: z.coerce.number().int().min(0).max(90).default(7),
  /** Orders placed before this time (Korea) on a working day ship that day. */
  COLOPHON_SHIP_CUTOFF: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM').default('14:00'),
  /** A JSON table of public holidays replacing the bundled Korean one (see src/commerce/shipping/holidays.ts). */
  COLOPHON_HOLIDAYS_FILE: z.string().min(1).optional(),
  /** PortOne V2: card and easy payments when all three are set. */
  COLOPHON_PORTONE_STORE_ID: z.string().min(1).optional(),
  COLOPHON_PORTONE_CHANNEL_KEY: z.string().min(1).optional(),
  COLOPHON_PORTONE_API_SECRET: z.string().min(1).optional(),
  /** The webhook secret (whsec_...) PortOne's console gives; without it the webhook endpoint refuses everything. */
  COLOPHON_PORTONE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** PortOne's REST API and browser SDK, for a stand-in in tests. */
  COLOPHON_PORTONE_API_URL: z.url().default('https://api.portone.io'),
  COLOPHON_PORTONE_SDK_URL: z.url().default('https://cdn.portone.io/v2/browser-sdk.js'),
  /** Where uploaded covers' files are written; unset, beside the SQLite file or in the OS temp folder (defaultCoverDir). */
  COLOPHON_COVER_DIR: z.string().min(1).optional(),
  /** The largest cover image staff may upload, in MB. */
  COLOPHON_COVER_MAX_MB: z.coerce.number().min(1).max(100).default(10),
  /** The largest feed file staff may upload in the back office to import, in MB. */
  COLOPHON_IMPORT_MAX_MB: z.coerce.number().min(1).max(10240).default(200),
  /** Requests the open API answers one client address per minute (429 beyond). */
  COLOPHON_API_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
})

export type Config = z.infer<typeof envSchema>

/** Reads the environment once, at boot; every later reader trusts the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new StartupError(`invalid configuration: ${problems}`)
  }
  if (parsed.data.COLOPHON_DB_READ_URL && !isPostgresUrl(parsed.data.COLOPHON_DB)) {
    throw new StartupError('invalid configuration: COLOPHON_DB_READ_URL: a read replica needs COLOPHON_DB to be a postgres:// URL too (SQLite has no replicas)')
  }
  return parsed.data
}
