import type { ErrorParams } from '../core/errors'
import { fill, type Lang } from './i18n'

/**
 * What a shopper or staff member is told when something cannot be done,
 * by the code a domain error carries, in each language the store speaks.
 * Domain errors carry codes and facts; only this file puts them into words.
 */
const ko = {
  refusedTitle: '요청을 처리하지 않았습니다',
  refused_cross_site: '다른 사이트에서 보낸 요청이라 처리하지 않았습니다. 장바구니와 주문은 그대로입니다. 이 서점의 페이지에서 다시 시도해 주세요.',
  refused_token: '페이지가 오래되었거나 보안 확인 값이 맞지 않아 처리하지 않았습니다. 장바구니와 주문은 그대로입니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.',
  unavailableTitle: '잠시 후 다시 시도해 주세요',
  unavailableBody: '서점의 데이터베이스에 잠시 연결할 수 없습니다. 몇 초 뒤에 다시 시도해 주세요.',
  pastLastPage: '더 이상 결과가 없습니다. 목록은 {n}쪽까지 있습니다.',
  lastPage: '마지막 쪽으로',
  noBooksHere: '이 분야에는 아직 책이 없습니다.',
  error_invalid: '{field} 값이 올바르지 않습니다.',
  error_one_of: '{field} 값은 다음 중 하나여야 합니다: {options}.',
  error_too_small: '{field} 값은 {min} 이상이어야 합니다.',
  error_too_big: '{field} 값은 {max} 이하여야 합니다.',
  error_not_number: '{field} 값은 숫자여야 합니다.',
  error_isbn_empty: 'ISBN을 입력해 주세요. 10자리 또는 13자리입니다.',
  error_isbn_characters: 'ISBN “{value}”에 숫자가 아닌 글자가 있습니다.',
  error_isbn_prefix: 'ISBN “{value}”은 978 또는 979로 시작해야 합니다.',
  error_isbn_check_digit: 'ISBN “{value}”의 마지막 확인 숫자가 맞지 않습니다({expected}이어야 합니다).',
  error_isbn_length: 'ISBN “{value}”은 {length}자리입니다. 10자리 또는 13자리여야 합니다.',
  error_cart_empty: '장바구니가 비어 있습니다. 책을 담은 뒤 주문해 주세요.',
  error_cart_mixed_currency: '통화가 다른 책이 함께 담겨 있습니다({currencies}). 따로 주문해 주세요.',
  error_not_sold: '이 책은 지금 판매하지 않습니다.',
  error_no_price: '가격이 정해지지 않은 책이라 주문할 수 없습니다.',
  error_out_of_stock: '재고가 부족합니다: {isbns}',
  error_unknown_category: '없는 분야입니다: {ids}',
  error_not_found: '찾을 수 없습니다.',
  field_sort: '정렬',
  field_page: '쪽 번호',
  field_quantity: '수량',
  field_isbn: 'ISBN',
  field_q: '검색어',
  field_category: '분야',
  field_publisher: '출판사',
  field_format: '형태',
  field_language: '언어',
  field_year: '발행 연도',
  field_price_min: '최저 가격',
  field_price_max: '최고 가격',
  field_in_stock: '재고',
  field_id: '주문 번호',
  field_cart: '장바구니',
}

export type Messages = typeof ko

const en: Messages = {
  refusedTitle: 'Request not carried out',
  refused_cross_site: 'This request came from another site, so nothing was done. Your cart and orders are unchanged. Please try again from this store’s own pages.',
  refused_token: 'The page was out of date or its security check did not match, so nothing was done. Your cart and orders are unchanged. Please reload the page and try again.',
  unavailableTitle: 'Please try again shortly',
  unavailableBody: 'The store cannot reach its database for a moment. Please try again in a few seconds.',
  pastLastPage: 'No more results: this list ends at page {n}.',
  lastPage: 'Go to the last page',
  noBooksHere: 'There are no books on this shelf yet.',
  error_invalid: '{field} is not valid.',
  error_one_of: '{field} must be one of: {options}.',
  error_too_small: '{field} must be at least {min}.',
  error_too_big: '{field} must be at most {max}.',
  error_not_number: '{field} must be a number.',
  error_isbn_empty: 'Please enter an ISBN: 10 or 13 digits.',
  error_isbn_characters: 'The ISBN “{value}” has characters other than digits.',
  error_isbn_prefix: 'The ISBN “{value}” must start with 978 or 979.',
  error_isbn_check_digit: 'The check digit of the ISBN “{value}” is wrong (expected {expected}).',
  error_isbn_length: 'The ISBN “{value}” has {length} characters; expected 10 or 13 digits.',
  error_cart_empty: 'Your cart is empty. Add a book before ordering.',
  error_cart_mixed_currency: 'Your cart mixes currencies ({currencies}). Please order them separately.',
  error_not_sold: 'This book is not on sale at the moment.',
  error_no_price: 'This book has no price yet and cannot be ordered.',
  error_out_of_stock: 'Not enough stock for: {isbns}',
  error_unknown_category: 'No such category: {ids}',
  error_not_found: 'Not found.',
  field_sort: 'Sort',
  field_page: 'Page number',
  field_quantity: 'Quantity',
  field_isbn: 'ISBN',
  field_q: 'Search words',
  field_category: 'Category',
  field_publisher: 'Publisher',
  field_format: 'Format',
  field_language: 'Language',
  field_year: 'Year',
  field_price_min: 'Lowest price',
  field_price_max: 'Highest price',
  field_in_stock: 'Stock',
  field_id: 'Order number',
  field_cart: 'Cart',
}

export const messages: Record<Lang, Messages> = { ko, en }

/** An error's code and facts in the reader's words; a code without its own message falls back to "is not valid". */
export function errorMessage(lang: Lang, code: string, field: string | undefined, params: ErrorParams): string {
  const m = messages[lang]
  const template = (m as Record<string, string>)[`error_${code}`] ?? m.error_invalid
  const fieldName = field ? ((m as Record<string, string>)[`field_${field}`] ?? field) : ''
  return fill(template, { ...params, field: fieldName })
}
