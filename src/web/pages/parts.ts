import { COVER_FORMATS, coverFileName, coverFingerprint, type BookSummary, type CategoryNode, type CategoryTree, type Contributor } from '../../catalog'
import type { Reason, Recommended } from '../../recommend'
import { html, type SafeHtml } from '../html'
import { fill, formatMoney } from '../i18n'
import { href, type PageContext } from './context'

/** The title a reader of this language should see first. */
export function displayTitle(ctx: PageContext, book: Pick<BookSummary, 'title' | 'translations'>): string {
  return ctx.lang === 'ko' ? book.title : (book.translations[ctx.lang]?.title ?? book.title)
}

type CoverFacts = Pick<BookSummary, 'isbn13' | 'coverUrl' | 'cover' | 'title' | 'contributors'>

/** One URL for the cover (feeds, Open Graph, JSON-LD): an uploaded cover's largest WebP, else the publisher's, else a generated one whose URL names what it shows (so it caches for a year). */
export function coverSrc(book: CoverFacts): string {
  if (book.cover) return `/covers/${coverFileName(book.isbn13, book.cover.hash, book.cover.widths.at(-1)!, 'webp')}`
  return book.coverUrl ?? `/covers/${book.isbn13}-${coverFingerprint(book.title, book.contributors[0]?.name)}.svg`
}

/** How wide a shelf card's cover is drawn: two or three columns on a phone, a 9–11rem column beside. */
export const CARD_COVER_SIZES = '(max-width: 40rem) 45vw, 11rem'

/**
 * A cover as the page shows it. An uploaded one is a <picture> offering AVIF
 * then WebP at each stored width, so the browser fetches the smallest that
 * fills `sizes`; its width and height come from the stored image, so nothing
 * moves when it arrives. Any other cover is one image at the 2:3 of a book.
 */
export function coverImage(book: CoverFacts, { alt, sizes, isFirstView = false }: { alt: string; sizes: string; isFirstView?: boolean }): SafeHtml {
  const loading = isFirstView ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`
  const { cover } = book
  if (!cover) return html`<img src="${coverSrc(book)}" alt="${alt}" width="200" height="300"${loading}>`
  const url = (width: number, format: (typeof COVER_FORMATS)[number]) => `/covers/${coverFileName(book.isbn13, cover.hash, width, format)}`
  const width = cover.widths.at(-1)!
  const height = Math.round((width * cover.height) / cover.width)
  const fallback = cover.widths.find((w) => w >= 320) ?? width
  return html`<picture>${COVER_FORMATS.map((format) => html`<source type="image/${format}" srcset="${cover.widths.map((w) => `${url(w, format)} ${w}w`).join(', ')}" sizes="${sizes}">`)}<img src="${url(fallback, 'webp')}" alt="${alt}" width="${width}" height="${height}"${loading}></picture>`
}

export function byline(ctx: PageContext, contributors: Contributor[]): string {
  return contributors.map((c) => (c.role === 'author' ? c.name : `${c.name} ${ctx.t[`role_${c.role}`]}`)).join(', ')
}

export function bookCard(ctx: PageContext, book: BookSummary, why?: string): SafeHtml {
  const title = displayTitle(ctx, book)
  const price = book.salePrice ?? book.listPrice
  return html`<li class="card"><a href="${href(ctx, `/books/${book.isbn13}`)}">
${coverImage(book, { alt: '', sizes: CARD_COVER_SIZES })}
<span class="t">${title}</span></a>
<span class="c">${byline(ctx, book.contributors.slice(0, 2)) || book.publisher || ''}</span>
${price != null ? html`<span class="p">${formatMoney(ctx.lang, price, book.currency)}</span>` : ''}${why ? html`<span class="why">${why}</span>` : ''}</li>`
}

/** Why a book is recommended, in the page's language ("More in World history"). */
export function reasonText(ctx: PageContext, reason: Reason, categories: CategoryTree): string {
  if (reason.kind !== 'category') return ctx.t[`reason_${reason.kind}`]
  const category = reason.categoryId ? categories.get(reason.categoryId) : undefined
  return category ? fill(ctx.t.reason_category, { category: categoryName(ctx, category) }) : ctx.t.reason_similar
}

/** Recommended books, each with its reason. */
export function recommendationShelf(ctx: PageContext, items: Recommended[], categories: CategoryTree): SafeHtml {
  return items.length
    ? html`<ul class="shelf">${items.map((r) => bookCard(ctx, r.book, reasonText(ctx, r.reason, categories)))}</ul>`
    : html`<p class="empty">${ctx.t.noContent}</p>`
}

export function shelf(ctx: PageContext, books: BookSummary[]): SafeHtml {
  return books.length ? html`<ul class="shelf">${books.map((b) => bookCard(ctx, b))}</ul>` : html`<p class="empty">${ctx.t.noContent}</p>`
}

export function categoryName(ctx: PageContext, c: CategoryNode): string {
  return c.name[ctx.lang]
}

/** A category path as breadcrumb links: 국내도서 › 역사 › 세계사. */
export function crumbs(ctx: PageContext, path: CategoryNode[], label: string, currentLast = false): SafeHtml {
  return html`<nav class="crumbs" aria-label="${label}"><ol>${path.map((c, i) =>
    currentLast && i === path.length - 1
      ? html`<li><span aria-current="page">${categoryName(ctx, c)}</span></li>`
      : html`<li><a href="${href(ctx, `/categories/${c.id}`)}">${categoryName(ctx, c)}</a></li>`,
  )}</ol></nav>`
}

/** Numbered page links; works for any page count without listing them all. */
export function pager(ctx: PageContext, page: number, pages: number, link: (n: number) => string): SafeHtml {
  if (pages <= 1) return html``
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b)
  const items: SafeHtml[] = []
  let last = 0
  for (const n of shown) {
    if (n > last + 1) items.push(html`<span aria-hidden="true">…</span>`)
    items.push(n === page ? html`<span aria-current="page">${n}</span>` : html`<a href="${link(n)}" aria-label="${fill(ctx.t.pageN, { n })}">${n}</a>`)
    last = n
  }
  return html`<nav class="pager" aria-label="${ctx.t.pagination}">
${page > 1 ? html`<a href="${link(page - 1)}" rel="prev">${ctx.t.previous}</a>` : ''}${items}
${page < pages ? html`<a href="${link(page + 1)}" rel="next">${ctx.t.next}</a>` : ''}</nav>`
}

/** The hidden token field of a form on a page rendered for one visitor (cart, back office); shared pages use a visitor slot. */
export function formFields(ctx: PageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.formToken()}">`
}
