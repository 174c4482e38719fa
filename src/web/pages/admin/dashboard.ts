import type { StaffMember } from '../../../accounts'
import type { ImportRun } from '../../../ingest'
import { html, type SafeHtml } from '../../html'
import { fill, formatDate, formatMoney } from '../../i18n'
import { may } from '../../routes/admin/access'
import { href, type PageContext } from '../context'
import { staffLayout } from './layout'

/** A count the list behind a link holds; counting stops at 10,000. */
type Count = number | '10000+'

export interface Dashboard {
  books: number
  /** Orders and money today in Seoul, with the queues' sizes: for those who may read orders. */
  orders?: { day: string; placed: number; sales: number; awaiting: number; expiringToday: number; toShip: number; returns: number }
  /** Catalog gaps, each the size of the books list behind its link: for those who may read the catalog. */
  catalog?: { lowStock: Count; lowStockAt: number; offSale: Count; priceLaw: Count; missing: Record<'cover' | 'description' | 'toc' | 'category', Count> }
  /** The last import runs: for those who may import. */
  imports?: ImportRun[]
}

const words = {
  ko: {
    title: '대시보드',
    today: '오늘 ({day})',
    placed: '주문',
    sales: '매출 (취소 제외)',
    awaiting: '입금 대기',
    expiringToday: '오늘 입금 기한이 끝나는 주문',
    toShip: '발송할 주문 (결제 완료·준비 중)',
    returns: '반품 요청',
    catalog: '카탈로그',
    books: '책 {n}권',
    lowStock: '재고 {n}권 이하',
    offSale: '판매 중지',
    priceLaw: '도서정가제 위반 가격',
    missing_cover: '표지 없음',
    missing_description: '책소개 없음',
    missing_toc: '목차 없음',
    missing_category: '분야 없음',
    imports: '최근 가져오기',
    noImports: '아직 가져온 파일이 없습니다.',
    run: '번호',
    file: '파일',
    started: '시작',
    status: '상태',
    records: '레코드',
    rejected: '거부',
    status_running: '진행 중',
    status_done: '완료',
    status_failed: '실패',
    status_interrupted: '중단됨',
    addBook: '새 책 등록',
    findByIsbn: 'ISBN으로 책 찾아 고치기',
    open: '열기',
    quick: '바로 가기',
  },
  en: {
    title: 'Dashboard',
    today: 'Today ({day})',
    placed: 'Orders',
    sales: 'Sales (not cancelled)',
    awaiting: 'Awaiting deposit',
    expiringToday: 'Payment deadline ends today',
    toShip: 'To ship (paid or preparing)',
    returns: 'Return requests',
    catalog: 'Catalog',
    books: '{n} books',
    lowStock: 'Stock at {n} or under',
    offSale: 'Off sale',
    priceLaw: 'Prices the book price law forbids',
    missing_cover: 'No cover',
    missing_description: 'No description',
    missing_toc: 'No contents',
    missing_category: 'No category',
    imports: 'Last imports',
    noImports: 'Nothing has been imported yet.',
    run: 'Run',
    file: 'File',
    started: 'Started',
    status: 'Status',
    records: 'Records',
    rejected: 'Rejected',
    status_running: 'Running',
    status_done: 'Done',
    status_failed: 'Failed',
    status_interrupted: 'Interrupted',
    addBook: 'Add a new book',
    findByIsbn: 'Edit a book by ISBN',
    open: 'Open',
    quick: 'Shortcuts',
  },
}

const count = (n: Count) => (n === '10000+' ? '10,000+' : n.toLocaleString('en-US'))

/** One figure that leads to the list it counts. */
const figure = (label: string, value: string, link: string, isAlert = false) =>
  html`<li class="figure${isAlert ? ' alert' : ''}"><a href="${link}"><span class="value">${value}</span> <span class="label">${label}</span></a></li>`

/**
 * The back office's front page: what needs doing today, each figure a link
 * to the queue or list it counts. A member sees the parts their role may open.
 */
