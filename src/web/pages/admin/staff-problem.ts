import type { InputError } from '../../../core/errors'
import { html, type SafeHtml } from '../../html'
import { errorMessage } from '../../messages'
import type { PageContext } from '../context'

/** Staff-only refusals; the rest (passwords, links, emails) are worded as for customers. */
const words = {
  ko: {
    bad_code: '인증 앱의 현재 코드나 아직 쓰지 않은 복구 코드가 아닙니다.',
    role_invalid: '역할은 owner, catalog, orders, viewer 가운데 하나여야 합니다.',
    email_taken: '이 이메일의 직원이 이미 있습니다.',
  },
  en: {
    bad_code: 'That is neither the authenticator app\'s current code nor an unused recovery code.',
    role_invalid: 'The role must be one of owner, catalog, orders or viewer.',
    email_taken: 'There is already a member of staff with this email.',
  },
}

export function problemText(ctx: PageContext, err: Pick<InputError, 'code' | 'field' | 'params'>): string {
  return (words[ctx.lang] as Record<string, string>)[err.code] ?? errorMessage(ctx.lang, err.code, err.field, err.params)
}

/** The refusal at the top of a form, announced to screen readers. */
export function problemBox(text: string | undefined): SafeHtml | '' {
  return text ? html`<div class="flash error" role="alert"><p>${text}</p></div>` : ''
}
