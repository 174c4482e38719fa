export type MailTemplate = 'verify-email' | 'reset-password' | 'order-received' | 'order-paid' | 'order-shipped' | 'order-cancelled' | 'order-refunded' | 'wish-back-in-stock' | 'wish-price-drop'

export type MailLang = 'ko' | 'en'

export interface MailRequest {
  to: string
  lang: MailLang
  template: MailTemplate
  params: Record<string, string | number>
}

/**
 * What each template reads from MailRequest.params. Amounts are in won (a
 * number, or a string of digits) and are written "12,300원" in Korean and
 * "₩12,300" in English; links must be absolute http(s) URLs.
 */
export interface MailParams {
  'verify-email': { name: string; link: string }
  /** minutes: how long the link stays valid. */
  'reset-password': { name: string; link: string; minutes: number }
  /** The bank details are given for a bank transfer, all together; deadline is when the transfer must arrive. */
  'order-received': { orderNumber: string; total: number; bankName?: string; bankAccount?: string; accountHolder?: string; deadline?: string }
  'order-paid': { orderNumber: string; total: number }
  'order-shipped': { orderNumber: string; carrier: string; trackingNumber: string; trackingUrl: string }
  'order-cancelled': { orderNumber: string; reason: string }
  'order-refunded': { orderNumber: string; amount: number }
  /** A wished book can be ordered again. */
  'wish-back-in-stock': { name: string; title: string; isbn13: string }
  /** A wished book's price went down: before and after in the currency's minor unit (won for KRW). */
  'wish-price-drop': { name: string; title: string; isbn13: string; before: number; after: number; currency?: string }
}

/** A template's words before layout: paragraphs of plain text and at most one link to act on. */
export interface MailContent {
  subject: string
  paragraphs: string[]
  action?: { label: string; href: string }
}

/** A mail ready for a transport. */
export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/** Where mail goes: SMTP when smtpUrl is set, otherwise .eml files in outboxDir. */
export interface MailTransportConfig {
  smtpUrl?: string
  from: string
  outboxDir: string
}
