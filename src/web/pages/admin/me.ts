import type { StaffMember } from '../../../accounts'
import { html } from '../../html'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

const words = {
  ko: {
    title: '내 설정',
    role: '역할: {role} · {email}',
    language: '관리자 화면 언어',
    korean: '한국어',
    english: 'English',
    saveLang: '언어 저장',
    password: '비밀번호 바꾸기',
    current: '지금 비밀번호',
    next: '새 비밀번호 (10자 이상)',
    savePassword: '비밀번호 바꾸기',
    twoFactor: '2단계 인증',
    twoFactorOn: '켜져 있습니다.',
    twoFactorOff: '꺼져 있습니다.',
    manage: '2단계 인증 설정',
    saved: '저장했습니다.',
  },
  en: {
    title: 'My settings',
    role: 'Role: {role} · {email}',
    language: 'Back-office language',
    korean: '한국어',
    english: 'English',
    saveLang: 'Save language',
    password: 'Change password',
    current: 'Current password',
    next: 'New password (10 characters or more)',
    savePassword: 'Change password',
    twoFactor: 'Two-factor sign-in',
    twoFactorOn: 'On.',
    twoFactorOff: 'Off.',
    manage: 'Two-factor settings',
    saved: 'Saved.',
  },
}

export function mePage(ctx: PageContext, staff: StaffMember, view: { saved?: boolean; problem?: string }): string {
  const w = words[ctx.lang]
  const option = (lang: 'ko' | 'en', label: string) => html`<label><input type="radio" name="lang" value="${lang}"${staff.lang === lang ? html` checked` : ''}> <span lang="${lang}">${label}</span></label>`
  return staffLayout(
    ctx,
    staff,
    { title: w.title },
    html`<h1>${w.title}</h1><p>${w.role.replace('{role}', staff.role).replace('{email}', staff.email)}</p>
${view.saved ? html`<p class="flash" role="status">${w.saved}</p>` : ''}${problemBox(view.problem)}
<form action="${href(ctx, '/admin/me/lang')}" method="post">${formFields(ctx)}<fieldset><legend>${w.language}</legend>${option('ko', w.korean)} ${option('en', w.english)}</fieldset>
<button class="btn" type="submit">${w.saveLang}</button></form>
<form action="${href(ctx, '/admin/me/password')}" method="post">${formFields(ctx)}<fieldset><legend>${w.password}</legend>
<input type="text" name="username" autocomplete="username" value="${staff.email}" hidden>
<div class="field"><label for="m-current">${w.current}</label><input id="m-current" name="current" type="password" autocomplete="current-password" required></div>
<div class="field"><label for="m-next">${w.next}</label><input id="m-next" name="password" type="password" autocomplete="new-password" required minlength="10"></div></fieldset>
<button class="btn" type="submit">${w.savePassword}</button></form>
<h2>${w.twoFactor}</h2><p>${staff.hasTwoFactor ? w.twoFactorOn : w.twoFactorOff} <a href="${href(ctx, '/admin/two-factor')}">${w.manage}</a></p>`,
  )
}
