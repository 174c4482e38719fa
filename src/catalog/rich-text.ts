import { createRequire } from 'node:module'
import type sanitizeHtmlType from 'sanitize-html'
import { decodeEntities, isKnownEntity } from './entities'

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
const escapeText = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!)

/** Blank lines (a line of only spaces counts) end a paragraph. */
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/
/** The policy's tags that make paragraphs of their own; a text with any of them has its structure in its markup. */
const BLOCK_TAG = /<(?:p|br|ul|ol|li|h3|h4|h5|blockquote|dl|dt|dd)[\s/>]/i
const TAG = /<[a-z][\s\S]*>/i
/** An escaped tag: "&lt;strong&gt;", "&lt;/p&gt;". */
const ESCAPED_TAG = /&lt;\/?[a-z][a-z0-9]*(?:\s[^&]*)?\/?&gt;/i

/** Plain text becomes paragraphs: a blank line starts a new one, a single newline is a line break. Its character references are decoded once. */
export function plainTextToHtml(text: string): string {
  return decodeEntities(text)
    .replace(/\r\n?/g, '\n')
    .split(PARAGRAPH_BREAK)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeText(block).replace(/\n/g, '<br>')}</p>`)
    .join('\n')
}

/**
 * Sanitised markup without block tags as paragraphs: split at the blank
 * lines outside any inline element (an <em> spanning a blank line stays one).
 */
function inlineToParagraphs(html: string): string {
  const blocks: string[] = []
  let depth = 0
  let start = 0
  for (const m of html.matchAll(/<(\/?)[a-z][^>]*>|\n[^\S\n]*\n\s*/gi)) {
    if (m[0][0] === '<') depth = Math.max(0, depth + (m[1] ? -1 : 1))
    else if (depth === 0) {
      blocks.push(html.slice(start, m.index))
      start = m.index + m[0].length
    }
  }
  blocks.push(html.slice(start))
  return blocks.map((b) => b.trim()).filter(Boolean).map((b) => `<p>${b.replace(/\n/g, '<br />')}</p>`).join('\n')
}

/**
 * A text escaped once more than its markup needs shows its entities as
 * text ("&amp;lt;" on the page reads "&lt;"): each reference written as
 * "&amp;name;" for a character this module knows is taken back one level,
 * until none is left.
 */
function undoDoubleEscapes(html: string): string {
  let out = html
  for (let prev = ''; prev !== out; ) {
    prev = out
    out = out.replace(/&amp;(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,8});/gi, (ref, body: string) => (isKnownEntity(body) ? `&${body};` : ref))
  }
  return out
}

/**
 * HTML when the text looks like markup, paragraphs otherwise; always
 * sanitised, and no character reference is left to show as text:
 * - plain text: blank lines make paragraphs, references are decoded once;
 * - plain text whose tags were escaped ("&lt;strong&gt;", a sender's double
 *   escaping) is that markup, decoded once;
 * - markup that keeps no block tag once sanitised (inline tags only, or a
 *   feed's <div>) is paragraphs at its blank lines like plain text; markup
 *   with block tags (<p>, <br>, <ul>...) is taken as written.
 * A stored text reads back unchanged.
 */
export function toRichText(text: string): string {
  const isMarkup = TAG.test(text)
  if (!isMarkup && !ESCAPED_TAG.test(text)) return undoDoubleEscapes(sanitizeRichText(plainTextToHtml(text)))
  const html = undoDoubleEscapes(sanitizeRichText(isMarkup ? text : decodeEntities(text)))
  return BLOCK_TAG.test(html) ? html : inlineToParagraphs(html)
}

/** A stored rich text as one line of words, for meta descriptions, indexing and similarity: tags become spaces, references their characters. */
export function richTextToPlain(html: string): string {
  return decodeEntities(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim()
}
