import type { Template } from './template'

export const orderCancelled: Template<'order-cancelled'> = {
  required: ['orderNumber', 'reason'],
  render: ({ orderNumber, reason }, lang) =>
    lang === 'ko'
      ? {
          subject: `[Colophon] 주문이 취소되었습니다 (주문 번호 ${orderNumber})`,
          paragraphs: [`주문이 취소되었습니다. 주문 번호: ${orderNumber}`, `사유: ${reason}`, '이미 결제하신 금액은 환불해 드리며, 환불이 끝나면 다시 알려 드립니다.'],
        }
      : {
          subject: `[Colophon] Your order ${orderNumber} has been cancelled`,
          paragraphs: [`Order ${orderNumber} has been cancelled.`, `Reason: ${reason}`, 'Anything you have already paid will be refunded; we will write again when it is.'],
        },
}
