import type { BookInput } from '../src/catalog'

const FIELD_END = '\x1e'
const SUBFIELD = '\x1f'
const RECORD_END = '\x1d'
const ROLE_TERMS: Record<string, string> = { author: 'author', translator: 'translator', illustrator: 'illustrator', editor: 'editor', photographer: 'photographer', other: 'contributor' }

type Field = [tag: string, value: string]

const data = (ind: string, subfields: Array<[string, string | null | undefined]>): string =>
  ind + subfields.filter(([, v]) => v).map(([code, v]) => SUBFIELD + code + v).join('')

const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()

/** A generated book as the MARC 21 fields a library catalogue would give it. */
function marcFields(book: BookInput): Field[] {
  const year = book.issuedOn?.slice(0, 4) ?? '    '
  const [first, ...others] = book.contributors
  const fields: Field[] = [
    ['001', book.isbn13],
    ['008', `261201s${year}    ko a          000 0 ${book.language ?? 'kor'} d`],
    ['020', data('  ', [['a', book.isbn13], ['q', book.format === 'hardcover' ? '(hbk.)' : '(pbk.)']])],
  ]
  if (first) fields.push(['100', data('1 ', [['a', first.name], ['e', ROLE_TERMS[first.role]]])])
  fields.push(['245', data('10', [['a', book.subtitle ? `${book.title} :` : book.title], ['b', book.subtitle]])])
  fields.push(['264', data(' 1', [['a', '서울 :'], ['b', `${book.publisher},`], ['c', year]])])
  fields.push(['300', data('  ', [['a', `${book.pageCount} p. ;`], ['c', book.dimensions ? `${Math.round(book.dimensions.heightMm / 10)} cm` : null]])])
  if (book.toc.length) fields.push(['505', data('0 ', [['a', book.toc.map((t) => (t.number ? `${t.number}. ${t.title}` : t.title)).join(' -- ')]])])
  if (book.descriptionHtml) fields.push(['520', data('  ', [['a', plain(book.descriptionHtml)]])])
  for (const c of others) fields.push(['700', data('1 ', [['a', c.name], ['e', ROLE_TERMS[c.role]]])])
  fields.push(['650', data(' 4', [['a', book.title.split(' ')[0]]])])
  return fields
}

/** One ISO 2709 record, UTF-8 (leader/09 "a"). */
export function marcRecord(book: BookInput): Buffer {
  const fields = marcFields(book).map(([tag, value]) => [tag, Buffer.from(value + FIELD_END, 'utf8')] as const)
  const base = 24 + fields.length * 12 + 1
  let offset = 0
  let directory = ''
  for (const [tag, bytes] of fields) {
    directory += tag + String(bytes.length).padStart(4, '0') + String(offset).padStart(5, '0')
    offset += bytes.length
  }
  const length = base + offset + 1
  const leader = `${String(length).padStart(5, '0')}nam a22${String(base).padStart(5, '0')} i 4500`
  return Buffer.concat([Buffer.from(leader + directory + FIELD_END, 'ascii'), ...fields.map(([, b]) => b), Buffer.from(RECORD_END)])
}
