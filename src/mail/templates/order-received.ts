import { formatWon } from '../format'
import type { MailLang, MailParams } from '../types'
import type { Template } from './template'

function bankLines(p: MailParams['order-received'], lang: MailLang): string[] {
  if (!p.bankName || !p.bankAccount) return []
  const ko = lang === 'ko'
  const lines = [
    ko ? `입금 은행: ${p.bankName}` : `Bank: ${p.bankName}`,
    ko ? `계좌 번호: ${p.bankAccount}` : `Account number: ${p.bankAccount}`,
    ...(p.accountHolder ? [ko ? `예금주: ${p.accountHolder}` : `Account holder: ${p.accountHolder}`] : []),
    ko ? `입금액: ${formatWon(p.total, lang)}` : `Amount: ${formatWon(p.total, lang)}`,
    ...(p.deadline ? [ko ? `입금 기한: ${p.deadline}` : `Pay by: ${p.deadline}`] : []),
  ]
  const intro = ko ? '아래 계좌로 입금해 주시면 확인 후 바로 보내 드립니다.' : 'Please transfer the amount to the account below; we send your books as soon as it arrives.'
  return [intro, lines.join('\n')]
}

export const orderReceived: Template<'order-received'> = {
  required: ['orderNumber', 'total'],
  render: (p, lang) =>
    lang === 'ko'
      ? {
          subject: `[Colophon] 주문이 접수되었습니다 (주문 번호 ${p.orderNumber})`,
          paragraphs: [`주문해 주셔서 감사합니다.\n주문 번호: ${p.orderNumber}\n결제하실 금액: ${formatWon(p.total, lang)}`, ...bankLines(p, lang)],
        }
      : {
          subject: `[Colophon] We have received your order ${p.orderNumber}`,
          paragraphs: [`Thank you for your order. Its number is ${p.orderNumber} and its total is ${formatWon(p.total, lang)}.`, ...bankLines(p, lang)],
        },
}
