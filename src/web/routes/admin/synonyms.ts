import type { Context } from 'hono'
import { z } from 'zod'
import type { AuditService } from '../../../audit'
import { InputError } from '../../../core/errors'
import type { SearchService } from '../../../search'
import type { AppEnv } from '../../env'
import { href } from '../../pages/context'
import { synonymPage, synonymProblem, synonymsPage, SYNONYM_NOTICES, type SynonymForm } from '../../pages/admin/synonyms'
import { editedBy, may, route, type AdminRoute } from './access'

const synonymForm = z.object({ term: z.string().trim().min(1).max(100), expansion: z.string().trim().min(1).max(200) })

/** The posted form, or an InputError naming the first bad field (with the form, to show again). */
async function posted(c: Context<AppEnv>): Promise<{ term: string; expansion: string }> {
  const body = await c.req.parseBody()
  const form: SynonymForm = { term: typeof body.term === 'string' ? body.term.slice(0, 400) : '', expansion: typeof body.expansion === 'string' ? body.expansion.slice(0, 800) : '' }
  const parsed = synonymForm.safeParse(form)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const code = issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'too_long' : 'invalid'
  throw Object.assign(new InputError(String(issue.path[0] ?? 'term'), issue.message, { code, params: issue.code === 'too_big' ? { max: Number(issue.maximum) } : {} }), { form })
}

const formOf = (err: unknown): SynonymForm | undefined => (err as { form?: SynonymForm } | undefined)?.form

/**
 * Search synonyms (/admin/search/synonyms): read by every catalog reader,
 * changed by catalog writers, each change one audited transaction (record
 * type 'synonym'); a refusal shows the form again, 400.
 */
export function synonymsRoutes({ search, audit }: { search: SearchService; audit?: AuditService }): AdminRoute[] {
  const synonyms = search.synonyms
  const mayWrite = (c: Context<AppEnv>) => may(c.var.staff!.role, 'catalog.write')
  const listPage = async (c: Context<AppEnv>, refused?: unknown) => {
    const notice = SYNONYM_NOTICES.find((n) => n === c.req.query('done'))
    const problem = refused instanceof InputError ? synonymProblem(c.var.page, refused) : undefined
    return c.html(synonymsPage(c.var.page, c.var.staff!, { synonyms: await synonyms.all(), mayWrite: mayWrite(c), notice, problem, form: formOf(refused) }), refused ? 400 : 200)
  }
  const done = (c: Context<AppEnv>, n: (typeof SYNONYM_NOTICES)[number]) => c.redirect(href(c.var.page, `/admin/search/synonyms?done=${n}`), 303)

  return [
    route('GET', '/search/synonyms', 'catalog.read', (c) => listPage(c)),
    route('POST', '/search/synonyms', 'catalog.write', async (c) => {
      try {
        const { term, expansion } = await posted(c)
        await synonyms.set(term, expansion, editedBy(c.var.staff!))
        return done(c, 'saved')
      } catch (err) {
        if (err instanceof InputError) return listPage(c, err)
        throw err
      }
    }),
    route('GET', '/search/synonyms/:term', 'catalog.read', async (c) => {
      const synonym = await synonyms.get(c.req.param('term')!)
      const history = audit && may(c.var.staff!.role, 'audit.read') ? await audit.history('synonym', synonym.term) : undefined
      return c.html(synonymPage(c.var.page, c.var.staff!, { synonym, mayWrite: mayWrite(c), history }))
    }),
    route('POST', '/search/synonyms/:term/delete', 'catalog.write', async (c) => {
      await synonyms.remove(c.req.param('term')!, editedBy(c.var.staff!))
      return done(c, 'deleted')
    }),
  ]
}
