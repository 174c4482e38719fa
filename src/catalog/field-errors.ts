import type { z } from 'zod'
import type { CategoryTree } from './categories'

/**
 * Why a field of a book edit was refused, as a code and the facts behind it.
 * The catalog never words these: the back office says them in Korean or
 * English, the import report in English.
 */
export type FieldErrorCode =
  | 'required'
  | 'required_for_new_book'
  | 'not_in_catalog'
  | 'too_long'
  | 'too_many'
  | 'too_small'
  | 'too_big'
  | 'not_number'
  | 'not_whole_number'
  | 'one_of'
  | 'not_date'
  | 'not_language_code'
  | 'not_currency_code'
  | 'not_url'
  | 'invalid_isbn'
  | 'sale_above_list'
  | 'unknown_category'
  | 'invalid'

export interface FieldError {
  code: FieldErrorCode
  params: Record<string, string | number>
}

/** By field path: "title", "dimensions.widthMm", "contributors.0.role". */
export type FieldErrors = Record<string, FieldError>

const error = (code: FieldErrorCode, params: FieldError['params'] = {}): FieldError => ({ code, params })

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v = raw
  for (const key of path) v = v != null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined
  return v
}

function fromIssue(issue: z.core.$ZodIssue, raw: unknown): FieldError {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return error('required')
      return error('too_small', { min: Number(issue.minimum) })
    case 'too_big':
      if (issue.origin === 'string') return error('too_long', { max: Number(issue.maximum) })
      if (issue.origin === 'array') return error('too_many', { max: Number(issue.maximum) })
      return error('too_big', { max: Number(issue.maximum) })
    case 'invalid_type':
      if (valueAt(raw, issue.path) == null) return error('required')
      if (issue.expected === 'int') return error('not_whole_number')
      return issue.expected === 'number' ? error('not_number') : error('invalid')
    case 'invalid_value':
      return error('one_of', { options: issue.values.join(', ') })
    case 'invalid_format':
      return issue.format === 'url' ? error('not_url') : error('invalid')
    case 'custom': {
      const code = issue.params?.code as FieldErrorCode | undefined
      return error(code ?? 'invalid')
    }
    default:
      return error('invalid')
  }
}

/** Every problem zod found in `raw`, the first per field path. */
export function fieldErrorsOf(issues: z.core.$ZodIssue[], raw: unknown): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) errors[issue.path.join('.') || 'book'] ??= fromIssue(issue, raw)
  return errors
}

/** The one category rule for writes: every id must name a category of the tree. */
export function categoryError(tree: CategoryTree, ids: unknown): FieldError | undefined {
  const unknown = Array.isArray(ids) ? ids.filter((id) => typeof id === 'string' && !tree.get(id)) : []
  return unknown.length ? error('unknown_category', { ids: unknown.join(', ') }) : undefined
}
