import { InputError } from '../core/errors'
import type { CategoryTree } from './categories'
import type { Category } from './types'

/** A category as staff describe it: names in both languages, a parent (or none), an id they may choose. */
export interface CategoryDraft {
  /** A slug; made from the English name when absent. */
  id?: string
  name: Category['name']
  parentId: string | null
}

/** The id column is varchar(64); lower-case words joined by hyphens, as the demo tree's `history-world`. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/
const NAME_MAX = 100

/** Both names trimmed and present; refuses the first that is not, naming its field (`name_ko`, `name_en`). */
export function checkNames(name: Category['name']): Category['name'] {
  const out = { ko: name.ko.trim(), en: name.en.trim() }
  for (const lang of ['ko', 'en'] as const) {
    const field = `name_${lang}`
    if (!out[lang]) throw new InputError(field, 'a name is required', { code: 'required' })
    if (out[lang].length > NAME_MAX) throw new InputError(field, `at most ${NAME_MAX} characters`, { code: 'too_long', params: { max: NAME_MAX } })
  }
  return out
}

/** A given id as it will be stored, or the refusal naming the field `id`. */
export function checkSlug(id: string, tree: CategoryTree): string {
  if (!SLUG.test(id)) throw new InputError('id', `expected lower-case letters, digits and hyphens (at most 64), got "${id}"`, { code: 'category_id_format' })
  if (tree.get(id)) throw new InputError('id', `category ${id} exists already`, { code: 'category_id_taken', params: { id } })
  return id
}

/** An id made from the English name ("World history" → world-history), numbered when taken; `category` when the name has no Latin letters. */
export function slugFor(en: string, tree: CategoryTree): string {
  const base = en.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56).replace(/-+$/, '') || 'category'
  let id = base
  for (let n = 2; tree.get(id); n++) id = `${base}-${n}`
  return id
}

/** True when putting `id` under `parentId` would make it its own ancestor (under itself or one of its descendants). */
export function isCycle(tree: CategoryTree, id: string, parentId: string | null): boolean {
  return parentId !== null && tree.subtreeIds(id).includes(parentId)
}

/** The parent exists, and (for a category that exists) is neither itself nor below it. */
export function checkParent(tree: CategoryTree, id: string | undefined, parentId: string | null): void {
  if (parentId === null) return
  if (!tree.get(parentId)) throw new InputError('parent', `no category ${parentId}`, { code: 'unknown_category', params: { ids: parentId } })
  if (id !== undefined && isCycle(tree, id, parentId)) throw new InputError('parent', `${parentId} is ${id} or below it`, { code: 'category_cycle', params: { id, parent: parentId } })
}

/** Where a category goes among its new siblings: after the last. */
export function nextSortOrder(tree: CategoryTree, parentId: string | null): number {
  const siblings = parentId === null ? tree.roots : (tree.get(parentId)?.children ?? [])
  return siblings.reduce((max, c) => Math.max(max, c.sortOrder + 1), 0)
}

/** A merge takes `from`'s books, children and subject rows to `into`: never into itself or below itself. */
export function checkMerge(tree: CategoryTree, from: string, into: string): void {
  if (!tree.get(into)) throw new InputError('into', `no category ${into}`, { code: 'unknown_category', params: { ids: into } })
  if (isCycle(tree, from, into)) throw new InputError('into', `${into} is ${from} or below it`, { code: 'category_merge_into_own', params: { id: from, into } })
}

/** Why a category cannot be deleted, or undefined when it is empty. */
export function emptinessError(id: string, counts: { books: number; children: number; mappings: number }): InputError | undefined {
  if (counts.books + counts.children + counts.mappings === 0) return undefined
  const why = Object.entries(counts).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`).join(', ')
  return new InputError('category', `${id} still has ${why}`, { code: 'category_not_empty', params: { id, ...counts } })
}
