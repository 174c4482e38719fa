import type { IncomingFields, IncomingRecord, SubjectScheme } from '../types'
import { childElements, childText, firstChild, type XmlElement } from '../xml/element'
import { CATEGORY_SCHEME_NAME } from './category-scheme'
import { collateralDetail } from './collateral'
import { descriptiveDetail } from './descriptive'
import { DEFAULT_PRICE_RULE, type PriceRule } from './prices'
import { editionLinks } from './related'
import { RecordContext } from './record-context'
import { productSupply, publishingDetail } from './supply'

/**
 * Subject schemes (code list 27) Colophon maps to categories: Dewey (01, abridged 02), BISAC (10),
 * BIC subject categories (12), KDC (35), Thema subject categories (93). Qualifiers (BIC 13, Thema 94-99) are not subjects of their own.
 */
const SUBJECT_SCHEMES: Record<string, SubjectScheme> = { '01': 'ddc', '02': 'ddc', '10': 'bisac', '12': 'bic', '35': 'kdc', '93': 'thema' }

/** The ISBN: ProductIDType 15 (ISBN-13), else 03 (GTIN-13) in the 978/979 range, else 02 (ISBN-10). */
function isbnOf(product: XmlElement, ctx: RecordContext): string | null {
  const ids = childElements(product, 'ProductIdentifier').map((id) => ({ type: childText(id, 'ProductIDType'), value: childText(id, 'IDValue') }))
  const isbn13 = ids.find((i) => i.type === '15')
  if (isbn13?.value) return isbn13.value
  const gtin = ids.find((i) => i.type === '03' && /^97[89]/.test(i.value ?? ''))
  if (gtin?.value) {
    ctx.corrections.push('ProductIdentifier: no ISBN-13 (type 15); the 978/979 GTIN-13 (type 03) used as the ISBN')
    return gtin.value
  }
  const isbn10 = ids.find((i) => i.type === '02')
  if (isbn10?.value) return isbn10.value
  ctx.problem('ProductIdentifier', 'no ISBN-13 (ProductIDType 15), ISBN-10 (02) or 978/979 GTIN-13 (03)')
  return null
}

function subjects(dd: XmlElement, ctx: RecordContext): void {
  childElements(dd, 'Subject').forEach((s, i) => {
    const scheme = ctx.code(27, childText(s, 'SubjectSchemeIdentifier'), `DescriptiveDetail/Subject[${i + 1}]/SubjectSchemeIdentifier`)
    const code = childText(s, 'SubjectCode')
    const isOurs = scheme === '24' && childText(s, 'SubjectSchemeName') === CATEGORY_SCHEME_NAME
    const ours = isOurs ? 'colophon' : scheme ? SUBJECT_SCHEMES[scheme] : undefined
    if (ours && code) ctx.subjects.push({ scheme: ours, code })
  })
}

/**
 * One ONIX Product as an IncomingRecord. Only the blocks the product carries
 * become fields, so a block update (NotificationType 04) replaces those
 * blocks and the catalog keeps the rest, as ONIX 3.0 specifies.
 */
export function onixProductToRecord(product: XmlElement, at: { file: string; index: number }, prices: PriceRule = DEFAULT_PRICE_RULE): IncomingRecord {
  const ctx = new RecordContext()
  const reference = childText(product, 'RecordReference')
  const notification = ctx.code(1, childText(product, 'NotificationType'), 'NotificationType')
  if (notification === '88' || notification === '89') ctx.problem('NotificationType', `${notification} marks a test record; not imported`)
  const fields: IncomingFields = {}
  const isbn = isbnOf(product, ctx)
  if (isbn) fields.isbn13 = isbn
  const source = { file: at.file, index: at.index, reference: reference ?? isbn }
  if (notification === '05') return ctx.record(source, 'withdraw', fields)
  const dd = firstChild(product, 'DescriptiveDetail')
  if (dd) {
    descriptiveDetail(dd, ctx, fields)
    subjects(dd, ctx)
  }
  const cd = firstChild(product, 'CollateralDetail')
  if (cd) collateralDetail(cd, ctx, fields)
  const pd = firstChild(product, 'PublishingDetail')
  if (pd) publishingDetail(pd, ctx, fields)
  const supplies = childElements(product, 'ProductSupply')
  if (supplies.length) productSupply(supplies, ctx, fields, { form: childText(dd, 'ProductForm'), prices })
  if (!dd && notification !== '04') ctx.corrections.push('no DescriptiveDetail: only the blocks present were read')
  const links = editionLinks(product)
  return { ...ctx.record(source, 'upsert', fields), ...(links ? { editionLinks: links } : {}) }
}
