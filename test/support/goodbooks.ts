import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { isbn13FromPrefix, parseBookInput, parseIsbn, type BookInput } from '../../src/catalog'
import type { Services } from '../../src/cli/services'

/** One row of goodbooks-10k's books.csv that has a valid ISBN: the book, and its Goodreads ratings count. */
export interface RealTitle {
  book: BookInput
  ratings: number
}

/** The fields of one CSV line (RFC 4180 quoting; the file has no line breaks inside cells). */
function cells(line: string): string[] {
  const out: string[] = []
  for (let i = 0; i <= line.length; ) {
    if (line[i] === '"') {
      let cell = ''
      for (i++; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') (cell += '"'), i++
        else if (line[i] === '"') break
        else cell += line[i]
      }
      out.push(cell)
      i += 2
    } else {
      const end = line.indexOf(',', i) < 0 ? line.length : line.indexOf(',', i)
      out.push(line.slice(i, end))
      i = end + 1
    }
  }
  return out
}

/**
 * The real titles of goodbooks-10k (`fixtures/dumps/goodbooks-10k/books.csv`
 * under the shared fixtures): title, authors, year and language, keyed by
 * the ISBN-10 column (its isbn13 column was saved as a float and lost digits;
 * a leading zero was lost too). Rows without a valid ISBN, or repeating one, are left out: 9,278 of 10,000 remain.
 */
export function realTitles(fixtures: string): RealTitle[] {
  const [head, ...lines] = readFileSync(join(fixtures, 'dumps/goodbooks-10k/books.csv'), 'utf8').split(/\r?\n/).filter(Boolean)
  const col = Object.fromEntries(cells(head!).map((name, i) => [name, i]))
  const seen = new Set<string>()
  return lines.flatMap((line) => {
    const row = cells(line)
    const at = (name: string) => row[col[name]!] ?? ''
    let isbn13: string
    try {
      isbn13 = parseIsbn(at('isbn').padStart(10, '0'))
    } catch {
      return []
    }
    if (seen.has(isbn13)) return []
    seen.add(isbn13)
    const year = Math.trunc(Number(at('original_publication_year')))
    const book = parseBookInput({
      isbn13,
      title: at('title').trim(),
      contributors: at('authors').split(', ').filter(Boolean).map((name) => ({ name: name.slice(0, 300), role: 'author' })),
      issuedOn: year >= 1000 && year <= 2100 ? String(year) : null,
      language: /^en/.test(at('language_code')) ? 'eng' : null,
    })
    return [{ book, ratings: Number(at('ratings_count')) || 0 }]
  })
}

/** Korean titles a Korean bookstore holds, for jamo-level misspellings and synonyms. */
export function koreanTitles(): BookInput[] {
  const titles = ['리액트 프로그래밍 정석', '타입스크립트 프로그래밍', '자바스크립트 완벽 가이드', '러닝 리액트', '이펙티브 타입스크립트', '모던 자바스크립트 입문']
  return titles.map((title, i) => parseBookInput({ isbn13: isbn13FromPrefix(`979119999${String(i).padStart(3, '0')}`), title, language: 'kor' }))
}

/**
 * Writes the books and stands their ratings counts in for a store's history:
 * a view per 20,000 ratings and a purchase per 200,000 (at least one of
 * each), recorded through the shopper event log as a store records them.
 */
export async function loadRealTitles(services: Services, titles: RealTitle[], extra: BookInput[] = []): Promise<void> {
  const books = [...titles.map((t) => t.book), ...extra]
  for (let i = 0; i < books.length; i += 1000) await services.catalog.saveBooks(books.slice(i, i + 1000))
  const at = Date.now()
  for (const { book, ratings } of titles) {
    for (let v = 0; v < Math.max(1, Math.ceil(ratings / 20_000)); v++) services.recommend.events.record(`reader-${v}`, book.isbn13, 'view', at)
    for (let p = 0; p < Math.max(1, Math.ceil(ratings / 200_000)); p++) services.recommend.events.record(`buyer-${p}`, book.isbn13, 'purchase', at)
  }
  await services.recommend.events.flush()
}
