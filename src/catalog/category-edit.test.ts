import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CategoryTree } from './categories'
import { checkMerge, checkParent, emptinessError, isCycle, slugFor } from './category-edit'
import type { Category } from './types'

const category = (id: string, parentId: string | null): Category => ({ id, parentId, name: { ko: id, en: id }, sortOrder: 0 })

/** A random forest: each category's parent is one made before it, or none. */
const forest = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((picks) =>
  picks.map((pick, i) => category(`c${i}`, i === 0 || pick % (i + 1) === i ? null : `c${pick % i}`)),
)

/** Follows parents from `id`; true when it comes back to a category already passed. */
function loops(categories: Category[], id: string): boolean {
  const parent = new Map(categories.map((c) => [c.id, c.parentId]))
  const seen = new Set<string>()
  for (let at: string | null | undefined = id; at; at = parent.get(at)) {
    if (seen.has(at)) return true
    seen.add(at)
  }
  return false
}

describe('category moves', () => {
  const tree = new CategoryTree([category('a', null), category('b', 'a'), category('c', 'b'), category('d', null)])

  it('refuses a category under itself or any descendant, and allows anywhere else', () => {
    expect(isCycle(tree, 'a', 'a')).toBe(true)
    expect(isCycle(tree, 'a', 'c')).toBe(true)
    expect(isCycle(tree, 'b', 'c')).toBe(true)
    expect(isCycle(tree, 'c', 'a')).toBe(false)
    expect(isCycle(tree, 'a', 'd')).toBe(false)
    expect(isCycle(tree, 'a', null)).toBe(false)
    expect(() => checkParent(tree, 'a', 'c')).toThrow(expect.objectContaining({ code: 'category_cycle', field: 'parent' }))
    expect(() => checkParent(tree, 'a', 'nowhere')).toThrow(expect.objectContaining({ code: 'unknown_category' }))
    expect(() => checkMerge(tree, 'a', 'c')).toThrow(expect.objectContaining({ code: 'category_merge_into_own' }))
    expect(() => checkMerge(tree, 'c', 'a')).not.toThrow()
  })

  it('never lets an accepted move make a loop', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (categories, i, j) => {
        const moved = categories[i % categories.length]!.id
        const parent = j % (categories.length + 1) === categories.length ? null : categories[j % categories.length]!.id
        const refused = isCycle(new CategoryTree(categories), moved, parent)
        const after = categories.map((c) => (c.id === moved ? { ...c, parentId: parent } : c))
        expect(refused).toBe(loops(after, moved))
      }),
    )
  })
})

describe('category ids and emptiness', () => {
  it('makes an id from the English name, numbered when taken', () => {
    const tree = new CategoryTree([category('world-history', null)])
    expect(slugFor('World History', tree)).toBe('world-history-2')
    expect(slugFor('Science & Nature', tree)).toBe('science-nature')
    expect(slugFor('한국사', tree)).toBe('category')
  })

  it('says what a category still holds', () => {
    expect(emptinessError('x', { books: 0, children: 0, mappings: 0 })).toBeUndefined()
    const refusal = emptinessError('x', { books: 3, children: 0, mappings: 1 })
    expect(refusal?.message).toBe('category: x still has 3 books, 1 mappings')
    expect(refusal?.params).toMatchObject({ books: 3, children: 0, mappings: 1 })
  })
})
