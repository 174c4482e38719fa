import type { StaffMember } from '../../../accounts'
import type { Order } from '../../../commerce'
import type { ErrorParams } from '../../../core/errors'
import type { StatementLine, StatementReport } from '../../../payments'
import { html, type SafeHtml } from '../../html'
import { fill, formatMoney } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { officeLayout, refusalText, wordFor, wordsOf } from './orders-parts'

export interface StatementsView {
  /** What the upload just imported, when this answers one. */
  report?: StatementReport
  /** Deposits still waiting for a person, from this and earlier imports. */
  undecided: Pick<StatementReport, 'ambiguous' | 'unmatched'>
  /** The candidate orders, by number, to show who and how much. */
  candidates: Map<string, Order>
  canWrite: boolean
  assigned?: string
  refusal?: { code: string; field?: string; params?: ErrorParams }
}

export function statementsPage(ctx: PageContext, staff: StaffMember | undefined, view: StatementsView): string {
  const w = wordsOf(ctx)
  return officeLayout(
    ctx,
    staff,
    w.statements,
    html`<p><a href="${href(ctx, '/admin/orders')}">${w.orders}</a> › ${w.statements}</p><h1>${w.statements}</h1>
${view.assigned ? html`<p class="flash" role="status">${fill(w.assigned, { number: view.assigned })}</p>` : ''}
${view.refusal ? html`<p class="flash error" role="alert">${fill(w.refused, { reason: refusalText(ctx, view.refusal) })}</p>` : ''}
${view.report ? reportBlock(ctx, view, view.report) : ''}
${view.canWrite ? uploadForm(ctx) : ''}
<section aria-labelledby="undecided-heading"><h2 id="undecided-heading">${w.undecided}</h2>
${view.undecided.ambiguous.length + view.undecided.unmatched.length ? html`${ambiguousTable(ctx, view, view.undecided.ambiguous, 'open-amb')}${unmatchedTable(ctx, view, view.undecided.unmatched, 'open-un')}` : html`<p>${w.noUndecided}</p>`}</section>`,
  )
}

function uploadForm(ctx: PageContext): SafeHtml {
  const w = wordsOf(ctx)
  return html`<section aria-labelledby="upload-heading"><h2 id="upload-heading">${w.statementTitle}</h2><p id="statement-hint">${w.statementHint}</p>
<form action="${href(ctx, '/admin/payments/statements')}" method="post" enctype="multipart/form-data">${formFields(ctx)}
<div class="field"><label for="statement-file">${w.csvFile}</label><input id="statement-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="statement-hint"></div>
<button class="btn" type="submit">${w.upload}</button></form></section>`
}

function reportBlock(ctx: PageContext, view: StatementsView, r: StatementReport): SafeHtml {
  const w = wordsOf(ctx)
  const matched = r.matched.map((m) => html`<tr>${depositCells(ctx, m.line)}<td><a href="${href(ctx, `/admin/orders/${m.orderNumber}`)}">${m.orderNumber}</a></td></tr>`)
  const errors = r.errors.map(
    (e) => html`<tr><td><code>${e.file}:${e.line}:${e.field}</code></td><td>${wordFor(w, `statementProblem_${e.code}`, (ctx.t as unknown as Record<string, string>)[`fieldError_${e.code}`] ?? e.message)}</td></tr>`,
  )
  return html`<section aria-labelledby="report-heading" class="statement-report"><h2 id="report-heading">${fill(w.statementRead, { file: r.file, n: r.read })}</h2>
<h3>${fill(w.matchedN, { n: r.matched.length })}</h3>${matched.length ? html`<table class="cart-table"><thead><tr>${depositHeads(ctx)}<th scope="col">${w.colOrder}</th></tr></thead><tbody>${matched}</tbody></table>` : ''}
<h3>${fill(w.ambiguousN, { n: r.ambiguous.length })}</h3>${ambiguousTable(ctx, view, r.ambiguous, 'new-amb')}
<h3>${fill(w.unmatchedN, { n: r.unmatched.length })}</h3>${unmatchedTable(ctx, view, r.unmatched, 'new-un')}
<h3>${fill(w.repeatedN, { n: r.repeated })}</h3>
<h3>${fill(w.errorsN, { n: r.errors.length })}</h3>${errors.length ? html`<table class="cart-table"><thead><tr><th scope="col">${w.colWhere}</th><th scope="col">${w.colProblem}</th></tr></thead><tbody>${errors}</tbody></table>` : ''}</section>`
}

const depositHeads = (ctx: PageContext) => {
  const w = wordsOf(ctx)
  return html`<th scope="col">${w.colDate}</th><th scope="col">${w.colDepositor}</th><th scope="col" class="num">${w.colAmount}</th>`
}
const depositCells = (ctx: PageContext, l: StatementLine) => html`<td>${l.date}</td><td>${l.depositor}</td><td class="num">${formatMoney(ctx.lang, l.amount, 'KRW')}</td>`

const assignAction = (ctx: PageContext, key: string) => href(ctx, `/admin/payments/deposits/${key}/assign`)

function ambiguousTable(ctx: PageContext, view: StatementsView, items: StatementReport['ambiguous'], id: string): SafeHtml {
  if (!items.length) return html``
  const w = wordsOf(ctx)
  const candidate = (line: StatementLine, number: string) => {
    const order = view.candidates.get(number)
    const facts = order ? html` ${order.buyer.name} · ${formatMoney(ctx.lang, order.total, order.currency)}` : ''
    const button = view.canWrite
      ? html`<form class="inline" action="${assignAction(ctx, line.key)}" method="post">${formFields(ctx)}<input type="hidden" name="number" value="${number}"><button class="btn secondary" type="submit">${fill(w.assign, { number })}</button></form>`
      : ''
    return html`<li><a href="${href(ctx, `/admin/orders/${number}`)}">${number}</a>${facts} ${button}</li>`
  }
  const rows = items.map((a) => html`<tr>${depositCells(ctx, a.line)}<td><ul class="candidates">${a.candidates.map((n) => candidate(a.line, n))}</ul></td></tr>`)
  return html`<table class="cart-table" id="${id}"><thead><tr>${depositHeads(ctx)}<th scope="col">${w.colCandidates}</th></tr></thead><tbody>${rows}</tbody></table>`
}

function unmatchedTable(ctx: PageContext, view: StatementsView, items: StatementReport['unmatched'], id: string): SafeHtml {
  if (!items.length) return html``
  const w = wordsOf(ctx)
  const rows = items.map((u, i) => {
    const input = `${id}-${i}`
    const form = view.canWrite
      ? html`<form class="inline" action="${assignAction(ctx, u.line.key)}" method="post">${formFields(ctx)}<label for="${input}" class="vh">${fill(w.assignNumber, { depositor: u.line.depositor })}</label><input id="${input}" name="number" required pattern="\\d{8}-\\d{6}" placeholder="20261202-000001" autocomplete="off"> <button class="btn secondary" type="submit">${w.assignAny}</button></form>`
      : ''
    return html`<tr>${depositCells(ctx, u.line)}<td>${wordFor(w, `why_${u.reason}`, u.reason)} ${form}</td></tr>`
  })
  return html`<table class="cart-table" id="${id}"><thead><tr>${depositHeads(ctx)}<th scope="col">${w.colOrder}</th></tr></thead><tbody>${rows}</tbody></table>`
}
