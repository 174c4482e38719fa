import { html, type SafeHtml } from '../html'
import type { Lang } from '../i18n'
import type { PageContext } from './context'
import { layout } from './layout'

/** The parts of an OpenAPI 3.1 document the reference page reads. */
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string }
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

interface Operation {
  summary?: string
  description?: string
  security?: unknown[]
  parameters?: Array<{ name: string; in: string; required?: boolean; description?: string; schema?: Schema }>
  requestBody?: { content: Record<string, { schema: Schema }> }
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>
}

interface Schema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  items?: Schema
  properties?: Record<string, Schema>
  required?: string[]
  description?: string
  anyOf?: Schema[]
  allOf?: Schema[]
}

const words = {
  ko: {
    title: 'API 참조',
    intro: '이 문서는 {doc}에서 생성됩니다. 키가 필요한 작업은 Authorization: Bearer 헤더로 키를 보내세요.',
    operations: '작업',
    parameters: '매개변수',
    name: '이름',
    where: '위치',
    required: '필수',
    type: '형식',
    about: '설명',
    body: '요청 본문',
    responses: '응답',
    status: '상태',
    schemas: '스키마',
    field: '필드',
    key: 'API 키 필요',
    open: '공개',
    yes: '예',
    no: '아니요',
  },
  en: {
    title: 'API reference',
    intro: 'This page is generated from {doc}. Operations that need a key take it in an Authorization: Bearer header.',
    operations: 'Operations',
    parameters: 'Parameters',
    name: 'Name',
    where: 'In',
    required: 'Required',
    type: 'Type',
    about: 'Description',
    body: 'Request body',
    responses: 'Responses',
    status: 'Status',
    schemas: 'Schemas',
    field: 'Field',
    key: 'API key needed',
    open: 'Open',
    yes: 'yes',
    no: 'no',
  },
} satisfies Record<Lang, Record<string, string>>

/** A schema in a few words: a named one by its name (linked), an array by its items, a union by its parts. */
function typeOf(schema: Schema | undefined): SafeHtml | string {
  if (!schema) return ''
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!
    return html`<a href="#schema-${name}">${name}</a>`
  }
  if (schema.enum) return schema.enum.map(String).join(' | ')
  if (schema.anyOf) return html`${schema.anyOf.map((s, i) => html`${i ? ' | ' : ''}${typeOf(s)}`)}`
  if (schema.allOf) return html`${schema.allOf.map((s, i) => html`${i ? ' & ' : ''}${typeOf(s)}`)}`
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any')
  return schema.items ? html`${type} of ${typeOf(schema.items)}` : type
}

const bodySchema = (content: Record<string, { schema: Schema }> | undefined) => content && Object.values(content)[0]?.schema

function operation(t: (typeof words)['en'], method: string, path: string, op: Operation, id: string): SafeHtml {
  const params = op.parameters ?? []
  return html`<section aria-labelledby="${id}">
<h3 id="${id}"><code>${method.toUpperCase()} ${path}</code></h3>
<p>${op.summary ?? ''}${op.description ? html` ${op.description}` : ''} <strong>${op.security?.length ? t.key : t.open}</strong></p>
${params.length
  ? html`<table><caption>${t.parameters}</caption><thead><tr><th scope="col">${t.name}</th><th scope="col">${t.where}</th><th scope="col">${t.required}</th><th scope="col">${t.type}</th><th scope="col">${t.about}</th></tr></thead><tbody>
${params.map((p) => html`<tr><th scope="row"><code>${p.name}</code></th><td>${p.in}</td><td>${p.required ? t.yes : t.no}</td><td>${typeOf(p.schema)}</td><td>${p.description ?? p.schema?.description ?? ''}</td></tr>`)}
</tbody></table>`
  : ''}
${op.requestBody ? html`<p>${t.body}: ${typeOf(bodySchema(op.requestBody.content))}</p>` : ''}
<table><caption>${t.responses}</caption><thead><tr><th scope="col">${t.status}</th><th scope="col">${t.about}</th><th scope="col">${t.type}</th></tr></thead><tbody>
${Object.entries(op.responses).map(([status, r]) => html`<tr><th scope="row">${status}</th><td>${r.description}</td><td>${typeOf(bodySchema(r.content))}</td></tr>`)}
</tbody></table>
</section>`
}

function schemaSection(t: (typeof words)['en'], name: string, schema: Schema): SafeHtml {
  const required = new Set(schema.required ?? [])
  const props = Object.entries(schema.properties ?? {})
  return html`<section aria-labelledby="schema-${name}">
<h3 id="schema-${name}">${name}</h3>
${schema.description ? html`<p>${schema.description}</p>` : ''}
${props.length
  ? html`<table><thead><tr><th scope="col">${t.field}</th><th scope="col">${t.type}</th><th scope="col">${t.required}</th><th scope="col">${t.about}</th></tr></thead><tbody>
${props.map(([field, s]) => html`<tr><th scope="row"><code>${field}</code></th><td>${typeOf(s)}</td><td>${required.has(field) ? t.yes : t.no}</td><td>${s.description ?? ''}</td></tr>`)}
</tbody></table>`
  : html`<p>${typeOf(schema)}</p>`}
</section>`
}

/** /api/v1/docs: the OpenAPI document as a page, rendered on the server (no script). */
export function apiReferencePage(ctx: PageContext, doc: OpenApiDocument): string {
  const t = words[ctx.lang]
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
  const [before, after] = t.intro.split('{doc}')
  const body = html`<div class="api-reference">
<h1>${t.title}: ${doc.info.title} ${doc.info.version}</h1>
<p>${doc.info.description ?? ''}</p>
<p>${before}<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>${after}</p>
<h2>${t.operations}</h2>
${ops.map(({ path, method, op }, i) => operation(t, method, path, op, `op-${i}`))}
<h2>${t.schemas}</h2>
${Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => schemaSection(t, name, schema))}
</div>`
  return layout(ctx, { title: t.title, canonicalPath: '/api/v1/docs', noindex: true }, body)
}
