export type Lang = 'ko' | 'en'

const ko = {
  siteName: '콜로폰 서점',
  skipToProduct: '상품 정보로 건너뛰기',
  skipToContent: '본문으로 건너뛰기',
  search: '검색',
  searchPlaceholder: '책 제목, 저자, ISBN',
  home: '홈',
  categories: '카테고리',
  allCategories: '전체 카테고리',
  newArrivals: '새로 나온 책',
  bookIntroduction: '책소개',
  tableOfContents: '목차',
  publishersReview: '출판사 리뷰',
  authorBio: '저자 소개',
  specifics: '상품 정보',
  youMayAlsoLike: '이 책과 함께 보면 좋은 책',
  dateOfIssue: '발행일',
  pagesWeightSize: '쪽수, 무게, 크기',
  pages: '쪽',
  isbn13: 'ISBN13',
  isbn10: 'ISBN10',
  listPrice: '정가',
  salePrice: '판매가',
  discount: '할인',
  inStock: '재고 있음',
  lowStock: '재고 {n}권',
  outOfStock: '품절',
  notOnSale: '판매 중지',
  preorder: '예약 판매',
  addToCart: '장바구니 담기',
  quantity: '수량',
  more: '더보기',
  less: '접기',
  format: '형태',
  language: '언어',
  series: '시리즈',
  publisher: '출판사',
  imprint: '임프린트',
  contributorsUnknown: '저자 정보 없음',
  noContent: '준비 중입니다.',
  booksInCategory: '{n}권',
  previous: '이전',
  next: '다음',
  pageN: '{n}쪽',
  pagination: '페이지',
  notFoundTitle: '찾을 수 없는 페이지',
  notFoundBody: '요청하신 책이나 페이지가 없습니다. 주소를 확인하거나 검색해 보세요.',
  badRequestTitle: '잘못된 요청',
  errorTitle: '일시적인 오류',
  errorBody: '잠시 후 다시 시도해 주세요.',
  footer: '콜로폰 서점 · 책에 관한 모든 것',
  languageSwitch: 'English',
  coverOf: '{title} 표지',
  role_author: '지음',
  role_translator: '옮김',
  role_editor: '엮음',
  role_illustrator: '그림',
  role_photographer: '사진',
  role_other: '참여',
  format_paperback: '종이책(무선)',
  format_hardcover: '종이책(양장)',
  format_ebook: '전자책',
  format_audiobook: '오디오북',
  format_other: '기타',
  front: '앞부분',
  back: '뒷부분',
  searchResultsFor: '‘{q}’ 검색 결과',
  searchTitle: '검색',
  resultsCount: '{n}권',
  resultsAtLeast: '{n}권 이상',
  searchEmptyTitle: '무엇을 찾으세요?',
  searchEmptyBody: '책 제목, 저자, 출판사, ISBN으로 찾을 수 있습니다. 초성(예: ㅈㄱ ㄹㅅㅇ)으로도 찾아집니다.',
  noResults: '‘{q}’에 맞는 책이 없습니다.',
  noResultsTips: '철자를 확인하거나, 더 짧은 낱말로 찾거나, 조건을 빼 보세요.',
  didYouMean: '이 검색어로 찾아볼까요?',
  queryTruncated: '검색어가 길어 앞의 {n}자만 찾았습니다.',
  sortBy: '정렬',
  sort_relevance: '정확도순',
  sort_newest: '최신순',
  sort_price: '낮은 가격순',
  sort_price_desc: '높은 가격순',
  sort_title: '제목순',
  filters: '조건으로 좁히기',
  facet_category: '분야',
  facet_publisher: '출판사',
  facet_format: '형태',
  facet_language: '언어',
  facet_year: '출간 연도',
  facet_price: '가격대',
  inStockOnly: '재고 있는 책만',
  removeFilter: '조건 빼기: {name}',
  clearFilters: '조건 모두 지우기',
  searchSuggestions: '추천 검색어',
  priceFrom: '{min} 이상',
  language_kor: '한국어',
  language_eng: '영어',
  sampledCounts: '맞는 책이 많아, 가장 잘 맞는 {n}권 안에서 조건별 수를 세고 보여 줍니다. 다른 정렬은 모든 책을 봅니다.',
  cart: '장바구니',
  cartEmpty: '장바구니가 비어 있습니다.',
  book: '도서',
  unitPrice: '판매가',
  lineTotal: '금액',
  total: '총 주문 금액',
  update: '변경',
  remove: '삭제',
  checkout: '주문하기',
  continueShopping: '쇼핑 계속하기',
  orderPlaced: '주문이 완료되었습니다',
  orderNumber: '주문 번호',
  orderDate: '주문 일시',
  customersAlsoBought: '이 책을 구매한 분들이 함께 구매한 책',
  recommendedForYou: '나를 위한 추천 도서',
  reason_bought: '이 책을 구매한 분들이 함께 구매',
  reason_viewed: '이 책을 본 분들이 함께 본 책',
  reason_series: '같은 시리즈',
  reason_author: '같은 저자',
  reason_category: '{category} 분야 더 보기',
  reason_similar: '비슷한 주제',
  fieldError_required: '꼭 입력해야 합니다.',
  fieldError_required_for_new_book: '카탈로그에 없는 책이라 새로 만들려면 제목이 필요합니다.',
  fieldError_not_in_catalog: '카탈로그에 없는 책입니다.',
  fieldError_too_long: '{max}자 이하로 입력하세요.',
  fieldError_too_many: '{max}개까지만 넣을 수 있습니다.',
  fieldError_too_small: '{min} 이상이어야 합니다.',
  fieldError_too_big: '{max} 이하여야 합니다.',
  fieldError_not_number: '숫자를 입력하세요.',
  fieldError_not_whole_number: '소수점 없는 정수를 입력하세요.',
  fieldError_one_of: '다음 중 하나여야 합니다: {options}',
  fieldError_not_date: '실제 있는 날짜를 YYYY-MM-DD 형식으로 입력하세요.',
  fieldError_not_language_code: 'kor처럼 ISO 639-2 언어 코드를 입력하세요.',
  fieldError_not_currency_code: 'KRW처럼 ISO 4217 통화 코드를 입력하세요.',
  fieldError_not_url: 'http 또는 https로 시작하는 주소를 입력하세요.',
  fieldError_invalid_isbn: '올바른 ISBN이 아닙니다.',
  fieldError_sale_above_list: '판매가가 정가보다 높습니다.',
  fieldError_unknown_category: '없는 분야입니다: {ids}',
  fieldError_unreadable_size: '크기 "{text}"를 읽을 수 없습니다. 가로*세로*두께(mm)로 입력하세요.',
  fieldError_invalid: '올바른 값이 아닙니다.',
  feedTokenRequired: 'ONIX 피드를 받으려면 발급받은 토큰을 Authorization: Bearer 헤더로 보내야 합니다.',
  signInBlocked: '로그인에 너무 여러 번 실패해 잠시 막혔습니다. {minutes}분 뒤에 다시 시도하세요.',
  fieldError_price_law: '도서정가제에 따라 판매가는 정가의 90%인 {minimum}원 이상이어야 합니다. 고칠 때까지 정가로 판매합니다.',
  cartDiscount: '할인',
  cartPoints: '적립',
  cartBooksTotal: '상품 금액',
  cartShipping: '배송비',
  cartShippingFree: '무료',
  cartPointsEarned: '적립 예정',
  cartVatExempt: '도서는 부가가치세 면세입니다.',
  cartSoldAtListPrice: '도서정가제에 따라 정가로 판매합니다.',
}

