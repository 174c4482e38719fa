import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { FeedError } from '../errors'
import type { XmlElement } from './element'

export interface XmlStreamOptions {
  file: string
  /** Maps a raw tag name (prefix already stripped) to the name the tree should use. */
  rename?: (name: string, isInsideVerbatim: boolean) => string
  /** Elements whose content is kept verbatim (XHTML inside ONIX Text). */
  isVerbatim?: (name: string) => boolean
  /** Called with the root element before anything else; throws to refuse the file. */
  onRoot(name: string, attrs: Record<string, string>): void
  /** True for the elements that are records: each is yielded whole, then dropped. */
  isRecord(name: string, depth: number): boolean
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

/**
 * Streams records out of an XML text with saxes, holding only the record being
 * read. DTDs are refused outright: saxes never fetches external entities, and
 * refusing internal declarations means no entity can expand ("billion laughs").
 */
export async function* streamXmlRecords(text: AsyncIterable<string>, options: XmlStreamOptions): AsyncGenerator<XmlElement> {
  const { file, rename = (n) => n, isVerbatim = () => false } = options
  const parser = new SaxesParser({ xmlns: false, position: true })
  const done: XmlElement[] = []
  const stack: XmlElement[] = []
  let depth = 0
  let verbatimDepth = 0
  const fail = (reason: string): never => {
    throw new FeedError(file, `line ${parser.line}, column ${parser.column + 1}`, reason)
  }
  parser.on('error', (e) => fail(e.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '')))
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail('the file declares XML entities in a DTD; entity declarations are refused (no external entity is read, no entity is expanded)')
    if (/\[/.test(doctype)) fail('the file carries an internal DTD subset; DTDs are refused')
  })
  parser.on('opentag', (tag: SaxesTagPlain) => {
    depth++
    const raw = localName(tag.name)
    const name = rename(raw, verbatimDepth > 0)
    if (depth === 1) options.onRoot(name, tag.attributes as Record<string, string>)
    if (stack.length > 0 || options.isRecord(name, depth)) {
      const el: XmlElement = { name, attrs: tag.attributes as Record<string, string>, children: [], line: parser.line }
      stack.at(-1)?.children.push(el)
      stack.push(el)
      if (verbatimDepth > 0 || isVerbatim(name)) verbatimDepth++
    }
  })
  const onText = (t: string) => {
    const top = stack.at(-1)
    // Indentation between elements means nothing outside verbatim (XHTML) content.
    if (top && (verbatimDepth > 0 || t.trim() !== '')) top.children.push(t)
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', () => {
    depth--
    if (stack.length === 0) return
    if (verbatimDepth > 0) verbatimDepth--
    const el = stack.pop()!
    if (stack.length === 0) done.push(el)
  })
  let sawAnything = false
  for await (const chunk of text) {
    if (chunk.length) sawAnything = true
    parser.write(chunk)
    while (done.length) yield done.shift()!
  }
  if (!sawAnything) throw new FeedError(file, '', 'the file is empty')
  parser.close()
  while (done.length) yield done.shift()!
}
