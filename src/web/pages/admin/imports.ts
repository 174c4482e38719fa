import type { StaffMember } from '../../../accounts'
import { QUALITY_FIELDS } from '../../../catalog'
import type { FileReport, ImportRun } from '../../../ingest'
import { html, type SafeHtml } from '../../html'
import { fill, formatCount } from '../../i18n'
import { href, type PageContext } from '../context'
import { formFields } from '../parts'
import { unmappedSubjects } from './import-subjects'
import { staffLayout } from './layout'

const words = {
  ko: {
    title: '가져오기', upload: '파일 가져오기', file: 'ONIX, MARC 또는 CSV 파일', format: '형식', auto: '내용을 보고 알아내기',
    hint: '최대 {maxMb}MB. gzip으로 묶은 파일도 됩니다. 잘못된 레코드는 까닭과 함께 빼고 나머지를 가져옵니다.', send: '가져오기 시작',
    history: '가져오기 내역', started: '시작', fileCol: '파일', formatCol: '형식', records: '레코드', created: '새 책', updated: '고침', rejected: '거절', outcome: '결과', who: '누가',
    noRuns: '아직 가져온 적이 없습니다.', open: '{file} 보고서',
    status_running: '진행 중', status_done: '끝남', status_failed: '멈춤', status_interrupted: '중단됨',
    runTitle: '가져오기 #{id}: {file}', back: '가져오기 내역으로', progress: '진행 상황', read: '읽은 레코드', written: '저장한 책', rejectedSoFar: '거절한 레코드',
    refreshing: '2초마다 새로 고칩니다.', pause: '새로 고침 멈추기', resume: '다시 새로 고치기', paused: '새로 고침을 멈췄습니다.',
    summary: '요약', unchanged: '그대로', withdrawn: '판매 중지', stopped: '멈춘 까닭', nothingChanged: '바뀐 것이 없습니다.',
    rejections: '거절한 레코드 ({n})', record: '레코드', reference: '참조', field: '필드 경로', reason: '까닭', noRejections: '거절한 레코드가 없습니다.',
    corrections: '고친 것 ({n})', message: '내용', wholeFile: '파일 전체', noCorrections: '고친 것이 없습니다.',
    quality: '빠진 정보', qualityOf: '저장한 책 {n}권 가운데 빠진 것', missingCol: '빠진 책', examples: '예', isbn: 'ISBN',
    q_cover: '표지', q_description: '책소개', q_toc: '목차', q_dimensions: '크기', q_price: '가격', q_category: '분야',
    listed: '처음 {n}건만 보입니다.', noReport: '보고서가 없습니다.',
    import_missing: '가져올 파일을 고르세요.', import_too_large: '파일이 너무 큽니다. {maxMb}MB까지 올릴 수 있습니다. 아무것도 가져오지 않았습니다.',
    import_busy: '다른 가져오기가 진행 중입니다. 끝난 뒤에 다시 올려 주세요.',
  },
  en: {
    title: 'Imports', upload: 'Import a file', file: 'ONIX, MARC or CSV file', format: 'Format', auto: 'Tell from the content',
    hint: 'At most {maxMb} MB; gzipped files work too. Bad records are left out with their reason and the rest are imported.', send: 'Start the import',
    history: 'Import history', started: 'Started', fileCol: 'File', formatCol: 'Format', records: 'Records', created: 'New', updated: 'Updated', rejected: 'Rejected', outcome: 'Outcome', who: 'Who',
    noRuns: 'Nothing has been imported yet.', open: 'Report of {file}',
    status_running: 'running', status_done: 'done', status_failed: 'stopped', status_interrupted: 'interrupted',
    runTitle: 'Import #{id}: {file}', back: 'Back to the import history', progress: 'Progress', read: 'Records read', written: 'Books written', rejectedSoFar: 'Records rejected',
    refreshing: 'This page reloads every 2 seconds.', pause: 'Stop reloading', resume: 'Reload again', paused: 'Reloading is stopped.',
    summary: 'Summary', unchanged: 'Unchanged', withdrawn: 'Off sale', stopped: 'Why it stopped', nothingChanged: 'Nothing changed.',
    rejections: 'Rejected records ({n})', record: 'Record', reference: 'Reference', field: 'Field path', reason: 'Reason', noRejections: 'No record was rejected.',
    corrections: 'Corrections ({n})', message: 'Correction', wholeFile: 'whole file', noCorrections: 'Nothing was corrected.',
    quality: 'Quality gaps', qualityOf: 'What the {n} books written lack', missingCol: 'Books without it', examples: 'Examples', isbn: 'ISBN',
    q_cover: 'Cover', q_description: 'Description', q_toc: 'Contents', q_dimensions: 'Dimensions', q_price: 'Price', q_category: 'Category',
    listed: 'Only the first {n} are listed.', noReport: 'There is no report.',
    import_missing: 'Choose a file to import.', import_too_large: 'The file is too large: at most {maxMb} MB. Nothing was imported.',
    import_busy: 'Another import is running. Upload again once it has ended.',
  },
}
type Words = (typeof words)['ko']

