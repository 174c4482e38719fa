import type { CatalogService } from '../catalog'
import type { Database } from '../store'
import { BookTableBuilder, type BookTable } from './book-table'
import { CoOccurrence, type SessionNumbers } from './behaviour'
import { ContentIndex, addScore, type Candidates } from './content'
import { ListRows } from './list-rows'
import { eventsAfter, startNextLists, swapInNextLists, writeNextLists, type Kysely } from './repo'
import { selectList } from './select'
import type { RebuildStats } from './types'

/** Behavioural neighbours kept per book before blending. */
const NEIGHBOURS = 40
/** Rows a statement inserts: 6 parameters each, under SQLite's 32,766. */
const WRITE_BATCH = 1000
/** Books whose lists are held in memory before they are written: about 2.5 MB of rows. */
const BOOKS_PER_WRITE = 10_000
/** A view says less than a purchase about what a reader wants next. */
const VIEW_SHARE = 0.2

async function loadBooks(catalog: CatalogService): Promise<BookTable> {
  const builder = new BookTableBuilder()
  for await (const batch of catalog.bookFacts()) builder.add(batch)
  return builder.build()
}

async function loadSignals(db: Kysely<Database>, books: BookTable, now: number) {
  const sessions: SessionNumbers = new Map()
  const bought = new CoOccurrence(books.isbns.length, now, sessions)
  const viewed = new CoOccurrence(books.isbns.length, now, sessions)
  let events = 0
  for (let after = ''; ; ) {
    const page = await eventsAfter(db, after, 20_000)
    if (page.length === 0) break
    after = page.at(-1)!.id
    for (const e of page) {
      const book = books.index.get(e.isbn13)
      if (book === undefined) continue
      events++
      ;(e.kind === 'view' ? viewed : bought).add(e, book)
    }
  }
  return { bought, viewed, events, sessions: sessions.size }
}

/**
 * Recomputes every book's list from the catalog and all recorded events. The
 * lists are written as they are made, a few thousand books at a time, into a
 * table beside the one pages read, which then takes its place in one
 * transaction: memory holds the catalog and the events, never every list.
 * Never runs on the request path; one rebuild at a time.
 */
export async function rebuildLists(db: Kysely<Database>, catalog: CatalogService, now = Date.now()): Promise<RebuildStats> {
  const started = performance.now()
  const books = await loadBooks(catalog)
  const { bought, viewed, events, sessions } = await loadSignals(db, books, now)
  bought.prepare()
  viewed.prepare()
  const popularity = bought.popularity.map((p, i) => p + VIEW_SHARE * viewed.popularity[i]!)
  const content = new ContentIndex(books, popularity)
  await startNextLists(db)
  let lists = new ListRows()
  let withList = 0
  let rows = 0
  for (let i = 0; i < books.isbns.length; i++) {
    const candidates: Candidates = new Map()
    for (const [j, s] of bought.neighboursOf(i, NEIGHBOURS)) addScore(candidates, j, 'bought', s)
    for (const [j, s] of viewed.neighboursOf(i, NEIGHBOURS)) addScore(candidates, j, 'viewed', s)
    content.candidates(i, candidates)
    const picks = selectList(books, i, candidates)
    if (picks.length) withList++
    lists.add(i, picks)
    if ((i + 1) % BOOKS_PER_WRITE === 0 || i + 1 === books.isbns.length) {
      await writeNextLists(db, lists.batches(books, WRITE_BATCH))
      rows += lists.length
      lists = new ListRows()
    }
  }
  await swapInNextLists(db)
  await catalog.markStale('all')
  return { books: books.isbns.length, events, sessions, lists: withList, rows, seconds: (performance.now() - started) / 1000 }
}
