import { Hono } from 'hono'
import { z } from 'zod'
import { parseIsbn } from '../../catalog'
import type { WishlistService } from '../../wishlist'
import type { AppEnv } from '../env'
import { readerOnly } from '../middleware/signed-in'
import { valid } from '../middleware/validate'
import { href } from '../pages/context'
import { wishConfirmPage, wishlistPage } from '../pages/wishlist'

const isbnForm = z.object({ isbn: z.string().max(40) })


/** The wishlist (찜): the reader's page, and adding and removing a book, all plain forms. */
export const wishlistRoutes = ({ wishlist }: { wishlist: WishlistService }) =>
  new Hono<AppEnv>()
    .use('/account/wishlist', readerOnly)
    .use('/account/wishlist/*', readerOnly)
    .get('/account/wishlist', async (c) => c.html(wishlistPage(c.var.page, c.var.customer!, await wishlist.books(c.var.customer!.id))))
    .post('/account/wishlist', valid('form', isbnForm), async (c) => {
      await wishlist.add(c.var.customer!.id, parseIsbn(c.req.valid('form').isbn))
      return c.redirect(href(c.var.page, '/account/wishlist'), 303)
    })
    // A list's 찜 is a link here, so lists stay shared pages; this page, the reader's own, carries the form.
    .get('/account/wishlist/add', valid('query', isbnForm), async (c) =>
      c.html(wishConfirmPage(c.var.page, c.var.customer!, await wishlist.book(parseIsbn(c.req.valid('query').isbn)))),
    )
    .post('/account/wishlist/remove', valid('form', isbnForm), async (c) => {
      await wishlist.remove(c.var.customer!.id, parseIsbn(c.req.valid('form').isbn))
      return c.redirect(href(c.var.page, '/account/wishlist'), 303)
    })
