import type { Context } from 'hono'
import { z } from 'zod'
import type { AuditService } from '../../../audit'
import type { CatalogService, CollectionDraft } from '../../../catalog'
import { InputError } from '../../../core/errors'
import type { AppEnv } from '../../env'
import { pickPage, pickProblem, picksPage, PICK_NOTICES, type PickForm } from '../../pages/admin/picks'
import { href } from '../../pages/context'
import { editedBy, may, route, type AdminRoute } from './access'

const title = z.string().trim().min(1).max(200)
const blurb = z.string().trim().max(1000).default('')
const pickForm = z.object({ title_ko: title, title_en: title, blurb_ko: blurb, blurb_en: blurb, isbns: z.string().max(2000).default('') })

/** The posted form as a draft, or an InputError naming the first bad field (with the form, to show again). */
async function posted(c: Context<AppEnv>): Promise<CollectionDraft> {
  const body = await c.req.parseBody()
  const form: PickForm = Object.fromEntries(Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.slice(0, 4000)]] : [])))
  const parsed = pickForm.safeParse(form)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const code = issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'too_long' : 'invalid'
    throw Object.assign(new InputError(String(issue.path[0] ?? 'form'), issue.message, { code, params: issue.code === 'too_big' ? { max: Number(issue.maximum) } : {} }), { form })
  }
  const v = parsed.data
  return { title: { ko: v.title_ko, en: v.title_en }, blurb: { ko: v.blurb_ko, en: v.blurb_en }, isbns: v.isbns.split(/[\s,;]+/).filter(Boolean) }
}

const formOf = (err: unknown): PickForm | undefined => (err as { form?: PickForm } | undefined)?.form

/**
 * Staff picks (/admin/picks): collections for the home page. Reading for
 * every catalog reader, changes for catalog and owner, each one audited
 * transaction (record type 'collection'); a refusal shows the form again, 400.
 */
export function picksRoutes({ catalog, audit }: { catalog: CatalogService; audit?: AuditService }): AdminRoute[] {
  const picks = catalog.collections
  const mayWrite = (c: Context<AppEnv>) => may(c.var.staff!.role, 'catalog.write')
  const notice = (c: Context<AppEnv>) => PICK_NOTICES.find((n) => n === c.req.query('done'))
  const done = (c: Context<AppEnv>, path: string, n: (typeof PICK_NOTICES)[number]) => c.redirect(href(c.var.page, `${path}?done=${n}`), 303)

  const listPage = async (c: Context<AppEnv>, refused?: unknown) =>
    c.html(
      picksPage(c.var.page, c.var.staff!, { collections: await picks.all(), mayWrite: mayWrite(c), notice: notice(c), problem: refused instanceof InputError ? pickProblem(c.var.page, refused) : undefined, form: formOf(refused) }),
      refused ? 400 : 200,
    )
  const onePage = async (c: Context<AppEnv>, id: string, refused?: unknown) => {
    const collection = await picks.get(id)
    const history = audit && may(c.var.staff!.role, 'audit.read') ? await audit.history('collection', id) : undefined
    const problem = refused instanceof InputError ? pickProblem(c.var.page, refused) : undefined
    return c.html(pickPage(c.var.page, c.var.staff!, { collection, history, mayWrite: mayWrite(c), notice: notice(c), problem, form: formOf(refused) }), refused ? 400 : 200)
  }
  /** Runs a change; a refusal shows the page it came from again. */
  const refusing = async (run: () => Promise<Response>, again: (err: InputError) => Promise<Response>) => {
    try {
      return await run()
    } catch (err) {
      if (err instanceof InputError) return again(err)
      throw err
    }
  }

  return [
    route('GET', '/picks', 'catalog.read', (c) => listPage(c)),
    route('POST', '/picks', 'catalog.write', (c) =>
      refusing(
        async () => done(c, `/admin/picks/${(await picks.create(await posted(c), editedBy(c.var.staff!))).id}`, 'added'),
        (err) => listPage(c, err),
      ),
    ),
    route('GET', '/picks/:id', 'catalog.read', (c) => onePage(c, c.req.param('id')!)),
    route('POST', '/picks/:id', 'catalog.write', async (c) => {
      const id = c.req.param('id')!
      await picks.get(id)
      return refusing(
        async () => {
          await picks.update(id, await posted(c), editedBy(c.var.staff!))
          return done(c, `/admin/picks/${id}`, 'saved')
        },
        (err) => onePage(c, id, err),
      )
    }),
    route('POST', '/picks/:id/delete', 'catalog.write', async (c) => {
      await picks.remove(c.req.param('id')!, editedBy(c.var.staff!))
      return done(c, '/admin/picks', 'deleted')
    }),
  ]
}