export type Labels = typeof ko

const en: Labels = {
  siteName: 'Colophon Books',
  skipToProduct: 'Skip to product information',
  skipToContent: 'Skip to content',
  search: 'Search',
  searchPlaceholder: 'Title, author, ISBN',
  home: 'Home',
  categories: 'Categories',
  allCategories: 'All categories',
  newArrivals: 'New arrivals',
  bookIntroduction: 'Book Introduction',
  tableOfContents: 'Table of contents',
  publishersReview: "Publisher's Review",
  authorBio: 'About the author',
  specifics: 'Specifications',
  youMayAlsoLike: 'You may also like',
  dateOfIssue: 'Date of issue',
  pagesWeightSize: 'Page count, weight, size',
  pages: 'pages',
  isbn13: 'ISBN13',
  isbn10: 'ISBN10',
  listPrice: 'List price',
  salePrice: 'Price',
  discount: 'off',
  inStock: 'In stock',
  lowStock: 'Only {n} left',
  outOfStock: 'Out of stock',
  notOnSale: 'No longer sold',
  preorder: 'Pre-order',
  addToCart: 'Add to cart',
  quantity: 'Quantity',
  more: 'More',
  less: 'Less',
  format: 'Format',
  language: 'Language',
  series: 'Series',
  publisher: 'Publisher',
  imprint: 'Imprint',
  contributorsUnknown: 'Contributors not listed',
  noContent: 'Coming soon.',
  booksInCategory: '{n} books',
  previous: 'Previous',
  next: 'Next',
  pageN: 'Page {n}',
  pagination: 'Pages',
  notFoundTitle: 'Page not found',
  notFoundBody: 'We have no book or page at this address. Check it, or try a search.',
  badRequestTitle: 'Bad request',
  errorTitle: 'Something went wrong',
  errorBody: 'Please try again in a moment.',
  footer: 'Colophon Books · everything about the book',
  languageSwitch: '한국어',
  coverOf: 'Cover of {title}',
  role_author: 'Author',
  role_translator: 'Translator',
  role_editor: 'Editor',
  role_illustrator: 'Illustrator',
  role_photographer: 'Photographer',
  role_other: 'Contributor',
  format_paperback: 'Paperback',
  format_hardcover: 'Hardcover',
  format_ebook: 'E-book',
  format_audiobook: 'Audiobook',
  format_other: 'Other',
  front: 'Front matter',
  back: 'Back matter',
  searchResultsFor: 'Results for “{q}”',
  searchTitle: 'Search',
  resultsCount: '{n} books',
  resultsAtLeast: '{n}+ books',
  searchEmptyTitle: 'What are you looking for?',
  searchEmptyBody: 'Search by title, author, publisher or ISBN. Korean initial consonants work too (e.g. ㅈㄱ ㄹㅅㅇ).',
  noResults: 'No books match “{q}”.',
  noResultsTips: 'Check the spelling, try fewer or shorter words, or remove a filter.',
  didYouMean: 'Did you mean',
  queryTruncated: 'Your search was long; only its first {n} characters were searched.',
  sortBy: 'Sort',
  sort_relevance: 'Relevance',
  sort_newest: 'Newest',
  sort_price: 'Price: low to high',
  sort_price_desc: 'Price: high to low',
  sort_title: 'Title',
  filters: 'Narrow down',
  facet_category: 'Category',
  facet_publisher: 'Publisher',
  facet_format: 'Format',
  facet_language: 'Language',
  facet_year: 'Year',
  facet_price: 'Price',
  inStockOnly: 'In stock only',
  removeFilter: 'Remove filter: {name}',
  clearFilters: 'Clear all filters',
  searchSuggestions: 'Suggestions',
  priceFrom: '{min} and up',
  language_kor: 'Korean',
  language_eng: 'English',
  sampledCounts: 'Many books match: filter counts and pages cover the {n} best matches. Other sort orders cover every book.',
  cart: 'Cart',
  cartEmpty: 'Your cart is empty.',
  book: 'Book',
  unitPrice: 'Price',
  lineTotal: 'Amount',
  total: 'Order total',
  update: 'Update',
  remove: 'Remove',
  checkout: 'Place order',
  continueShopping: 'Continue shopping',
  orderPlaced: 'Thank you: your order is placed',
  orderNumber: 'Order number',
  orderDate: 'Ordered at',
  customersAlsoBought: 'Customers who bought this bought',
  recommendedForYou: 'Recommended for you',
  reason_bought: 'Readers who bought this also bought',
  reason_viewed: 'Readers who viewed this also viewed',
  reason_series: 'Same series',
  reason_author: 'Same author',
  reason_category: 'More in {category}',
  reason_similar: 'On a similar subject',
  fieldError_required: 'This is required.',
  fieldError_required_for_new_book: 'The book is not in the catalog: a title is needed to create it.',
  fieldError_not_in_catalog: 'The book is not in the catalog.',
  fieldError_too_long: 'Use at most {max} characters.',
  fieldError_too_many: 'At most {max} may be given.',
  fieldError_too_small: 'Must be at least {min}.',
  fieldError_too_big: 'Must be at most {max}.',
  fieldError_not_number: 'Enter a number.',
  fieldError_not_whole_number: 'Enter a whole number.',
  fieldError_one_of: 'Must be one of: {options}',
  fieldError_not_date: 'Enter a real date as YYYY-MM-DD.',
  fieldError_not_language_code: 'Enter an ISO 639-2 language code such as kor.',
  fieldError_not_currency_code: 'Enter an ISO 4217 currency code such as KRW.',
  fieldError_not_url: 'Enter an address starting with http or https.',
  fieldError_invalid_isbn: 'This is not a valid ISBN.',
  fieldError_sale_above_list: 'The sale price is above the list price.',
  fieldError_unknown_category: 'No such category: {ids}',
  fieldError_unreadable_size: 'Cannot read the size "{text}": write width*height*thickness in mm.',
  fieldError_invalid: 'This value is not valid.',
  feedTokenRequired: 'The ONIX feed needs the token you were given, sent as an Authorization: Bearer header.',
  signInBlocked: 'Too many failed sign-ins: signing in is blocked for now. Try again in {minutes} minutes.',
  fieldError_price_law: 'Under the book price law the sale price must be at least 90% of the list price ({minimum} won); until it is fixed the book sells at its list price.',
  cartDiscount: 'Discount',
  cartPoints: 'Points',
  cartBooksTotal: 'Books',
  cartShipping: 'Shipping',
  cartShippingFree: 'Free',
  cartPointsEarned: 'Points you will earn',
  cartVatExempt: 'Books are exempt from VAT.',
  cartSoldAtListPrice: 'Sold at the list price under the book price law.',
}

