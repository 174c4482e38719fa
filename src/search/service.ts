import type { BookInput, BookSummary, CatalogService } from '../catalog'
import { NotFoundError } from '../core/errors'
import type { Database, TextField, TextIndex, TextQuery } from '../store'
import { buildFacets, facetCategories } from './facets'
import { highlight } from './highlight'
import { SearchIndexer } from './indexer'
import { queryTitleKey } from './document'
import { analyseQuery, spelledWords, type AnalysedQuery } from './query'
import type { FacetCounts } from './facet-counts'
import * as repo from './repo'
import type { Kysely, Transaction } from './repo'
import * as shelfRepo from './repo/shelves'
import * as shelves from './shelves'
import { ResultCache } from './result-cache'
import { normalise, queryPieces, type QueryPiece } from './tokenise'
import { isTypoCandidate, oneEditAway } from './typos'
import { jamoVariants } from './jamo'
import { scoreDeltas, tierOf, type ShopperSignal } from './popularity'
import * as popularityRepo from './repo/popularity'
import * as synonymRepo from './repo/synonyms'
import { Synonyms, type SynonymChange } from './synonyms'
import type { UnitOfWork } from '../store'
import type { CategoryResult, SearchHit, SearchParams, SearchResult, SearchSort, Suggestion } from './types'

const MAX_SUGGESTIONS = 8
/** How many title matches suggestions choose from: bounded work, however short the typed prefix. */
const SUGGESTION_CANDIDATES = 200
const REINDEX_BATCH = 1000
const DEFAULT_SAMPLE_SIZE = 1000
/** Matches counted at most; past it a result says "10,000+". */
const DEFAULT_COUNT_CAP = 10_000
/** Where a match counts as a title match: ranked above matches only in descriptions. */
const TITLE_FIELDS: TextField[] = ['title', 'people', 'codes', 'initials']
/** Spelling neighbours a typo matches at most, and how many matches of each with the other words are counted. */
const MAX_NEIGHBOURS = 4
const COOCCURRENCE_CAP = 100
/** A correction is offered ("did you mean") only when the word is used by at least this many books. */
const MIN_CORRECTION_BOOKS = 2

/** How long an answer read from a replica is kept: about the lag a healthy streaming replica stays within. */
const REPLICA_ANSWER_MS = 5000

/** Search and browse over the catalog, with facets, typo tolerance and suggestions. */
export class SearchService {
  readonly indexer: SearchIndexer
  /** The synonym table staff keep, applied as queries are read. */
  readonly synonyms: Synonyms

  private readonly sampleSize: number
  private readonly countCap: number
  /** Where queries are answered: a read replica when there is one, else the database. */
  private readonly reader: Kysely<Database>
  private readonly caches: { browse: ResultCache<FacetCounts>; results: ResultCache<SearchResult>; suggestions: ResultCache<Suggestion[]> } | null

  /** Whether queries are answered by a read replica, whose answers may lag the database's. */
  get readsReplica(): boolean {
    return this.reader !== this.db
  }

  /**
   * `sampleSize`: how many best matches a broad query's facets and pages come from;
   * `countCap`: how many matches are counted at most (tests make both small).
   * `foreignCommits`: the store's commit counter; with it, answers are cached until the catalog changes.
   * `readDb`: a read replica that answers queries (suggestions, results, facets, corrections); writes always go to `db`.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly textIndex: TextIndex,
    private readonly catalog: CatalogService,
    options: { sampleSize?: number; countCap?: number; readDb?: Kysely<Database>; foreignCommits?: () => number; onSynonymChange?: (unit: UnitOfWork, changes: SynonymChange[]) => Promise<void> } = {},
  ) {
    this.reader = options.readDb ?? db
    const commits = options.foreignCommits
    // A replica's answers may lag a change the commit counter has already seen: kept a few seconds at most there.
    const maxAge = this.readsReplica ? REPLICA_ANSWER_MS : Infinity
    this.caches = commits ? { browse: new ResultCache(commits, 1000, maxAge), results: new ResultCache(commits, 1000, maxAge), suggestions: new ResultCache(commits, 5000, maxAge) } : null
    const invalidate = () => {
      if (this.caches) for (const cache of Object.values(this.caches)) cache.invalidate()
    }
    // Dropped when a write begins (so nothing read during it is kept) and again once it is committed.
    this.indexer = new SearchIndexer(textIndex, invalidate)
    catalog.onChange(invalidate)
    // A synonym changes what queries find: every process drops its cached answers and pages, through the catalog's change log.
    this.synonyms = new Synonyms({ db, onChange: options.onSynonymChange, changed: () => catalog.markStale('all') })
    this.sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE
    this.countCap = Math.max(this.sampleSize, options.countCap ?? DEFAULT_COUNT_CAP)
  }

  /** A page of books matching the query (all books when it is empty) and the filters, with facets. */
  async search(params: SearchParams): Promise<SearchResult> {
    return this.caches ? this.caches.results.get(JSON.stringify(params), () => this.searchUncached(params)) : this.searchUncached(params)
  }

