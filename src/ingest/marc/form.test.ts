import { describe, expect, it } from 'vitest'
import { formOf } from './form'
import type { MarcField, MarcRecord } from './field'

const control = (tag: string, value: string): MarcField => ({ tag, ind1: ' ', ind2: ' ', value, subfields: [] })
const data = (tag: string, ...subfields: Array<[string, string]>): MarcField => ({ tag, ind1: ' ', ind2: ' ', subfields })
const record = (type: string, ...fields: MarcField[]): MarcRecord => ({ leader: `00000n${type}m a2200000 a 4500`, fields })
const BOOK_008 = '110531s2011    cau           000 0 eng d'

describe('MARC format', () => {
  it('reads the type of record: sound recordings, computer files, video, kits', () => {
    expect(formOf(record('i'), [], null).format).toBe('audiobook')
    expect(formOf(record('m'), [], null).format).toBe('ebook')
    expect(formOf(record('g'), [], null).format).toBe('other')
    expect(formOf(record('o'), [], null).format).toBe('other')
    expect(formOf(record('j'), [], null)).toEqual({ format: 'other', note: 'format: leader/06 "j" (musical sound recording): music, not an audiobook; filed as other' })
  })

  it("takes the ISBN's qualifier first, reading it part by part", () => {
    expect(formOf(record('a'), ['pbk.'], null).format).toBe('paperback')
    expect(formOf(record('a'), ['hbk.'], null).format).toBe('hardcover')
    expect(formOf(record('a'), ['lib. bdg.'], null).format).toBe('hardcover')
    expect(formOf(record('a'), ['e-book'], null).format).toBe('ebook')
    expect(formOf(record('a'), ['pbk. : alk. paper'], null).format).toBe('paperback')
    expect(formOf(record('a', control('007', 'cr |||')), ['v. 1'], null).format).toBe('ebook')
  })

  it('reads an e-book of language material from 007, 008/23, 338 or the medium of 245 $h', () => {
    expect(formOf(record('a', control('007', 'cr^bn^---auaua')), [], null).format).toBe('ebook')
    expect(formOf(record('a', control('008', `${BOOK_008.slice(0, 23)}o${BOOK_008.slice(24)}`)), [], null).format).toBe('ebook')
    expect(formOf(record('a', data('338', ['a', 'online resource'], ['b', 'cr'])), [], null).format).toBe('ebook')
    expect(formOf(record('a'), [], 'electronic resource').format).toBe('ebook')
    expect(formOf(record('a', data('300', ['a', '1 sound disc (70 min.) :'])), [], null).format).toBe('audiobook')
    expect(formOf(record('a', control('007', 'he amb024baca')), [], null).format).toBe('other')
  })

  it('leaves a printed book without its binding, and a record that says nothing, unknown, and says why', () => {
    expect(formOf(record('a', data('338', ['a', 'volume'], ['b', 'nc'])), [], null)).toEqual({ format: 'unknown', note: 'format: 338 "volume; nc" says a printed book but not its binding; the format is left unknown' })
    expect(formOf(record('a', data('300', ['a', '368 p. ;'])), [], null)).toEqual({ format: 'unknown', note: 'format: nothing in the record (leader/06, 007, 008/23, 338, 245$h, 300, 020 qualifier) says it; left unknown' })
  })
})
