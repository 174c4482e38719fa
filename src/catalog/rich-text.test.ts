import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { plainTextToHtml, richTextToPlain, sanitizeRichText, toRichText } from './rich-text'

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

describe('paragraphs and character references', () => {
  it('keeps the blank-line paragraphs of a text with a few inline tags', () => {
    const text = 'The <b>first</b> paragraph.\n\nThe second, with <em>emphasis</em>\nand a line break.\n\n \nThe third.'
    expect(toRichText(text)).toBe('<p>The <b>first</b> paragraph.</p>\n<p>The second, with <em>emphasis</em><br />and a line break.</p>\n<p>The third.</p>')
  })

  it('takes a text with block tags as its markup says', () => {
    expect(toRichText('<p>One</p>\n\n<p>Two <b>bold</b></p>')).toBe('<p>One</p>\n\n<p>Two <b>bold</b></p>')
  })

  it('reads escaped tags in a tag-less text as the markup they are, decoded once', () => {
    expect(toRichText('A &lt;strong&gt;bold&lt;/strong&gt; claim &amp;amp; more')).toBe('<p>A <strong>bold</strong> claim &amp; more</p>')
  })

  it('decodes the references of plain text once and never shows one as text', () => {
    expect(toRichText('Tom &amp; Jerry &mdash; caf&eacute; &#8220;quoted&#x201D;')).toBe('<p>Tom &amp; Jerry — café “quoted”</p>')
    expect(toRichText('AT&amp;amp;T')).toBe('<p>AT&amp;T</p>')
    expect(toRichText('<p>AT&amp;amp;T &amp;lt;3</p>')).toBe('<p>AT&amp;T &lt;3</p>')
    expect(richTextToPlain('<p>Tom &amp; Jerry&nbsp;&lt;3</p>')).toBe('Tom & Jerry <3')
  })

  // Words of text: a bare "<" before a letter is no text a feed's HTML can hold, so words have none.
  const word = fc.stringMatching(/^[A-Za-z가-힣0-9&>"'.,;:!?-]{1,12}$/)
  const inline = fc.oneof(word, word.map((w) => `<b>${w.replace(/[<>&]/g, '')}x</b>`), word.map((w) => `<em>${w.replace(/[<>&]/g, '')}y</em>`))
  const paragraph = fc.array(inline, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '))
  const escapeOnce = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

  it('property: n paragraphs separated by blank lines stay n paragraphs, with or without inline tags', () => {
    fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), (paras) => {
      const html = toRichText(paras.join('\n\n'))
      expect(html.match(/<p>/g)?.length ?? 0).toBe(paras.length)
    }))
  })

  it('property: what a browser shows has no character reference in it, escaped once or twice', () => {
    fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 2 }), (paras, depth) => {
      let text = paras.join('\n\n')
      for (let i = 0; i < depth; i++) text = escapeOnce(text)
      const shown = richTextToPlain(toRichText(text))
      expect(shown).not.toMatch(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot);/i)
    }))
  })

  it('property: a stored text reads back unchanged (an export re-imported is the same)', () => {
    fc.assert(fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.boolean(), (paras, escaped) => {
      const text = paras.join('\n\n')
      const once = toRichText(escaped ? escapeOnce(text) : text)
      expect(toRichText(once)).toBe(once)
    }))
  })
})
