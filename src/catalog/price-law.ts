/**
 * The book price law (도서정가제, 출판문화산업 진흥법 §22 ④): a book priced in
 * won may not sell for less than 90% of its list price (정가). It binds
 * books priced in KRW only; a store outside Korea switches it off.
 */

/** Why a sale price was refused: what was asked and the lowest lawful price. */
export interface PriceLawError {
  code: 'price_law'
  params: { salePrice: number; minimum: number }
}

/** Whether the law binds a book in this currency. */
export function isUnderPriceLaw(currency: string | null): boolean {
  return currency === 'KRW'
}

/** The lowest lawful sale price: 90% of the list price, rounded up to the won. */
export function minimumSalePrice(listPrice: number): number {
  return Math.ceil((listPrice * 9) / 10)
}

/** The refusal a sale price earns under the law, or undefined when it may stand. */
export function priceLawError(book: { currency: string | null; listPrice: number | null; salePrice: number | null }): PriceLawError | undefined {
  const { currency, listPrice, salePrice } = book
  if (!isUnderPriceLaw(currency) || listPrice == null || salePrice == null) return undefined
  const minimum = minimumSalePrice(listPrice)
  return salePrice < minimum ? { code: 'price_law', params: { salePrice, minimum } } : undefined
}
