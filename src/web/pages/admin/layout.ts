import type { StaffMember } from '../../../accounts'
import { assets } from '../../assets'
import { html, type SafeHtml } from '../../html'
import { may, type Permission } from '../../routes/admin/access'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'

export interface StaffPageMeta {
  title: string
  /** The back-office path this page is (for the navigation's current mark); defaults to the request's. */
  path?: string
}

const words = {
  ko: { backOffice: '관리자 화면', nav: '관리 메뉴', dashboard: '대시보드', books: '책', categories: '분야', picks: '추천 모음', synonyms: '검색 동의어', reviews: '리뷰 관리', imports: '가져오기', orders: '주문', staff: '직원', webhooks: '웹훅', apiKeys: 'API 키', me: '내 설정', signOut: '로그아웃', skip: '본문으로 건너뛰기', otherLang: 'English', shop: '서점으로' },
  en: { backOffice: 'Back office', nav: 'Back office menu', dashboard: 'Dashboard', books: 'Books', categories: 'Categories', picks: 'Staff picks', synonyms: 'Search synonyms', reviews: 'Reviews', imports: 'Imports', orders: 'Orders', staff: 'Staff', webhooks: 'Webhooks', apiKeys: 'API keys', me: 'My settings', signOut: 'Sign out', skip: 'Skip to content', otherLang: '한국어', shop: 'To the shop' },
}

/** The back office's sections and what each needs: a role sees links only to what it may open. */
const SECTIONS: Array<{ path: string; key: 'dashboard' | 'books' | 'categories' | 'picks' | 'synonyms' | 'reviews' | 'imports' | 'orders' | 'staff' | 'webhooks' | 'apiKeys'; needs: Permission }> = [
  { path: '/admin', key: 'dashboard', needs: 'staff.self' },
  { path: '/admin/books', key: 'books', needs: 'catalog.read' },
  { path: '/admin/categories', key: 'categories', needs: 'catalog.read' },
  { path: '/admin/picks', key: 'picks', needs: 'catalog.read' },
  { path: '/admin/search/synonyms', key: 'synonyms', needs: 'catalog.read' },
  { path: '/admin/reviews', key: 'reviews', needs: 'catalog.read' },
  { path: '/admin/imports', key: 'imports', needs: 'imports.write' },
  { path: '/admin/orders', key: 'orders', needs: 'orders.read' },
  { path: '/admin/staff', key: 'staff', needs: 'staff.manage' },
  { path: '/admin/webhooks', key: 'webhooks', needs: 'settings.write' },
  { path: '/admin/api-keys', key: 'apiKeys', needs: 'settings.write' },
]

const isCurrent = (section: string, path: string) => (section === '/admin' ? path === '/admin' : path === section || path.startsWith(`${section}/`))

/**
 * Every back-office page: never indexed, the navigation the member's role
 * may use, their name (to their settings) and a sign-out button. Without a
 * member (the sign-in pages) only the language switch.
 */
export function staffLayout(ctx: PageContext, staff: StaffMember | undefined, meta: StaffPageMeta, body: SafeHtml): string {
  const w = words[ctx.lang]
  const path = (meta.path ?? ctx.path).split('?')[0]!
  const other = ctx.lang === 'ko' ? 'en' : 'ko'
  const switchHref = ctx.path + (ctx.path.includes('?') ? '&' : '?') + `lang=${other}`
  const nav = staff
    ? html`<nav class="office-nav" aria-label="${w.nav}"><ul>${SECTIONS.filter((s) => may(staff.role, s.needs)).map(
        (s) => html`<li><a href="${href(ctx, s.path)}"${isCurrent(s.path, path) ? html` aria-current="page"` : ''}>${w[s.key]}</a></li>`,
      )}</ul></nav>
<div class="office-me"><a href="${href(ctx, '/admin/me')}"${path === '/admin/me' ? html` aria-current="page"` : ''}>${staff.name}</a>
<form action="${href(ctx, '/admin/sign-out')}" method="post">${formFields(ctx)}<button class="btn" type="submit">${w.signOut}</button></form></div>`
    : ''
  return (
    '<!doctype html>' +
    html`<html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${meta.title === w.backOffice ? meta.title : `${meta.title} | ${w.backOffice}`}</title>
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="${assets.icon.url}" type="image/svg+xml">
<link rel="stylesheet" href="${assets.css.url}">
<script src="${assets.office.url}" defer></script>
</head><body class="office">
<a class="skip" href="#main">${w.skip}</a>
<header class="site-header"><div class="wrap">
<a class="brand" href="${href(ctx, staff ? '/admin' : '/')}">${w.backOffice}</a>
${nav}
<a class="lang" href="${switchHref}" lang="${other}" hreflang="${other}">${w.otherLang}</a>
</div></header>
<main id="main" class="wrap admin" tabindex="-1">${body}</main>
</body></html>`.value
  )
}
