import { decodeXml } from '../decode'
import { FeedError } from '../errors'
import type { IncomingRecord, NoteSink } from '../types'
import { childElements, textOf } from '../xml/element'
import { streamXmlRecords } from '../xml/stream'
import { marcToRecord, type MarcRecord } from './record'

/** Reads MARCXML (MARC21 slim): a <collection> of <record>s or a single <record>. */
export async function* readMarcXml(bytes: AsyncIterable<Uint8Array>, file: string, note: NoteSink): AsyncGenerator<IncomingRecord> {
  let index = 0
  let rootIsRecord = false
  const records = streamXmlRecords(decodeXml(bytes, file, note), {
    file,
    onRoot: (name) => {
      if (name !== 'collection' && name !== 'record') throw new FeedError(file, 'line 1', `not MARCXML: the root element is <${name}>, expected <collection> or <record>`)
      rootIsRecord = name === 'record'
    },
    isRecord: (name, depth) => name === 'record' && (depth === 2 || (rootIsRecord && depth === 1)),
  })
  for await (const el of records) {
    const marc: MarcRecord = {
      leader: textOf(childElements(el, 'leader')[0]),
      fields: [
        ...childElements(el, 'controlfield').map((f) => ({ tag: f.attrs.tag ?? '', ind1: ' ', ind2: ' ', value: textOf(f), subfields: [] })),
        ...childElements(el, 'datafield').map((f) => ({
          tag: f.attrs.tag ?? '',
          ind1: f.attrs.ind1 ?? ' ',
          ind2: f.attrs.ind2 ?? ' ',
          subfields: childElements(f, 'subfield').map((s): [string, string] => [s.attrs.code ?? '', textOf(s)]),
        })),
      ],
    }
    yield marcToRecord(marc, { file, index: ++index }, [], [])
  }
}