/** Why an upload was not imported. */
export interface ImportRefusal {
  code: 'import_missing' | 'import_too_large' | 'import_busy'
  maxMb?: number
}

export interface ImportsView {
  runs: ImportRun[]
  maxMb: number
  /** The reader may upload (imports.write). */
  mayUpload: boolean
  refusal?: ImportRefusal
}

const seoulTime = (lang: 'ko' | 'en') => new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' })
const when = (ctx: PageContext, iso: string) => html`<time datetime="${iso}">${seoulTime(ctx.lang).format(new Date(iso))}</time>`
const written = (run: Pick<ImportRun, 'counts'>) => run.counts.created + run.counts.updated + run.counts.unchanged + run.counts.withdrawn

function uploadForm(ctx: PageContext, w: Words, view: ImportsView): SafeHtml {
  const error = view.refusal && fill(w[view.refusal.code], { maxMb: view.refusal.maxMb ?? view.maxMb })
  // The token rides in the address too: the upload is streamed to disk, so the form's fields are not read before the gate decides.
  return html`<section aria-labelledby="import-upload"><h2 id="import-upload">${w.upload}</h2>
${error ? html`<p class="error" id="import-error" role="alert">${error}</p>` : ''}
<form class="admin-form" method="post" action="${href(ctx, `/admin/imports?_csrf=${encodeURIComponent(ctx.formToken())}`)}" enctype="multipart/form-data">${formFields(ctx)}
<div class="field"><label for="import-format">${w.format}</label><select id="import-format" name="format"><option value="">${w.auto}</option>${['onix', 'marc', 'marcxml', 'csv'].map((f) => html`<option value="${f}">${f.toUpperCase()}</option>`)}</select></div>
<div class="field${error ? ' invalid' : ''}"><label for="import-file">${w.file}</label>
<input id="import-file" name="file" type="file" required aria-describedby="import-hint${error ? ' import-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
<p id="import-hint">${fill(w.hint, { maxMb: view.maxMb })}</p></div>
<button class="btn" type="submit">${w.send}</button></form></section>`
}

function historyTable(ctx: PageContext, w: Words, runs: ImportRun[]): SafeHtml {
  if (!runs.length) return html`<p>${w.noRuns}</p>`
  const heads = [w.started, w.fileCol, w.formatCol, w.records, w.created, w.updated, w.rejected, w.outcome, w.who]
  return html`<table class="cart-table"><caption class="vh">${w.history}</caption><thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${runs.map(
    (r) => html`<tr><td>${when(ctx, r.startedAt)}</td><td><a href="${href(ctx, `/admin/imports/${r.id}`)}" aria-label="${fill(w.open, { file: r.file })}">${r.file}</a></td><td>${r.format}</td>
<td>${formatCount(r.counts.records)}</td><td>${formatCount(r.counts.created)}</td><td>${formatCount(r.counts.updated)}</td><td>${formatCount(r.counts.rejected)}</td>
<td>${w[`status_${r.status}`]}${r.error ? html`: ${r.error}` : ''}</td><td>${r.user}</td></tr>`,
  )}</tbody></table>`
}

/** The imports page: the upload form for those who may import, and the latest runs. */
export function importsPage(ctx: PageContext, staff: StaffMember, view: ImportsView): string {
  const w = words[ctx.lang]
  const body = html`<h1>${w.title}</h1>
${view.mayUpload ? uploadForm(ctx, w, view) : ''}
<section aria-labelledby="import-history"><h2 id="import-history">${w.history}</h2>${historyTable(ctx, w, view.runs)}</section>`
  return staffLayout(ctx, staff, { title: w.title, path: '/admin/imports' }, body)
}

export interface ImportRunView {
  run: ImportRun
  report: FileReport | null
  /** The reader asked the running page to stop reloading. */
  isPaused: boolean
}

function progress(ctx: PageContext, w: Words, view: ImportRunView): SafeHtml {
  const { run } = view
  const path = `/admin/imports/${run.id}`
  return html`<section aria-labelledby="import-progress"><h2 id="import-progress">${w.progress}</h2>
<div role="status"><dl class="office-facts"><dt>${w.read}</dt><dd>${formatCount(run.counts.records)}</dd><dt>${w.written}</dt><dd>${formatCount(written(run))}</dd><dt>${w.rejectedSoFar}</dt><dd>${formatCount(run.counts.rejected)}</dd></dl></div>
${view.isPaused
  ? html`<p>${w.paused} <a href="${href(ctx, path)}">${w.resume}</a></p>`
  : html`<p>${w.refreshing} <a href="${href(ctx, `${path}?pause=1`)}">${w.pause}</a></p>`}</section>`
}

