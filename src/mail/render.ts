import { InputError } from '../core/errors'
import { layOut } from './layout'
import { TEMPLATES } from './templates'
import type { Template } from './templates/template'
import type { MailParams, MailRequest, MailTemplate, RenderedMail } from './types'

/** A mail in the customer's language; a request missing a param or carrying a bad link is refused before anything is kept. */
export function renderMail(request: MailRequest): RenderedMail {
  const template = TEMPLATES[request.template] as Template<MailTemplate> | undefined
  if (!template) throw new InputError('template', `expected one of ${Object.keys(TEMPLATES).join(', ')}, got "${request.template}"`)
  if (request.lang !== 'ko' && request.lang !== 'en') throw new InputError('lang', `expected ko or en, got "${request.lang}"`)
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(request.to)) throw new InputError('to', `expected one email address, got "${request.to}"`)
  for (const key of template.required) {
    const value = request.params[key]
    if (value === undefined || value === '') throw new InputError(`params.${key}`, `${request.template} needs ${key}`)
  }
  for (const key of template.links ?? []) {
    if (!/^https?:\/\/\S+$/.test(String(request.params[key]))) throw new InputError(`params.${key}`, `expected an absolute http(s) URL for ${request.template}`)
  }
  return layOut(template.render(request.params as unknown as MailParams[MailTemplate], request.lang), request.lang)
}
