import type { FacetCounts } from './repo'

/**
 * Facet counts of listings without a text query (category pages), which
 * every visitor of a shelf asks for alike: kept until the catalog changes,
 * and at most `ttlMs`, since another process may have written the change.
 */
export class BrowseCache {
  private generation = 0
  private readonly entries = new Map<string, { at: number; counts: FacetCounts }>()

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 300_000,
  ) {}

  /** Called on every catalog write. */
  invalidate(): void {
    this.generation++
    this.entries.clear()
  }

  async get(key: string, load: () => Promise<FacetCounts>): Promise<FacetCounts> {
    const hit = this.entries.get(key)
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.counts
    const generation = this.generation
    const counts = await load()
    // Counts loaded while a write was under way may predate it: use them, but don't keep them.
    if (generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
      this.entries.set(key, { at: Date.now(), counts })
    }
    return counts
  }
}
