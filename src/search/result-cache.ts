/**
 * Answers to questions many shoppers ask alike (a shelf's facet counts, a
 * popular query, the suggestions for what is being typed), kept while the
 * catalog stays as it was: every entry is dropped when this process writes
 * to the catalog (`invalidate`) or another process commits (the store's
 * commit counter moves), so no answer outlives the data behind it.
 */
export class ResultCache<T> {
  private generation = 0
  private commits: number
  private readonly entries = new Map<string, { value: T; at: number }>()

  /** `maxAgeMs`: an answer is kept at most this long, also without a change (a read replica's answers may lag the database's). */
  constructor(
    private readonly foreignCommits: () => number,
    private readonly maxEntries = 1000,
    private readonly maxAgeMs = Infinity,
  ) {
    this.commits = foreignCommits()
  }

  /** Called on every catalog write in this process. */
  invalidate(): void {
    this.generation++
    this.entries.clear()
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const commits = this.foreignCommits()
    if (commits !== this.commits) {
      this.commits = commits
      this.invalidate()
    }
    const hit = this.entries.get(key)
    const now = this.maxAgeMs === Infinity ? 0 : Date.now()
    if (hit !== undefined && now - hit.at <= this.maxAgeMs) {
      // Map order is the eviction order: a hit moves the entry to the back.
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit.value
    }
    if (hit !== undefined) this.entries.delete(key)
    const generation = this.generation
    const value = await load()
    // An answer loaded while a write was under way may predate it: use it, but don't keep it.
    if (generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
      this.entries.set(key, { value, at: now })
    }
    return value
  }
}
