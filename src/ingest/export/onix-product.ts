import { isDigital, type Book, type BookFormat } from '../../catalog'
import { CATEGORY_SCHEME_NAME } from '../onix/category-scheme'
import { ISO639_2B } from '../onix/languages'
import { minorUnitDigits } from '../onix/prices'
import { CODE_LISTS } from '../onix/tables.generated'
import { ONIX_ROLE_CODES } from '../roles'
import { escapeXml } from '../xml/element'

/** Code list 150; 00 "undefined" for a format the source did not say (the importer reads it back as unknown). */
const FORMS: Record<BookFormat, string> = { hardcover: 'BB', paperback: 'BC', ebook: 'ED', audiobook: 'AJ', other: 'BA', unknown: '00' }

const el = (name: string, value: string | number) => `<${name}>${escapeXml(String(value))}</${name}>`

function measure(type: string, value: number, unit: string): string {
  return `<Measure>${el('MeasureType', type)}${el('Measurement', value)}${el('MeasureUnitCode', unit)}</Measure>`
}

function tocHtml(entries: Book['toc']): string {
  const items = entries.map((e) => `<li class="${e.kind}">${escapeXml(e.number ? `${e.number} ${e.title}` : e.title)}${e.children?.length ? tocHtml(e.children) : ''}</li>`)
  return `<ul>${items.join('')}</ul>`
}

function descriptiveDetail(b: Book): string {
  const parts = [el('ProductComposition', '00'), el('ProductForm', FORMS[b.format])]
  if (b.dimensions) {
    parts.push(measure('01', b.dimensions.heightMm, 'mm'), measure('02', b.dimensions.widthMm, 'mm'))
    if (b.dimensions.thicknessMm != null) parts.push(measure('03', b.dimensions.thicknessMm, 'mm'))
  }
  if (b.weightG != null) parts.push(measure('08', b.weightG, 'gr'))
  if (b.series) {
    const number = b.seriesNumber ? el('PartNumber', b.seriesNumber) : ''
    parts.push(`<Collection>${el('CollectionType', '10')}<TitleDetail>${el('TitleType', '01')}<TitleElement>${el('TitleElementLevel', '02')}${number}${el('TitleText', b.series)}</TitleElement></TitleDetail></Collection>`)
  }
  const subtitle = b.subtitle ? el('Subtitle', b.subtitle) : ''
  parts.push(`<TitleDetail>${el('TitleType', '01')}<TitleElement>${el('TitleElementLevel', '01')}${el('TitleText', b.title)}${subtitle}</TitleElement></TitleDetail>`)
  for (const [lang, t] of Object.entries(b.translations)) {
    const code = ISO639_2B[lang]
    if (!code) continue
    const sub = t.subtitle ? el('Subtitle', t.subtitle) : ''
    parts.push(`<TitleDetail>${el('TitleType', '01')}<TitleElement>${el('TitleElementLevel', '01')}<TitleText language="${code}">${escapeXml(t.title)}</TitleText>${sub}</TitleElement></TitleDetail>`)
  }
  if (b.originalTitle) parts.push(`<TitleDetail>${el('TitleType', '03')}<TitleElement>${el('TitleElementLevel', '01')}${el('TitleText', b.originalTitle)}</TitleElement></TitleDetail>`)
  b.contributors.forEach((c, i) => parts.push(`<Contributor>${el('SequenceNumber', i + 1)}${el('ContributorRole', ONIX_ROLE_CODES[c.role])}${el('PersonName', c.name)}</Contributor>`))
  if (b.contributors.length === 0) parts.push('<NoContributor/>')
  if (b.language && CODE_LISTS[74]!.includes(b.language)) parts.push(`<Language>${el('LanguageRole', '01')}${el('LanguageCode', b.language)}</Language>`)
  if (b.pageCount != null) parts.push(`<Extent>${el('ExtentType', '00')}${el('ExtentValue', b.pageCount)}${el('ExtentUnit', '03')}</Extent>`)
  for (const id of b.categoryIds) parts.push(`<Subject>${el('SubjectSchemeIdentifier', '24')}${el('SubjectSchemeName', CATEGORY_SCHEME_NAME)}${el('SubjectCode', id)}</Subject>`)
  return `<DescriptiveDetail>${parts.join('')}</DescriptiveDetail>`
}

/** Texts go out as escaped HTML (textformat 02): always well-formed, whatever the sanitised markup holds. */
function textContent(type: string, html: string): string {
  return `<TextContent>${el('TextType', type)}${el('ContentAudience', '00')}<Text textformat="02">${escapeXml(html)}</Text></TextContent>`
}

