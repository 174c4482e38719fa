import type { StaffMember } from '../../../accounts'
import type { InputError } from '../../../core/errors'
import { WEBHOOK_EVENTS, type WebhookDelivery, type WebhookEndpoint } from '../../../webhooks'
import { html, type SafeHtml } from '../../html'
import { fill, type Lang } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

/** What the form held when it was refused, to show again. */
export interface WebhookForm {
  url?: string
  description?: string
  events?: string[]
}

const words = {
  ko: {
    webhooks: '웹훅',
    intro: '주문과 책, 재고가 바뀔 때 다른 시스템(회계, 물류)에 알립니다. 보내는 메시지마다 Standard Webhooks 방식으로 서명하고, 받는 쪽이 실패하면 하루 동안 간격을 늘려 다시 보냅니다.',
    none: '등록한 웹훅이 없습니다.',
    url: '받는 주소 (URL)', description: '설명', events: '보낼 이벤트', created: '등록한 때', state: '상태', on: '켜짐', off: '꺼짐',
    add: '웹훅 등록', register: '등록', disable: '이 웹훅 끄기',
    secretTitle: '서명 비밀값', secretOnce: '이 값은 지금 한 번만 보입니다. 받는 쪽 설정에 넣어 두세요. 다시 볼 수 없습니다.',
    deliveries: '보낸 기록', noDeliveries: '아직 보낸 메시지가 없습니다.',
    message: '메시지', event: '이벤트', status: '상태', attempts: '시도', response: '응답', next: '다음 시도', resend: '다시 보내기',
    status_queued: '대기', status_sending: '보내는 중', status_delivered: '전달됨', status_failed: '포기함',
    resent: '다시 보내도록 넣었습니다.', disabled: '웹훅을 껐습니다.',
    required: '{field}을(를) 입력하세요.', not_url: '{field}은(는) https:// 또는 http://로 시작하는 주소여야 합니다.', too_long: '{field}이(가) 너무 깁니다.', sending: '지금 보내는 중인 메시지입니다. 잠시 뒤에 다시 하세요.', invalid: '{field}을(를) 확인하세요.',
  },
  en: {
    webhooks: 'Webhooks',
    intro: 'Tell other systems (accounting, the warehouse) when orders, books and stock change. Every message is signed by the Standard Webhooks scheme; a receiver that fails is tried again, further apart, for a day.',
    none: 'No webhooks registered.',
    url: 'Receiving URL', description: 'Description', events: 'Events to send', created: 'Registered', state: 'State', on: 'On', off: 'Off',
    add: 'Register a webhook', register: 'Register', disable: 'Turn this webhook off',
    secretTitle: 'Signing secret', secretOnce: 'This is shown once, now. Put it in the receiver\'s settings: it cannot be shown again.',
    deliveries: 'Deliveries', noDeliveries: 'Nothing sent yet.',
    message: 'Message', event: 'Event', status: 'Status', attempts: 'Attempts', response: 'Answer', next: 'Next attempt', resend: 'Send again',
    status_queued: 'Waiting', status_sending: 'Sending', status_delivered: 'Delivered', status_failed: 'Given up',
    resent: 'Queued to send again.', disabled: 'Webhook turned off.',
    required: 'Enter the {field}.', not_url: 'The {field} must be an address starting https:// or http://.', too_long: 'The {field} is too long.', sending: 'That message is being sent right now; try again in a moment.', invalid: 'Check the {field}.',
  },
} satisfies Record<Lang, Record<string, string>>

export const WEBHOOK_NOTICES = ['resent', 'disabled'] as const
export type WebhookNotice = (typeof WEBHOOK_NOTICES)[number]

/** A refusal in the member's language, naming the field. */
export function webhookProblem(ctx: PageContext, err: Pick<InputError, 'code' | 'field'>): string {
  const w = words[ctx.lang] as Record<string, string>
  return fill(w[err.code] ?? w.invalid!, { field: w[err.field] ?? err.field })
}

const when = (at: string | null) => (at ? html`<time datetime="${at}">${at.slice(0, 19).replace('T', ' ')}</time>` : '')
const flash = (ctx: PageContext, notice: WebhookNotice | undefined) => (notice ? html`<p class="flash" role="status">${words[ctx.lang][notice]}</p>` : '')

function registerForm(ctx: PageContext, form: WebhookForm): SafeHtml {
  const w = words[ctx.lang]
  const chosen = new Set(form.events ?? WEBHOOK_EVENTS)
  return html`<form action="${href(ctx, '/admin/webhooks')}" method="post">${formFields(ctx)}
<div class="field"><label for="w-url">${w.url}</label><input id="w-url" name="url" type="url" value="${form.url ?? ''}" maxlength="2000" required placeholder="https://"></div>
<div class="field"><label for="w-description">${w.description}</label><input id="w-description" name="description" value="${form.description ?? ''}" maxlength="200"></div>
<fieldset><legend>${w.events}</legend>${WEBHOOK_EVENTS.map((e) => html`<label><input type="checkbox" name="events" value="${e}"${chosen.has(e) ? html` checked` : ''}> <code>${e}</code></label> `)}</fieldset>
<button class="btn" type="submit">${w.register}</button></form>`
}

