import type { Database, Kysely } from '../store'
import type { EditContext } from './book-changes'
import type { Duplicates } from './duplicates'
import type { Isbn13 } from './isbn'
import * as linkRepo from './repo/edition-links'

/**
 * Editions of one work as feeds declare them (ONIX RelatedProduct and
 * RelatedWork): what each book is related to is kept, and the book is linked
 * with every related book already in the catalog, through the duplicates
 * screen's audited link. A related book that arrives later is linked then,
 * from either side.
 */
export class Editions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly duplicates: Duplicates,
  ) {}

  /**
   * Records the related keys ('isbn:…', 'work:TYPE:ID') of the books that
   * carry them, then links each written book that has links, or that another
   * book's links name, with the related books present; returns how many
   * books joined a work.
   */
  async relate(written: string[], links: Map<string, string[]>, context: EditContext): Promise<number> {
    if (links.size) await linkRepo.replaceLinks(this.db, links)
    let joined = 0
    for (const isbn of new Set([...links.keys(), ...(await linkRepo.namedAmong(this.db, written))])) {
      const related = await linkRepo.relatedIsbns(this.db, isbn)
      if (related.length === 0) continue
      const group = [isbn, ...related]
      const works = await linkRepo.workIds(this.db, group)
      const first = works.get(isbn)
      if (first && group.every((i) => works.get(i) === first)) continue
      const { isbns } = await this.duplicates.link(group as Isbn13[], context)
      joined += isbns.length
    }
    return joined
  }
}
