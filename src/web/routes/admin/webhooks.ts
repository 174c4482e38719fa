import type { Context } from 'hono'
import { z } from 'zod'
import { InputError } from '../../../core/errors'
import { WEBHOOK_EVENTS, type WebhookService } from '../../../webhooks'
import type { AppEnv } from '../../env'
import { href } from '../../pages/context'
import { WEBHOOK_NOTICES, webhookPage, webhookProblem, webhooksPage, type WebhookForm } from '../../pages/admin/webhooks'
import { editedBy, route, type AdminRoute } from './access'

const registerForm = z.object({
  url: z.string().trim().min(1).max(2000),
  description: z.string().trim().max(200).default(''),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
})

/** The posted form, checked; a refusal names the field and carries the form to show again. */
async function posted(c: Context<AppEnv>): Promise<z.infer<typeof registerForm>> {
  const body = await c.req.parseBody({ all: true })
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 4000) : undefined)
  const events = ([] as unknown[]).concat(body.events ?? []).flatMap((v) => (typeof v === 'string' ? [v] : []))
  const form: WebhookForm = { url: text(body.url), description: text(body.description), events }
  const parsed = registerForm.safeParse(form)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const code = issue.code === 'too_small' || issue.code === 'invalid_type' ? 'required' : issue.code === 'too_big' ? 'too_long' : 'invalid'
    throw Object.assign(new InputError(String(issue.path[0] ?? 'form'), issue.message, { code }), { form })
  }
  return parsed.data
}

/**
 * Webhooks (/admin/webhooks): owners register receivers, see each one's
 * delivery log and send a delivery again. Registering and turning off are
 * audited (record type 'webhook'); the signing secret is shown once, in the
 * answer to the registration (never in a URL).
 */
export function webhooksRoutes({ webhooks }: { webhooks: WebhookService }): AdminRoute[] {
  const listPage = async (c: Context<AppEnv>, refused?: InputError & { form?: WebhookForm }) =>
    c.html(webhooksPage(c.var.page, c.var.staff!, { endpoints: await webhooks.endpoints(), problem: refused && webhookProblem(c.var.page, refused), form: refused?.form }), refused ? 400 : 200)
  const onePage = async (c: Context<AppEnv>, refused?: InputError) => {
    const endpoint = await webhooks.endpoint(c.req.param('id')!)
    const notice = WEBHOOK_NOTICES.find((n) => n === c.req.query('done'))
    return c.html(webhookPage(c.var.page, c.var.staff!, { endpoint, deliveries: await webhooks.deliveries(endpoint.id), notice, problem: refused && webhookProblem(c.var.page, refused) }), refused ? 400 : 200)
  }
  const done = (c: Context<AppEnv>, id: string, notice: (typeof WEBHOOK_NOTICES)[number]) => c.redirect(href(c.var.page, `/admin/webhooks/${id}?done=${notice}`), 303)

  return [
    route('GET', '/webhooks', 'settings.write', (c) => listPage(c)),
    route('POST', '/webhooks', 'settings.write', async (c) => {
      try {
        const created = await webhooks.register(await posted(c), editedBy(c.var.staff!))
        return c.html(webhooksPage(c.var.page, c.var.staff!, { endpoints: await webhooks.endpoints(), created }))
      } catch (err) {
        if (err instanceof InputError) return listPage(c, err)
        throw err
      }
    }),
    route('GET', '/webhooks/:id', 'settings.write', (c) => onePage(c)),
    route('POST', '/webhooks/:id/disable', 'settings.write', async (c) => {
      await webhooks.disable(c.req.param('id')!, editedBy(c.var.staff!))
      return done(c, c.req.param('id')!, 'disabled')
    }),
    route('POST', '/webhooks/:id/deliveries/:delivery/resend', 'settings.write', async (c) => {
      try {
        await webhooks.resend(c.req.param('id')!, c.req.param('delivery')!)
      } catch (err) {
        if (err instanceof InputError) return onePage(c, err)
        throw err
      }
      return done(c, c.req.param('id')!, 'resent')
    }),
  ]
}
