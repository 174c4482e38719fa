import { describe, expect, it } from 'vitest'
import { InputError } from '../core/errors'
import { formatWon } from './format'
import { renderMail } from './render'
import type { MailRequest } from './types'

const verify = (lang: 'ko' | 'en'): MailRequest => ({
  to: 'reader@example.com',
  lang,
  template: 'verify-email',
  params: { name: '김독자', link: 'https://books.example/verify?token=a&b=<1>' },
})

describe('mail rendering', () => {
  it('writes the verification mail in Korean and in English, with the link in both parts', () => {
    const ko = renderMail(verify('ko'))
    const en = renderMail(verify('en'))
    expect(ko.subject).toBe('[Colophon] 이메일 주소를 확인해 주세요')
    expect(en.subject).toBe('[Colophon] Please confirm your email address')
    expect(ko.text).toContain('김독자님')
    expect(ko.text).toContain('https://books.example/verify?token=a&b=<1>')
    expect(en.text).toContain('Hello 김독자')
    expect(ko.html).toContain('<html lang="ko">')
    expect(en.html).toContain('<html lang="en">')
  })

  it('escapes every value in the HTML part', () => {
    const html = renderMail({ ...verify('en'), params: { name: '<script>alert(1)</script>', link: 'https://books.example/v?a=1&b="2"' } }).html
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('href="https://books.example/v?a=1&amp;b=&quot;2&quot;"')
  })

  it('formats won for each language', () => {
    expect(formatWon(12300, 'ko')).toBe('12,300원')
    expect(formatWon(12300, 'en')).toBe('₩12,300')
    expect(formatWon('1500000', 'en')).toBe('₩1,500,000')
    const ko = renderMail({ to: 'a@b.kr', lang: 'ko', template: 'order-paid', params: { orderNumber: 'C-1001', total: 12300 } })
    expect(ko.text).toContain('12,300원')
    expect(ko.subject).toContain('C-1001')
  })

  it('puts the bank details in the order-received mail only when they are given', () => {
    const params = { orderNumber: 'C-1002', total: 45000, bankName: '국민은행', bankAccount: '123-45-678901', accountHolder: '(주)콜로폰', deadline: '2026-12-05' }
    const withBank = renderMail({ to: 'a@b.kr', lang: 'ko', template: 'order-received', params })
    expect(withBank.text).toContain('입금 은행: 국민은행')
    expect(withBank.text).toContain('계좌 번호: 123-45-678901')
    expect(withBank.text).toContain('예금주: (주)콜로폰')
    expect(withBank.text).toContain('입금 기한: 2026-12-05')
    const en = renderMail({ to: 'a@b.kr', lang: 'en', template: 'order-received', params: { orderNumber: 'C-1002', total: 45000 } })
    expect(en.text).toContain('₩45,000')
    expect(en.text).not.toContain('Bank:')
  })

  it('renders every template in both languages with its own subject', () => {
    const requests: Array<Pick<MailRequest, 'template' | 'params'>> = [
      { template: 'verify-email', params: { name: 'A', link: 'https://x.example/v' } },
      { template: 'reset-password', params: { name: 'A', link: 'https://x.example/r', minutes: 30 } },
      { template: 'order-received', params: { orderNumber: 'N1', total: 1000 } },
      { template: 'order-paid', params: { orderNumber: 'N1', total: 1000 } },
      { template: 'order-shipped', params: { orderNumber: 'N1', carrier: 'CJ대한통운', trackingNumber: '6001', trackingUrl: 'https://track.example/6001' } },
      { template: 'order-cancelled', params: { orderNumber: 'N1', reason: 'out of print' } },
      { template: 'order-refunded', params: { orderNumber: 'N1', amount: 1000 } },
    ]
    const subjects = new Set<string>()
    for (const r of requests) {
      for (const lang of ['ko', 'en'] as const) {
        const mail = renderMail({ to: 'a@b.kr', lang, ...r })
        expect(mail.text.length).toBeGreaterThan(40)
        subjects.add(mail.subject)
      }
    }
    expect(subjects.size).toBe(14)
    const shipped = renderMail({ to: 'a@b.kr', lang: 'en', ...requests[4]! })
    expect(shipped.text).toContain('Tracking number: 6001')
    expect(shipped.html).toContain('href="https://track.example/6001"')
  })

  it('refuses a request missing a param, with a link that is not http(s), or with a bad address', () => {
    expect(() => renderMail({ ...verify('ko'), params: { name: 'A' } })).toThrow(InputError)
    expect(() => renderMail({ ...verify('ko'), params: { name: 'A' } })).toThrow(/params\.link: verify-email needs link/)
    expect(() => renderMail({ ...verify('ko'), params: { name: 'A', link: 'javascript:alert(1)' } })).toThrow(/params\.link/)
    expect(() => renderMail({ ...verify('ko'), to: 'a@b.kr\r\nBcc: x@y.z' })).toThrow(/^to:/)
  })
})
