import { escapeHtml } from './format'
import type { MailContent, MailLang, RenderedMail } from './types'

const SIGNATURE: Record<MailLang, string> = {
  ko: 'Colophon 드림\n이 메일은 발신 전용입니다.',
  en: 'Colophon\nThis address does not receive replies.',
}

/** The same words as plain text and as simple HTML, every value escaped once, here. */
export function layOut(content: MailContent, lang: MailLang): RenderedMail {
  const { subject, paragraphs, action } = content
  const textParts = [...paragraphs, ...(action ? [`${action.label}:\n${action.href}`] : []), SIGNATURE[lang]]
  const htmlParts = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    ...(action ? [`<p><a href="${escapeHtml(action.href)}">${escapeHtml(action.label)}</a></p>`] : []),
    `<p style="color:#666">${escapeHtml(SIGNATURE[lang]).replace(/\n/g, '<br>')}</p>`,
  ]
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:sans-serif;line-height:1.6">${htmlParts.join('\n')}</body></html>`,
  ].join('\n')
  return { subject, text: `${textParts.join('\n\n')}\n`, html }
}
