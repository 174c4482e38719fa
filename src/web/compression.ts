/**
 * The zlib level of every page answer. Measured on product pages of the
 * generated catalog (14 KB of HTML, 4.3 KB gzipped): level 3, zlib's fastest
 * strategy with matches still looked for, costs 89 µs a page against 124-138 µs
 * at level 6 and sends 4.7% more bytes; level 1 saved no more time and sent 7% more.
 * A cold page is compressed once per request or per cache entry, so this is CPU on every miss.
 */
export const PAGE_GZIP_LEVEL = 3
