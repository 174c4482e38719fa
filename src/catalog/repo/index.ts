import { sql, type Kysely, type Transaction } from 'kysely'
import { preparedQuery, type BookRow, type CategoryRow, type Database, type NewBookRow } from '../../store'
import { DIGITAL_FORMATS } from '../availability'
import { toCover } from '../covers'
import { duplicateKey } from '../duplicate-key'
import { isbn10Of, type Isbn13 } from '../isbn'
import type { BookInput } from '../schema'
import type { Book, BookFacts, BookSummary, Category, StockLine } from '../types'

type Db = Kysely<Database> | Transaction<Database>

function toRow(b: BookInput, now: string): NewBookRow {
  return {
    isbn13: b.isbn13,
    isbn10: isbn10Of(b.isbn13),
    title: b.title,
    subtitle: b.subtitle,
    original_title: b.originalTitle,
    title_translations: JSON.stringify(b.translations),
    publisher: b.publisher,
    imprint: b.imprint,
    issued_on: b.issuedOn,
    language: b.language,
    format: b.format,
    series: b.series,
    series_number: b.seriesNumber,
    page_count: b.pageCount,
    weight_g: b.weightG,
    width_mm: b.dimensions?.widthMm ?? null,
    height_mm: b.dimensions?.heightMm ?? null,
    thickness_mm: b.dimensions?.thicknessMm ?? null,
    // The column predates books without a price and is NOT NULL: '' stands for none.
    currency: b.currency ?? '',
    list_price: b.listPrice,
    sale_price: b.salePrice,
    stock: b.stock ?? 0,
    stock_counted: b.stock === null ? 0 : 1,
    lead_days: b.leadDays,
    on_sale: b.onSale ? 1 : 0,
    description_headline: b.descriptionHeadline,
    description_html: b.descriptionHtml,
    toc: b.toc.length ? JSON.stringify(b.toc) : null,
    review_html: b.reviewHtml,
    author_bio_html: b.authorBioHtml,
    excerpts_html: b.excerptsHtml,
    cover_url: b.coverUrl,
    contributors: JSON.stringify(b.contributors.map((c) => ({ name: c.name, role: c.role }))),
    alternate_forms: b.alternateForms?.titles.length || b.alternateForms?.names.length ? JSON.stringify(b.alternateForms) : null,
    category_ids: JSON.stringify([...new Set(b.categoryIds)].sort()),
    // '' for a book with no key: it is keyed, and matches nothing.
    dup_key: duplicateKey(b.title, b.contributors) ?? '',
    updated_at: now,
  }
}

/** An uploaded cover's facts come with every read of a book, in the same query: pages need them to size the image. */
const coverColumns = ['book_cover.hash as cover_hash', 'book_cover.width as cover_width', 'book_cover.height as cover_height', 'book_cover.widths as cover_widths'] as const

interface CoverColumns {
  cover_hash: string | null
  cover_width: number | null
  cover_height: number | null
  cover_widths: string | null
}

const withCover = (db: Db) => db.selectFrom('book').leftJoin('book_cover', 'book_cover.isbn13', 'book.isbn13').select(coverColumns)

