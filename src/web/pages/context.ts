import { labels, type Labels, type Lang } from '../i18n'

/** What every page render needs to know about the request. */
export interface PageContext {
  lang: Lang
  t: Labels
  /** Scheme and host, for canonical and Open Graph URLs. */
  origin: string
  /** The path being rendered, without the language parameter. */
  path: string
}

export function pageContext(lang: Lang, origin: string, path: string): PageContext {
  return { lang, t: labels[lang], origin, path }
}

/** A link that keeps the page's language: English pages carry ?lang=en. */
export function href(ctx: PageContext, path: string): string {
  if (ctx.lang === 'ko') return path
  return path + (path.includes('?') ? '&' : '?') + 'lang=en'
}
