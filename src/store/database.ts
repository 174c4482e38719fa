import type { Generated, Insertable, Selectable } from 'kysely'

/**
 * The one schema every query is typed against. Booleans are 0/1 integers and
 * structured values (TOC tree, translated titles) are JSON text, so both
 * dialects store them the same way.
 */
export interface Database {
  book: BookTable
  contributor: ContributorTable
  category: CategoryTable
  book_category: BookCategoryTable
  catalog_change: CatalogChangeTable
  import_run: ImportRunTable
  subject_category: SubjectCategoryTable
  search_book: SearchBookTable
  search_book_category: SearchBookCategoryTable
  search_facet_count: SearchFacetCountTable
  search_word: SearchWordTable
  search_synonym: SearchSynonymTable
  search_popularity: SearchPopularityTable
  reco_event: RecoEventTable
  recommendation: RecommendationTable
  cart_item: CartItemTable
  orders: OrderTable
  order_item: OrderItemTable
  order_day: OrderDayTable
  order_event: OrderEventTable
  point_account: PointAccountTable
  point_entry: PointEntryTable
  customer_address: CustomerAddressTable
  bank_deposit: BankDepositTable
  store_setting: StoreSettingTable
  mail_outbox: MailOutboxTable
  customer: CustomerTable
  account_session: AccountSessionTable
  account_token: AccountTokenTable
  staff: StaffTable
  staff_recovery_code: StaffRecoveryCodeTable
  staff_session: StaffSessionTable
  staff_token: StaffTokenTable
  audit_entry: AuditEntryTable
  book_cover: BookCoverTable
  import_run_book: ImportRunBookTable
  book_redirect: BookRedirectTable
  duplicate_dismissed: DuplicateDismissedTable
  review: ReviewTable
  review_vote: ReviewVoteTable
  wish: WishTable
  bestseller: BestsellerTable
  sales_index: SalesIndexTable
  collection: CollectionTable
  collection_book: CollectionBookTable
  edition_link: EditionLinkTable
  webhook_endpoint: WebhookEndpointTable
  webhook_delivery: WebhookDeliveryTable
  api_key: ApiKeyTable
}

/** Values the store keeps for itself, such as the generated signing secret. */
export interface StoreSettingTable {
  name: string
  value: string
}

/** A mail as rendered, kept until it is delivered or given up on; times are ISO-8601 UTC. */
export interface MailOutboxTable {
  id: string
  created_at: string
  recipient: string
  template: string
  lang: string
  subject: string
  text_body: string
  html_body: string
  /** 'queued' | 'sending' (claimed by one worker until lease_until) | 'sent' | 'failed' (given up) */
  status: string
  attempts: Generated<number>
  next_attempt_at: string
  lease_until: string | null
  last_error: string | null
  sent_at: string | null
  message_id: string | null
}

export interface BookTable {
  isbn13: string
  isbn10: string | null
  title: string
  subtitle: string | null
  original_title: string | null
  /** JSON: { [lang]: { title, subtitle? } } */
  title_translations: string
  publisher: string | null
  imprint: string | null
  issued_on: string | null
  language: string | null
  format: string
  series: string | null
  series_number: string | null
  page_count: number | null
  weight_g: number | null
  width_mm: number | null
  height_mm: number | null
  thickness_mm: number | null
  currency: string
  list_price: number | null
  sale_price: number | null
  stock: number
  /** JSON {titles, names}: romanised forms kept for search; null when there are none. */
  alternate_forms: string | null
  /** 0: copies not counted (an e-book, a book supplied to order); `stock` then holds 0. */
  stock_counted: Generated<number>
  /** Days from order to dispatch when the copies are not on hand; null when unknown. */
  lead_days: number | null
  on_sale: number
  description_headline: string | null
  description_html: string | null
  /** JSON: TocEntry[] */
  toc: string | null
  review_html: string | null
  author_bio_html: string | null
  /** 책 속으로: passages from the book, sanitised rich text. */
  excerpts_html: string | null
  cover_url: string | null
  /** JSON: Contributor[] in order; the contributor table indexes the same names. */
  contributors: string
  /** JSON: the book's category ids, sorted; book_category indexes the same links. */
  category_ids: string
  /** Normalised title and first author (catalog/duplicate-key.ts), set by every write; null until keyed, for books older than the column. */
  dup_key: string | null
  /** Editions of one work share this id (the ISBN of the book the work was first linked from). */
  work_id: string | null
  created_at: Generated<string>
  updated_at: string
}

export interface ContributorTable {
  book_isbn13: string
  seq: number
  name: string
  role: string
}

export interface CategoryTable {
  id: string
  parent_id: string | null
  name_ko: string
  name_en: string
  sort_order: number
}

