import type { StaffMember } from '../../../accounts'
import { html, type SafeHtml } from '../../html'
import { fill } from '../../i18n'
import type { TrackingLine, TrackingReport } from '../../routes/admin/orders-tracking'
import { href, type PageContext } from '../context'
import { officeLayout, refusalText, wordFor, wordsOf } from './orders-parts'

/** What a tracking upload did, line by line: shipped, unchanged, refused with the reason, unknown numbers, unread lines. */
export function trackingReportPage(ctx: PageContext, staff: StaffMember | undefined, report: TrackingReport): string {
  const w = wordsOf(ctx)
  const line = (l: TrackingLine, more: SafeHtml | string = '') =>
    html`<li>${fill(w.lineN, { n: l.line })}: <a href="${href(ctx, `/admin/orders/${encodeURIComponent(l.number)}`)}">${l.number}</a> ${l.carrier} ${l.tracking}${more}</li>`
  const group = (id: string, heading: string, items: SafeHtml[]) =>
    html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${items.length ? html`<ul>${items}</ul>` : ''}</section>`
  const problems = report.problems.map((p) => {
    const field = wordFor(w, `column_${p.field}`, p.field)
    return html`<li>${fill(w.lineN, { n: p.line })}: ${fill(wordFor(w, `problem_${p.code}`, p.code), { field })}</li>`
  })
  return officeLayout(
    ctx,
    staff,
    w.trackingReport,
    html`<p><a href="${href(ctx, '/admin/orders')}">${w.orders}</a> › ${w.trackingReport}</p><h1>${w.trackingReport}</h1>
${group('shipped', fill(w.shippedN, { n: report.shipped.length }), report.shipped.map((l) => line(l)))}
${group('refused', fill(w.refusedN, { n: report.refused.length }), report.refused.map((r) => line(r, html` — <span class="error">${refusalText(ctx, r)}</span>`)))}
${group('unknown', fill(w.unknownN, { n: report.unknown.length }), report.unknown.map((l) => html`<li>${fill(w.lineN, { n: l.line })}: ${l.number}</li>`))}
${group('unchanged', fill(w.unchangedN, { n: report.unchanged.length }), report.unchanged.map((l) => line(l)))}
${group('problems', fill(w.problemsN, { n: report.problems.length }), problems)}`,
  )
}
