import type { Category, CategoryNode } from './types'

/** An in-memory view of the category tree: small, read on every page, rebuilt when it changes. */
export class CategoryTree {
  readonly roots: CategoryNode[]
  private readonly byId = new Map<string, CategoryNode>()

  constructor(categories: Category[]) {
    for (const c of categories) this.byId.set(c.id, { ...c, children: [] })
    this.roots = []
    for (const node of this.byId.values()) {
      const parent = node.parentId ? this.byId.get(node.parentId) : undefined
      if (parent) parent.children.push(node)
      else this.roots.push(node)
    }
  }

  get(id: string): CategoryNode | undefined {
    return this.byId.get(id)
  }

  /** Root first, the category itself last. */
  pathTo(id: string): CategoryNode[] {
    const path: CategoryNode[] = []
    for (let node = this.byId.get(id); node; node = node.parentId ? this.byId.get(node.parentId) : undefined) {
      path.unshift(node)
      if (path.length > 32) break // a cycle in bad data must not hang a page
    }
    return path
  }

  /** The category and everything below it. */
  subtreeIds(id: string): string[] {
    const out: string[] = []
    const walk = (node: CategoryNode) => {
      out.push(node.id)
      node.children.forEach(walk)
    }
    const node = this.byId.get(id)
    if (node) walk(node)
    return out
  }

  /** The most specific categories among the ids: drops any that is an ancestor of another. */
  leaves(ids: string[]): string[] {
    const ancestors = new Set(ids.flatMap((id) => this.pathTo(id).slice(0, -1).map((n) => n.id)))
    return ids.filter((id) => this.byId.has(id) && !ancestors.has(id))
  }
}