function fromRow(r: BookRow & CoverColumns): Book {
  return {
    isbn13: r.isbn13 as Isbn13,
    isbn10: r.isbn10,
    title: r.title,
    subtitle: r.subtitle,
    originalTitle: r.original_title,
    translations: JSON.parse(r.title_translations),
    contributors: JSON.parse(r.contributors),
    alternateForms: r.alternate_forms ? JSON.parse(r.alternate_forms) : { titles: [], names: [] },
    publisher: r.publisher,
    imprint: r.imprint,
    issuedOn: r.issued_on,
    language: r.language,
    format: r.format as Book['format'],
    series: r.series,
    seriesNumber: r.series_number,
    pageCount: r.page_count,
    weightG: r.weight_g,
    dimensions: r.width_mm != null && r.height_mm != null ? { widthMm: r.width_mm, heightMm: r.height_mm, thicknessMm: r.thickness_mm } : null,
    currency: r.currency || null,
    listPrice: r.list_price == null ? null : Number(r.list_price),
    salePrice: r.sale_price == null ? null : Number(r.sale_price),
    stock: r.stock_counted ? r.stock : null,
    leadDays: r.lead_days,
    onSale: r.on_sale === 1,
    descriptionHeadline: r.description_headline,
    descriptionHtml: r.description_html,
    toc: r.toc ? JSON.parse(r.toc) : [],
    reviewHtml: r.review_html,
    authorBioHtml: r.author_bio_html,
    excerptsHtml: r.excerpts_html ?? null,
    coverUrl: r.cover_url,
    cover: toCover(r.cover_hash, r.cover_width, r.cover_height, r.cover_widths),
    categoryIds: JSON.parse(r.category_ids),
    workId: r.work_id,
    updatedAt: r.updated_at,
  }
}

/**
 * Inserts or replaces books by ISBN-13, with their contributors and
 * categories, inside the caller's transaction. The book row carries both (read
 * with it); the contributor and book_category rows index them (find by name,
 * by category). Multi-row statements keep a million-book load fast.
 */
export async function upsertBooks(trx: Db, books: BookInput[], now = new Date().toISOString()): Promise<void> {
  if (books.length === 0) return
  const isbns = books.map((b) => b.isbn13)
  const rows = books.map((b) => toRow(b, now))
  // SQLite allows 32,766 bound parameters per statement; a book row binds 33.
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('book')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('isbn13').doUpdateSet((eb) => {
          const set: Record<string, unknown> = {}
          for (const key of Object.keys(rows[0]!)) if (key !== 'isbn13') set[key] = eb.ref(`excluded.${key}` as 'excluded.title')
          return set
        }),
      )
      .execute()
  }
  for (let i = 0; i < isbns.length; i += 900) {
    const chunk = isbns.slice(i, i + 900)
    await trx.deleteFrom('contributor').where('book_isbn13', 'in', chunk).execute()
    await trx.deleteFrom('book_category').where('book_isbn13', 'in', chunk).execute()
  }
  const contributors = books.flatMap((b) => b.contributors.map((c, seq) => ({ book_isbn13: b.isbn13, seq, name: c.name, role: c.role })))
  for (let i = 0; i < contributors.length; i += 2000) await trx.insertInto('contributor').values(contributors.slice(i, i + 2000)).execute()
  const links = books.flatMap((b) => [...new Set(b.categoryIds)].map((category_id) => ({ book_isbn13: b.isbn13, category_id })))
  for (let i = 0; i < links.length; i += 5000) await trx.insertInto('book_category').values(links.slice(i, i + 5000)).execute()
}

/** Deletes books; contributors and category links go with them (ON DELETE CASCADE). */
export async function deleteBooks(trx: Db, isbns: string[]): Promise<void> {
  for (let i = 0; i < isbns.length; i += 900) await trx.deleteFrom('book').where('isbn13', 'in', isbns.slice(i, i + 900)).execute()
}

/** Every product page reads its book: built and compiled once. */
const bookByIsbn = preparedQuery((db: Db, a: { isbn13: string }) => withCover(db).selectAll('book').where('book.isbn13', '=', a.isbn13))

export async function findBook(db: Db, isbn13: Isbn13): Promise<Book | undefined> {
  const [row] = await bookByIsbn(db, { isbn13 })
  return row && fromRow(row)
}

/** Whole books in ISBN order after `after`, those merged into another left out: the way to walk the catalog in batches (reindexing). */
export async function booksAfter(db: Db, after: string, limit: number): Promise<Book[]> {
  const rows = await withCover(db)
    .selectAll('book')
    .where('book.isbn13', '>', after)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('book_redirect').select('from_isbn13').whereRef('book_redirect.from_isbn13', '=', 'book.isbn13'))))
    .orderBy('book.isbn13')
    .limit(limit)
    .execute()
  return rows.map(fromRow)
}