export interface BookCategoryTable {
  book_isbn13: string
  category_id: string
}

export interface CatalogChangeTable {
  seq: Generated<number>
  /** Null: anything may have changed (a bulk load, the category tree). */
  isbn13: string | null
  changed_at: string
}

/** One run of an importer over one file: who, when, what came of it. */
export interface ImportRunTable {
  id: Generated<number>
  started_at: string
  finished_at: string | null
  user_name: string
  file: string
  format: string
  /** running | done | failed; a "running" row whose process is gone was interrupted. */
  status: string
  /** The importing process, on host; null in runs logged before these were kept. */
  pid: number | null
  host: string | null
  /** Renewed while the import runs: a stale one means the run was interrupted. */
  heartbeat_at: string | null
  records: number
  created: number
  updated: number
  unchanged: number
  withdrawn: number
  rejected: number
  error: string | null
  /** JSON: the run's report (rejections, corrections, data quality). */
  report: string | null
}

/** Staff-editable map from a subject code prefix to a Colophon category; the longest prefix wins. */
export interface SubjectCategoryTable {
  scheme: string
  code: string
  category_id: string
}

/** What search filters, counts and sorts by, one row a book, keyed by the ISBN-13 as an integer. */
export interface SearchBookTable {
  id: number
  title: string
  /** Normalised titles, for ranking an exact title first. */
  title_key: string
  alt_title_key: string | null
  /** Characters of the title proper (its key): the fewer, the more of the title a matching query covers. */
  title_length: number
  publisher: string | null
  format: string
  language: string | null
  issued_on: string | null
  /** What a shopper pays, in minor units. */
  price: number | null
  is_available: number
  /** The book's popularity tier, copied from search_popularity: ranking reads it with no join. */
  popularity: number
}

/** Each book's categories and all their ancestors, so a category's books are one lookup. */
export interface SearchBookCategoryTable {
  id: number
  category_id: string
  /** The book's date of issue ('' when unknown), so a shelf lists newest first from its index. */
  issued_on: Generated<string>
}

/** Running facet counts of each shelf ('' for the whole catalog), kept in step with search_book. */
export interface SearchFacetCountTable {
  category_id: string
  /** publisher, format, language, year, price or category. */
  dim: string
  value: string
  n: number
}

/** Words of the catalog's Latin-script text, for typo tolerance and "did you mean". */
export interface SearchWordTable {
  word: string
  /** How many book writes used the word: a popularity weight, not an exact count. */
  books: number
}

/** A staff-kept synonym: what readers type (normalised) and the words searched for it as well. */
export interface SearchSynonymTable {
  term: string
  expansion: string
  updated_at: string
}

/** A book's popularity from shoppers' events, in weights that grow with time (so old ones fade): see search/popularity.ts. */
export interface SearchPopularityTable {
  id: number
  score: number
  /** What search_book.popularity holds for the book. */
  tier: number
}

/** One shopper signal; session_id is an opaque random id, never personal data. */
export interface RecoEventTable {
  id: string
  session_id: string
  isbn13: string
  /** 'view' | 'cart' | 'purchase' */
  kind: string
  at: string
}

/** A precomputed recommendation list, one row per place. */
export interface RecommendationTable {
  isbn13: string
  rank: number
  rec_isbn13: string
  /** 'bought' | 'viewed' | 'series' | 'author' | 'category' | 'similar' */
  reason: string
  /** The shared category a 'category' reason names. */
  category_id: string | null
  score: number
}

export interface CartItemTable {
  session_id: string
  isbn13: string
  quantity: number
  added_at: string
}

/**
 * An order. Money is in the currency's minor unit: `total` is what is left to
 * pay (books + shipping - points spent). Columns added after the first orders
 * were placed are null on none: the migration fills them in.
 */
export interface OrderTable {
  id: string
  /** What people read on the phone: YYYYMMDD-NNNNNN, numbered per day. */
  number: string
  /** The cart owner that placed it (a session id or `customer:<id>`). */
  session_id: string
  customer_id: string | null
  /** awaiting_payment | paid | preparing | shipped | delivered | return_requested | returned | refunded | cancelled */
  status: string
  /** 'ko' | 'en': the language its mails are written in. */
  lang: string
  placed_at: string
  updated_at: string
  currency: string
  total: number
  books_total: number
  shipping_fee: number
  points_spent: number
  points_earned: number
  buyer_name: string | null
  buyer_phone: string | null
  buyer_email: string | null
  recipient_name: string | null
  recipient_phone: string | null
  postal_code: string | null
  address: string | null
  address_detail: string | null
  delivery_note: string | null
  /** 'bank_transfer' | 'card' */
  payment_method: string | null
  /** The provider's payment id (PortOne), chosen by the store when the order is placed. */
  payment_id: string | null
  depositor_name: string | null
  /** A bank transfer must arrive by then, or the order is cancelled. */
  pay_by: string | null
  paid_at: string | null
  /** The delivery estimate given at checkout (YYYY-MM-DD, Seoul). */
  arrives_on: string | null
  carrier: string | null
  tracking_number: string | null
  delivered_at: string | null
  /** The checkout form's one-time key: a second submission of the same form finds this order. */
  idempotency_key: string | null
}

