import type { BookFormat, Contributor, ContributorRole } from '../../catalog'
import { roleOfOnixCode } from '../roles'
import type { IncomingFields } from '../types'
import { childElements, childText, firstChild, textOf, type XmlElement } from '../xml/element'
import { ISO639_1 } from './languages'
import type { RecordContext } from './record-context'

/**
 * The first of a contributor's ContributorRole codes that says more than
 * 'other' (roles.ts maps list 17). A code outside the list keeps the person,
 * as 'other', and the report counts it.
 */
function roleOf(codes: string[], ctx: RecordContext, at: string): ContributorRole {
  const roles = codes.map(roleOfOnixCode)
  const role = roles.find((r) => r && r !== 'other') ?? 'other'
  codes.filter((_, i) => !roles[i]).forEach((code) => {
    ctx.unknownRoles.push(code)
    ctx.corrections.push(`${at}: "${code}" is not a code of ONIX code list 17; the contributor is kept as ${role}`)
  })
  return role
}

/** Code list 150 → Colophon's formats. */
export function formatOf(productForm: string): BookFormat {
  if (productForm === '00') return 'unknown'
  if (productForm === 'BB') return 'hardcover'
  if (productForm === 'BC') return 'paperback'
  if (/^(E|DG)/.test(productForm)) return 'ebook'
  if (productForm.startsWith('A')) return 'audiobook'
  return 'other'
}

/** Code list 50 units as millimetres or grams. Pixels are not a size a printed book has. */
const TO_MM: Record<string, number> = { mm: 1, cm: 10, in: 25.4 }
const TO_G: Record<string, number> = { gr: 1, kg: 1000, lb: 453.59237, oz: 28.349523125 }

function measures(dd: XmlElement, ctx: RecordContext, fields: IncomingFields, path: string): void {
  const mm: Record<string, number> = {}
  childElements(dd, 'Measure').forEach((m, i) => {
    const at = `${path}/Measure[${i + 1}]`
    const type = ctx.code(48, childText(m, 'MeasureType'), `${at}/MeasureType`)
    const unit = ctx.code(50, childText(m, 'MeasureUnitCode'), `${at}/MeasureUnitCode`)
    const value = Number(childText(m, 'Measurement'))
    if (!type || !unit) return
    if (!Number.isFinite(value)) return ctx.problem(`${at}/Measurement`, `"${childText(m, 'Measurement')}" is not a number`)
    if (type === '08') {
      if (!(unit in TO_G)) return ctx.problem(`${at}/MeasureUnitCode`, `a weight in "${unit}"; expected gr, kg, lb or oz`)
      fields.weightG = Math.round(value * TO_G[unit]!)
    } else if (type === '01' || type === '02' || type === '03') {
      if (!(unit in TO_MM)) return ctx.problem(`${at}/MeasureUnitCode`, `a length in "${unit}"; expected mm, cm or in`)
      mm[type] = Math.round(value * TO_MM[unit]!)
    }
  })
  if (mm['01'] !== undefined && mm['02'] !== undefined) fields.dimensions = { heightMm: mm['01'], widthMm: mm['02'], thicknessMm: mm['03'] ?? null }
  else if (Object.keys(mm).length) ctx.corrections.push(`${path}/Measure: height and width are both needed for dimensions; the partial size was not kept`)
}

function personName(c: XmlElement): string | null {
  const before = childText(c, 'NamesBeforeKey')
  const key = childText(c, 'KeyNames')
  const inverted = childText(c, 'PersonNameInverted')
  const flipped = inverted?.includes(',') ? inverted.split(',').map((s) => s.trim()).reverse().join(' ') : inverted
  return childText(c, 'PersonName') ?? (key ? [before, key].filter(Boolean).join(' ') : null) ?? flipped ?? childText(c, 'CorporateName')
}