export function webhooksPage(ctx: PageContext, staff: StaffMember, view: { endpoints: WebhookEndpoint[]; problem?: string; form?: WebhookForm; created?: { endpoint: WebhookEndpoint; secret: string } }): string {
  const w = words[ctx.lang]
  const secret = view.created
    ? html`<section class="flash" role="status" aria-labelledby="secret"><h2 id="secret">${w.secretTitle}</h2><p>${w.secretOnce}</p><p><code>${view.created.secret}</code></p><p><a href="${href(ctx, `/admin/webhooks/${view.created.endpoint.id}`)}">${view.created.endpoint.url}</a></p></section>`
    : ''
  const list = view.endpoints.length
    ? html`<table><caption class="vh">${w.webhooks}</caption><thead><tr><th scope="col">${w.url}</th><th scope="col">${w.events}</th><th scope="col">${w.state}</th><th scope="col">${w.created}</th></tr></thead>
<tbody>${view.endpoints.map((e) => html`<tr><th scope="row"><a href="${href(ctx, `/admin/webhooks/${e.id}`)}">${e.url}</a>${e.description ? html`<br>${e.description}` : ''}</th><td>${e.events.join(', ')}</td><td>${e.disabledAt ? w.off : w.on}</td><td>${when(e.createdAt)}</td></tr>`)}</tbody></table>`
    : html`<p class="empty">${w.none}</p>`
  return staffLayout(ctx, staff, { title: w.webhooks, path: '/admin/webhooks' }, html`<h1>${w.webhooks}</h1>${secret}<p>${w.intro}</p>${list}<h2>${w.add}</h2>${problemBox(view.problem)}${registerForm(ctx, view.form ?? {})}`)
}

function deliveryRow(ctx: PageContext, endpoint: WebhookEndpoint, d: WebhookDelivery): SafeHtml {
  const w = words[ctx.lang]
  const answer = d.responseStatus !== null ? html`${d.responseStatus}${d.responseExcerpt ? html` <q>${d.responseExcerpt.slice(0, 120)}</q>` : ''}` : (d.lastError ?? '')
  return html`<tr><th scope="row"><code>${d.id}</code><br>${when(d.createdAt)}</th><td><code>${d.event}</code></td><td>${w[`status_${d.status}`]}</td><td>${d.attempts}</td><td>${answer}</td><td>${d.status === 'queued' ? when(d.nextAttemptAt) : ''}</td>
<td>${d.status === 'sending' ? '' : html`<form action="${href(ctx, `/admin/webhooks/${endpoint.id}/deliveries/${d.id}/resend`)}" method="post">${formFields(ctx)}<button class="btn" type="submit" aria-label="${w.resend}: ${d.id}">${w.resend}</button></form>`}</td></tr>`
}

export function webhookPage(ctx: PageContext, staff: StaffMember, view: { endpoint: WebhookEndpoint; deliveries: WebhookDelivery[]; notice?: WebhookNotice; problem?: string }): string {
  const w = words[ctx.lang]
  const e = view.endpoint
  const log = view.deliveries.length
    ? html`<table aria-labelledby="deliveries"><thead><tr><th scope="col">${w.message}</th><th scope="col">${w.event}</th><th scope="col">${w.status}</th><th scope="col">${w.attempts}</th><th scope="col">${w.response}</th><th scope="col">${w.next}</th><th scope="col"><span class="vh">${w.resend}</span></th></tr></thead>
<tbody>${view.deliveries.map((d) => deliveryRow(ctx, e, d))}</tbody></table>`
    : html`<p class="empty">${w.noDeliveries}</p>`
  const off = e.disabledAt
    ? html`<p>${w.off}: ${when(e.disabledAt)}</p>`
    : html`<form action="${href(ctx, `/admin/webhooks/${e.id}/disable`)}" method="post">${formFields(ctx)}<button class="btn danger" type="submit">${w.disable}</button></form>`
  return staffLayout(
    ctx,
    staff,
    { title: `${w.webhooks}: ${e.url}`, path: '/admin/webhooks' },
    html`<p><a href="${href(ctx, '/admin/webhooks')}">${w.webhooks}</a></p><h1>${e.url}</h1>${flash(ctx, view.notice)}${problemBox(view.problem)}<p>${e.description}</p><p>${w.events}: ${e.events.join(', ')}</p>${off}
<h2 id="deliveries">${w.deliveries}</h2>${log}`,
  )
}
