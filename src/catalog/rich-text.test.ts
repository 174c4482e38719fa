import { describe, expect, it } from 'vitest'
import { plainTextToHtml, sanitizeRichText, toRichText } from './rich-text'

describe('rich text', () => {
  it('strips scripts, event handlers and javascript: URLs', () => {
    const dirty = '<p onclick="steal()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)></p>'
    const clean = sanitizeRichText(dirty)
    expect(clean).toBe('<p>Hi <a>x</a></p>')
    expect(clean).not.toMatch(/script|onerror|onclick|javascript/i)
  })

  it('keeps headings, emphasis and safe links', () => {
    expect(sanitizeRichText('<h2>Sub</h2><p><em>a</em> <a href="https://x.test/">b</a></p>')).toBe(
      '<h3>Sub</h3><p><em>a</em> <a href="https://x.test/">b</a></p>',
    )
  })

  it('turns plain text into escaped paragraphs', () => {
    expect(plainTextToHtml('one\ntwo\n\n<three>')).toBe('<p>one<br>two</p>\n<p>&lt;three&gt;</p>')
    expect(toRichText('a & b')).toBe('<p>a &amp; b</p>')
  })

  it('keeps markup that sanitises to bare text as a paragraph, so it reads back the same', () => {
    const once = toRichText('<div>Durand &amp; co</div>')
    expect(once).toBe('<p>Durand &amp; co</p>')
    expect(toRichText(once)).toBe(once)
  })
})
