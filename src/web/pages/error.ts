import { html } from '../html'
import { messages } from '../messages'
import type { PageContext } from './context'
import { layout } from './layout'

const forbidden = {
  ko: { title: '권한이 없습니다', body: '이 화면을 열거나 이 일을 할 권한이 없습니다. 필요하면 서점 운영자(owner)에게 역할을 바꿔 달라고 하세요.' },
  en: { title: 'Not allowed', body: 'Your role does not allow this page or action. Ask the shop\'s owner to change your role if you need it.' },
}

/** 4xx and 5xx pages: what happened, in the reader's language, and never a stack trace. */
export function errorPage(ctx: PageContext, { status, message }: { status: number; message?: string }): string {
  const { t } = ctx
  const title = status === 404 ? t.notFoundTitle : status === 403 ? forbidden[ctx.lang].title : status === 503 ? messages[ctx.lang].unavailableTitle : status < 500 ? t.badRequestTitle : t.errorTitle
  const text = status === 404 ? t.notFoundBody : (message ?? (status === 403 ? forbidden[ctx.lang].body : t.errorBody))
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
