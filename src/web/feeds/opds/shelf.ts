import type { BookSummary, CatalogService, CategoryNode } from '../../../catalog'
import { OVERALL, type CommerceService } from '../../../commerce'
import type { SearchService } from '../../../search'

/** Books a page of any OPDS shelf. */
export const OPDS_PAGE_SIZE = 50

export type OpdsLang = 'ko' | 'en'
export type Words = { ko: string; en: string }

/** One list of books as both catalogs show it: where it lives (after /opds or /opds/v2), its name, a page of its books. */
export interface OpdsShelf {
  path: string
  title: Words
  books: BookSummary[]
  page: number
  total: number
  /** The search words, for a results shelf. */
  query?: string
}

/** An entry of the root navigation: a shelf's path and name. */
export interface OpdsNavigation {
  path: string
  title: Words
  description: Words
}

export interface OpdsSources {
  catalog: CatalogService
  search: SearchService
  commerce: CommerceService
}

export const NEW_ARRIVALS: Words = { ko: '새로 나온 책', en: 'New arrivals' }
export const BESTSELLERS: Words = { ko: '베스트셀러', en: 'Bestsellers' }
export const SEARCH: Words = { ko: '검색', en: 'Search' }

/** The root's entries: new arrivals, this week's bestsellers, then the top categories and their children. */
export async function rootNavigation({ catalog }: OpdsSources): Promise<OpdsNavigation[]> {
  const tree = await catalog.categories()
  const top = tree.roots.length === 1 ? tree.roots[0]!.children : tree.roots
  return [
    { path: '/new', title: NEW_ARRIVALS, description: { ko: '새로 나온 판매 중인 책', en: 'The newest books on sale' } },
    { path: '/bestsellers', title: BESTSELLERS, description: { ko: '이번 주 가장 많이 팔린 책', en: 'The books most bought this week' } },
    ...top
      .flatMap((cat: CategoryNode) => [cat, ...cat.children])
      .map((cat) => ({ path: `/categories/${cat.id}`, title: cat.name, description: { ko: `${cat.name.ko} 분야의 책`, en: `Books in ${cat.name.en}` } })),
  ]
}

export async function newArrivalsShelf({ catalog }: OpdsSources): Promise<OpdsShelf> {
  const books = await catalog.newArrivals(OPDS_PAGE_SIZE)
  return { path: '/new', title: NEW_ARRIVALS, books, page: 1, total: books.length }
}

/** This week's store-wide list, in its order. */
export async function bestsellersShelf({ catalog, commerce }: OpdsSources): Promise<OpdsShelf> {
  const places = await commerce.bestsellers.list('weekly', OVERALL, OPDS_PAGE_SIZE)
  const byIsbn = new Map<string, BookSummary>((await catalog.summaries(places.map((p) => p.isbn13))).map((b) => [b.isbn13, b]))
  const books = places.flatMap((p) => byIsbn.get(p.isbn13) ?? [])
  return { path: '/bestsellers', title: BESTSELLERS, books, page: 1, total: books.length }
}

/** A page of a category's books, its subcategories' included; an unknown id is NotFoundError. */
export async function categoryShelf({ catalog }: OpdsSources, id: string, page: number): Promise<OpdsShelf> {
  const { category, books } = await catalog.booksInCategory(id, page, OPDS_PAGE_SIZE)
  return { path: `/categories/${category.id}`, title: category.name, books: books.items, page, total: books.total }
}

export async function searchShelf({ search }: OpdsSources, query: string, page: number): Promise<OpdsShelf> {
  const result = await search.search({ q: query, page, pageSize: OPDS_PAGE_SIZE })
  return { path: '/search', title: SEARCH, books: result.books.items, page, total: result.books.total, query: result.q }
}

export const pagesOf = (shelf: OpdsShelf) => Math.max(1, Math.ceil(shelf.total / OPDS_PAGE_SIZE))

/** A book's title in the catalog's language: the English one when asked and known. */
export const bookTitle = (b: BookSummary, lang: OpdsLang) => (lang === 'en' ? (b.translations.en?.title ?? b.title) : b.title)

/** The price a reader pays, when the book is sold at one. */
export const buyingPrice = (b: BookSummary): { value: number; currency: string } | null => {
  const value = b.salePrice ?? b.listPrice
  return b.onSale && value != null && b.currency ? { value, currency: b.currency } : null
}

/** A shelf's query string: page, search words and language, as the links carry them. */
export function shelfQuery(shelf: Pick<OpdsShelf, 'query'>, page: number, lang: OpdsLang): string {
  const params = new URLSearchParams()
  if (shelf.query !== undefined) params.set('q', shelf.query)
  if (page > 1) params.set('page', String(page))
  if (lang === 'en') params.set('lang', 'en')
  const s = params.toString()
  return s ? `?${s}` : ''
}