export interface OrderItemTable {
  order_id: string
  isbn13: string
  /** The title when ordered, so the order reads the same after the catalog changes. */
  title: string
  quantity: number
  /** What one copy sold for. */
  unit_price: number
  /** 정가 per copy, the discount and the points earned on the whole line. */
  list_price: Generated<number>
  discount: Generated<number>
  points: Generated<number>
}

/** The last order number given out on a day (YYYYMMDD). */
export interface OrderDayTable {
  day: string
  last: number
}

/** One step of an order's life: who moved it, when and why. */
export interface OrderEventTable {
  order_id: string
  seq: number
  at: string
  from_status: string | null
  to_status: string
  /** 'customer:<id>' | 'guest' | 'staff:<name>' | 'system' | 'bank' | 'portone' */
  actor: string
  reason: string | null
}

/** A customer's points (적립금) balance; point_entry holds its history. */
export interface PointAccountTable {
  customer_id: string
  balance: number
}

/** A change to a customer's points (적립금): earned, spent, restored or taken back. */
export interface PointEntryTable {
  id: string
  customer_id: string
  order_id: string | null
  at: string
  delta: number
  /** 'earned' | 'spent' | 'restored' | 'revoked' */
  reason: string
}

/** An address in a customer's address book. */
export interface CustomerAddressTable {
  id: string
  customer_id: string
  recipient_name: string
  recipient_phone: string
  postal_code: string
  address: string
  address_detail: string
  is_default: number
  created_at: string
}

/** A deposit line of an imported bank statement; the key makes a second import of the same line a no-op. */
export interface BankDepositTable {
  key: string
  imported_at: string
  deposited_on: string
  depositor: string
  amount: number
  order_id: string | null
  /** 'matched' | 'ambiguous' | 'unmatched' | 'confirmed' (a person decided) */
  outcome: string
  /** The statement file it came from. */
  source: string
}

/** A customer account; the email is stored lowercased, the password only as its argon2id hash. */
export interface CustomerTable {
  id: string
  email: string
  password_hash: string
  name: string
  phone: string | null
  /** 'ko' | 'en': the language mail is written in. */
  lang: string
  verified_at: string | null
  created_at: string
  updated_at: string
}

/** A signed-in browser; the id is the SHA-256 of the cookie's token, so a copy of the table signs nobody in. */
export interface AccountSessionTable {
  id: string
  customer_id: string
  created_at: string
  last_seen_at: string
  expires_at: string
  revoked_at: string | null
}

/** A single-use emailed token ('verify' | 'reset'), kept as its SHA-256. */
export interface AccountTokenTable {
  id: string
  purpose: string
  customer_id: string
  expires_at: string
  used_at: string | null
}

export type BookRow = Selectable<BookTable>
export type NewBookRow = Insertable<BookTable>
export type ContributorRow = Selectable<ContributorTable>
export type CategoryRow = Selectable<CategoryTable>

/** One staff write, kept for ever (the database refuses UPDATE and DELETE); `changes` is JSON [{ field, before, after }]. */
export interface AuditEntryTable {
  id: Generated<number>
  at: string
  /** 'staff:<id>', 'cli' or 'unknown' */
  actor: string
  /** The actor's name when the entry was written. */
  actor_name: string
  action: string
  record_type: string
  record_id: string
  /** 'form' | 'bulk' | 'import:<run id>' | 'cli' */
  via: string
  changes: string
}

/** A cover uploaded by staff; `widths` is JSON [160, 320, 640], the derivatives made (never wider than the upload). */
export interface BookCoverTable {
  isbn13: string
  /** The first 16 hex digits of the upload's SHA-256: part of every file name. */
  hash: string
  width: number
  height: number
  widths: string
  uploaded_at: string
  /** Who uploaded it: 'staff:<id>' or 'cli'. */
  uploaded_by: string
}

/** A book an import run carried (created, updated, unchanged or withdrawn): "imported by run R" in the back office. */
export interface ImportRunBookTable {
  run_id: number
  isbn13: string
}