  private async searchUncached(params: SearchParams): Promise<SearchResult> {
    const analysed = analyseQuery(params.q)
    const sort = params.sort ?? (analysed.pieces.length ? 'relevance' : 'newest')
    const tree = await this.catalog.categories()
    const found = analysed.pieces.length ? await this.textQuery(analysed.pieces) : { query: null, corrections: new Map<string, string>() }
    const { corrections } = found
    let asked = found.query
    const filters = filtersOf(params)
    const isFiltered = Object.values(filters).some((v) => v !== undefined)
    // Text with nothing searchable in it (only punctuation) matches nothing rather than everything, and
    // an empty query with no filter is a question not yet asked: the page shows guidance, not the whole catalog.
    if ((analysed.text && !asked) || (!analysed.text && !isFiltered)) return emptyResult(analysed, sort, params)
    // Counting stops past the cap: a word in most of a million books needn't visit them all to say "10,000+".
    let matchCount = asked ? await this.textIndex.count(this.reader, asked, this.countCap + 1) : 0
    if (asked && matchCount === 0) {
      const respelt = await this.jamoCorrected(analysed.pieces, asked)
      if (respelt) {
        asked = respelt.query
        for (const [typed, meant] of respelt.corrections) corrections.set(typed, meant)
        matchCount = await this.textIndex.count(this.reader, asked, this.countCap + 1)
      }
    }
    const query = asked
    const corrected = analysed.pieces.map((p) => corrections.get(p.text) ?? p.text).join(' ')
    const titleKey = analysed.text && !analysed.isbn ? queryTitleKey(corrections.size ? corrected : analysed.text) : null
    // A title spells out the words meant, not the typo.
    const literals = spelledWords(analysed).map((w) => corrections.get(w) ?? w)
    // A query that matches a large share of the catalog is answered, in relevance order, from a sample of
    // its best matches (broadSample): ranking or counting facets over all of them would cost more than
    // anything else in the request. Other orders and browsing count every book.
    const isSampled = query !== null && matchCount > this.sampleSize && sort === 'relevance'
    const sample = isSampled ? this.textIndex.fromMatches(await this.broadSample(query, titleKey, literals)) : null
    const scope = { ...filters, match: sample ?? (query ? this.textIndex.matches(query) : null) }
    const countScope = { ...scope, match: sample ?? (query ? this.textIndex.matches(query, { isScored: false }) : null) }
    // Looking up each match's categories beats scanning the category table until matches are many.
    const isFew = query !== null && (isSampled || matchCount <= this.sampleSize)
    // A shelf browsed with no other filter reads its running totals and its date index: no counting, no sorting.
    const isShelf = !query && Object.entries(filters).every(([k, v]) => v === undefined || k === 'category')
    const countFacets = () => (isShelf ? shelves.shelfCounts(this.reader, params.category ?? '') : repo.facetCounts(this.reader, countScope, { isFew }))
    const offset = (params.page - 1) * params.pageSize
    const [counts, isbns] = await Promise.all([
      // Browsing counts are the same for every visitor of a shelf: kept, unlike a query's, which its whole answer is.
      query || isShelf || !this.caches ? countFacets() : this.caches.browse.get(JSON.stringify(filters), countFacets),
      isShelf && params.category && sort === 'newest'
        ? shelfRepo.newestOnShelf(this.reader, params.category, params.pageSize, offset)
        : repo.pageIsbns(this.reader, scope, {
            sort,
            limit: params.pageSize,
            offset,
            // A sample is already in relevance order (its score is its place).
            titleKey: sample ? null : titleKey,
            literals: sample ? [] : literals,
            inTitle: query && !sample ? this.textIndex.matches({ ...query, fields: TITLE_FIELDS }, { isScored: false }) : null,
          }),
    ])
    const items = withHighlights(await this.catalog.summaries(isbns), analysed.pieces)
    // Every book has exactly one format, so the format counts add up to the total.
    const counted = [...counts.format.values()].reduce((n, c) => n + c, 0)
    const isTotalAtLeast = isSampled && !isFiltered && matchCount > this.countCap
    const total = isSampled && !isFiltered ? Math.min(matchCount, this.countCap) : counted
    return {
      q: analysed.text,
      isTruncated: analysed.isTruncated,
      sort,
      books: { items, total, page: params.page, pageSize: params.pageSize },
      isTotalAtLeast,
      sampled: isSampled ? { best: this.sampleSize, covered: counted } : null,
      facets: buildFacets(counts, params.category ? tree.get(params.category) : undefined, facetCategories(tree, params.category), params),
      didYouMean: corrections.size ? corrected : null,
    }
  }

