import { formatWon } from '../format'
import type { Template } from './template'

export const orderPaid: Template<'order-paid'> = {
  required: ['orderNumber', 'total'],
  render: ({ orderNumber, total }, lang) =>
    lang === 'ko'
      ? {
          subject: `[Colophon] 결제가 확인되었습니다 (주문 번호 ${orderNumber})`,
          paragraphs: [`결제가 확인되었습니다.\n주문 번호: ${orderNumber}\n결제 금액: ${formatWon(total, lang)}`, '책을 포장해 곧 보내 드리겠습니다. 발송되면 다시 알려 드립니다.'],
        }
      : {
          subject: `[Colophon] Payment received for order ${orderNumber}`,
          paragraphs: [`We have received your payment of ${formatWon(total, lang)} for order ${orderNumber}.`, 'Your books will be packed and sent shortly; we will write again when they are on their way.'],
        },
}
