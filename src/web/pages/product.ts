import { chapterPoints } from '../../atlas'
import { availabilityOf, formatDimensions, hyphenate, isComingSoon, richTextToPlain, type Availability, type Book, type BookSummary, type CategoryTree, type TocEntry } from '../../catalog'
import type { BookRanks } from '../../commerce'
import type { Recommended } from '../../recommend'
import type { RatingSummary, Review } from '../../reviews'
import { html, raw, type SafeHtml } from '../html'
import { fill, formatCount, formatDate, formatMoney } from '../i18n'
import { chapterAtlas } from './chapter-atlas'
import { href, type PageContext } from './context'
import { authorPath, seriesPath, volumeLabel } from './people'
import { sizeDrawing } from './size-drawing'
import { productReviews, reviewsJsonLd } from './reviews'
import { WISH_FORM, wishButton } from './wishlist'
import { bookStanding } from './bestsellers'
import { layout } from './layout'
import { byline, coverImage, coverSrc, crumbs, displayTitle, recommendationShelf } from './parts'

export interface ProductView {
  book: Book
  categories: CategoryTree
  /** "You may also like", each with its reason. */
  related: Recommended[]
  today: string
  /** The other editions of the book's work (a paperback's e-book), linked in the back office. */
  editions?: BookSummary[]
  /** The volume after this one in its series, when there is one. */
  nextInSeries?: BookSummary & { seriesNumber: string | null }
  /** The ratings and the most helpful reviews; never anyone's own controls (the page is shared). */
  reviews?: { summary: RatingSummary; reviews: Review[] }
  /** This week's ranks and the sales index (판매지수). */
  ranks?: BookRanks
}

/** The heading of the passages from the book. */
const FROM_THE_BOOK = { ko: '책 속으로', en: 'From the book' } as const

// Sections longer than this fold behind a "more" control.
const FOLD_TOC_ENTRIES = 10
const FOLD_TEXT_CHARS = 900

/** The cover column: 16rem beside the title, 12rem above it on a phone (site.css .product-top). */
const PRODUCT_COVER_SIZES = '(max-width: 40rem) 12rem, 16rem'

function absoluteUrl(ctx: PageContext, url: string): string {
  return /^https?:/.test(url) ? url : ctx.origin + url
}

function fold(ctx: PageContext, id: string, isLong: boolean, body: SafeHtml): SafeHtml {
  if (!isLong) return body
  // Without script the link targets the block and CSS :target unfolds it; site.js turns it into a toggle button.
  return html`<div class="fold" id="${id}">${body}</div><a class="more" href="#${id}" data-more="${ctx.t.more}" data-less="${ctx.t.less}">${ctx.t.more}</a>`
}

