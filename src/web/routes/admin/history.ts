import { z } from 'zod'
import type { AuditService } from '../../../audit'
import type { StaffMember } from '../../../accounts'
import { parseIsbn, type CatalogService, type EditContext } from '../../../catalog'
import { InputError } from '../../../core/errors'
import { bookHistoryPage } from '../../pages/admin/history'
import { href } from '../../pages/context'
import { may, route, type AdminRoute } from './access'

const revertForm = z.object({
  entry: z.coerce.number().int().positive(),
  field: z.string().trim().min(1).max(40),
})

const NOTICES = ['reverted', 'unchanged'] as const

import { isRevertible } from '../../pages/admin/history'

/** The audit log names a staff member by id and by the name they had then. */
const editorOf = (staff: StaffMember): EditContext => ({ actor: `staff:${staff.id}`, actorName: staff.name, via: 'form', action: 'revert' })

/**
 * A book's history and putting one field back: the put-back goes through the
 * catalog's one edit path, so validation and the book price law still apply,
 * and the audit log records it like any other edit.
 */
export const historyRoutes = ({ audit, catalog }: { audit: AuditService; catalog: CatalogService }): AdminRoute[] => [
  route('GET', '/books/:isbn/history', 'audit.read', async (c) => {
    const book = await catalog.getBook(parseIsbn(c.req.param('isbn') ?? ''))
    const notice = NOTICES.find((n) => n === c.req.query('done'))
    const staff = c.var.staff!
    const [entries, mergedInto] = await Promise.all([audit.history('book', book.isbn13), catalog.duplicates.mergedInto(book.isbn13)])
    const view = { isbn13: book.isbn13, title: book.title, entries, mayRevert: may(staff.role, 'catalog.write'), notice, mergedInto }
    return c.html(bookHistoryPage(c.var.page, staff, view))
  }),
  route('POST', '/books/:isbn/history/revert', 'catalog.write', async (c) => {
    const isbn13 = parseIsbn(c.req.param('isbn') ?? '')
    const posted = revertForm.safeParse(await c.req.parseBody())
    if (!posted.success) throw new InputError('entry', 'expected the id of an audit entry and one of its fields', { code: 'invalid' })
    const { entry, field } = posted.data
    if (!isRevertible(field)) throw new InputError('field', `"${field}" is not put back from the history`, { code: 'invalid' })
    const change = await audit.fieldChange(entry, 'book', isbn13, field)
    const staff = c.var.staff!
    const edit = { isbn13, fields: { [field]: change.before }, mustExist: true }
    // Checked first: the edit path saves a book whose sale price the law refuses at its list price, which a put-back must not do.
    const checked = await catalog.checkEdits([edit])
    const error = checked.rejected[0]?.errors[field] ?? Object.values(checked.rejected[0]?.errors ?? {})[0] ?? checked.applied[0]?.refused?.salePrice
    if (error) {
      const book = await catalog.getBook(isbn13)
      const view = { isbn13, title: book.title, entries: await audit.history('book', isbn13), mayRevert: true, refusal: { field, error } }
      return c.html(bookHistoryPage(c.var.page, staff, view), 400)
    }
    const { applied } = await catalog.editBooks([edit], editorOf(staff))
    const done = applied[0]?.change === 'unchanged' ? 'unchanged' : 'reverted'
    return c.redirect(href(c.var.page, `/admin/books/${isbn13}/history?done=${done}`), 303)
  }),
]
