import { createRequire } from 'node:module'
import type sanitizeHtmlType from 'sanitize-html'

// Loaded on first use: only writers need it, and it costs a page-serving process ~70 ms at start.
let sanitizeHtml: typeof sanitizeHtmlType | undefined
const load = () => (sanitizeHtml ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtmlType)

/**
 * The only markup a book text may keep: structure and emphasis, links to
 * http(s) and mail, no scripts, styles, event handlers or embedded media.
 */
const policy: sanitizeHtmlType.IOptions = {
  allowedTags: ['p', 'br', 'h3', 'h4', 'h5', 'strong', 'b', 'em', 'i', 'u', 'sub', 'sup', 'ul', 'ol', 'li', 'blockquote', 'q', 'cite', 'a', 'span', 'dl', 'dt', 'dd'],
  allowedAttributes: { a: ['href', 'title'], q: ['cite'], span: ['lang'], p: ['lang'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Demote page-level headings so a book text never outranks the page's own.
  transformTags: { h1: 'h3', h2: 'h3', h6: 'h5' },
}

/** Sanitises HTML from a feed or a form to the allow-list above. */
export function sanitizeRichText(html: string): string {
  return load()(html, policy).trim()
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Plain text becomes paragraphs: a blank line starts a new one, a single newline is a line break. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${block.replace(/[&<>"']/g, (c) => escapes[c]!).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

/** HTML when the text looks like markup, paragraphs otherwise; always sanitised. */
export function toRichText(text: string): string {
  if (!/<[a-z][\s\S]*>/i.test(text)) return sanitizeRichText(plainTextToHtml(text))
  const html = sanitizeRichText(text)
  // Markup that sanitises down to bare text (a feed's <div> wrapper) is still a paragraph, so it reads back the same.
  return html && !/<[a-z]/i.test(html) ? `<p>${html}</p>` : html
}

/** A stored rich text as one line of words, for meta descriptions, indexing and similarity: tags and entities become spaces. */
export function richTextToPlain(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ').replace(/\s+/g, ' ').trim()
}
