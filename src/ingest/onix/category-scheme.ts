/**
 * Colophon's own categories travel in ONIX as a proprietary subject scheme
 * (code list 27, value 24) under this SubjectSchemeName, so an export reads
 * back into the same categories.
 */
export const CATEGORY_SCHEME_NAME = 'Colophon category'
