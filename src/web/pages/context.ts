import { labels, type Labels, type Lang } from '../i18n'

/** What every page render needs to know about the request. */
export interface PageContext {
  lang: Lang
  /** The reader chose the language with ?lang=; links keep that choice. */
  explicit: boolean
  t: Labels
  /** Scheme and host, for canonical and Open Graph URLs. */
  origin: string
  /** The path being rendered, without the language parameter. */
  path: string
}

export function pageContext({ lang, explicit }: { lang: Lang; explicit: boolean }, origin: string, path: string): PageContext {
  return { lang, explicit, t: labels[lang], origin, path }
}

/**
 * A link that keeps the page's language. Korean is the default, so Korean
 * links stay bare unless the reader picked Korean over an English browser.
 */
export function href(ctx: PageContext, path: string): string {
  if (ctx.lang === 'ko' && !ctx.explicit) return path
  return path + (path.includes('?') ? '&' : '?') + `lang=${ctx.lang}`
}