  /** A category's books with the same facets and sorting as a search; the category must exist. */
  async categoryListing(categoryId: string, params: SearchParams): Promise<CategoryResult> {
    const tree = await this.catalog.categories()
    const category = tree.get(categoryId)
    if (!category) throw new NotFoundError('category', categoryId)
    return { category, path: tree.pathTo(categoryId), result: await this.search({ ...params, category: categoryId }) }
  }

  /**
   * The best `sampleSize` matches of a broad query, best first, scored by
   * place. Ranking every match by bm25 would cost most of a second at a
   * million books, so: books whose title fields match, in the order a page
   * shows them (exact title, spelled out, shortest, available, newest);
   * then, if those are too few, the newest of the other matches, found by
   * walking the date index. A word common to a large part of the catalog
   * says little about which of its description matches is best.
   */
  private async broadSample(query: TextQuery, titleKey: string | null, literals: string[]): Promise<Array<{ id: number; score: number }>> {
    const inTitle = this.textIndex.matches({ ...query, fields: TITLE_FIELDS }, { isScored: false })
    const ids = await repo.titleMatchesRanked(this.reader, inTitle, { titleKey, literals, limit: this.sampleSize })
    if (ids.length < this.sampleSize) ids.push(...(await repo.newestMatches(this.reader, this.textIndex.matches(query, { isScored: false }), inTitle, this.sampleSize - ids.length)))
    return ids.map((id, place) => ({ id, score: place }))
  }

  /**
   * The index query for the pieces, each with its synonyms. A Latin word the
   * catalog never uses (five letters or more; four in a query of several
   * words) also matches its neighbours one edit away. With other words in
   * the query, only neighbours found in books with those words count, the
   * most found first: "harry poter" means potter, not peter. A correction is
   * offered only when it is common in the catalog.
   */
  private async textQuery(pieces: QueryPiece[]): Promise<{ query: TextQuery; corrections: Map<string, string> }> {
    const corrections = new Map<string, string>()
    const expansions = await synonymRepo.expansionsOf(this.reader, [...new Set(pieces.filter((p) => p.kind === 'word' || p.kind === 'cjk').map((p) => p.text))])
    const terms: TextQuery['terms'] = pieces.map((p) => {
      const own = { tokens: p.tokens, isPrefix: p.isPrefix }
      const expansion = expansions.get(p.text)
      const tokens = expansion ? queryPieces(expansion).flatMap((e) => e.tokens) : []
      return { alternatives: tokens.length ? [own, { tokens, isPrefix: false }] : [own] }
    })
    const minLength = pieces.length > 1 ? 4 : undefined
    for (const [i, p] of pieces.entries()) {
      if (p.kind !== 'word' || !isTypoCandidate(p.text, minLength) || expansions.has(p.text)) continue
      const isKnown = p.isPrefix ? await repo.hasWordStartingWith(this.reader, p.text) : (await repo.knownWords(this.reader, [p.text])).length > 0
      if (isKnown) continue
      const near = await this.likelyNeighbours(await repo.wordCounts(this.reader, oneEditAway(p.text)), terms.filter((_, j) => j !== i))
      if (near[0] && near[0].books >= MIN_CORRECTION_BOOKS) corrections.set(p.text, near[0].word)
      terms[i]!.alternatives.push(...near.map((n) => ({ tokens: [n.word], isPrefix: false })))
    }
    return { query: { terms }, corrections }
  }

