import type { Order } from '../../../commerce'

/** The columns Korean couriers' bulk booking (대량 접수) takes, in their order. */
export const COURIER_COLUMNS = ['받는분', '받는분 전화', '우편번호', '주소', '상세주소', '배송메시지', '품목', '수량', '주문번호'] as const

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without one it guesses CP949. */
const BOM = '\uFEFF'

/**
 * A cell a spreadsheet will not run: text starting with = + - @ (or a tab or
 * carriage return, which Excel skips before looking) is a formula to Excel
 * and LibreOffice, so it is kept as text with a leading apostrophe (OWASP's
 * advice on CSV injection). Then quoted when it holds a comma, quote or line break.
 */
export function courierCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** 품목 as a courier's label has room for: the first title, and how many other titles came with it. */
export function itemsLabel(order: Order): string {
  const [first, ...rest] = order.lines
  return rest.length ? `${first?.title ?? ''} 외 ${rest.length}종` : (first?.title ?? '')
}

/** One row per order, CRLF between rows as RFC 4180 and Excel expect. */
export function courierCsv(orders: Order[]): string {
  const rows = orders.map((o) => {
    const d = o.delivery
    const copies = o.lines.reduce((n, l) => n + l.quantity, 0)
    return [d.recipientName, d.recipientPhone, d.postalCode, d.address, d.addressDetail, d.note, itemsLabel(o), String(copies), o.number]
  })
  return BOM + [[...COURIER_COLUMNS], ...rows].map((cells) => cells.map(courierCell).join(',')).join('\r\n') + '\r\n'
}
