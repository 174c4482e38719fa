import { decodeXml } from '../decode'
import { FeedError } from '../errors'
import type { IncomingRecord, NoteSink } from '../types'
import { streamXmlRecords } from '../xml/stream'
import type { PriceRule } from './prices'
import { onixProductToRecord } from './product'
import { SHORT_TAGS } from './tables.generated'

const SHORT_TO_REFERENCE = new Map(Object.entries(SHORT_TAGS))
const NAMESPACES = new Set(['http://ns.editeur.org/onix/3.0/reference', 'http://ns.editeur.org/onix/3.0/short'])

/**
 * Checks the root of an ONIX file. Real feeds bend the standard, so the
 * unambiguous cases are accepted with a note: no namespace, the old
 * "www.editeur.org" host, release 3.1, a bare Product. A release 2.1 message
 * or another namespace is refused, because its elements mean other things.
 */
function checkRoot(file: string, note: NoteSink, name: string, attrs: Record<string, string>): void {
  const ns = attrs.xmlns ?? Object.entries(attrs).find(([k]) => k.startsWith('xmlns:'))?.[1]
  if (name === 'Product') note('the file is a bare <Product> without an ONIXMessage wrapper; read as one product')
  else if (name !== 'ONIXMessage') throw new FeedError(file, 'line 1', `not an ONIX message: the root element is <${name}>, expected <ONIXMessage> or <ONIXmessage>`)
  const release = attrs.release
  if (release && !release.startsWith('3.')) throw new FeedError(file, 'line 1', `ONIX release ${release} is not supported; expected release 3.0`)
  if (release && release !== '3.0') note(`ONIX release ${release} read as 3.0 (the elements Colophon reads are the same)`)
  if (ns === undefined) note('no ONIX namespace declared; read as ONIX 3.0')
  else if (!NAMESPACES.has(ns)) {
    const fixable = /^https?:\/\/(www\.|ns\.)?editeur\.org\/onix\/3\.[01]\/(reference|short)$/.test(ns)
    if (!fixable) throw new FeedError(file, 'line 1', `unexpected namespace "${ns}"; expected http://ns.editeur.org/onix/3.0/reference or /short`)
    note(`wrong namespace "${ns}" read as ${ns.replace(/^https?:\/\/(www\.|ns\.)?editeur\.org/, 'http://ns.editeur.org').replace('/3.1/', '/3.0/')}`)
  }
}

/**
 * Reads an ONIX for Books 3.0 file, reference or short tags, one product at a
 * time: memory holds one Product whatever the size of the file.
 */
export async function* readOnix(bytes: AsyncIterable<Uint8Array>, file: string, note: NoteSink, options: { prices?: PriceRule } = {}): AsyncGenerator<IncomingRecord> {
  let index = 0
  let isBareProduct = false
  const records = streamXmlRecords(decodeXml(bytes, file, note), {
    file,
    // Short tags map to reference names; XHTML inside Text keeps its own names.
    rename: (name, isInsideVerbatim) => (isInsideVerbatim ? name : (SHORT_TO_REFERENCE.get(name) ?? name)),
    isVerbatim: (name) => name === 'Text',
    onRoot: (name, attrs) => {
      checkRoot(file, note, name, attrs)
      isBareProduct = name === 'Product'
    },
    isRecord: (name, depth) => name === 'Product' && (depth === 2 || (isBareProduct && depth === 1)),
  })
  for await (const product of records) yield onixProductToRecord(product, { file, index: ++index }, options.prices)
}
