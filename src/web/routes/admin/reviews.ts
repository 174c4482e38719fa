import type { Context } from 'hono'
import { z } from 'zod'
import { InputError } from '../../../core/errors'
import type { ReviewsService } from '../../../reviews'
import type { AppEnv } from '../../env'
import { reviewQueuePage, type ReviewQueueView } from '../../pages/admin/reviews'
import { editedBy, may, route, type AdminRoute } from './access'

const queueQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1), show: z.enum(['visible', 'hidden']).catch('visible') })
const hideForm = z.object({ reason: z.string().max(2000).catch('') })

async function queue(c: Context<AppEnv>, reviews: ReviewsService, status: 200 | 400, notice?: ReviewQueueView['notice']) {
  const { page, show } = queueQuery.parse(c.req.query())
  const staff = c.var.staff!
  const found = await reviews.queue(page, show === 'hidden')
  return c.html(reviewQueuePage(c.var.page, staff, { ...found, showHidden: show === 'hidden', mayWrite: may(staff.role, 'catalog.write'), notice }), status)
}

/** Review moderation: the queue (every staff role reads it) and hiding or restoring a review (catalog staff and owners), each audited as a `review` record. */
export function reviewsRoutes({ reviews }: { reviews: ReviewsService }): AdminRoute[] {
  return [
    route('GET', '/reviews', 'catalog.read', (c) => queue(c, reviews, 200)),
    route('POST', '/reviews/:id/hide', 'catalog.write', async (c) => {
      const { reason } = hideForm.parse(await c.req.parseBody())
      try {
        await reviews.hide(c.req.param('id') ?? '', reason, editedBy(c.var.staff!, 'moderation'))
      } catch (err) {
        if (!(err instanceof InputError) || err.field !== 'reason') throw err
        return queue(c, reviews, 400, err.code === 'too_long' ? 'reasonTooLong' : 'reasonRequired')
      }
      return queue(c, reviews, 200, 'done')
    }),
    route('POST', '/reviews/:id/restore', 'catalog.write', async (c) => {
      await reviews.restore(c.req.param('id') ?? '', editedBy(c.var.staff!, 'moderation'))
      return queue(c, reviews, 200, 'restored')
    }),
  ]
}
