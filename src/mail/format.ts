import type { MailLang } from './types'

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!)
}

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** Won as a Korean reader writes it ("12,300원") or an English one ("₩12,300"); text that is not a number is kept as given. */
export function formatWon(amount: string | number, lang: MailLang): string {
  const n = typeof amount === 'number' ? amount : /^\d+$/.test(amount) ? Number(amount) : null
  if (n === null) return String(amount)
  return lang === 'ko' ? `${GROUPED.format(n)}원` : `₩${GROUPED.format(n)}`
}
