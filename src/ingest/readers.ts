import { readCsv } from './csv/reader'
import { readMarc } from './marc/iso2709'
import { readMarcXml } from './marc/marcxml'
import { readOnix } from './onix/reader'
import type { Format, IncomingRecord, NoteSink } from './types'

export type RecordReader = (bytes: AsyncIterable<Uint8Array>, file: string, note: NoteSink) => AsyncGenerator<IncomingRecord>

/** One pure parser per format: bytes in, IncomingRecords out, no database. */
export const READERS: Record<Format, RecordReader> = { onix: readOnix, marc: readMarc, marcxml: readMarcXml, csv: readCsv }
