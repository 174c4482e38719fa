import { describe, expect, it } from 'vitest'
import { html, jsonScript, raw } from './html'

describe('html template', () => {
  it('escapes interpolated text but not nested templates or raw markup', () => {
    const name = '<b>"Tom" & \'Jerry\'</b>'
    expect(html`<p title="${name}">${name}${html`<i>${'x<y'}</i>`}${raw('<br>')}</p>`.value).toBe(
      '<p title="&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;">&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;<i>x&lt;y</i><br></p>',
    )
  })

  it('renders arrays, numbers and skips null, undefined and false', () => {
    expect(html`${[1, 'a', null, undefined, false, [html`<b></b>`]]}`.value).toBe('1a<b></b>')
  })

  it('keeps JSON-LD from closing its script element', () => {
    expect(jsonScript({ name: '</script><script>alert(1)</script>' }).value).not.toContain('</script>')
  })
})
