import type { BookFormat } from '../catalog'

/** What a catalog write did to one book (the catalog's BookChange has this shape). */
export interface BookWrite {
  isbn13: string
  change: 'created' | 'updated'
  fields: Array<{ field: string; before: unknown; after: unknown }>
}

/** A book's sale state as far as a wish cares: whether it can be ordered, and its price. */
export interface WishedBookState {
  format: BookFormat
  stock: number | null
  leadDays: number | null
  onSale: boolean
  salePrice: number | null
  listPrice: number | null
}

/** Why a reader hears about a wished book. */
export type WishNews = { kind: 'back-in-stock' } | { kind: 'price-drop'; before: number; after: number }

/** A mail to queue for one reader about one wished book (the mail service's request has this shape). */
export interface WishMail {
  to: string
  lang: 'ko' | 'en'
  template: 'wish-back-in-stock' | 'wish-price-drop'
  params: Record<string, string | number>
}