/** Those of these books merged into another. */
export async function mergedAway(db: Db, isbns: string[]): Promise<Set<string>> {
  const gone = new Set<string>()
  for (let i = 0; i < isbns.length; i += 900) {
    const rows = await db.selectFrom('book_redirect').select('from_isbn13').where('from_isbn13', 'in', isbns.slice(i, i + 900)).execute()
    for (const r of rows) gone.add(r.from_isbn13)
  }
  return gone
}

const summaryColumns = [
  'book.isbn13',
  'book.title',
  'book.title_translations',
  'book.contributors',
  'book.publisher',
  'book.issued_on',
  'book.format',
  'book.cover_url',
  'book.currency',
  'book.list_price',
  'book.sale_price',
  'book.stock',
  'book.stock_counted',
  'book.lead_days',
  'book.on_sale',
] as const

type SummaryRow = Pick<BookRow, 'isbn13' | 'title' | 'title_translations' | 'contributors' | 'publisher' | 'issued_on' | 'format' | 'cover_url' | 'currency' | 'list_price' | 'sale_price' | 'stock' | 'stock_counted' | 'lead_days' | 'on_sale'> & CoverColumns

/** Loads summaries for ISBNs, keeping the order given. */
export async function findSummaries(db: Db, isbns: string[]): Promise<BookSummary[]> {
  if (isbns.length === 0) return []
  const rows = await withCover(db).select(summaryColumns).where('book.isbn13', 'in', isbns).execute()
  const byIsbn = new Map(rows.map((r) => [r.isbn13, r]))
  return isbns.flatMap((isbn) => {
    const r = byIsbn.get(isbn)
    return r ? [toSummary(r)] : []
  })
}

function toSummary(r: SummaryRow): BookSummary {
  return {
    isbn13: r.isbn13 as Isbn13,
    title: r.title,
    translations: JSON.parse(r.title_translations),
    contributors: JSON.parse(r.contributors),
    publisher: r.publisher,
    issuedOn: r.issued_on,
    format: r.format as BookSummary['format'],
    coverUrl: r.cover_url,
    cover: toCover(r.cover_hash, r.cover_width, r.cover_height, r.cover_widths),
    currency: r.currency,
    listPrice: r.list_price == null ? null : Number(r.list_price),
    salePrice: r.sale_price == null ? null : Number(r.sale_price),
    stock: r.stock_counted ? r.stock : null,
    leadDays: r.lead_days,
    onSale: r.on_sale === 1,
  }
}

/** Newest books on sale, by date of issue (never past today: pre-orders wait). */
export async function newestIsbns(db: Db, limit: number, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('book')
    .select('isbn13')
    .where('on_sale', '=', 1)
    .where('issued_on', '<=', today)
    .orderBy('issued_on', 'desc')
    .orderBy('isbn13', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.isbn13)
}