  /** Spelling neighbours in the order a typo most likely meant them: with other terms, by how many books hold both; alone, by use. */
  private async likelyNeighbours(near: Array<{ word: string; books: number }>, others: TextQuery['terms']): Promise<Array<{ word: string; books: number }>> {
    if (others.length === 0) return near.slice(0, MAX_NEIGHBOURS)
    const together = await Promise.all(
      near.slice(0, 3 * MAX_NEIGHBOURS).map(async (n) => ({ ...n, with: await this.textIndex.count(this.reader, { terms: [...others, { alternatives: [{ tokens: [n.word], isPrefix: false }] }] }, COOCCURRENCE_CAP) })),
    )
    return together.filter((n) => n.with > 0).sort((a, b) => b.with - a.with || b.books - a.books).slice(0, MAX_NEIGHBOURS)
  }

  /**
   * For a query that found nothing: a Korean stretch respelt one letter at a
   * time (jamo.ts) until the query finds books, the spelling that finds the
   * most (with the query's other words) taken, or null when none does.
   */
  private async jamoCorrected(pieces: QueryPiece[], query: TextQuery): Promise<{ query: TextQuery; corrections: Map<string, string> } | null> {
    const corrections = new Map<string, string>()
    const terms = query.terms.map((t) => ({ alternatives: [...t.alternatives] }))
    for (const [i, p] of pieces.entries()) {
      if (p.kind !== 'cjk' || p.tokens.length < 2) continue
      const tried = await Promise.all(
        jamoVariants(p.text).map(async (text) => {
          const tokens = queryPieces(text)[0]?.tokens ?? []
          const alternative = { tokens, isPrefix: false }
          return { text, alternative, found: await this.textIndex.count(this.reader, { terms: terms.map((t, j) => (j === i ? { alternatives: [alternative] } : t)) }, COOCCURRENCE_CAP) }
        }),
      )
      const best = tried.filter((t) => t.found > 0).sort((a, b) => b.found - a.found)[0]
      if (!best) continue
      corrections.set(p.text, best.text)
      terms[i]!.alternatives.push(best.alternative)
    }
    return corrections.size ? { query: { ...query, terms }, corrections } : null
  }

  /**
   * Adds shoppers' events to the books' popularity (ranking's signal), as the
   * event log writes them. Cached answers are kept: popularity moves slowly,
   * and the next catalog change refreshes them.
   */
  async eventsRecorded(events: readonly ShopperSignal[]): Promise<void> {
    const deltas = scoreDeltas(events)
    if (deltas.size) await popularityRepo.addScores(this.db, deltas, tierOf)
  }

  /** Up to eight titles, contributors and categories for what has been typed so far. */
  async suggest(q: string, lang: 'ko' | 'en'): Promise<Suggestion[]> {
    return this.caches ? this.caches.suggestions.get(`${lang}:${q}`, () => this.suggestUncached(q, lang)) : this.suggestUncached(q, lang)
  }

