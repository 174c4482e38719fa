export { MailService, type MailServiceOptions } from './service'
export type { MailLang, MailParams, MailRequest, MailTemplate, MailTransportConfig } from './types'