/** One page of the books filed under any of the given categories, newest first. */
export async function isbnsInCategories(db: Db, categoryIds: string[], limit: number, offset: number): Promise<{ isbns: string[]; total: number }> {
  if (categoryIds.length === 0) return { isbns: [], total: 0 }
  const inCategories = db.selectFrom('book_category').select('book_isbn13').where('category_id', 'in', categoryIds)
  const [rows, count] = await Promise.all([
    db
      .selectFrom('book')
      .select('isbn13')
      .where('isbn13', 'in', inCategories)
      .orderBy('issued_on', 'desc')
      .orderBy('isbn13', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('book_category')
      .select((eb) => eb.fn.count<number>('book_isbn13').distinct().as('n'))
      .where('category_id', 'in', categoryIds)
      .executeTakeFirstOrThrow(),
  ])
  return { isbns: rows.map((r) => r.isbn13), total: Number(count.n) }
}

/** A related-books read looks at this many of a book's contributors and categories: the lead ones. */
const RELATED_NAMES = 4
const RELATED_CATEGORIES = 3

/**
 * The related-books read for lists of `limit`, built and compiled once: a
 * fixed number of name and category slots (unused ones repeat a name or ask
 * for no category), so every book's read is the same SQL text and the same
 * prepared statement. The limits are written into the SQL rather than bound:
 * SQLite plans the bounded subqueries about twice as fast when it can see them.
 */
function relatedReadOf(limit: number) {
  return preparedQuery((db: Db, a: { isbn13: string; names: string[]; categories: string[] }) => {
    const byContributor = db
      .selectFrom('contributor')
      .select(['book_isbn13 as isbn13', sql<number>`3`.as('w')])
      .where('name', 'in', a.names)
      .where('book_isbn13', '!=', a.isbn13)
      .limit(sql.lit(200))
    const byCategory = a.categories.map((categoryId) =>
      db
        .selectFrom('book_category')
        .select(['book_isbn13 as isbn13', sql<number>`1`.as('w')])
        .where('category_id', '=', categoryId)
        .where('book_isbn13', '!=', a.isbn13)
        .orderBy('book_isbn13', 'desc')
        .limit(sql.lit(limit * 8)),
    )
    const [first, ...rest] = [byContributor, ...byCategory].map((q, i) => db.selectFrom(q.as(`s${i}`)).select(['isbn13', 'w']))
    const scored = db
      .selectFrom(rest.reduce((all, q) => all.unionAll(q), first!).as('c'))
      .select(['c.isbn13', (eb) => eb.fn.sum<number>('c.w').as('score')])
      .groupBy('c.isbn13')
      // Twice the list: a book off sale now and then still leaves a full one.
      .orderBy('score', 'desc')
      .orderBy('c.isbn13', 'desc')
      .limit(sql.lit(limit * 2))
    return withCover(db)
      .innerJoin(scored.as('r'), 'r.isbn13', 'book.isbn13')
      .select(summaryColumns)
      .where('book.on_sale', '=', sql.lit(1))
      .orderBy('r.score', 'desc')
      .orderBy('book.isbn13', 'desc')
      .limit(sql.lit(limit))
  })
}
const relatedReads = new Map<number, ReturnType<typeof relatedReadOf>>()

/** Fills a list of slots: the values given (the first `n`), then `pad` for the rest. */
function slots(values: string[], n: number, pad: string): string[] {
  return Array.from({ length: n }, (_, i) => values[i] ?? pad)
}

/**
 * Books on sale that share contributors and categories with the given one,
 * ranked by what they share (a contributor counts three categories), newest
 * first on ties, in one read: the candidates come from the contributor and
 * category indexes alone (bounded per category, so a large category costs the
 * same as a small one), are scored by the database, and only the best few are
 * looked up as books. The lead four contributors and three categories count.
 */
export async function relatedSummaries(db: Db, book: Pick<Book, 'isbn13' | 'contributors' | 'categoryIds'>, limit: number): Promise<BookSummary[]> {
  const names = [...new Set(book.contributors.map((c) => c.name))]
  if (!names.length && !book.categoryIds.length) return []
  // An unused name slot repeats a name (or, with none, asks for the empty name, which no one has); an unused category slot asks for no category.
  let read = relatedReads.get(limit)
  if (!read) relatedReads.set(limit, (read = relatedReadOf(limit)))
  const rows = await read(db, { isbn13: book.isbn13, names: slots(names, RELATED_NAMES, names[0] ?? ''), categories: slots(book.categoryIds, RELATED_CATEGORIES, '') })
  return rows.map(toSummary)
}

/** Books on sale on the shelves beside the given book's (the same parent category), newest ISBN first: what fills a short related list. */
export async function neighbourShelfIsbns(db: Db, book: Pick<Book, 'isbn13' | 'categoryIds'>, limit: number): Promise<string[]> {
  if (!book.categoryIds.length) return []
  const rows = await db
    .selectFrom('book_category')
    .innerJoin('book', 'book.isbn13', 'book_category.book_isbn13')
    .select('book.isbn13')
    .where('book_category.category_id', 'in', (eb) =>
      eb.selectFrom('category').select('id').where('parent_id', 'in', (p) => p.selectFrom('category').select('parent_id').where('id', 'in', book.categoryIds).where('parent_id', 'is not', null)),
    )
    .where('book.isbn13', '!=', book.isbn13)
    .where('book.on_sale', '=', 1)
    .orderBy('book_category.book_isbn13', 'desc')
    .limit(limit)
    .execute()
  return [...new Set(rows.map((r) => r.isbn13))]
}

export async function hasBooks(db: Db): Promise<boolean> {
  return (await db.selectFrom('book').select('isbn13').limit(1).executeTakeFirst()) !== undefined
}

export async function countBooks(db: Db): Promise<number> {
  const r = await db.selectFrom('book').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function allCategories(db: Db): Promise<Category[]> {
  const rows = await db.selectFrom('category').selectAll().orderBy('sort_order').orderBy('id').execute()
  return rows.map((r: CategoryRow) => ({ id: r.id, parentId: r.parent_id, name: { ko: r.name_ko, en: r.name_en }, sortOrder: r.sort_order }))
}

/** Parents must come before children in the list. */
export async function upsertCategories(trx: Db, categories: Category[]): Promise<void> {
  for (const c of categories) {
    const row = { id: c.id, parent_id: c.parentId, name_ko: c.name.ko, name_en: c.name.en, sort_order: c.sortOrder }
    await trx
      .insertInto('category')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ parent_id: row.parent_id, name_ko: row.name_ko, name_en: row.name_en, sort_order: row.sort_order }))
      .execute()
  }
}

