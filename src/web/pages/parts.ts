import { coverFingerprint, type BookSummary, type CategoryNode, type CategoryTree, type Contributor } from '../../catalog'
import type { Reason, Recommended } from '../../recommend'
import { html, type SafeHtml } from '../html'
import { fill, formatMoney } from '../i18n'
import { href, type PageContext } from './context'

/** The title a reader of this language should see first. */
export function displayTitle(ctx: PageContext, book: Pick<BookSummary, 'title' | 'translations'>): string {
  return ctx.lang === 'ko' ? book.title : (book.translations[ctx.lang]?.title ?? book.title)
}

/** The book's own cover, or a generated one whose URL names what it shows (so it caches for a year). */
export function coverSrc(book: Pick<BookSummary, 'isbn13' | 'coverUrl' | 'title' | 'contributors'>): string {
  return book.coverUrl ?? `/covers/${book.isbn13}-${coverFingerprint(book.title, book.contributors[0]?.name)}.svg`
}

export function byline(ctx: PageContext, contributors: Contributor[]): string {
  return contributors.map((c) => (c.role === 'author' ? c.name : `${c.name} ${ctx.t[`role_${c.role}`]}`)).join(', ')
}

export function bookCard(ctx: PageContext, book: BookSummary, why?: string): SafeHtml {
  const title = displayTitle(ctx, book)
  const price = book.salePrice ?? book.listPrice
  return html`<li class="card"><a href="${href(ctx, `/books/${book.isbn13}`)}">
<img src="${coverSrc(book)}" alt="" width="200" height="300" loading="lazy" decoding="async">
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