function collateralDetail(b: Book): string {
  const parts: string[] = []
  if (b.descriptionHtml) parts.push(textContent('03', b.descriptionHtml))
  if (b.toc.length) parts.push(textContent('04', tocHtml(b.toc)))
  if (b.reviewHtml) parts.push(textContent('06', b.reviewHtml))
  if (b.descriptionHeadline) parts.push(`<TextContent>${el('TextType', '10')}${el('ContentAudience', '00')}<Text textformat="06">${escapeXml(b.descriptionHeadline)}</Text></TextContent>`)
  if (b.authorBioHtml) parts.push(textContent('12', b.authorBioHtml))
  if (b.excerptsHtml) parts.push(textContent('14', b.excerptsHtml))
  if (b.coverUrl) {
    parts.push(
      `<SupportingResource>${el('ResourceContentType', '01')}${el('ContentAudience', '00')}${el('ResourceMode', '03')}<ResourceVersion>${el('ResourceForm', '02')}${el('ResourceLink', b.coverUrl)}</ResourceVersion></SupportingResource>`,
    )
  }
  return parts.length ? `<CollateralDetail>${parts.join('')}</CollateralDetail>` : ''
}

const DATE_FORMATS: Record<number, string> = { 4: '05', 7: '01', 10: '00' }

function publishingDetail(b: Book): string {
  const parts: string[] = []
  if (b.imprint) parts.push(`<Imprint>${el('ImprintName', b.imprint)}</Imprint>`)
  if (b.publisher) parts.push(`<Publisher>${el('PublishingRole', '01')}${el('PublisherName', b.publisher)}</Publisher>`)
  // The schema wants an imprint or a publisher; a proprietary "unknown" identifier says there is none.
  else if (!b.imprint) parts.push(`<Publisher>${el('PublishingRole', '01')}<PublisherIdentifier>${el('PublisherIDType', '01')}${el('IDTypeName', 'Colophon')}${el('IDValue', 'unknown')}</PublisherIdentifier></Publisher>`)
  // 04 active; 08 inactive, which the importer reads back as "off sale".
  parts.push(el('PublishingStatus', b.onSale ? '04' : '08'))
  // dateformat (list 55) keeps the date's precision: 00 YYYYMMDD, 01 YYYYMM, 05 YYYY.
  if (b.issuedOn) parts.push(`<PublishingDate>${el('PublishingDateRole', '01')}<Date dateformat="${DATE_FORMATS[b.issuedOn.length] ?? '00'}">${b.issuedOn.replace(/-/g, '')}</Date></PublishingDate>`)
  return `<PublishingDetail>${parts.join('')}</PublishingDetail>`
}

function amount(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency)
  return (minor / 10 ** digits).toFixed(digits)
}

/**
 * ProductAvailability (list 65) and Stock say what the catalog knows and no
 * more: 21 in stock or 31 out of stock with the count, 20 available with no
 * Stock for a book nobody counts (an e-book, a book supplied to order, with
 * its OrderTime when known), 40 off sale.
 */
function supplyState(b: Book): string {
  const orderTime = b.leadDays != null && !isDigital(b) ? el('OrderTime', b.leadDays) : ''
  if (!b.onSale) return el('ProductAvailability', '40')
  if (isDigital(b) || b.stock === null) return el('ProductAvailability', '20') + orderTime
  return `${el('ProductAvailability', b.stock > 0 ? '21' : '31')}${orderTime}<Stock>${el('OnHand', b.stock)}</Stock>`
}

function productSupply(b: Book): string {
  const prices: string[] = []
  const currency = b.currency && CODE_LISTS[96]!.includes(b.currency) ? b.currency : null
  if (b.listPrice != null && currency) prices.push(`<Price>${el('PriceType', '02')}${el('PriceAmount', amount(b.listPrice, currency))}${el('CurrencyCode', currency)}</Price>`)
  if (b.salePrice != null && currency) prices.push(`<Price>${el('PriceType', '12')}${el('PriceAmount', amount(b.salePrice, currency))}${el('CurrencyCode', currency)}</Price>`)
  const priced = prices.length ? prices.join('') : el('UnpricedItemType', '03')
  return `<ProductSupply><SupplyDetail><Supplier>${el('SupplierRole', '00')}${el('SupplierName', 'Colophon')}</Supplier>${supplyState(b)}${priced}</SupplyDetail></ProductSupply>`
}

/** One book as an ONIX 3.0 reference-tag Product. */
export function bookToOnixProduct(b: Book): string {
  return (
    `<Product>${el('RecordReference', `colophon-${b.isbn13}`)}${el('NotificationType', '03')}` +
    `<ProductIdentifier>${el('ProductIDType', '15')}${el('IDValue', b.isbn13)}</ProductIdentifier>` +
    descriptiveDetail(b) +
    collateralDetail(b) +
    publishingDetail(b) +
    productSupply(b) +
    `</Product>\n`
  )
}
