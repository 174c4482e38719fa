import { html } from '../../html'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

const words = {
  ko: {
    signIn: '관리자 로그인',
    email: '이메일',
    password: '비밀번호',
    submit: '로그인',
    codeTitle: '두 번째 확인',
    codeHelp: '인증 앱에 보이는 여섯 자리 코드를 입력하세요. 휴대폰이 없으면 복구 코드 하나를 입력해도 됩니다(한 번만 쓸 수 있습니다).',
    code: '인증 코드 또는 복구 코드',
    confirm: '확인',
    setTitle: '비밀번호 정하기',
    setHelp: '{email} 계정의 비밀번호를 정하세요. 10자 이상이며 흔한 비밀번호는 쓸 수 없습니다.',
    newPassword: '새 비밀번호',
    save: '비밀번호 저장',
    passwordSet: '비밀번호를 정했습니다. 이제 로그인하세요.',
    signedOut: '로그아웃했습니다.',
    expired: '세션이 끝났습니다. 다시 로그인하세요.',
  },
  en: {
    signIn: 'Back-office sign-in',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    codeTitle: 'Second step',
    codeHelp: 'Enter the six-digit code your authenticator app shows. Without your phone, enter one of your recovery codes (each works once).',
    code: 'Authenticator code or recovery code',
    confirm: 'Confirm',
    setTitle: 'Set your password',
    setHelp: 'Choose the password for {email}: at least 10 characters, and not a common one.',
    newPassword: 'New password',
    save: 'Save password',
    passwordSet: 'Your password is set. Sign in now.',
    signedOut: 'You are signed out.',
    expired: 'Your session ended. Please sign in again.',
  },
}

export type SignInNotice = 'password-set' | 'signed-out'

const nextField = (next: string | undefined) => (next ? html`<input type="hidden" name="next" value="${next}">` : '')

export function signInPage(ctx: PageContext, view: { email?: string; next?: string; problem?: string; notice?: SignInNotice }): string {
  const w = words[ctx.lang]
  const notice = view.notice === 'password-set' ? w.passwordSet : view.notice === 'signed-out' ? w.signedOut : undefined
  return staffLayout(
    ctx,
    undefined,
    { title: w.signIn },
    html`<h1>${w.signIn}</h1>${notice ? html`<p class="flash" role="status">${notice}</p>` : ''}${problemBox(view.problem)}
<form class="staff-sign-in" action="${href(ctx, '/admin/sign-in')}" method="post">${formFields(ctx)}${nextField(view.next)}
<div class="field"><label for="s-email">${w.email}</label><input id="s-email" name="email" type="email" autocomplete="username" required value="${view.email ?? ''}"></div>
<div class="field"><label for="s-password">${w.password}</label><input id="s-password" name="password" type="password" autocomplete="current-password" required></div>
<button class="btn" type="submit">${w.submit}</button></form>`,
  )
}

export function codePage(ctx: PageContext, view: { challenge: string; email: string; next?: string; problem?: string }): string {
  const w = words[ctx.lang]
  return staffLayout(
    ctx,
    undefined,
    { title: w.codeTitle, path: '/admin/sign-in' },
    html`<h1>${w.codeTitle}</h1>${problemBox(view.problem)}<p id="s-code-help">${w.codeHelp}</p>
<form class="staff-code" action="${href(ctx, '/admin/sign-in/code')}" method="post">${formFields(ctx)}${nextField(view.next)}
<input type="hidden" name="challenge" value="${view.challenge}"><input type="hidden" name="email" value="${view.email}">
<div class="field"><label for="s-code">${w.code}</label><input id="s-code" name="code" autocomplete="one-time-code" required aria-describedby="s-code-help"></div>
<button class="btn" type="submit">${w.confirm}</button></form>`,
  )
}

export function setPasswordPage(ctx: PageContext, view: { token: string; email?: string; problem?: string }): string {
  const w = words[ctx.lang]
  const form = view.email
    ? html`<p id="s-new-help">${w.setHelp.replace('{email}', view.email)}</p>
<form class="staff-set-password" action="${href(ctx, '/admin/set-password')}" method="post">${formFields(ctx)}<input type="hidden" name="token" value="${view.token}">
<input type="text" name="username" autocomplete="username" value="${view.email}" hidden>
<div class="field"><label for="s-new">${w.newPassword}</label><input id="s-new" name="password" type="password" autocomplete="new-password" required minlength="10" aria-describedby="s-new-help"></div>
<button class="btn" type="submit">${w.save}</button></form>`
    : ''
  return staffLayout(ctx, undefined, { title: w.setTitle }, html`<h1>${w.setTitle}</h1>${problemBox(view.problem)}${form}`)
}
