import type { FileReport } from '../../../ingest'
import { html, type SafeHtml } from '../../html'
import { fill, formatCount } from '../../i18n'
import { href, type PageContext } from '../context'

const words = {
  ko: {
    heading: '분야에 넣지 못한 주제 코드 ({n})', scheme: '체계', code: '코드', records: '레코드', note: '까닭',
    noRow: '대응표에 맞는 줄이 없음', missing: '대응표가 가리키는 분야 {id}가 없음',
    help: '주제 코드 대응표에서 분야를 정하면 다음 가져오기부터 그 분야에 들어갑니다.', table: '주제 코드 대응표',
  },
  en: {
    heading: 'Subject codes filed under no category ({n})', scheme: 'Scheme', code: 'Code', records: 'Records', note: 'Why',
    noRow: 'no row of the table matches', missing: 'the table names category {id}, which does not exist',
    help: 'Give them a category in the subject-code table and the next import files their books there.', table: 'Subject-code table',
  },
}

/** The run's unmapped subject codes, most frequent first, with a link to the table that maps them. */
export function unmappedSubjects(ctx: PageContext, report: FileReport): SafeHtml {
  const rows = report.unmappedSubjects ?? []
  if (!rows.length) return html``
  const w = words[ctx.lang]
  const heading = fill(w.heading, { n: formatCount(rows.length) })
  return html`<section aria-labelledby="import-subjects"><h2 id="import-subjects">${heading}</h2>
<p>${w.help} <a href="${href(ctx, '/admin/categories/mapping')}">${w.table}</a></p>
<table class="cart-table"><caption class="vh">${heading}</caption><thead><tr><th scope="col">${w.scheme}</th><th scope="col">${w.code}</th><th scope="col">${w.records}</th><th scope="col">${w.note}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td>${r.scheme.toUpperCase()}</td><td><code>${r.code}</code></td><td>${formatCount(r.records)}</td><td>${r.missingCategory ? fill(w.missing, { id: r.missingCategory }) : w.noRow}</td></tr>`)}</tbody></table></section>`
}
