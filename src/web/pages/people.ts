import type { BookSummary } from '../../catalog'
import { html } from '../html'
import { fill, formatCount, type Lang } from '../i18n'
import { href, type PageContext } from './context'
import { layout } from './layout'
import { bookCard } from './parts'

const words = {
  ko: {
    author: '{name}',
    authorBooks: '{name}의 책 {n}권',
    roles: '맡은 일',
    sort: '정렬',
    sort_new: '최신순',
    sort_old: '오래된순',
    sort_title: '제목순',
    series: '{name} 시리즈',
    seriesBooks: '시리즈 {n}권, 번호 순서',
    volume: '{n}권',
    nothing: '이 이름으로 등록된 책이 없습니다.',
    noSeries: '이 시리즈의 책이 없습니다.',
  },
  en: {
    author: '{name}',
    authorBooks: '{n} books with {name}',
    roles: 'Roles',
    sort: 'Sort',
    sort_new: 'Newest',
    sort_old: 'Oldest',
    sort_title: 'Title',
    series: 'The {name} series',
    seriesBooks: '{n} volumes, in order',
    volume: 'Vol. {n}',
    nothing: 'No books under this name.',
    noSeries: 'No books in this series.',
  },
} satisfies Record<Lang, Record<string, string>>

export const AUTHOR_SORTS = ['new', 'old', 'title'] as const
export type AuthorSort = (typeof AUTHOR_SORTS)[number]

export const authorPath = (name: string) => `/authors/${encodeURIComponent(name)}`
export const seriesPath = (name: string) => `/series/${encodeURIComponent(name)}`

function sorted(books: BookSummary[], sort: AuthorSort): BookSummary[] {
  if (sort === 'new') return books
  if (sort === 'old') return [...books].reverse()
  return [...books].sort((a, b) => a.title.localeCompare(b.title, 'ko'))
}

/** A person's page: their roles across the catalog and every book they are named on, sortable. */
export function authorPage(ctx: PageContext, name: string, books: BookSummary[], sort: AuthorSort): string {
  const w = words[ctx.lang]
  const roles = [...new Set(books.flatMap((b) => b.contributors.filter((c) => c.name === name).map((c) => c.role)))]
  const base = authorPath(name)
  const body = html`<h1>${name}</h1>
${books.length ? html`<p>${fill(w.authorBooks, { name, n: formatCount(books.length) })}</p>
<p class="roles"><span>${w.roles}:</span> ${roles.map((r) => ctx.t[`role_${r}` as keyof typeof ctx.t]).join(', ')}</p>
<nav class="sorts" aria-label="${w.sort}"><ul>${AUTHOR_SORTS.map((s) => html`<li><a href="${href(ctx, s === 'new' ? base : `${base}?sort=${s}`)}"${s === sort ? html` aria-current="true"` : ''}>${w[`sort_${s}`]}</a></li>`)}</ul></nav>
<ul class="shelf">${sorted(books, sort).map((b) => bookCard(ctx, b))}</ul>` : html`<p class="empty">${w.nothing}</p>`}`
  return layout(ctx, { title: name, description: fill(w.authorBooks, { name, n: books.length }), canonicalPath: sort === 'new' ? base : `${base}?sort=${sort}`, noindex: sort !== 'new' }, body)
}

/** A series' page: its volumes in order, each with its number. */
export function seriesPage(ctx: PageContext, name: string, volumes: Array<BookSummary & { seriesNumber: string | null }>): string {
  const w = words[ctx.lang]
  const title = fill(w.series, { name })
  const body = html`<h1>${title}</h1>
${volumes.length ? html`<p>${fill(w.seriesBooks, { n: formatCount(volumes.length) })}</p>
<ol class="shelf">${volumes.map((b) => bookCard(ctx, b, b.seriesNumber ? volumeLabel(ctx.lang, b.seriesNumber) : undefined))}</ol>` : html`<p class="empty">${w.noSeries}</p>`}`
  return layout(ctx, { title, description: fill(w.seriesBooks, { n: volumes.length }), canonicalPath: seriesPath(name) }, body)
}

/** "Vol. 3" / "3권" in the page's language; a number already written with a word ("Vol. 2", "제2권") stays as it is. */
export const volumeLabel = (lang: Lang, n: string) => (/^[\dIVXLC.-]+$/i.test(n.trim()) ? fill(words[lang].volume, { n: n.trim() }) : n)
