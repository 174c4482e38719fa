import type { StaffMember } from '../../../accounts'
import { html } from '../../html'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { staffLayout } from './layout'
import { problemBox } from './staff-problem'

const words = {
  ko: {
    title: '2단계 인증',
    required: '운영자(owner)는 2단계 인증을 켜야 다른 화면을 쓸 수 있습니다.',
    scan: '인증 앱(Google Authenticator, 1Password 등)으로 이 QR 코드를 찍거나, 아래 비밀 키를 직접 입력하세요.',
    qr: '인증 앱에 등록할 QR 코드',
    secret: '비밀 키',
    code: '앱에 보이는 여섯 자리 코드',
    confirm: '켜기',
    on: '2단계 인증이 켜져 있습니다.',
    codesTitle: '복구 코드',
    codesHelp: '휴대폰을 잃었을 때 로그인할 수 있는 코드입니다. 지금 한 번만 보여 드립니다. 인쇄하거나 안전한 곳에 적어 두세요. 코드마다 한 번씩 쓸 수 있습니다.',
    newCodes: '복구 코드 새로 만들기 (이전 코드는 더 이상 쓸 수 없습니다)',
    done: '관리자 화면으로',
  },
  en: {
    title: 'Two-factor sign-in',
    required: 'Owners must turn on two-factor sign-in before anything else.',
    scan: 'Scan this QR code with an authenticator app (Google Authenticator, 1Password…), or type the secret key below into it.',
    qr: 'QR code to add to an authenticator app',
    secret: 'Secret key',
    code: 'The six-digit code the app shows',
    confirm: 'Turn on',
    on: 'Two-factor sign-in is on.',
    codesTitle: 'Recovery codes',
    codesHelp: 'These sign you in if you lose your phone. They are shown this once: print them or write them down somewhere safe. Each works once.',
    newCodes: 'Make new recovery codes (the old ones stop working)',
    done: 'To the back office',
  },
}

/** Enrolment: the QR code (an inline SVG image; the policy allows data: images), the key as text, and the confirming code. */
export function enrolPage(ctx: PageContext, staff: StaffMember, view: { secret: string; qrSvg: string; problem?: string }): string {
  const w = words[ctx.lang]
  const qr = `data:image/svg+xml;base64,${Buffer.from(view.qrSvg).toString('base64')}`
  return staffLayout(
    ctx,
    staff,
    { title: w.title, path: '/admin/two-factor' },
    html`<h1>${w.title}</h1>${staff.role === 'owner' ? html`<p class="flash" role="status">${w.required}</p>` : ''}${problemBox(view.problem)}
<p>${w.scan}</p>
<p><img class="totp-qr" src="${qr}" alt="${w.qr}" width="200" height="200"></p>
<p>${w.secret}: <code class="totp-secret">${view.secret.replace(/(.{4})/g, '$1 ').trim()}</code></p>
<form action="${href(ctx, '/admin/two-factor')}" method="post">${formFields(ctx)}
<div class="field"><label for="t-code">${w.code}</label><input id="t-code" name="code" inputmode="numeric" autocomplete="one-time-code" required></div>
<button class="btn" type="submit">${w.confirm}</button></form>`,
  )
}

/** Two-factor already on: a way to replace the recovery codes. */
export function twoFactorOnPage(ctx: PageContext, staff: StaffMember): string {
  const w = words[ctx.lang]
  return staffLayout(
    ctx,
    staff,
    { title: w.title, path: '/admin/two-factor' },
    html`<h1>${w.title}</h1><p>${w.on}</p>
<form action="${href(ctx, '/admin/two-factor/recovery-codes')}" method="post">${formFields(ctx)}<button class="btn secondary" type="submit">${w.newCodes}</button></form>`,
  )
}

export function recoveryCodesPage(ctx: PageContext, staff: StaffMember, codes: string[]): string {
  const w = words[ctx.lang]
  return staffLayout(
    ctx,
    staff,
    { title: w.codesTitle, path: '/admin/two-factor' },
    html`<h1>${w.codesTitle}</h1><p class="flash" role="status">${w.on}</p><p>${w.codesHelp}</p>
<ul class="recovery-codes">${codes.map((code) => html`<li><code>${code}</code></li>`)}</ul>
<p><a class="btn" href="${href(ctx, '/admin')}">${w.done}</a></p>`,
  )
}