/** One slice of every ISBN on sale, in key order (sitemaps). */
/** Books on sale in ISBN order, with when each last changed and its cover (a sitemap's rows). */
export async function isbnSlice(db: Db, offset: number, limit: number): Promise<SitemapRow[]> {
  const rows = await withCover(db)
    .select(['book.isbn13', 'book.updated_at', 'book.cover_url'])
    .where('book.on_sale', '=', 1)
    .orderBy('book.isbn13')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map((r) => ({
    isbn13: r.isbn13,
    updatedAt: r.updated_at,
    coverUrl: r.cover_url,
    cover: r.cover_hash && r.cover_widths ? { hash: r.cover_hash, widths: JSON.parse(r.cover_widths) as number[] } : null,
  }))
}

export interface SitemapRow {
  isbn13: string
  updatedAt: string
  coverUrl: string | null
  /** An uploaded cover: its hash and stored widths. */
  cover: { hash: string; widths: number[] } | null
}

/** Full books for ISBNs, in no particular order (importers load a batch at a time). */
export async function findBooks(db: Db, isbns: string[]): Promise<Book[]> {
  const out: Book[] = []
  for (let i = 0; i < isbns.length; i += 900) {
    const rows = await withCover(db).selectAll('book').where('book.isbn13', 'in', isbns.slice(i, i + 900)).execute()
    for (const r of rows) out.push(fromRow(r))
  }
  return out
}

/** ISBNs in order after `after`, a page at a time: walks the whole catalog in bounded memory. */
export async function isbnsAfter(db: Db, after: string, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('book').select('isbn13').where('isbn13', '>', after).orderBy('isbn13').limit(limit).execute()
  return rows.map((r) => r.isbn13)
}

