import { InputError, NotFoundError } from '../core/errors'
import { isDigital, type BookSummary, type CatalogService, type Isbn13 } from '../catalog'
import type { Database, Kysely, Transactor } from '../store'
import { Bestsellers } from './bestsellers'
import { DEFAULT_PRICING_RULES, priceCart, type PricingRules } from './pricing'
import * as repo from './repo'
import type { Cart, CartLine, CartTotal, ShopperSignals } from './types'

/** Most copies of one book in one cart. */
export const MAX_QUANTITY = 99

function priceOf(book: BookSummary): number {
  const price = book.salePrice ?? book.listPrice
  if (price == null) throw new InputError('isbn', `${book.isbn13} has no price and cannot be sold`, { code: 'no_price', params: { isbn: book.isbn13 } })
  return price
}

type CartItem = Pick<CartLine, 'book' | 'quantity'>

const lineInput = ({ book, quantity }: CartItem) => ({ listPrice: (book.listPrice ?? book.salePrice)!, salePrice: book.salePrice, currency: book.currency ?? 'KRW', quantity, isDigital: isDigital(book) })

/** Prices the cart once per currency in it (a cart may mix them; an order may not), keeping the lines in cart order. */
function priceItems(items: CartItem[], rules: PricingRules): Pick<Cart, 'lines' | 'totals'> {
  const lines = new Array<CartLine>(items.length)
  const totals: CartTotal[] = []
  for (const currency of new Set(items.map((i) => i.book.currency))) {
    const places = items.flatMap((item, k) => (item.book.currency === currency ? [k] : []))
    const { lines: priced, ...sums } = priceCart(places.map((k) => lineInput(items[k]!)), rules)
    places.forEach((k, n) => (lines[k] = { ...items[k]!, unitPrice: priced[n]!.unitPrice, lineTotal: priced[n]!.lineTotal, price: priced[n]! }))
    totals.push({ amount: sums.booksTotal, ...sums })
  }
  return { lines, totals }
}

/** The cart and orders of an opaque shopper session. */
export class CommerceService {
  /** The bestseller lists and sales index, counted from paid orders (bestsellers/). */
  readonly bestsellers: Bestsellers

  constructor(
    private readonly db: Kysely<Database>,
    private readonly work: Transactor,
    private readonly catalog: CatalogService,
    private readonly signals?: ShopperSignals,
    private readonly rules: PricingRules = DEFAULT_PRICING_RULES,
  ) {
    this.bestsellers = new Bestsellers(db, catalog)
  }

  async cart(sessionId: string): Promise<Cart> {
    const items = await repo.cartItems(this.db, sessionId)
    const books = new Map((await this.catalog.summaries(items.map((i) => i.isbn13))).map((b) => [b.isbn13 as string, b]))
    const sellable = items.flatMap((i): CartItem[] => {
      const book = books.get(i.isbn13)
      return book && (book.salePrice ?? book.listPrice) != null ? [{ book, quantity: i.quantity }] : []
    })
    const { lines, totals } = priceItems(sellable, this.rules)
    return { lines, totals, count: lines.reduce((n, l) => n + l.quantity, 0) }
  }

  /** Puts copies of a book in the cart, on top of any already there (up to MAX_QUANTITY). */
  async addItem(sessionId: string, isbn13: Isbn13, quantity: number): Promise<void> {
    const [book] = await this.catalog.summaries([isbn13])
    if (!book) throw new NotFoundError('book', isbn13)
    if (!book.onSale) throw new InputError('isbn', `${isbn13} is no longer sold`, { code: 'not_sold', params: { isbn: isbn13 } })
    priceOf(book)
    const had = (await repo.cartItems(this.db, sessionId)).find((i) => i.isbn13 === isbn13)?.quantity ?? 0
    await repo.putCartItem(this.db, sessionId, isbn13, Math.min(MAX_QUANTITY, had + quantity), new Date().toISOString())
    this.signals?.record(sessionId, isbn13, 'cart')
  }

  /** Sets a line's quantity; 0 removes the line. */
  async setQuantity(sessionId: string, isbn13: Isbn13, quantity: number): Promise<void> {
    if (quantity === 0) return repo.deleteCartItem(this.db, sessionId, isbn13)
    const had = (await repo.cartItems(this.db, sessionId)).some((i) => i.isbn13 === isbn13)
    if (!had) throw new NotFoundError('cart line', isbn13)
    await repo.putCartItem(this.db, sessionId, isbn13, quantity, new Date().toISOString())
  }

  /**
   * Moves a cart's lines into another's (a shopper's anonymous cart into
   * their account's at sign-in): quantities of a book in both add up, to
   * MAX_QUANTITY; the old cart is left empty.
   */
  async mergeCart(fromSessionId: string, toOwnerId: string): Promise<void> {
    if (fromSessionId === toOwnerId) return
    await this.work(async (unit) => {
      const moving = await repo.cartItems(unit.db, fromSessionId)
      if (moving.length === 0) return
      const had = new Map((await repo.cartItems(unit.db, toOwnerId)).map((i) => [i.isbn13, i.quantity]))
      const at = new Date().toISOString()
      for (const line of moving) await repo.putCartItem(unit.db, toOwnerId, line.isbn13, Math.min(MAX_QUANTITY, (had.get(line.isbn13) ?? 0) + line.quantity), at)
      await repo.clearCart(unit.db, fromSessionId)
    })
  }

  /** Tells the recommendations a book was bought from this cart. */
  recordPurchase(owner: string, isbn13: string): void {
    this.signals?.record(owner, isbn13, 'purchase')
  }
}
