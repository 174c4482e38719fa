import { childElements, childText, firstChild, textOf, type XmlElement } from '../xml/element'

/**
 * ProductRelationCodes (ONIX code list 51) that make the related product
 * another edition of the same work: replaces / replaced by (a new edition,
 * 03, 05), alternative format (06), e-publication based on the print product
 * (13), print-on-demand replacement (16, 17), special edition (18, 19), and
 * electronic, enhanced or basic version (27, 28, 29). Other relations (part
 * of, companion, other-language version, same author, similar) are not.
 */
const SAME_WORK = new Set(['03', '05', '06', '13', '16', '17', '18', '19', '27', '28', '29'])

/** The related product's ISBN-13: ProductIDType 15, else a 978/979 GTIN-13 (03). */
function relatedIsbn(rp: XmlElement): string | undefined {
  const ids = childElements(rp, 'ProductIdentifier').map((id) => ({ type: childText(id, 'ProductIDType'), value: (childText(id, 'IDValue') ?? '').replace(/[-\s]/g, '') }))
  return (ids.find((i) => i.type === '15') ?? ids.find((i) => i.type === '03' && /^97[89]\d{10}$/.test(i.value)))?.value || undefined
}

/**
 * RelatedMaterial as edition links: 'isbn:…' for each related product of the
 * same work, 'work:TYPE:ID' for each work the product is a manifestation of
 * (WorkRelationCode 01, WorkIdentifier; a proprietary type 01 carries its
 * IDTypeName). Undefined when the product has no RelatedMaterial, so a block
 * update without it keeps the links already known.
 */
export function editionLinks(product: XmlElement): string[] | undefined {
  const rm = firstChild(product, 'RelatedMaterial')
  if (!rm) return undefined
  const links = new Set<string>()
  for (const rp of childElements(rm, 'RelatedProduct')) {
    const isbn = relatedIsbn(rp)
    if (isbn && childElements(rp, 'ProductRelationCode').some((c) => SAME_WORK.has(textOf(c)))) links.add(`isbn:${isbn}`)
  }
  for (const rw of childElements(rm, 'RelatedWork')) {
    if (childText(rw, 'WorkRelationCode') !== '01') continue
    for (const id of childElements(rw, 'WorkIdentifier')) {
      const type = childText(id, 'WorkIDType')
      const value = childText(id, 'IDValue')?.trim()
      if (!type || !value) continue
      links.add(['work', type, ...(type === '01' ? [childText(id, 'IDTypeName')?.trim() ?? ''] : []), value].join(':').slice(0, 160))
    }
  }
  return [...links]
}
