import type { CategoryTree } from './categories'
import { keepChapterPlaces } from './toc-places'
import type { TocEntry } from './types'
import { categoryError, fieldErrorsOf, type FieldErrors } from './field-errors'
import type { Isbn13 } from './isbn'
import { isSameBook } from './merge'
import { priceLawError, type PriceLawError } from './price-law'
import { checkBookInput, type BookInput } from './schema'

/** The fields an edit carries, as read from a form or a feed, not yet validated. */
export type BookFields = { [K in keyof BookInput]?: unknown }

/**
 * A change to one book. A field the edit leaves out (or sets to undefined)
 * keeps the stored value; null, an empty list or an empty text clears it.
 * A book the catalog lacks is created, from a title at least, unless
 * `mustExist` says the edit is only for a book already there.
 */
export interface BookEdit {
  isbn13: Isbn13
  fields: BookFields
  mustExist?: boolean
  /** A feed's edit: what staff set that feeds never carry (a chapter's place and year) stays. */
  isFeed?: boolean
}

export interface AppliedEdit {
  /** The edit's position in the list given. */
  index: number
  isbn13: Isbn13
  change: 'created' | 'updated' | 'unchanged'
  /** Fields left out of what was saved, and why: a sale price the price law forbids (the book sells at its list price). */
  refused?: { salePrice: PriceLawError }
}

export interface RejectedEdit {
  index: number
  isbn13: Isbn13
  errors: FieldErrors
}

export interface EditPlan {
  /** What would be written: books new or changed, one per ISBN, edits to the same ISBN applied in order. */
  books: BookInput[]
  applied: AppliedEdit[]
  rejected: RejectedEdit[]
}

/** How edits are checked beyond the schema. */
export interface EditRules {
  isPriceLawOn: boolean
}

type Outcome = { book: BookInput; refused?: AppliedEdit['refused'] } | { errors: FieldErrors }

function applyEdit(edit: BookEdit, base: BookInput | undefined, tree: CategoryTree, rules: EditRules): Outcome {
  if (!base && edit.mustExist) return { errors: { isbn13: { code: 'not_in_catalog', params: {} } } }
  if (!base && edit.fields.title === undefined) return { errors: { title: { code: 'required_for_new_book', params: {} } } }
  const carried = Object.fromEntries(Object.entries(edit.fields).filter(([, v]) => v !== undefined))
  if (edit.isFeed && base && Array.isArray(carried.toc)) carried.toc = keepChapterPlaces(carried.toc as TocEntry[], base.toc)
  const raw = { ...base, ...carried, isbn13: edit.isbn13 }
  const checked = checkBookInput(raw)
  const errors: FieldErrors = 'issues' in checked ? fieldErrorsOf(checked.issues, raw) : {}
  const categories = categoryError(tree, raw.categoryIds)
  if (categories) errors.categoryIds ??= categories
  if ('issues' in checked || Object.keys(errors).length) return { errors }
  // The rest of the edit stands: refusing the whole record would keep a stale title or stock over one bad price.
  const lawError = rules.isPriceLawOn ? priceLawError(checked.book) : undefined
  if (lawError) return { book: { ...checked.book, salePrice: null }, refused: { salePrice: lawError } }
  return { book: checked.book }
}

/**
 * Lays each edit over what the catalog holds (or an earlier edit of the same
 * book in the list) and validates the result whole: every bad field is
 * named, so a person can fix them all at once.
 */
export function planEdits(edits: BookEdit[], stored: Map<string, BookInput>, tree: CategoryTree, rules: EditRules): EditPlan {
  const next = new Map<string, BookInput>()
  const plan: EditPlan = { books: [], applied: [], rejected: [] }
  edits.forEach((edit, index) => {
    const base = next.get(edit.isbn13) ?? stored.get(edit.isbn13)
    const outcome = applyEdit(edit, base, tree, rules)
    if ('errors' in outcome) {
      plan.rejected.push({ index, isbn13: edit.isbn13, errors: outcome.errors })
      return
    }
    const change = !base ? 'created' : isSameBook(base, outcome.book) ? 'unchanged' : 'updated'
    plan.applied.push({ index, isbn13: edit.isbn13, change, ...(outcome.refused && { refused: outcome.refused }) })
    next.set(edit.isbn13, outcome.book)
  })
  for (const [isbn, book] of next) {
    const before = stored.get(isbn)
    if (!before || !isSameBook(before, book)) plan.books.push(book)
  }
  return plan
}
