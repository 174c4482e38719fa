import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { parseIsbn, type CatalogService } from '../catalog'
import { MAX_QUANTITY, type CommerceService } from '../commerce'
import type { RecommendService } from '../recommend'
import { valid } from './middleware/validate'
import type { Session } from './middleware/session'
import { cartPage, orderPage } from './pages/cart'
import { href, type PageContext } from './pages/context'

type CartEnv = { Variables: { page: PageContext; session: Session } }

const addForm = z.object({
  isbn: z.string().trim().min(10, 'expected an ISBN').max(20, 'expected an ISBN'),
  quantity: z.coerce.number().int('expected a whole number').min(1, 'at least 1').max(MAX_QUANTITY, `at most ${MAX_QUANTITY}`).default(1),
})
const quantityForm = z.object({ quantity: z.coerce.number().int('expected a whole number').min(0, 'at least 0').max(MAX_QUANTITY, `at most ${MAX_QUANTITY}`) })
const orderParam = z.object({ id: z.uuid('expected an order number') })

/** Cart and order pages answer one session only: never page-cached, never stored by a browser. */
function personal(c: Context<CartEnv>, body: string) {
  return c.html(body, 200, { 'Cache-Control': 'no-store' })
}

function backTo(c: Context<CartEnv>, path: string) {
  return c.redirect(href(c.var.page, path), 303)
}

export const cartRoutes = ({ catalog, commerce, recommend }: { catalog: CatalogService; commerce: CommerceService; recommend: RecommendService }) =>
  new Hono<CartEnv>()
    .get('/cart', async (c) => {
      const id = c.var.session.id
      const cart = id ? await commerce.cart(id) : { lines: [], totals: [], count: 0 }
      const [alsoBought, categories] = await Promise.all([recommend.forBooks(cart.lines.map((l) => l.book.isbn13)), catalog.categories()])
      return personal(c, cartPage(c.var.page, { cart, alsoBought, categories }))
    })
    .post('/cart/items', valid('form', addForm), async (c) => {
      const { isbn, quantity } = c.req.valid('form')
      await commerce.addItem(c.var.session.ensure(), parseIsbn(isbn), quantity)
      return backTo(c, '/cart')
    })
    .post('/cart/items/:isbn', valid('form', quantityForm), async (c) => {
      await commerce.setQuantity(c.var.session.ensure(), parseIsbn(c.req.param('isbn')), c.req.valid('form').quantity)
      return backTo(c, '/cart')
    })
    .post('/cart/items/:isbn/remove', async (c) => {
      await commerce.setQuantity(c.var.session.ensure(), parseIsbn(c.req.param('isbn')), 0)
      return backTo(c, '/cart')
    })
    .post('/cart/checkout', async (c) => {
      const orderId = await commerce.checkout(c.var.session.ensure())
      return backTo(c, `/orders/${orderId}`)
    })
    .get('/orders/:id', valid('param', orderParam), async (c) => {
      const order = await commerce.order(c.var.session.id ?? '', c.req.valid('param').id)
      return personal(c, orderPage(c.var.page, order))
    })