/** How many books lack each field a product page needs. */
export async function qualityCounts(db: Db): Promise<{ books: number; cover: number; description: number; toc: number; dimensions: number; price: number; category: number }> {
  const r = await db
    .selectFrom('book')
    .select((eb) => [
      eb.fn.countAll<number>().as('books'),
      eb.fn.sum<number>(eb.case().when('cover_url', 'is', null).then(1).else(0).end()).as('cover'),
      eb.fn.sum<number>(eb.case().when('description_html', 'is', null).then(1).else(0).end()).as('description'),
      eb.fn.sum<number>(eb.case().when('toc', 'is', null).then(1).else(0).end()).as('toc'),
      eb.fn.sum<number>(eb.case().when('width_mm', 'is', null).then(1).else(0).end()).as('dimensions'),
      eb.fn.sum<number>(eb.case().when('list_price', 'is', null).then(1).else(0).end()).as('price'),
      eb.fn
        .sum<number>(eb.case().when(eb.not(eb.exists(eb.selectFrom('book_category').select('category_id').whereRef('book_category.book_isbn13', '=', 'book.isbn13')))).then(1).else(0).end())
        .as('category'),
    ])
    .executeTakeFirstOrThrow()
  return {
    books: Number(r.books),
    cover: Number(r.cover ?? 0),
    description: Number(r.description ?? 0),
    toc: Number(r.toc ?? 0),
    dimensions: Number(r.dimensions ?? 0),
    price: Number(r.price ?? 0),
    category: Number(r.category ?? 0),
  }
}

/** What rebuilding recommendations reads of each book, a page at a time by ISBN. */
export async function bookFactsAfter(db: Db, afterIsbn: string, limit: number): Promise<BookFacts[]> {
  const rows = await db
    .selectFrom('book')
    .select(['isbn13', 'title', 'title_translations', 'contributors', 'category_ids', 'description_headline', 'description_html', 'series', 'series_number', 'on_sale', 'issued_on'])
    .where('isbn13', '>', afterIsbn)
    .orderBy('isbn13')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    isbn13: r.isbn13 as Isbn13,
    title: r.title,
    titleEn: (JSON.parse(r.title_translations) as Book['translations']).en?.title ?? null,
    text: [r.description_headline, r.description_html].filter(Boolean).join(' '),
    series: r.series,
    seriesNumber: r.series_number,
    onSale: r.on_sale === 1,
    issuedOn: r.issued_on,
    contributors: JSON.parse(r.contributors),
    categoryIds: JSON.parse(r.category_ids),
  }))
}

/**
 * Takes stock for an order: each line only if that much is left, so two
 * checkouts can never sell the same last copy. A book whose copies nobody
 * counts (an e-book, a book supplied to order) is sold without taking any:
 * its row is matched (so it must still be on sale) and left as it was.
 * Returns the ISBNs short of stock or no longer sold.
 */
export async function takeStock(trx: Db, lines: StockLine[]): Promise<string[]> {
  const short: string[] = []
  for (const { isbn13, quantity } of lines) {
    const r = await trx
      .updateTable('book')
      .set({ stock: sql<number>`CASE WHEN ${sql.ref('stock_counted')} = 1 AND ${sql.ref('format')} NOT IN (${sql.join(DIGITAL_FORMATS)}) THEN ${sql.ref('stock')} - ${quantity} ELSE ${sql.ref('stock')} END` })
      .where('isbn13', '=', isbn13)
      .where('on_sale', '=', 1)
      .where((eb) => eb.or([eb('stock', '>=', quantity), eb('stock_counted', '=', 0), eb('format', 'in', DIGITAL_FORMATS)]))
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) short.push(isbn13)
  }
  return short
}

/** Puts an order's copies back on the shelf (a cancelled order, a return received); uncounted books have no shelf to go back to. */
export async function returnStock(trx: Db, lines: StockLine[]): Promise<void> {
  for (const { isbn13, quantity } of lines) {
    await trx
      .updateTable('book')
      .set((eb) => ({ stock: eb('stock', '+', quantity) }))
      .where('isbn13', '=', isbn13)
      .where('stock_counted', '=', 1)
      .where('format', 'not in', DIGITAL_FORMATS)
      .execute()
  }
}
