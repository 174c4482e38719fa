import { html } from '../html'
import type { PageContext } from './context'
import { layout } from './layout'

/** 4xx and 5xx pages: what happened, in the reader's language, and never a stack trace. */
export function errorPage(ctx: PageContext, status: number, detail?: string): string {
  const { t } = ctx
  const title = status === 404 ? t.notFoundTitle : status < 500 ? t.badRequestTitle : t.errorTitle
  const text = status === 404 ? t.notFoundBody : status < 500 ? (detail ?? '') : t.errorBody
  const body = html`<h1>${title}</h1><p>${text}</p><p><a href="${ctx.lang === 'en' ? '/?lang=en' : '/'}">${t.home}</a></p>`
  return layout(ctx, { title, canonicalPath: ctx.path, noindex: true }, body)
}