/** The contents tree; each entry's anchor (`toc-N`, N its place in reading order) is where the map and the timeline link. */
function tocList(ctx: PageContext, entries: TocEntry[], counter = { next: 0 }): SafeHtml {
  return html`<ol class="toc">${entries.map((e) => {
    const id = `toc-${counter.next++}`
    return e.kind === 'chapter'
      ? html`<li class="chapter" id="${id}">${e.number ? html`<span class="num">${e.number}</span>` : ''}<span>${e.title}${e.children?.length ? tocList(ctx, e.children, counter) : ''}</span></li>`
      : html`<li class="${e.kind}" id="${id}">${e.title}${e.children?.length ? tocList(ctx, e.children, counter) : ''}</li>`
  })}</ol>`
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/

/**
 * A publisher's text, sanitised when stored. On an English page a Korean
 * text stays, marked as Korean (for screen readers' voices and for
 * translation tools) and labelled so a reader knows why.
 */
function richText(ctx: PageContext, markup: string): SafeHtml {
  if (ctx.lang === 'ko' || !HANGUL.test(markup)) return html`<div class="rich">${raw(markup)}</div>`
  return html`<p class="in-other-lang">${ctx.t.inKorean}</p><div class="rich" lang="ko">${raw(markup)}</div>`
}

function stockState(ctx: PageContext, book: Book, today: string): { text: string; canBuy: boolean } {
  const { t } = ctx
  if (!book.onSale) return { text: t.notOnSale, canBuy: false }
  // A book the store has no price for (a feed gave prices for other markets only) cannot go into a cart yet.
  if (book.salePrice == null && book.listPrice == null) return { text: t.notPriced, canBuy: false }
  if (isComingSoon(book.issuedOn, today)) return { text: t.preorder, canBuy: true }
  return supplyText(ctx, availabilityOf(book))
}

/** What the buy box says of a book on sale, from what the catalog knows: a count, no count (to order), or a file. */
function supplyText({ t }: PageContext, a: Availability): { text: string; canBuy: boolean } {
  if (a.kind === 'digital') return { text: t.availableDigital, canBuy: true }
  if (a.kind === 'to_order') {
    const text = a.leadDays == null ? t.availableToOrder : a.leadDays <= 1 ? t.shipsWithinDay : fill(t.shipsWithinDays, { n: a.leadDays })
    return { text, canBuy: true }
  }
  if (a.kind !== 'in_stock') return { text: t.outOfStock, canBuy: false }
  return a.count <= 5 ? { text: fill(t.lowStock, { n: a.count }), canBuy: true } : { text: t.inStock, canBuy: true }
}

function priceBox(ctx: PageContext, book: Book, today: string): SafeHtml {
  const { t, lang } = ctx
  const state = stockState(ctx, book, today)
  const sale = book.salePrice ?? book.listPrice
  const pct = book.listPrice && book.salePrice != null && book.salePrice < book.listPrice ? Math.round((1 - book.salePrice / book.listPrice) * 100) : 0
  return html`<section class="price-box" aria-labelledby="price-h"><h2 id="price-h" class="vh">${t.salePrice}</h2><dl>
${book.listPrice != null ? html`<dt>${t.listPrice}</dt><dd>${pct ? html`<del>${formatMoney(lang, book.listPrice, book.currency)}</del>` : formatMoney(lang, book.listPrice, book.currency)}</dd>` : ''}
${sale != null ? html`<dt>${t.salePrice}</dt><dd><span class="sale">${formatMoney(lang, sale, book.currency)}</span>${pct ? html`<span class="pct">${pct}% ${t.discount}</span>` : ''}</dd>` : ''}
</dl><p class="stock${state.canBuy ? '' : ' out'}">${state.text}</p>
<form class="buy" id="buy" action="${href(ctx, '/cart/items')}" method="post"><input type="hidden" name="isbn" value="${book.isbn13}">
<label for="qty" class="vh">${t.quantity}</label><input id="qty" name="quantity" type="number" min="1" max="99" value="1"${state.canBuy ? '' : raw(' disabled')}>
<button class="btn" type="submit"${state.canBuy ? '' : raw(' disabled')}>${t.addToCart}</button></form></section>`
}

function editionList(ctx: PageContext, editions: BookSummary[]): SafeHtml {
  const { t, lang } = ctx
  if (editions.length === 0) return html``
  const price = (b: BookSummary) => b.salePrice ?? b.listPrice
  return html`<section class="editions" aria-labelledby="editions-h"><h2 id="editions-h">${t.otherEditions}</h2><ul>${editions.map(
    (b) => html`<li><a href="${href(ctx, `/books/${b.isbn13}`)}">${t[`format_${b.format}`]}</a>${price(b) != null ? html` <span class="sale">${formatMoney(lang, price(b)!, b.currency)}</span>` : ''}${b.onSale ? '' : html` <span class="stock out">${t.notOnSale}</span>`}</li>`,
  )}</ul></section>`
}

function specifics(ctx: PageContext, book: Book): SafeHtml {
  const { t, lang } = ctx
  const { isbn13h, isbn10h } = hyphenate(book.isbn13)
  const physical = [
    book.pageCount != null ? `${formatCount(book.pageCount)}${lang === 'ko' ? '' : ' '}${t.pages}` : null,
    book.weightG != null ? `${book.weightG}g` : null,
    book.dimensions ? formatDimensions(book.dimensions) : null,
  ].filter(Boolean)
  return html`<dl class="specs">
${book.issuedOn ? html`<dt>${t.dateOfIssue}</dt><dd><time datetime="${book.issuedOn}">${formatDate(lang, book.issuedOn)}</time></dd>` : ''}
${physical.length ? html`<dt>${t.pagesWeightSize}</dt><dd>${physical.join(' | ')}</dd>` : ''}
<dt>${t.isbn13}</dt><dd><span title="${isbn13h}">${book.isbn13}</span></dd>
${book.isbn10 ? html`<dt>${t.isbn10}</dt><dd><span title="${isbn10h ?? ''}">${book.isbn10}</span></dd>` : ''}
${book.format === 'unknown' ? '' : html`<dt>${t.format}</dt><dd>${t[`format_${book.format}`]}</dd>`}
${book.series ? html`<dt>${t.series}</dt><dd><a href="${href(ctx, seriesPath(book.series))}">${book.series}</a>${book.seriesNumber ? ` ${book.seriesNumber}` : ''}</dd>` : ''}
</dl>`
}

/** schema.org BookFormatType; other carriers and an unknown format say none. */
const SCHEMA_ORG_FORMATS: Partial<Record<Book['format'], string>> = { paperback: 'Paperback', hardcover: 'Hardcover', ebook: 'EBook', audiobook: 'AudiobookFormat' }

function jsonLd(ctx: PageContext, book: Book, today: string): unknown {
  const price = book.salePrice ?? book.listPrice
  const state = stockState(ctx, book, today)
  return {
    '@context': 'https://schema.org',
    '@type': 'Book',
    '@id': `${ctx.origin}/books/${book.isbn13}`,
    url: `${ctx.origin}/books/${book.isbn13}`,
    name: book.title,
    ...(book.translations.en ? { alternateName: book.translations.en.title } : {}),
    isbn: book.isbn13,
    inLanguage: book.language === 'kor' ? 'ko' : (book.language ?? undefined),
    image: absoluteUrl(ctx, coverSrc(book)),
    ...(book.contributors.length ? { author: book.contributors.filter((c) => c.role === 'author').map((c) => ({ '@type': 'Person', name: c.name })) } : {}),
    ...(book.publisher ? { publisher: { '@type': 'Organization', name: book.publisher } } : {}),
    ...(book.issuedOn ? { datePublished: book.issuedOn } : {}),
    ...(book.pageCount ? { numberOfPages: book.pageCount } : {}),
    ...(SCHEMA_ORG_FORMATS[book.format] ? { bookFormat: `https://schema.org/${SCHEMA_ORG_FORMATS[book.format]}` } : {}),
    ...(price != null
      ? {
          offers: {
            '@type': 'Offer',
            price: price,
            priceCurrency: book.currency,
            availability: `https://schema.org/${!book.onSale ? 'Discontinued' : isComingSoon(book.issuedOn, today) ? 'PreOrder' : !state.canBuy ? 'OutOfStock' : availabilityOf(book).kind === 'to_order' ? 'BackOrder' : 'InStock'}`,
            url: `${ctx.origin}/books/${book.isbn13}`,
          },
        }
      : {}),
  }
}

export function productPage(ctx: PageContext, view: ProductView): string {
  const { book, categories, related, today, editions = [] } = view
  const { t, lang } = ctx
  const title = displayTitle(ctx, book)
  const altTitle = title === book.title ? book.translations[lang === 'ko' ? 'en' : lang]?.title : book.title
  const paths = categories.leaves(book.categoryIds).map((id) => categories.pathTo(id))
  const descriptionText = richTextToPlain(book.descriptionHtml ?? '')
  const metaDescription = [book.descriptionHeadline, descriptionText].filter(Boolean).join(' ').slice(0, 160)
  // The plain text is never longer than the markup, so most reviews need no stripping to tell.
  const review = book.reviewHtml ?? ''
  const reviewLong = review.length > FOLD_TEXT_CHARS && richTextToPlain(review).length > FOLD_TEXT_CHARS
  const points = chapterPoints(book.toc)
  const sections: Array<[string, string]> = [
    ['introduction', t.bookIntroduction],
    ...(book.excerptsHtml ? ([['excerpts', FROM_THE_BOOK[lang]]] as Array<[string, string]>) : []),
    ['contents', t.tableOfContents],
    ...(points.length ? ([['atlas', t.atlasTitle]] as Array<[string, string]>) : []),
    ...(book.reviewHtml ? ([['review', t.publishersReview]] as Array<[string, string]>) : []),
    ['specifics', t.specifics],
    ['related', t.youMayAlsoLike],
    ['categories', t.categories],
  ]
  const body = html`
${paths[0] ? crumbs(ctx, paths[0], t.categories) : ''}
<article class="product" itemscope>
<div class="product-top">
<figure class="cover">${coverImage(book, { alt: fill(t.coverOf, { title }), sizes: PRODUCT_COVER_SIZES, isFirstView: true })}</figure>
<section id="product-info" class="title-block" tabindex="-1" aria-labelledby="book-title">
<h1 id="book-title">${title}</h1>
${book.subtitle ? html`<p class="subtitle">${book.subtitle}</p>` : ''}
${altTitle ? html`<p class="alt-title" lang="${title === book.title ? lang === 'ko' ? 'en' : lang : 'ko'}">${altTitle}</p>` : ''}
${book.alternateForms?.titles[0] ? html`<p class="alt-title romanised">${t.romanisedTitle}: ${book.alternateForms.titles[0]}</p>` : ''}
<p class="byline">${book.contributors.length ? book.contributors.map((c) => html`<span><a href="${href(ctx, authorPath(c.name))}">${c.name}</a><span class="role">${t[`role_${c.role}`]}</span></span>`) : html`<span class="empty">${t.contributorsUnknown}</span>`}</p>
${view.nextInSeries ? html`<p class="next-volume">${t.nextInSeries}: <a href="${href(ctx, `/books/${view.nextInSeries.isbn13}`)}">${view.nextInSeries.seriesNumber ? `${volumeLabel(lang, view.nextInSeries.seriesNumber)} ` : ''}${displayTitle(ctx, view.nextInSeries)}</a></p>` : ''}
<p class="facts">${book.publisher ? html`<span>${book.publisher}${book.imprint ? ` (${book.imprint})` : ''}</span>` : ''}${book.issuedOn ? html`<span><time datetime="${book.issuedOn}">${formatDate(lang, book.issuedOn)}</time></span>` : ''}${book.format === 'unknown' ? '' : html`<span>${t[`format_${book.format}`]}</span>`}</p>
${bookStanding(ctx, view.ranks, categories)}
${priceBox(ctx, book, today)}
${editionList(ctx, editions)}
${wishButton(ctx, book)}
</section></div>
<nav class="section-nav" aria-label="${t.specifics}"><ul>${sections.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>
<section id="introduction" class="book-section" aria-labelledby="introduction-h"><h2 id="introduction-h">${t.bookIntroduction}</h2>
${book.descriptionHeadline ? html`<p class="headline"${ctx.lang === 'en' && HANGUL.test(book.descriptionHeadline) ? raw(' lang="ko"') : ''}>${book.descriptionHeadline}</p>` : ''}
${book.descriptionHtml ? richText(ctx, book.descriptionHtml) : html`<p class="empty">${t.noContent}</p>`}
${book.authorBioHtml ? html`<h3>${t.authorBio}</h3>${richText(ctx, book.authorBioHtml)}` : ''}
</section>
${book.excerptsHtml ? html`<section id="excerpts" class="book-section" aria-labelledby="excerpts-h"><h2 id="excerpts-h">${FROM_THE_BOOK[lang]}</h2>
${fold(ctx, 'excerpts-body', book.excerptsHtml.length > FOLD_TEXT_CHARS && richTextToPlain(book.excerptsHtml).length > FOLD_TEXT_CHARS, richText(ctx, book.excerptsHtml))}</section>` : ''}
<section id="contents" class="book-section" aria-labelledby="contents-h"><h2 id="contents-h">${t.tableOfContents}</h2>
${book.toc.length ? fold(ctx, 'contents-body', book.toc.length > FOLD_TOC_ENTRIES, tocList(ctx, book.toc)) : html`<p class="empty">${t.noContent}</p>`}
</section>
${chapterAtlas(ctx, points)}
${book.reviewHtml ? html`<section id="review" class="book-section" aria-labelledby="review-h"><h2 id="review-h">${t.publishersReview}</h2>
${fold(ctx, 'review-body', reviewLong, richText(ctx, book.reviewHtml))}</section>` : ''}
<section id="specifics" class="book-section" aria-labelledby="specifics-h"><h2 id="specifics-h">${t.specifics}</h2>${specifics(ctx, book)}${sizeDrawing(ctx, book.dimensions)}</section>
${view.reviews ? productReviews(ctx, book.isbn13, view.reviews) : ''}
<section id="related" class="book-section" aria-labelledby="related-h"><h2 id="related-h">${t.youMayAlsoLike}</h2>${recommendationShelf(ctx, related, categories)}</section>
<section id="categories" class="book-section" aria-labelledby="categories-h"><h2 id="categories-h">${t.categories}</h2>
${paths.length ? html`<ul class="paths">${paths.map((p, i) => html`<li>${crumbs(ctx, p, `${t.categories} ${i + 1}`)}</li>`)}</ul>` : html`<p class="empty">${t.noContent}</p>`}
</section>
</article>`
  return layout(
    ctx,
    {
      title: byline(ctx, book.contributors.slice(0, 1)) ? `${title} - ${byline(ctx, book.contributors.slice(0, 1))}` : title,
      description: metaDescription || title,
      canonicalPath: `/books/${book.isbn13}`,
      ogType: 'book',
      ogImage: absoluteUrl(ctx, coverSrc(book)),
      jsonLd: { ...(jsonLd(ctx, book, today) as object), ...(view.reviews ? reviewsJsonLd(view.reviews) : {}) },
      skip: { target: 'product-info', label: t.skipToProduct },
      visitorForms: ['buy', WISH_FORM],
    },
    body,
  )
}