export const labels: Record<Lang, Labels> = { ko, en }

/** Fills "{n}"-style slots in a label. */
export function fill(label: string, values: Record<string, string | number>): string {
  return label.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''))
}

/** ?lang= wins; otherwise the first of ko/en in Accept-Language; Korean by default. */
export function pickLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'ko') return query
  if (acceptLanguage) {
    for (const part of acceptLanguage.split(',')) {
      const tag = part.trim().slice(0, 2).toLowerCase()
      if (tag === 'ko' || tag === 'en') return tag
    }
  }
  return 'ko'
}

// Intl formatters are costly to build (tens of µs); build each once.
const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
}
const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>()
const groupedInteger = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

// A catalog has a few thousand distinct dates; formatting one costs about a microsecond, finding it a few nanoseconds.
const formattedDates: Record<Lang, Map<string, string>> = { ko: new Map(), en: new Map() }
const FORMATTED_DATES_KEPT = 50_000

/** "2025년 10월 20일" / "October 20, 2025" from an ISO date. */
export function formatDate(lang: Lang, iso: string): string {
  const kept = formattedDates[lang]
  let text = kept.get(iso)
  if (text === undefined) {
    text = dateFormats[lang].format(new Date(`${iso}T00:00:00Z`))
    if (kept.size >= FORMATTED_DATES_KEPT) kept.clear()
    kept.set(iso, text)
  }
  return text
}

function moneyFormat(lang: Lang, currency: string): { format: Intl.NumberFormat; digits: number } {
  const key = `${lang}:${currency}`
  let f = moneyFormats.get(key)
  if (!f) {
    const format = new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency })
    f = { format, digits: format.resolvedOptions().maximumFractionDigits ?? 0 }
    moneyFormats.set(key, f)
  }
  return f
}

/** 12,345: counts and page numbers, grouped the same way in both languages. */
export function formatCount(n: number): string {
  // What the Intl format gives for a whole number, several times faster (a product page shows a dozen prices).
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return groupedInteger.format(n)
  const digits = String(n)
  let out = digits.slice(0, digits.length % 3 || 3)
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`
  return out
}

/** A price in minor units, formatted for the language ("21,600원" / "₩21,600"). */
export function formatMoney(lang: Lang, minor: number, currency: string): string {
  if (lang === 'ko' && currency === 'KRW') return `${formatCount(minor)}원`
  const { format, digits } = moneyFormat(lang, currency)
  return format.format(minor / 10 ** digits)
}
