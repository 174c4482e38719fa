import { formatWon } from '../format'
import type { Template } from './template'

export const orderRefunded: Template<'order-refunded'> = {
  required: ['orderNumber', 'amount'],
  render: ({ orderNumber, amount }, lang) =>
    lang === 'ko'
      ? {
          subject: `[Colophon] 환불이 끝났습니다 (주문 번호 ${orderNumber})`,
          paragraphs: [`환불해 드렸습니다.\n주문 번호: ${orderNumber}\n환불 금액: ${formatWon(amount, lang)}`, '결제 수단에 따라 실제 입금까지 며칠이 걸릴 수 있습니다.'],
        }
      : {
          subject: `[Colophon] Order ${orderNumber} has been refunded`,
          paragraphs: [`We have refunded ${formatWon(amount, lang)} for order ${orderNumber}.`, 'Depending on how you paid, it may take a few days to reach your account.'],
        },
}
