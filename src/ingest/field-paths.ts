import type { Format } from './types'

/**
 * Where each catalog field comes from in each format, so a validation error
 * names the element or column the sender has to fix ("weightG" alone means
 * nothing to a publisher).
 */
export const FIELD_PATHS: Record<Format, Record<string, string>> = {
  onix: {
    isbn13: 'ProductIdentifier/IDValue', title: 'DescriptiveDetail/TitleDetail/TitleElement/TitleText', subtitle: 'DescriptiveDetail/TitleDetail/TitleElement/Subtitle',
    originalTitle: 'DescriptiveDetail/TitleDetail[TitleType 03]', translations: 'DescriptiveDetail/TitleDetail[@language]', contributors: 'DescriptiveDetail/Contributor',
    publisher: 'PublishingDetail/Publisher/PublisherName', imprint: 'PublishingDetail/Imprint/ImprintName', issuedOn: 'PublishingDetail/PublishingDate/Date',
    language: 'DescriptiveDetail/Language/LanguageCode', series: 'DescriptiveDetail/Collection', seriesNumber: 'DescriptiveDetail/Collection//PartNumber',
    pageCount: 'DescriptiveDetail/Extent/ExtentValue', weightG: 'DescriptiveDetail/Measure[MeasureType 08]', dimensions: 'DescriptiveDetail/Measure',
    currency: 'ProductSupply/SupplyDetail/Price/CurrencyCode', listPrice: 'ProductSupply/SupplyDetail/Price/PriceAmount', salePrice: 'ProductSupply/SupplyDetail/Price[PriceType 12]/PriceAmount',
    stock: 'ProductSupply/SupplyDetail/Stock/OnHand', leadDays: 'ProductSupply/SupplyDetail/OrderTime', descriptionHeadline: 'CollateralDetail/TextContent[TextType 10]', descriptionHtml: 'CollateralDetail/TextContent[TextType 03]',
    toc: 'CollateralDetail/TextContent[TextType 04]', reviewHtml: 'CollateralDetail/TextContent[TextType 06]', authorBioHtml: 'CollateralDetail/TextContent[TextType 12]',
    excerptsHtml: 'CollateralDetail/TextContent[TextType 14]',
    coverUrl: 'CollateralDetail/SupportingResource/ResourceVersion/ResourceLink', categoryIds: 'DescriptiveDetail/Subject',
  },
  marc: {
    isbn13: '020$a', title: '245$a', subtitle: '245$b', contributors: '100/700', publisher: '264$b', issuedOn: '264$c', language: '041$a', pageCount: '300$a',
    dimensions: '300$c', toc: '505', descriptionHtml: '520$a', categoryIds: '056/650',
  },
  marcxml: {},
  csv: {
    isbn13: 'isbn13', title: 'title', subtitle: 'subtitle', originalTitle: 'original_title', contributors: 'contributors', publisher: 'publisher', imprint: 'imprint',
    issuedOn: 'issued_on', language: 'language', format: 'format', series: 'series', seriesNumber: 'series_number', pageCount: 'page_count', weightG: 'weight_g',
    dimensions: 'width_mm/height_mm/thickness_mm', currency: 'currency', listPrice: 'list_price', salePrice: 'sale_price', stock: 'stock', leadDays: 'lead_days', onSale: 'on_sale',
    categoryIds: 'categories', coverUrl: 'cover_url', descriptionHeadline: 'description_headline', descriptionHtml: 'description_html', toc: 'toc',
    reviewHtml: 'review_html', authorBioHtml: 'author_bio_html', translations: 'translations',
  },
}
FIELD_PATHS.marcxml = FIELD_PATHS.marc

/** "DescriptiveDetail/Measure[MeasureType 08] (weightG)" for a catalog field path such as "weightG" or "dimensions.widthMm". */
export function sourceField(format: Format, field: string): string {
  const source = FIELD_PATHS[format][field.split('.')[0]!]
  return source ? `${source} (${field})` : field
}
