import type { Template } from './template'

export const orderShipped: Template<'order-shipped'> = {
  required: ['orderNumber', 'carrier', 'trackingNumber', 'trackingUrl'],
  links: ['trackingUrl'],
  render: ({ orderNumber, carrier, trackingNumber, trackingUrl }, lang) =>
    lang === 'ko'
      ? {
          subject: `[Colophon] 주문하신 책을 보냈습니다 (주문 번호 ${orderNumber})`,
          paragraphs: [`주문하신 책을 보냈습니다. 주문 번호: ${orderNumber}`, `택배사: ${carrier}\n운송장 번호: ${trackingNumber}`],
          action: { label: '배송 조회', href: trackingUrl },
        }
      : {
          subject: `[Colophon] Your order ${orderNumber} is on its way`,
          paragraphs: [`The books of order ${orderNumber} have been sent.`, `Carrier: ${carrier}\nTracking number: ${trackingNumber}`],
          action: { label: 'Track the parcel', href: trackingUrl },
        },
}
