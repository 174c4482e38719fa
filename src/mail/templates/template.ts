import type { MailContent, MailLang, MailParams, MailTemplate } from '../types'

/** One mail's words in both languages, and the params it cannot do without. */
export interface Template<T extends MailTemplate> {
  required: ReadonlyArray<keyof MailParams[T] & string>
  /** Params holding URLs, which must be absolute http(s). */
  links?: ReadonlyArray<keyof MailParams[T] & string>
  render(params: MailParams[T], lang: MailLang): MailContent
}
