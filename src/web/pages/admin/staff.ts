import { STAFF_ROLES, type StaffMember, type StaffRecord } from '../../../accounts'
import { html } from '../../html'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

const words = {
  ko: {
    title: '직원',
    name: '이름',
    email: '이메일',
    role: '역할',
    twoFactor: '2단계 인증',
    state: '상태',
    actions: '작업',
    on: '켜짐',
    off: '꺼짐',
    active: '사용 중',
    noPassword: '비밀번호 정하기 전',
    disabled: '사용 중지',
    changeRole: '역할 바꾸기',
    roleOf: '{name}의 역할',
    disable: '사용 중지',
    revoke: '모든 세션 끝내기',
    link: '새 비밀번호 링크',
    add: '직원 추가',
    addSubmit: '추가하고 링크 만들기',
    linkFor: '{email}에게 이 링크를 전해 주세요. 72시간 동안 한 번 쓸 수 있습니다:',
    done: '바꿨습니다. 그 직원의 다음 요청부터 적용됩니다.',
    roles: { owner: '운영자 (owner)', catalog: '카탈로그 (catalog)', orders: '주문 (orders)', viewer: '보기만 (viewer)' },
  },
  en: {
    title: 'Staff',
    name: 'Name',
    email: 'Email',
    role: 'Role',
    twoFactor: 'Two-factor',
    state: 'State',
    actions: 'Actions',
    on: 'on',
    off: 'off',
    active: 'active',
    noPassword: 'no password yet',
    disabled: 'disabled',
    changeRole: 'Change role',
    roleOf: 'Role of {name}',
    disable: 'Disable',
    revoke: 'End all sessions',
    link: 'New password link',
    add: 'Add a member of staff',
    addSubmit: 'Add and make the link',
    linkFor: 'Hand this link to {email}. It works once, within 72 hours:',
    done: 'Done. It applies from that member\'s next request.',
    roles: { owner: 'Owner', catalog: 'Catalog', orders: 'Orders', viewer: 'Viewer (read only)' },
  },
}

export interface StaffListView {
  members: StaffRecord[]
  /** A set-password link just made, to hand over. */
  link?: { email: string; url: string }
  done?: boolean
  problem?: string
  /** The add form as posted, when it was refused. */
  form?: { email: string; name: string; role: string }
}

export function staffListPage(ctx: PageContext, staff: StaffMember, view: StaffListView): string {
  const w = words[ctx.lang]
  const post = (member: StaffRecord, action: string, label: string) =>
    html`<form action="${href(ctx, `/admin/staff/${member.id}/${action}`)}" method="post">${formFields(ctx)}<button class="btn secondary" type="submit">${label}</button></form>`
  const roleSelect = (id: string, selected: string, label?: string) =>
    html`<select id="${id}" name="role"${label ? html` aria-label="${label}"` : ''}>${STAFF_ROLES.map((r) => html`<option value="${r}"${r === selected ? html` selected` : ''}>${w.roles[r]}</option>`)}</select>`
  const row = (m: StaffRecord) => html`<tr><td>${m.name}</td><td>${m.email}</td>
<td><form action="${href(ctx, `/admin/staff/${m.id}/role`)}" method="post">${formFields(ctx)}${roleSelect(`role-${m.id}`, m.role, w.roleOf.replace('{name}', m.name))} <button class="btn secondary" type="submit">${w.changeRole}</button></form></td>
<td>${m.hasTwoFactor ? w.on : w.off}</td><td>${m.disabledAt ? w.disabled : m.hasPassword ? w.active : w.noPassword}</td>
<td>${m.disabledAt ? '' : html`${post(m, 'revoke', w.revoke)}${post(m, 'link', w.link)}${m.id === staff.id ? '' : post(m, 'disable', w.disable)}`}</td></tr>`
  return staffLayout(
    ctx,
    staff,
    { title: w.title },
    html`<h1>${w.title}</h1>${view.done ? html`<p class="flash" role="status">${w.done}</p>` : ''}${problemBox(view.problem)}
${view.link ? html`<div class="flash" role="status"><p>${w.linkFor.replace('{email}', view.link.email)}</p><p><code class="staff-link">${view.link.url}</code></p></div>` : ''}
<table class="staff-list"><thead><tr><th scope="col">${w.name}</th><th scope="col">${w.email}</th><th scope="col">${w.role}</th><th scope="col">${w.twoFactor}</th><th scope="col">${w.state}</th><th scope="col">${w.actions}</th></tr></thead>
<tbody>${view.members.map(row)}</tbody></table>
<h2>${w.add}</h2>
<form class="staff-add" action="${href(ctx, '/admin/staff')}" method="post">${formFields(ctx)}
<div class="field"><label for="a-email">${w.email}</label><input id="a-email" name="email" type="email" required value="${view.form?.email ?? ''}"></div>
<div class="field"><label for="a-name">${w.name}</label><input id="a-name" name="name" value="${view.form?.name ?? ''}"></div>
<div class="field"><label for="a-role">${w.role}</label>${roleSelect('a-role', view.form?.role ?? 'viewer')}</div>
<button class="btn" type="submit">${w.addSubmit}</button></form>`,
  )
}
