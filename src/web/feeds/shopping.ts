import type { Book } from '../../catalog'
import { coverSrc } from '../pages/parts'

/** What a shopping feed says of one book, whatever its format. */
export interface ShoppingItem {
  book: Book
  /** Absolute URLs of the product page and the cover. */
  link: string
  image: string
  /** The book's shelf, top down in Korean ("인문 > 역사"). */
  categories: string[]
}

export const shoppingItem = (book: Book, origin: string, categories: string[]): ShoppingItem => {
  const cover = coverSrc(book)
  return { book, link: `${origin}/books/${book.isbn13}`, image: cover.startsWith('http') ? cover : `${origin}${cover}`, categories }
}

const price = (b: Book) => b.salePrice ?? b.listPrice
/** A book may be listed when it is on sale at a price in won: both engines compare prices in the shopper's currency. */
export const isListable = (b: Book) => b.onSale && b.currency === 'KRW' && price(b) != null
const authors = (b: Book) => b.contributors.filter((c) => c.role === 'author').map((c) => c.name).join(', ')

// A tab or line break inside a value would start a new field or row: the EP format has no quoting.
const tsv = (v: string | number | null | undefined) => String(v ?? '').replace(/[\t\r\n]+/g, ' ').trim()

/** Naver Shopping EP 3.0: the fields it requires, then those a book can fill; `class` and `update_time` for the incremental file. */
export const NAVER_FIELDS = ['id', 'title', 'price_pc', 'price_mobile', 'normal_price', 'link', 'mobile_link', 'image_link', 'category_name1', 'category_name2', 'category_name3', 'condition', 'brand', 'maker', 'barcode', 'search_tag', 'shipping'] as const
export const NAVER_INCREMENTAL_FIELDS = [...NAVER_FIELDS, 'class', 'update_time'] as const

/** One EP row. A free-shipping store writes 0 for shipping; books sell new. */
export function naverRow(item: ShoppingItem, change?: { kind: 'I' | 'U' | 'D'; at: string }): string {
  const b = item.book
  const title = b.subtitle ? `${b.title} : ${b.subtitle}` : b.title
  const values: Record<(typeof NAVER_INCREMENTAL_FIELDS)[number], string | number | null> = {
    id: b.isbn13, title, price_pc: price(b), price_mobile: price(b), normal_price: b.listPrice, link: item.link, mobile_link: item.link, image_link: item.image,
    category_name1: '도서', category_name2: item.categories[0] ?? null, category_name3: item.categories[1] ?? null, condition: '신상품',
    brand: b.publisher, maker: b.publisher, barcode: b.isbn13, search_tag: [authors(b), b.series].filter(Boolean).join('|'), shipping: 0,
    class: change?.kind ?? null, update_time: change ? change.at.slice(0, 19).replace('T', ' ') : null,
  }
  return (change ? NAVER_INCREMENTAL_FIELDS : NAVER_FIELDS).map((f) => tsv(values[f])).join('\t')
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const plain = (htmlText: string | null) => (htmlText ?? '').replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim()

/** One Google Merchant Center item (RSS 2.0 with the g: namespace): a book is identified by its ISBN as GTIN. */
export function googleItem(item: ShoppingItem): string {
  const b = item.book
  const description = plain(b.descriptionHtml) || b.descriptionHeadline || b.title
  const inStock = b.stock === null || b.stock > 0
  const fields: Array<[string, string | null]> = [
    ['g:id', b.isbn13], ['g:title', b.subtitle ? `${b.title}: ${b.subtitle}` : b.title], ['g:description', description.slice(0, 5000)], ['g:link', item.link], ['g:image_link', item.image],
    ['g:availability', inStock ? 'in_stock' : 'backorder'], ['g:price', `${b.listPrice ?? price(b)} KRW`], ['g:sale_price', b.salePrice != null && b.salePrice !== b.listPrice ? `${b.salePrice} KRW` : null],
    ['g:condition', 'new'], ['g:gtin', b.isbn13], ['g:brand', b.publisher || authors(b) || null], ['g:google_product_category', '784'], ['g:product_type', ['도서', ...item.categories].join(' > ')],
  ]
  return `<item>${fields.filter(([, v]) => v).map(([k, v]) => `<${k}>${xml(v!)}</${k}>`).join('')}</item>`
}

export const googleFeedHead = (origin: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Colophon</title><link>${xml(origin)}/</link><description>Colophon books</description>\n`
export const GOOGLE_FEED_TAIL = '</channel></rss>\n'
