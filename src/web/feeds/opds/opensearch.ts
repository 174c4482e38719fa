import { ACQUISITION, esc } from './atom'
import { OPDS_JSON } from './json'
import type { OpdsLang } from './shelf'

/**
 * The OpenSearch 1.1 description a reading app fetches from the feeds'
 * rel="search" link: one URL template for each catalog, {searchTerms} the
 * reader's words and {startPage?} the page.
 */
export function openSearchDescription(origin: string, lang: OpdsLang): string {
  const en = lang === 'en'
  const suffix = en ? '&amp;lang=en' : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
<ShortName>Colophon</ShortName>
<Description>${en ? 'Search the Colophon catalog by title, author, publisher or ISBN' : '제목, 지은이, 출판사, ISBN으로 Colophon의 책을 찾습니다'}</Description>
<InputEncoding>UTF-8</InputEncoding><OutputEncoding>UTF-8</OutputEncoding>
<Language>${lang}</Language>
<Url type="${ACQUISITION}" template="${esc(origin)}/opds/search?q={searchTerms}&amp;page={startPage?}${suffix}"/>
<Url type="${OPDS_JSON}" template="${esc(origin)}/opds/v2/search?q={searchTerms}&amp;page={startPage?}${suffix}"/>
</OpenSearchDescription>`
}
