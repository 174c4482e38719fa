import type { ApiKey, StaffMember } from '../../../accounts'
import { API_SCOPES } from '../../../accounts'
import { html } from '../../html'
import { fill } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

const words = {
  ko: {
    title: 'API 키',
    intro: '협력사 시스템이 주문과 재고를 읽고 고칠 때 쓰는 키입니다. 키는 만들 때 한 번만 보여 주고, 저장하는 것은 그 해시뿐입니다.',
    name: '이름 (누가 쓰는 키인지)',
    scopes: '허용 범위',
    scope_orders_read: '주문 읽기 (orders:read)',
    scope_stock_read: '재고 읽기 (stock:read)',
    scope_stock_write: '재고 고치기 (stock:write)',
    create: '키 만들기',
    created: '"{name}" 키를 만들었습니다. 지금 복사해 두세요. 다시 보여 줄 수 없습니다:',
    none: '아직 만든 키가 없습니다.',
    prefix: '앞부분',
    createdAt: '만든 때',
    createdBy: '만든 사람',
    lastUsed: '마지막 사용',
    state: '상태',
    active: '사용 중',
    revoked: '폐기됨 ({at})',
    revoke: '폐기',
    revokeOf: '{name} 키 폐기',
    never: '없음',
    revokedDone: '키를 폐기했습니다. 이 키로 오는 요청은 이제 401을 받습니다.',
  },
  en: {
    title: 'API keys',
    intro: "Keys partners' systems use to read and change orders and stock. A key is shown once, when it is made; only its hash is kept.",
    name: 'Name (who uses the key)',
    scopes: 'Scopes',
    scope_orders_read: 'Read orders (orders:read)',
    scope_stock_read: 'Read stock (stock:read)',
    scope_stock_write: 'Change stock (stock:write)',
    create: 'Make a key',
    created: 'The key "{name}" is made. Copy it now: it cannot be shown again:',
    none: 'No keys yet.',
    prefix: 'Starts with',
    createdAt: 'Made',
    createdBy: 'Made by',
    lastUsed: 'Last used',
    state: 'State',
    active: 'In use',
    revoked: 'Revoked ({at})',
    revoke: 'Revoke',
    revokeOf: 'Revoke the key {name}',
    never: 'never',
    revokedDone: 'The key is revoked: requests with it now get 401.',
  },
}

const scopeWord = (w: (typeof words)['ko'], scope: string) => (w as Record<string, string>)[`scope_${scope.replace(':', '_')}`] ?? scope

export interface ApiKeysView {
  keys: ApiKey[]
  /** A key just made: the one time its secret is shown. */
  created?: { key: ApiKey; secret: string }
  problem?: string
  form?: { name?: string; scopes?: string[] }
  revoked?: boolean
}

/** Partners' API keys: make one (shown once), see when each was last used, revoke. */
export function apiKeysPage(ctx: PageContext, staff: StaffMember, view: ApiKeysView): string {
  const w = words[ctx.lang]
  const when = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : w.never)
  const chosen = new Set(view.form?.scopes ?? [])
  return staffLayout(
    ctx,
    staff,
    { title: w.title },
    html`<h1>${w.title}</h1><p>${w.intro}</p>
${view.created ? html`<div class="flash" role="status"><p>${fill(w.created, { name: view.created.key.name })}</p><p><code class="api-key-secret">${view.created.secret}</code></p></div>` : ''}
${view.revoked ? html`<p class="flash" role="status">${w.revokedDone}</p>` : ''}
${problemBox(view.problem)}
${view.keys.length
  ? html`<table class="office-table"><thead><tr><th scope="col">${w.name}</th><th scope="col">${w.prefix}</th><th scope="col">${w.scopes}</th><th scope="col">${w.createdAt}</th><th scope="col">${w.createdBy}</th><th scope="col">${w.lastUsed}</th><th scope="col">${w.state}</th></tr></thead><tbody>
${view.keys.map(
  (k) => html`<tr><td>${k.name}</td><td><code>${k.prefix}…</code></td><td>${k.scopes.join(', ')}</td><td>${when(k.createdAt)}</td><td>${k.createdBy}</td><td>${when(k.lastUsedAt)}</td>
<td>${k.revokedAt ? fill(w.revoked, { at: when(k.revokedAt) }) : html`${w.active} <form class="inline" method="post" action="${href(ctx, `/admin/api-keys/${k.id}/revoke`)}">${formFields(ctx)}<button class="btn secondary" type="submit" aria-label="${fill(w.revokeOf, { name: k.name })}">${w.revoke}</button></form>`}</td></tr>`,
)}</tbody></table>`
  : html`<p class="empty">${w.none}</p>`}
<h2 id="make-key">${w.create}</h2>
<form class="admin-form" method="post" action="${href(ctx, '/admin/api-keys')}" aria-labelledby="make-key">${formFields(ctx)}
<div class="field"><label for="k-name">${w.name}</label><input id="k-name" name="name" maxlength="100" required value="${view.form?.name ?? ''}"></div>
<fieldset><legend>${w.scopes}</legend>${API_SCOPES.map((s) => html`<div class="field"><label><input type="checkbox" name="scopes" value="${s}"${chosen.has(s) ? html` checked` : ''}> ${scopeWord(w, s)}</label></div>`)}</fieldset>
<button class="btn" type="submit">${w.create}</button></form>`,
  )
}