export function dashboardPage(ctx: PageContext, staff: StaffMember, view: Dashboard): string {
  const w = words[ctx.lang]
  const { orders, catalog, imports } = view
  const books = (query: string) => href(ctx, `/admin/books?${query}`)
  const queue = (name: string) => href(ctx, `/admin/orders?queue=${name}`)
  const runStatus = (run: ImportRun) => w[`status_${run.status}` as keyof typeof w] ?? run.status
  const sections: SafeHtml[] = []
  if (orders)
    sections.push(html`<section aria-labelledby="d-orders"><h2 id="d-orders">${fill(w.today, { day: formatDate(ctx.lang, orders.day) })}</h2><ul class="figures">
${figure(w.placed, orders.placed.toLocaleString('en-US'), queue('paid'))}${figure(w.sales, formatMoney(ctx.lang, orders.sales, 'KRW'), queue('paid'))}
${figure(w.awaiting, orders.awaiting.toLocaleString('en-US'), queue('awaiting_payment'))}${figure(w.expiringToday, orders.expiringToday.toLocaleString('en-US'), queue('awaiting_payment'), orders.expiringToday > 0)}
${figure(w.toShip, orders.toShip.toLocaleString('en-US'), queue('paid'), orders.toShip > 0)}${figure(w.returns, orders.returns.toLocaleString('en-US'), queue('return_requested'), orders.returns > 0)}</ul></section>`)
  if (catalog)
    sections.push(html`<section aria-labelledby="d-catalog"><h2 id="d-catalog">${w.catalog}</h2><p>${fill(w.books, { n: view.books.toLocaleString('en-US') })}</p><ul class="figures">
${figure(fill(w.lowStock, { n: catalog.lowStockAt }), count(catalog.lowStock), books(`stock=${catalog.lowStockAt}&sort=stock`), catalog.lowStock !== 0)}
${figure(w.offSale, count(catalog.offSale), books('offSale=1'))}${figure(w.priceLaw, count(catalog.priceLaw), books('priceLaw=1'), catalog.priceLaw !== 0)}
${(['cover', 'description', 'toc', 'category'] as const).map((m) => figure(w[`missing_${m}`], count(catalog.missing[m]), books(`missing=${m}`)))}</ul></section>`)
  if (imports)
    sections.push(html`<section aria-labelledby="d-imports"><h2 id="d-imports">${w.imports}</h2>${
      imports.length
        ? html`<table class="office-table"><thead><tr><th scope="col">${w.run}</th><th scope="col">${w.file}</th><th scope="col">${w.started}</th><th scope="col">${w.status}</th><th scope="col" class="num">${w.records}</th><th scope="col" class="num">${w.rejected}</th></tr></thead><tbody>
${imports.map((r) => html`<tr${r.status === 'failed' || r.status === 'interrupted' ? html` class="alert"` : ''}><td><a href="${href(ctx, `/admin/imports/${r.id}`)}">#${r.id}</a></td><td>${r.file}</td><td>${formatDate(ctx.lang, r.startedAt.slice(0, 10))} ${r.startedAt.slice(11, 16)}</td><td>${runStatus(r)}${r.error ? html`: ${r.error}` : ''}</td><td class="num">${r.counts.records.toLocaleString('en-US')}</td><td class="num">${r.counts.rejected.toLocaleString('en-US')}</td></tr>`)}</tbody></table>`
        : html`<p>${w.noImports}</p>`
    }</section>`)
  const canWrite = may(staff.role, 'catalog.write')
  return staffLayout(
    ctx,
    staff,
    { title: w.title, path: '/admin' },
    html`<h1>${w.title}</h1>
${sections}
${may(staff.role, 'catalog.read') ? html`<section aria-labelledby="d-quick"><h2 id="d-quick">${w.quick}</h2>${canWrite ? html`<p><a class="btn" href="${href(ctx, '/admin/books/new')}">${w.addBook}</a></p>` : ''}
<form class="admin-find" action="${href(ctx, '/admin/books')}" method="get"><label for="admin-isbn">${w.findByIsbn}</label>
<input id="admin-isbn" name="isbn" required inputmode="numeric" autocomplete="off">${ctx.lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''} <button class="btn" type="submit">${w.open}</button></form></section>` : ''}`,
  )
}