function summary(w: Words, run: ImportRun): SafeHtml {
  const c = run.counts
  const facts: Array<[string, number]> = [[w.records, c.records], [w.created, c.created], [w.updated, c.updated], [w.unchanged, c.unchanged], [w.withdrawn, c.withdrawn], [w.rejected, c.rejected]]
  return html`<section aria-labelledby="import-summary"><h2 id="import-summary">${w.summary}</h2>
<p>${w.outcome}: ${w[`status_${run.status}`]}${c.records > 0 && c.records === c.unchanged ? html` — ${w.nothingChanged}` : ''}</p>
${run.error ? html`<p class="error">${w.stopped}: ${run.error}</p>` : ''}
<dl class="office-facts">${facts.map(([label, n]) => html`<dt>${label}</dt><dd>${formatCount(n)}</dd>`)}</dl></section>`
}

function rejections(w: Words, report: FileReport): SafeHtml {
  const rows = report.rejected
  return html`<section aria-labelledby="import-rejections"><h2 id="import-rejections">${fill(w.rejections, { n: formatCount(report.counts.rejected) })}</h2>
${rows.length
  ? html`<table class="cart-table"><caption class="vh">${fill(w.rejections, { n: formatCount(report.counts.rejected) })}</caption><thead><tr><th scope="col">${w.record}</th><th scope="col">${w.reference}</th><th scope="col">${w.field}</th><th scope="col">${w.reason}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.record}</td><td>${r.reference ?? ''}</td><td><code>${r.field}</code></td><td>${r.reason}</td></tr>`)}</tbody></table>${rows.length < report.counts.rejected ? html`<p>${fill(w.listed, { n: formatCount(rows.length) })}</p>` : ''}`
  : html`<p>${w.noRejections}</p>`}</section>`
}

function corrections(w: Words, report: FileReport): SafeHtml {
  const rows = report.corrections
  return html`<section aria-labelledby="import-corrections"><h2 id="import-corrections">${fill(w.corrections, { n: formatCount(rows.length) })}</h2>
${rows.length
  ? html`<table class="cart-table"><caption class="vh">${fill(w.corrections, { n: formatCount(rows.length) })}</caption><thead><tr><th scope="col">${w.record}</th><th scope="col">${w.reference}</th><th scope="col">${w.message}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.record === 0 ? w.wholeFile : r.record}</td><td>${r.reference ?? ''}</td><td>${r.message}</td></tr>`)}</tbody></table>`
  : html`<p>${w.noCorrections}</p>`}</section>`
}

function quality(w: Words, report: FileReport): SafeHtml {
  const { books, missing, examples } = report.quality
  const gaps = QUALITY_FIELDS.filter((f) => missing[f] > 0)
  if (!gaps.length) return html``
  const label = (f: (typeof QUALITY_FIELDS)[number]) => w[`q_${f}`]
  return html`<section aria-labelledby="import-quality"><h2 id="import-quality">${w.quality}</h2>
<table class="cart-table"><caption>${fill(w.qualityOf, { n: formatCount(books) })}</caption><thead><tr><th scope="col">${w.field}</th><th scope="col">${w.missingCol}</th></tr></thead>
<tbody>${gaps.map((f) => html`<tr><td>${label(f)}</td><td>${formatCount(missing[f])}</td></tr>`)}</tbody></table>
${examples.length ? html`<h3>${w.examples}</h3><ul>${examples.map((e) => html`<li>${e.isbn13}: ${e.missing.map(label).join(', ')}</li>`)}</ul>` : ''}</section>`
}

/** One import: its progress while it runs (the page reloads itself without script), then the report the command line gives. */
export function importRunPage(ctx: PageContext, staff: StaffMember, view: ImportRunView): string {
  const w = words[ctx.lang]
  const { run, report } = view
  const title = fill(w.runTitle, { id: run.id, file: run.file })
  const isRunning = run.status === 'running'
  const body = html`<p><a href="${href(ctx, '/admin/imports')}">${w.back}</a></p>
<h1>${title}</h1>
<p>${w.started}: ${when(ctx, run.startedAt)} · ${w.who}: ${run.user} · ${w.formatCol}: ${run.format}</p>
${isRunning ? progress(ctx, w, view) : summary(w, run)}
${!isRunning && report ? html`${rejections(w, report)}${corrections(w, report)}${unmappedSubjects(ctx, report)}${quality(w, report)}` : ''}
${!isRunning && !report ? html`<p>${w.noReport}</p>` : ''}`
  return staffLayout(ctx, staff, { title, path: '/admin/imports' }, body)
}
