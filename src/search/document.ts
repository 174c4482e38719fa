import { isbn10Of, isOrderable, richTextToPlain, type BookInput, type TocEntry } from '../catalog'
import type { TextDocument } from '../store'
import type { SearchBookRow } from './repo'
import { indexTokens, initialsOf, normalise } from './tokenise'

function tocTitles(entries: TocEntry[]): string[] {
  return entries.flatMap((e) => [e.title, ...(e.children ? tocTitles(e.children) : [])])
}

const tokens = (texts: Array<string | null | undefined>) => texts.flatMap((t) => (t ? indexTokens(t) : []))

/**
 * What the index holds for a book, by field. `categoryNames` gives the
 * Korean and English names of a category and its ancestors.
 */
export function bookDocument(book: BookInput, categoryNames: (id: string) => string[]): TextDocument {
  const translated = Object.values(book.translations).flatMap((t) => [t.title, t.subtitle])
  const names = book.contributors.map((c) => c.name)
  const isbn10 = isbn10Of(book.isbn13)
  return {
    isbn13: book.isbn13,
    fields: {
      // Romanised forms (a record in another script) find the book as its own words do.
      title: tokens([book.title, book.subtitle, book.originalTitle, ...translated, book.series, ...(book.alternateForms?.titles ?? [])]),
      people: tokens([...names, ...(book.alternateForms?.names ?? [])]),
      // Lower case, as the tokeniser folds a final X.
      codes: isbn10 ? [book.isbn13, isbn10.toLowerCase()] : [book.isbn13],
      meta: tokens([book.publisher, book.imprint, ...book.categoryIds.flatMap(categoryNames)]),
      body: tokens([book.descriptionHeadline, book.descriptionHtml && richTextToPlain(book.descriptionHtml), ...tocTitles(book.toc)]),
      initials: tokens([initialsOf(book.title), ...names.map(initialsOf)]),
    },
  }
}

/** The Latin-script words of a book's title, people and publisher, for the typo vocabulary. */
export function vocabularyOf(document: TextDocument): string[] {
  return [...document.fields.title, ...document.fields.people, ...document.fields.meta].filter((t) => /^[a-z]{3,}$/.test(t))
}

const titleKey = (title: string) => normalise(title).replace(/\s+/g, ' ').trim()

/** What search filters, counts and sorts a book by; `categoryPath` gives a category and its ancestors. */
export function searchBookRow(book: BookInput, categoryPath: (id: string) => string[]): SearchBookRow {
  const en = book.translations.en?.title
  const key = titleKey(book.title)
  return {
    book: {
      id: Number(book.isbn13),
      title: book.title,
      title_key: key,
      alt_title_key: en ? titleKey(en) : null,
      // The title proper: a subtitle describes the book, and shouldn't push a matching title down.
      title_length: [...key].length,
      publisher: book.publisher,
      format: book.format,
      language: book.language,
      issued_on: book.issuedOn,
      price: book.salePrice ?? book.listPrice,
      is_available: isOrderable(book) ? 1 : 0,
      // Shoppers' events, not the book, say this: the write puts the book's tier back (repo/popularity.ts).
      popularity: 0,
    },
    categoryIds: [...new Set(book.categoryIds.flatMap(categoryPath))],
  }
}

/** The normalised form of a query, compared with the title keys above. */
export function queryTitleKey(query: string): string {
  return titleKey(query)
}
