import type { Context } from 'hono'
import { z } from 'zod'
import type { AuditService } from '../../../audit'
import { MAPPING_SCHEMES, type CatalogService } from '../../../catalog'
import { InputError, NotFoundError } from '../../../core/errors'
import type { AppEnv } from '../../env'
import { categoryPage, categoriesPage, type CategoryForm } from '../../pages/admin/categories'
import { mappingPage, type MappingView } from '../../pages/admin/categories-mapping'
import { categoryProblem, CATEGORY_NOTICES, type CategoryNotice } from '../../pages/admin/categories-words'
import { href } from '../../pages/context'
import { editedBy, may, route, type AdminRoute } from './access'

const name = z.string().trim().min(1).max(100)
const id = z.string().trim().max(64)
const addForm = z.object({ name_ko: name, name_en: name, id: id.default(''), parent: id.default('') })
const renameForm = z.object({ name_ko: name, name_en: name })
const moveForm = z.object({ parent: id.default('') })
const mergeForm = z.object({ into: id.min(1) })
const mappingForm = z.object({ scheme: z.string().trim().min(1).max(16), code: z.string().trim().min(1).max(32), categoryId: id.min(1) })
const mappingKey = mappingForm.pick({ scheme: true, code: true })
const mappingFilter = z.object({ scheme: z.enum(MAPPING_SCHEMES).optional().catch(undefined), q: z.string().trim().max(64).catch('').default('') })

/** The form's fields as posted, or the first bad one as an InputError naming it. */
async function posted<T extends z.ZodTypeAny>(c: Context<AppEnv>, schema: T): Promise<{ form: Record<string, string>; value: z.infer<T> }> {
  const body = await c.req.parseBody()
  const form = Object.fromEntries(Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v.slice(0, 200)]] : [])))
  const parsed = schema.safeParse(form)
  if (parsed.success) return { form, value: parsed.data }
  const issue = parsed.error.issues[0]!
  const field = String(issue.path[0] ?? 'form')
  const code = issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'too_long' : 'invalid'
  const params: Record<string, number> = issue.code === 'too_big' ? { max: Number(issue.maximum) } : {}
  throw Object.assign(new InputError(field, issue.message, { code, params }), { form })
}

/** The form a refusal came from, to show again. */
const formOf = (err: unknown): Record<string, string> => (err as { form?: Record<string, string> }).form ?? {}

const noticeOf = (c: Context<AppEnv>): CategoryNotice | undefined => CATEGORY_NOTICES.find((n) => n === c.req.query('done'))

/**
 * The category tree and the subject-code table in the back office: reading
 * for every catalog reader, changes for catalog and owner. Each change is one
 * audited call into the catalog; a refusal shows the page again, 400, in the
 * member's language.
 */