/** A book merged into another: its row stays (history, order lines), its page redirects to `to_isbn13`. */
export interface BookRedirectTable {
  from_isbn13: string
  to_isbn13: string
  merged_at: string
  /** 'staff:<id>' */
  merged_by: string
}

/** One place on a bestseller list: `category_id` '' is the whole store; `previous_rank` the place in the period before (null: new). */
export interface BestsellerTable {
  /** 'daily' | 'weekly' | 'monthly' */
  period: string
  category_id: string
  rank: number
  isbn13: string
  copies: number
  previous_rank: number | null
}

/** A book's sales index (판매지수) at the last rebuild. */
export interface SalesIndexTable {
  isbn13: string
  points: number
}

/** A collection staff curate for the home page (staff picks). */
export interface CollectionTable {
  id: string
  title_ko: string
  title_en: string
  blurb_ko: string
  blurb_en: string
  position: number
  updated_at: string
}

/** A feed's word that a book is another edition of a product ('isbn:…') or a manifestation of a work ('work:TYPE:ID'). */
export interface EditionLinkTable {
  isbn13: string
  link: string
}

export interface CollectionBookTable {
  collection_id: string
  position: number
  isbn13: string
}

/** A reader's review of a book: one per book per reader; staff hide it (with a reason) rather than delete it. */
export interface ReviewTable {
  id: string
  isbn13: string
  customer_id: string
  /** 1 to 5 */
  rating: number
  /** Plain text as the reader wrote it (escaped when shown). */
  body: string
  created_at: string
  updated_at: string
  helpful_count: Generated<number>
  report_count: Generated<number>
  hidden_at: string | null
  hidden_reason: string | null
}

/** One reader's helpful vote or abuse report on a review. */
export interface ReviewVoteTable {
  review_id: string
  customer_id: string
  /** 'helpful' | 'report' */
  kind: string
  reason: string | null
  created_at: string
}

/** A book on a reader's wishlist (찜). */
export interface WishTable {
  customer_id: string
  isbn13: string
  created_at: string
}

/** Two books staff said are not duplicates, the smaller ISBN first. */
export interface DuplicateDismissedTable {
  isbn13_a: string
  isbn13_b: string
  dismissed_at: string
  dismissed_by: string
}

/** A member of staff; no password until they follow their set-password link. Times are ISO-8601 UTC. */
export interface StaffTable {
  id: string
  email: string
  name: string
  /** 'owner' | 'catalog' | 'orders' | 'viewer' */
  role: string
  password_hash: string | null
  /** Base32; set at enrolment, in force from totp_enabled_at. */
  totp_secret: string | null
  totp_enabled_at: string | null
  totp_last_step: number | null
  lang: string
  created_at: string
  disabled_at: string | null
}

export interface StaffRecoveryCodeTable {
  staff_id: string
  /** SHA-256 of the code, hex. */
  code_hash: string
  used_at: string | null
}

export interface StaffSessionTable {
  /** SHA-256 of the cookie's token, hex. */
  id: string
  staff_id: string
  created_at: string
  last_seen_at: string
  revoked_at: string | null
}

export interface StaffTokenTable {
  /** SHA-256 of the token, hex. */
  id: string
  /** 'password' (a set-password link) | 'sign-in' (the password was right; the second step remains) */
  purpose: string
  staff_id: string
  expires_at: string
  used_at: string | null
}

/** A receiver an owner registered: where, which events (space-separated) and the Standard Webhooks secret (whsec_…). */
export interface WebhookEndpointTable {
  id: string
  url: string
  description: string
  events: string
  secret: string
  created_at: string
  disabled_at: string | null
}

/** One message to one endpoint: the queue and the delivery log in one. */
export interface WebhookDeliveryTable {
  /** msg_…: the webhook-id header, the same on every attempt. */
  id: string
  endpoint_id: string
  event_type: string
  /** The JSON body, as signed. */
  payload: string
  /** 'queued' | 'sending' (one worker until lease_until) | 'delivered' | 'failed' (given up after a day) */
  status: string
  attempts: Generated<number>
  created_at: string
  next_attempt_at: string
  /** A day after it was queued or re-sent: a failure after this is final. */
  give_up_at: string
  lease_until: string | null
  last_attempt_at: string | null
  response_status: number | null
  response_excerpt: string | null
  last_error: string | null
  delivered_at: string | null
}

/** A partner's API key: only its SHA-256 is kept; `scopes` is a JSON array. */
export interface ApiKeyTable {
  id: string
  name: string
  /** The key's first characters, to tell keys apart on screen. */
  prefix: string
  hash: string
  scopes: string
  created_at: string
  created_by: string
  last_used_at: string | null
  revoked_at: string | null
}
