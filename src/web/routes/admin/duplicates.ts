import type { Handler } from 'hono'
import { z } from 'zod'
import { parseIsbn, type CatalogService, type EditContext, type Isbn13 } from '../../../catalog'
import { InputError } from '../../../core/errors'
import type { AppEnv } from '../../env'
import { duplicateOutcomePage, duplicatesPage, type DuplicateOutcome } from '../../pages/admin/duplicates'
import { editedBy, may, route, type AdminRoute } from './access'

const isbnList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(40)).max(50))
const listQuery = z.object({ after: z.string().max(400).optional() })
const mergeForm = z.object({ keep: z.string().max(40), merge: isbnList })
const groupForm = z.object({ isbn: isbnList })

/** A posted form read by its schema; a missing or malformed field is an InputError naming it. */
function read<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body)
  if (parsed.success) return parsed.data
  throw new InputError(String(parsed.error.issues[0]!.path[0] ?? 'isbn'), parsed.error.issues[0]!.message)
}

function isbnsOf(field: string, raw: string[]): Isbn13[] {
  try {
    return raw.map((r) => parseIsbn(r))
  } catch (err) {
    throw err instanceof InputError ? new InputError(field, err.reason, { code: 'invalid_isbn' }) : err
  }
}

/**
 * The duplicates screen: groups of books sharing a normalised title and
 * first author, and the three decisions on them. An unknown ISBN is a 404
 * (the catalog's NotFoundError); a malformed form or a refused decision, a
 * 400 page that names the field.
 */
export function duplicatesRoutes({ catalog }: { catalog: CatalogService }): AdminRoute[] {
  return [
    route('GET', '/duplicates', 'catalog.read', async (c) => {
      const { after } = read(listQuery, c.req.query())
      const staff = c.var.staff!
      const page = await catalog.duplicates.groups(after)
      return c.html(duplicatesPage(c.var.page, staff, { page, mayWrite: may(staff.role, 'catalog.write'), isFirstPage: !after }))
    }),
    route(
      'POST',
      '/duplicates/merge',
      'catalog.write',
      decision(async (body, by) => {
        const form = read(mergeForm, body)
        const result = await catalog.duplicates.merge(isbnsOf('keep', [form.keep])[0]!, isbnsOf('merge', form.merge), { ...by, via: 'merge' })
        return { kind: 'merged', result }
      }),
    ),
    route(
      'POST',
      '/duplicates/link',
      'catalog.write',
      decision(async (body, by) => {
        const { isbns } = await catalog.duplicates.link(isbnsOf('isbn', read(groupForm, body).isbn), { ...by, via: 'link' })
        return { kind: 'linked', isbns }
      }),
    ),
    route(
      'POST',
      '/duplicates/dismiss',
      'catalog.write',
      decision(async (body, by) => {
        const isbns = isbnsOf('isbn', read(groupForm, body).isbn)
        await catalog.duplicates.dismiss(isbns, { ...by, via: 'dismiss' })
        return { kind: 'dismissed', isbns: [...new Set(isbns)] }
      }),
    ),
  ]
}

/** A decision's handler: the posted form to the catalog, then what came of it, or the refusal as a 400 page. */
function decision(act: (body: Record<string, unknown>, by: EditContext) => Promise<DuplicateOutcome>): Handler<AppEnv> {
  return async (c) => {
    const staff = c.var.staff!
    try {
      const outcome = await act(await c.req.parseBody({ all: true }), editedBy(staff))
      return c.html(duplicateOutcomePage(c.var.page, staff, outcome))
    } catch (err) {
      if (!(err instanceof InputError)) throw err
      return c.html(duplicateOutcomePage(c.var.page, staff, { kind: 'problem', field: err.field, code: err.code, params: err.params }), 400)
    }
  }
}
