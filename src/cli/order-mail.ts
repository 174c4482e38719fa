import { CARRIERS, carrierCode, trackingUrl, type BankAccount, type OrderNotice, type TrackingNumber } from '../commerce'
import type { Logger } from '../core/logger'
import type { MailRequest } from '../mail'

/** Reasons the store itself gives, in words; a person's own reason is passed on as they wrote it. */
const REASONS: Record<string, Record<'ko' | 'en', string>> = {
  payment_deadline: { ko: '입금 기한이 지나 주문이 자동으로 취소되었습니다.', en: 'The payment deadline passed, so the order was cancelled.' },
  customer: { ko: '주문하신 분이 취소했습니다.', en: 'You cancelled it.' },
}

// One formatter per language: building an Intl.DateTimeFormat costs about half a millisecond.
const SEOUL_TIME = {
  ko: new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'long', timeStyle: 'short' }),
}
const seoulTime = (iso: string, lang: 'ko' | 'en') => SEOUL_TIME[lang].format(new Date(iso))

/** The mail an order's step sends its buyer, in the language they ordered in; none for steps they need not hear of. */
export function orderMail({ order, event, refunded }: OrderNotice, bank: BankAccount): MailRequest[] {
  const base = { to: order.buyer.email, lang: order.lang }
  const orderNumber = order.number
  switch (event.to) {
    case 'awaiting_payment': {
      const transfer = order.paymentMethod === 'bank_transfer' ? { ...bank, deadline: order.payBy ? seoulTime(order.payBy, order.lang) : '' } : {}
      return [{ ...base, template: 'order-received', params: { orderNumber, total: order.total, ...transfer } }]
    }
    case 'paid':
      return [{ ...base, template: 'order-paid', params: { orderNumber, total: order.total } }]
    case 'shipped': {
      const code = carrierCode.parse(order.carrier)
      const number = order.trackingNumber as TrackingNumber
      return [{ ...base, template: 'order-shipped', params: { orderNumber, carrier: CARRIERS[code].name[order.lang], trackingNumber: number, trackingUrl: trackingUrl(code, number) } }]
    }
    case 'cancelled':
      return [
        { ...base, template: 'order-cancelled', params: { orderNumber, reason: REASONS[event.reason ?? '']?.[order.lang] ?? event.reason ?? '' } },
        ...(refunded ? [{ ...base, template: 'order-refunded' as const, params: { orderNumber, amount: refunded } }] : []),
      ]
    case 'refunded':
      return [{ ...base, template: 'order-refunded', params: { orderNumber, amount: refunded ?? order.total } }]
    default:
      return []
  }
}

/** Sends each order step's mail; a mail that cannot even be queued is logged, never thrown at the order. */
export function mailOrderSteps(mailer: { send(request: MailRequest): Promise<unknown> }, bank: BankAccount, logger?: Logger) {
  return async (notice: OrderNotice) => {
    for (const request of orderMail(notice, bank)) {
      await mailer.send(request).catch((err: unknown) => logger?.error({ err, order: notice.order.number, template: request.template }, 'order mail not queued'))
    }
  }
}
