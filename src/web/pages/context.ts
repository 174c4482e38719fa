import { labels, type Labels, type Lang } from '../i18n'

/** What every page render needs to know about the request. */
export interface PageContext {
  lang: Lang
  /** The reader chose the language with ?lang=; links keep that choice. */
  explicit: boolean
  t: Labels
  /** The configured public origin for canonical and Open Graph URLs; empty, links are root-relative (never the request's Host). */
  origin: string
  /** The path being rendered, without the language parameter. */
  path: string
  /**
   * The visitor's form token, for pages rendered for one visitor only (cart,
   * back office). Shared pages use a visitor slot instead, filled per answer.
   */
  formToken(): string
}

const noToken = () => ''

export function pageContext({ lang, explicit }: { lang: Lang; explicit: boolean }, origin: string, path: string, formToken: () => string = noToken): PageContext {
  return { lang, explicit, t: labels[lang], origin, path, formToken }
}

/**
 * A link that keeps the page's language. Korean is the default, so Korean
 * links stay bare unless the reader picked Korean over an English browser.
 */
export function href(ctx: PageContext, path: string): string {
  if (ctx.lang === 'ko' && !ctx.explicit) return path
  return path + (path.includes('?') ? '&' : '?') + `lang=${ctx.lang}`
}
