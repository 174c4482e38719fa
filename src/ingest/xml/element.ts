/** A small element tree: one record's worth of XML, never a whole file. */
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  /** 1-based line where the element starts, for messages. */
  line: number
}
export type XmlNode = XmlElement | string

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c)
  return out
}

export function firstChild(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c
  return undefined
}

/** All the text inside an element, trimmed. */
export function textOf(el: XmlElement | undefined): string {
  if (!el) return ''
  let s = ''
  for (const c of el.children) s += typeof c === 'string' ? c : textOf(c)
  return s.trim()
}

/** Text of the first child with that name, or null when absent or empty. */
export function childText(el: XmlElement | undefined, name: string): string | null {
  const t = textOf(firstChild(el, name))
  return t === '' ? null : t
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
export const escapeXml = (s: string): string => s.replace(/[&<>"]/g, (c) => escapes[c]!)

/** The markup inside an element, as HTML (for XHTML Text content). */
export function innerXml(el: XmlElement): string {
  return el.children
    .map((c) => {
      if (typeof c === 'string') return escapeXml(c)
      const attrs = Object.entries(c.attrs)
        .filter(([k]) => !k.startsWith('xmlns'))
        .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
        .join('')
      return `<${c.name}${attrs}>${innerXml(c)}</${c.name}>`
    })
    .join('')
}