  private async suggestUncached(q: string, lang: 'ko' | 'en'): Promise<Suggestion[]> {
    const analysed = analyseQuery(q)
    if (!analysed.pieces.length) return []
    const typed = normalise(analysed.text)
    const tree = await this.catalog.categories()
    const categories = [...tree.roots.flatMap(function all(c): typeof tree.roots { return [c, ...c.children.flatMap(all)] })]
      .filter((c) => normalise(c.name.ko).includes(typed) || normalise(c.name.en).includes(typed))
      .slice(0, 2)
      .map((c): Suggestion => ({ kind: 'category', label: c.name[lang], path: `/categories/${c.id}` }))
    const capitalised = analysed.text.charAt(0).toUpperCase() + analysed.text.slice(1)
    const [names, titles] = await Promise.all([
      analysed.isbn ? [] : repo.contributorNames(this.reader, [...new Set([analysed.text, capitalised])], 3),
      repo.suggestedTitles(this.reader, typed, spelledWords(analysed), this.textIndex.matches(
        { terms: analysed.pieces.map((p) => ({ alternatives: [{ tokens: p.tokens, isPrefix: p.isPrefix }] })), fields: analysed.isbn ? ['codes'] : ['title', 'initials'] },
        { first: SUGGESTION_CANDIDATES },
      ), 3 * MAX_SUGGESTIONS),
    ])
    const people = names.map((name): Suggestion => ({ kind: 'contributor', label: name, path: `/search?q=${encodeURIComponent(name)}` }))
    const books = titles.map((t): Suggestion => {
      const en = (JSON.parse(t.translations) as Record<string, { title: string }>).en?.title
      return { kind: 'title', label: lang === 'en' && en ? en : t.title, path: `/books/${t.isbn13}` }
    })
    // Many books share a title ("역사와 가족"): each label is offered once, leading to the first of them.
    const seen = new Set<string>()
    return [...categories, ...people, ...books].filter((s) => !seen.has(s.label) && seen.add(s.label)).slice(0, MAX_SUGGESTIONS)
  }

  /** Rebuilds the index and vocabulary from the catalog, a batch per transaction. */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
    await this.db.transaction().execute(async (trx) => {
      await this.textIndex.clear(trx)
      await repo.clearSearchTables(trx)
    })
    return this.eachBatch((trx, books) => this.indexer.booksWritten(trx, books), onProgress)
  }

  /**
   * Rebuilds only the engine's own full-text index from the catalog, for a
   * store whose search rows, vocabulary and shelf totals came over with
   * `colophon copy` (they are plain tables; the index is FTS5 or a tsvector).
   */
  async rebuildTextIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
    await this.db.transaction().execute((trx) => this.textIndex.clear(trx))
    return this.eachBatch((trx, books) => this.indexer.documentsWritten(trx, books), onProgress)
  }

  /** Every book of the catalog in ISBN order, a batch per transaction. */
  private async eachBatch(write: (trx: Transaction<Database>, books: BookInput[]) => Promise<void>, onProgress?: (done: number, total: number) => void): Promise<number> {
    const total = await this.catalog.countBooks()
    let done = 0
    for (let after = ''; ; ) {
      const books = await this.catalog.booksAfter(after, REINDEX_BATCH)
      if (books.length === 0) break
      await this.db.transaction().execute((trx) => write(trx, books))
      after = books[books.length - 1]!.isbn13
      done += books.length
      onProgress?.(done, total)
    }
    return done
  }

  /** Recounts the shelves' running facet totals when the index has books but no totals (a database from before they existed). */
  async recountShelvesIfMissing(): Promise<boolean> {
    if (!(await shelfRepo.areShelfCountsMissing(this.db))) return false
    await this.db.transaction().execute((trx) => shelves.recountShelves(trx))
    return true
  }

  /** True when the catalog has books but the index has none (a database from before search existed). */
  async isIndexMissing(): Promise<boolean> {
    return !(await repo.hasSearchBooks(this.db)) && (await this.catalog.countBooks()) > 0
  }

  /** Bytes the full-text index takes on disk, when the engine can tell. */
  async indexSize(): Promise<number | null> {
    return this.textIndex.sizeOnDisk(this.db)
  }
}

function filtersOf(params: SearchParams): Omit<repo.Scope, 'match'> {
  const { category, publisher, format, language, year, priceMin, priceMax, inStock } = params
  return { category, publisher, format, language, year, priceMin, priceMax, inStock }
}

function emptyResult(analysed: AnalysedQuery, sort: SearchSort, params: SearchParams): SearchResult {
  return {
    q: analysed.text,
    isTruncated: analysed.isTruncated,
    sort,
    books: { items: [], total: 0, page: params.page, pageSize: params.pageSize },
    isTotalAtLeast: false,
    sampled: null,
    facets: { categories: [], publishers: [], formats: [], languages: [], years: [], prices: [] },
    didYouMean: null,
  }
}

function withHighlights(books: BookSummary[], pieces: QueryPiece[]): SearchHit[] {
  return books.map((b) => ({
    ...b,
    highlights: { title: highlight(b.title, pieces), ...(b.translations.en ? { en: highlight(b.translations.en.title, pieces) } : {}) },
  }))
}
