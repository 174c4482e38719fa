import { assets } from '../assets'
import { html, jsonScript, raw, type SafeHtml } from '../html'
import { visitorSlot } from '../visitor-slot'
import { href, type PageContext } from './context'

export interface PageMeta {
  title: string
  description?: string
  /** Path of the canonical Korean page; the English one adds ?lang=en. */
  canonicalPath: string
  ogType?: 'website' | 'book'
  ogImage?: string
  jsonLd?: unknown
  /** Where the first focusable element on the page leads. */
  skip?: { target: string; label: string }
  noindex?: boolean
  /** What the search box shows: the query of a results page. */
  query?: string
  /** Ids of the state-changing forms on a shared page: each visitor's answer gets its own token fields for them. */
  visitorForms?: string[]
}

export function layout(ctx: PageContext, meta: PageMeta, body: SafeHtml): string {
  const { t, lang, origin } = ctx
  const url = (l: 'ko' | 'en') => origin + (l === 'ko' ? meta.canonicalPath : meta.canonicalPath + (meta.canonicalPath.includes('?') ? '&' : '?') + 'lang=en')
  const canonical = url(lang)
  const skip = meta.skip ?? { target: 'main', label: t.skipToContent }
  const title = meta.title === t.siteName ? meta.title : `${meta.title} | ${t.siteName}`
  const other = lang === 'ko' ? 'en' : 'ko'
  // One URL, one language: the switch names its language in the link, and the page's
  // script offers it (unhides the offer) when the browser prefers the other language.
  const switchHref = meta.canonicalPath + (meta.canonicalPath.includes('?') ? '&' : '?') + `lang=${other}`
  return (
    '<!doctype html>' +
    html`<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title>
${meta.description ? html`<meta name="description" content="${meta.description}">` : ''}
${meta.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="canonical" href="${canonical}">
<link rel="alternate" hreflang="ko" href="${url('ko')}"><link rel="alternate" hreflang="en" href="${url('en')}"><link rel="alternate" hreflang="x-default" href="${url('ko')}">
<meta property="og:site_name" content="${t.siteName}"><meta property="og:type" content="${meta.ogType ?? 'website'}"><meta property="og:title" content="${meta.title}"><meta property="og:url" content="${canonical}">
${meta.description ? html`<meta property="og:description" content="${meta.description}">` : ''}
${meta.ogImage ? html`<meta property="og:image" content="${meta.ogImage}">` : ''}
<meta property="og:locale" content="${lang === 'ko' ? 'ko_KR' : 'en_US'}">
<link rel="alternate" type="application/atom+xml;profile=opds-catalog;kind=navigation" href="/opds" title="OPDS">
<link rel="icon" href="${assets.icon.url}" type="image/svg+xml">
<link rel="stylesheet" href="${assets.css.url}">
${meta.jsonLd ? html`<script type="application/ld+json">${jsonScript(meta.jsonLd)}</script>` : ''}
</head><body>
<a class="skip" href="#${skip.target}">${skip.label}</a>
<header class="site-header"><div class="wrap">
<a class="brand" href="${href(ctx, '/')}">${lang === 'ko' ? html`콜로폰 <span>서점</span>` : html`Colophon <span>Books</span>`}</a>
<form class="search" role="search" action="/search" method="get">
<label for="q" class="vh">${t.search}</label>
<input id="q" name="q" type="search" placeholder="${t.searchPlaceholder}" autocomplete="off" value="${meta.query ?? ''}" data-suggest-label="${t.searchSuggestions}">
${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
<button type="submit">${t.search}</button></form>
<a class="cart-link" href="${href(ctx, '/cart')}">${t.cart}</a>
<a class="account-link" href="${href(ctx, '/account')}">${t.accountMine}</a>
<a class="lang" href="${switchHref}" lang="${other}" hreflang="${other}">${t.languageSwitch}</a>
</div></header>
<p class="lang-offer wrap" data-offer-lang="${other}" hidden><a href="${switchHref}" lang="${other}" hreflang="${other}">${t.languageOffer}</a></p>
<main id="main" class="wrap" tabindex="-1">${body}</main>
<footer class="site-footer"><div class="wrap">${t.footer}</div></footer>
<script src="${assets.js.url}" defer></script>
<script src="${assets.suggest.url}" defer></script>
${meta.visitorForms ? raw(visitorSlot(meta.visitorForms)) : ''}</body></html>`.value
  )
}
