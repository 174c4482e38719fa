import type { Book } from '../../catalog'
import { bookToCsvCells, CSV_COLUMNS } from '../csv/columns'
import { csvCell } from '../csv/rows'
import { bookToOnixProduct } from './onix-product'

/**
 * The catalog as an ONIX 3.0 message (reference tags), one product at a
 * time, so a million books stream out in constant memory.
 */
export async function* onixMessage(books: AsyncIterable<Book>, sentAt = new Date()): AsyncGenerator<string> {
  const stamp = sentAt.toISOString().replace(/[-:]/g, '').slice(0, 13)
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<ONIXMessage release="3.0" xmlns="http://ns.editeur.org/onix/3.0/reference">\n'
  yield `<Header><Sender><SenderName>Colophon</SenderName></Sender><SentDateTime>${stamp}</SentDateTime></Header>\n`
  for await (const book of books) yield bookToOnixProduct(book)
  yield '</ONIXMessage>\n'
}

/** The catalog as CSV with Colophon's columns; `colophon import` reads it back unchanged. */
export async function* csvTable(books: AsyncIterable<Book>): AsyncGenerator<string> {
  yield CSV_COLUMNS.join(',') + '\n'
  for await (const book of books) yield bookToCsvCells(book).map(csvCell).join(',') + '\n'
}
