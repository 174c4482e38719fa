import { html } from '../html'
import { messages } from '../messages'
import type { PageContext } from './context'
import { layout } from './layout'

/** 4xx and 5xx pages: what happened, in the reader's language, and never a stack trace. */
export function errorPage(ctx: PageContext, { status, message }: { status: number; message?: string }): string {
  const { t } = ctx
  const title = status === 404 ? t.notFoundTitle : status === 503 ? messages[ctx.lang].unavailableTitle : status < 500 ? t.badRequestTitle : t.errorTitle
  const text = status === 404 ? t.notFoundBody : (message ?? t.errorBody)
  const body = html`<h1>${title}</h1><p>${text}</p><p><a href="${ctx.lang === 'en' ? '/?lang=en' : '/'}">${t.home}</a></p>`
  return layout(ctx, { title, canonicalPath: ctx.path, noindex: true }, body)
}

/** The answer to a form post the gate refused: nothing was changed, and what to do now. */
export function refusedPage(ctx: PageContext, reason: 'cross-site' | 'token'): string {
  const m = messages[ctx.lang]
  const body = html`<h1>${m.refusedTitle}</h1><p>${reason === 'cross-site' ? m.refused_cross_site : m.refused_token}</p>
<p><a href="${ctx.lang === 'en' ? '/cart?lang=en' : '/cart'}">${ctx.t.cart}</a> · <a href="${ctx.lang === 'en' ? '/?lang=en' : '/'}">${ctx.t.home}</a></p>`
  return layout(ctx, { title: m.refusedTitle, canonicalPath: ctx.path, noindex: true }, body)
}