function contributors(dd: XmlElement, ctx: RecordContext, path: string): { list: Contributor[]; bio: string | null } {
  const rows = childElements(dd, 'Contributor').map((c, i) => ({ c, i, seq: Number(childText(c, 'SequenceNumber') ?? i + 1) }))
  rows.sort((a, b) => a.seq - b.seq || a.i - b.i)
  const list: Contributor[] = []
  const bios: string[] = []
  for (const { c, i } of rows) {
    const at = `${path}/Contributor[${i + 1}]`
    const role = roleOf(childElements(c, 'ContributorRole').map(textOf).filter(Boolean), ctx, `${at}/ContributorRole`)
    const name = personName(c)
    if (!name) {
      if (!firstChild(c, 'UnnamedPersons')) ctx.problem(`${at}`, 'a contributor without PersonName, KeyNames or CorporateName')
      continue
    }
    list.push({ name, role })
    const bio = childText(c, 'BiographicalNote')
    if (bio) bios.push(bio)
  }
  return { list, bio: bios.length ? bios.join('\n') : null }
}

/**
 * The first distinctive title (TitleType 01) is the title; a later one whose
 * TitleText carries a language attribute is a translated title.
 */
function titles(dd: XmlElement, fields: IncomingFields): void {
  const translations: Record<string, { title: string; subtitle?: string }> = {}
  for (const td of childElements(dd, 'TitleDetail')) {
    const type = childText(td, 'TitleType')
    const el = childElements(td, 'TitleElement').find((e) => (childText(e, 'TitleElementLevel') ?? '01') === '01') ?? firstChild(td, 'TitleElement')
    if (!el) continue
    const prefix = childText(el, 'TitlePrefix')
    const title = childText(el, 'TitleText') ?? [prefix, childText(el, 'TitleWithoutPrefix')].filter(Boolean).join(' ')
    const subtitle = childText(el, 'Subtitle')
    const lang = ISO639_1[firstChild(el, 'TitleText')?.attrs.language ?? '']
    if (type === '01' && fields.title !== undefined && lang && title) translations[lang] = subtitle ? { title, subtitle } : { title }
    else if (type === '01' && fields.title === undefined) {
      fields.title = title || null
      fields.subtitle = subtitle
    } else if (type === '03' && title) fields.originalTitle = title
  }
  if (Object.keys(translations).length) fields.translations = translations
  // The series: a publisher collection (CollectionType 10) with its part number.
  for (const col of childElements(dd, 'Collection')) {
    const el = firstChild(firstChild(col, 'TitleDetail'), 'TitleElement')
    const name = childText(el, 'TitleText') ?? childText(el, 'TitleWithoutPrefix')
    if (name && fields.series === undefined) {
      fields.series = name
      fields.seriesNumber = childText(el, 'PartNumber')
    }
  }
}

/** Maps DescriptiveDetail: form, size, titles, contributors, language, pages. Subjects are read in subjects.ts. */
export function descriptiveDetail(dd: XmlElement, ctx: RecordContext, fields: IncomingFields): void {
  const path = 'DescriptiveDetail'
  const form = ctx.code(150, childText(dd, 'ProductForm'), `${path}/ProductForm`)
  if (form) fields.format = formatOf(form)
  fields.weightG = null
  fields.dimensions = null
  measures(dd, ctx, fields, path)
  titles(dd, fields)
  const { list, bio } = contributors(dd, ctx, path)
  fields.contributors = list
  if (bio) fields.authorBioHtml = bio
  const lang = childElements(dd, 'Language').find((l) => childText(l, 'LanguageRole') === '01')
  const code = ctx.code(74, childText(lang, 'LanguageCode'), `${path}/Language/LanguageCode`)
  fields.language = code
  fields.pageCount = null
  const extents = childElements(dd, 'Extent')
  // Main-content page count (00), else content page count (11), else total numbered pages (07); unit 03 = pages.
  for (const type of ['00', '11', '07', '08']) {
    const e = extents.find((x) => childText(x, 'ExtentType') === type && (childText(x, 'ExtentUnit') ?? '03') === '03')
    if (e) {
      const raw = childText(e, 'ExtentValue')
      const n = Number(raw)
      if (!Number.isInteger(n)) ctx.problem(`${path}/Extent/ExtentValue`, `"${raw}" is not a whole number of pages`)
      else fields.pageCount = n
      break
    }
  }
}