export function categoriesRoutes({ catalog, audit }: { catalog: CatalogService; audit?: AuditService }): AdminRoute[] {
  const admin = catalog.categoryAdmin
  const mayWrite = (c: Context<AppEnv>) => may(c.var.staff!.role, 'catalog.write')

  const treePage = async (c: Context<AppEnv>, extra: { problem?: string; form?: CategoryForm } = {}, status: 200 | 400 = 200) => {
    const { tree, books } = await admin.overview()
    return c.html(categoriesPage(c.var.page, c.var.staff!, { tree, books, mayWrite: mayWrite(c), notice: noticeOf(c), ...extra }), status)
  }
  const onePage = async (c: Context<AppEnv>, categoryId: string, extra: { problem?: string; form?: CategoryForm } = {}, status: 200 | 400 = 200) => {
    const { tree, books, mappings } = await admin.overview()
    const category = tree.get(categoryId)
    if (!category) throw new NotFoundError('category', categoryId)
    const history = audit && may(c.var.staff!.role, 'audit.read') ? await audit.history('category', categoryId) : undefined
    const view = { tree, books, category, mappings: mappings.filter((m) => m.categoryId === categoryId).length, history, mayWrite: mayWrite(c), notice: noticeOf(c), ...extra }
    return c.html(categoryPage(c.var.page, c.var.staff!, view), status)
  }
  const tablePage = async (c: Context<AppEnv>, extra: Pick<MappingView, 'problem' | 'form'> = {}, status: 200 | 400 = 200) => {
    const filter = mappingFilter.parse({ scheme: c.req.query('scheme') || undefined, q: c.req.query('q') ?? '' })
    const [rows, { tree }] = await Promise.all([admin.mappings({ scheme: filter.scheme, text: filter.q }), admin.overview()])
    return c.html(mappingPage(c.var.page, c.var.staff!, { rows, tree, filter: { scheme: filter.scheme ?? '', text: filter.q }, mayWrite: mayWrite(c), notice: noticeOf(c), ...extra }), status)
  }
  const done = (c: Context<AppEnv>, path: string, notice: CategoryNotice) => c.redirect(href(c.var.page, `${path}${path.includes('?') ? '&' : '?'}done=${notice}`), 303)

  /** A change of one category: 404 for an unknown id before anything is read from the form; a refusal shows its page again. */
  const change = (action: string, run: (c: Context<AppEnv>, categoryId: string) => Promise<Response>) =>
    route('POST', `/categories/:id/${action}`, 'catalog.write', async (c) => {
      const categoryId = c.req.param('id')!
      if (!(await catalog.categories()).get(categoryId)) throw new NotFoundError('category', categoryId)
      try {
        return await run(c, categoryId)
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        return onePage(c, categoryId, { problem: categoryProblem(c.var.page, err), form: formOf(err) }, 400)
      }
    })
  /** A change of the subject table: a refusal shows the table again. */
  const changeRow = (path: string, run: (c: Context<AppEnv>) => Promise<Response>) =>
    route('POST', `/categories/mapping${path}`, 'catalog.write', async (c) => {
      try {
        return await run(c)
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        const form = formOf(err)
        return tablePage(c, { problem: categoryProblem(c.var.page, err), form: { scheme: form.scheme ?? '', code: form.code ?? '', categoryId: form.categoryId ?? '' } }, 400)
      }
    })

  return [
    route('GET', '/categories', 'catalog.read', (c) => treePage(c)),
    route('POST', '/categories', 'catalog.write', async (c) => {
      try {
        const { value } = await posted(c, addForm)
        if (value.id === 'mapping') throw new InputError('id', 'the subject table is at /admin/categories/mapping', { code: 'category_id_taken', params: { id: value.id } })
        const added = await admin.add({ id: value.id || undefined, name: { ko: value.name_ko, en: value.name_en }, parentId: value.parent || null }, editedBy(c.var.staff!))
        return done(c, `/admin/categories/${added.id}`, 'added')
      } catch (err) {
        if (!(err instanceof InputError)) throw err
        return treePage(c, { problem: categoryProblem(c.var.page, err), form: formOf(err) }, 400)
      }
    }),
    route('GET', '/categories/mapping', 'catalog.read', (c) => tablePage(c)),
    changeRow('', async (c) => {
      const { value } = await posted(c, mappingForm)
      const added = await admin.addMapping(value, editedBy(c.var.staff!))
      return done(c, `/admin/categories/mapping?scheme=${added.scheme}`, 'saved')
    }),
    changeRow('/edit', async (c) => {
      const { value } = await posted(c, mappingForm)
      await admin.editMapping(value, editedBy(c.var.staff!))
      return done(c, '/admin/categories/mapping', 'saved')
    }),
    changeRow('/delete', async (c) => {
      const { value } = await posted(c, mappingKey)
      await admin.removeMapping(value, editedBy(c.var.staff!))
      return done(c, '/admin/categories/mapping', 'saved')
    }),
    route('GET', '/categories/:id', 'catalog.read', (c) => onePage(c, c.req.param('id')!)),
    change('rename', async (c, categoryId) => {
      const { value } = await posted(c, renameForm)
      await admin.rename(categoryId, { ko: value.name_ko, en: value.name_en }, editedBy(c.var.staff!))
      return done(c, `/admin/categories/${categoryId}`, 'renamed')
    }),
    change('move', async (c, categoryId) => {
      const { value } = await posted(c, moveForm)
      await admin.move(categoryId, value.parent || null, editedBy(c.var.staff!))
      return done(c, `/admin/categories/${categoryId}`, 'moved')
    }),
    change('merge', async (c, categoryId) => {
      const { value } = await posted(c, mergeForm)
      await admin.merge(categoryId, value.into, editedBy(c.var.staff!))
      return done(c, `/admin/categories/${value.into}`, 'merged')
    }),
    change('delete', async (c, categoryId) => {
      await admin.remove(categoryId, editedBy(c.var.staff!))
      return done(c, '/admin/categories', 'removed')
    }),
  ]
}
