import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { parseIsbn, type CatalogService } from '../../catalog'
import { estimateLabel, MAX_QUANTITY, type CommerceService } from '../../commerce'
import type { RecommendService } from '../../recommend'
import type { AppEnv } from '../env'
import type { Gate } from '../gate'
import { valid } from '../middleware/validate'
import { cartPage } from '../pages/cart'
import { href } from '../pages/context'
import type { ShopFacts } from '../storefront'
import { cartOwner } from './account'

const addForm = z.object({
  isbn: z.string().trim().min(10).max(20),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY).default(1),
})
const quantityForm = z.object({ quantity: z.coerce.number().int().min(0).max(MAX_QUANTITY) })

/** Cart and order pages answer one session only: never page-cached, never stored by a browser. */
function personal(c: Context<AppEnv>, body: string) {
  return c.html(body, 200, { 'Cache-Control': 'no-store' })
}

function backTo(c: Context<AppEnv>, path: string) {
  return c.redirect(href(c.var.page, path), 303)
}

/** The cart and the orders placed from it, for the visitor's own session. */
export const cartRoutes = ({ catalog, commerce, recommend, gate, estimate }: { catalog: CatalogService; commerce: CommerceService; recommend: RecommendService; gate: Gate; estimate?: ShopFacts['estimate'] }) => {
  /** Whose cart: a signed-in customer's follows them across devices; anyone else's is their session's, issued now if need be. */
  const owner = (c: Context<AppEnv>) => (c.var.customer ? cartOwner(c.var.customer) : gate.ensureSession(c.var.visitor))
  /** The same owner for reading: a visitor without a session owns nothing yet, and none is issued for looking. */
  const knownOwner = (c: Context<AppEnv>) => (c.var.customer ? cartOwner(c.var.customer) : c.var.visitor.session)
  return new Hono<AppEnv>()
    .get('/cart', async (c) => {
      const id = knownOwner(c)
      const cart = id ? await commerce.cart(id) : { lines: [], totals: [], count: 0 }
      const [alsoBought, categories] = await Promise.all([recommend.forBooks(cart.lines.map((l) => l.book.isbn13)), catalog.categories()])
      const now = new Date()
      return personal(c, cartPage(c.var.page, { cart, alsoBought, categories, arrives: estimate && estimateLabel(estimate(now), now, c.var.page.lang) }))
    })
    .post('/cart/items', valid('form', addForm), async (c) => {
      const { isbn, quantity } = c.req.valid('form')
      await commerce.addItem(owner(c), parseIsbn(isbn), quantity)
      return backTo(c, '/cart')
    })
    .post('/cart/items/:isbn', valid('form', quantityForm), async (c) => {
      await commerce.setQuantity(owner(c), parseIsbn(c.req.param('isbn')), c.req.valid('form').quantity)
      return backTo(c, '/cart')
    })
    .post('/cart/items/:isbn/remove', async (c) => {
      await commerce.setQuantity(owner(c), parseIsbn(c.req.param('isbn')), 0)
      return backTo(c, '/cart')
    })
    // The cart's "주문하기" leads to the checkout form (a GET: nothing is written until the form is sent).
    .post('/cart/checkout', (c) => backTo(c, '/checkout'))
}
