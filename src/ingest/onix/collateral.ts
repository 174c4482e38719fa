import { richTextToPlain } from '../../catalog'
import type { IncomingFields } from '../types'
import { parseToc } from '../toc'
import { childElements, childText, firstChild, innerXml, textOf, type XmlElement } from '../xml/element'
import type { RecordContext } from './record-context'
import { TEXT_TYPES_NOT_KEPT, TEXT_TYPE_SECTIONS, type PageSection } from './text-content'

/** A Text element as HTML or plain text; XHTML (textformat 05) keeps its markup, which the catalog sanitises. */
function textBody(text: XmlElement): string {
  const format = text.attrs.textformat
  if (format === '05' || text.children.some((c) => typeof c !== 'string')) return innerXml(text).trim()
  return textOf(text)
}

/** A headline is one line of plain text, whatever markup the feed put around it; its character references are decoded once. */
const plainText = richTextToPlain

/** CollateralDetail: texts by the TextType table, and the front cover from SupportingResource. */
export function collateralDetail(cd: XmlElement, ctx: RecordContext, fields: IncomingFields): void {
  const path = 'CollateralDetail'
  const sections: Partial<Record<PageSection, string[]>> = {}
  childElements(cd, 'TextContent').forEach((tc, i) => {
    const at = `${path}/TextContent[${i + 1}]`
    const type = ctx.code(153, childText(tc, 'TextType'), `${at}/TextType`)
    if (!type) return
    const section = TEXT_TYPE_SECTIONS[type]
    if (!section) {
      ctx.corrections.push(`${at}: TextType ${type} ${TEXT_TYPES_NOT_KEPT[type] ?? 'has no section on the product page'}; not kept`)
      return
    }
    const texts = childElements(tc, 'Text')
    const body = (texts.find((t) => (t.attrs.language ?? '').startsWith('kor')) ?? texts[0])
    if (body) (sections[section] ??= []).push(textBody(body))
  })
  fields.descriptionHtml = sections.description?.join('\n') ?? sections.shortDescription?.join('\n') ?? null
  fields.descriptionHeadline = sections.headline ? plainText(sections.headline[0]!) : null
  fields.toc = sections.toc ? parseToc(sections.toc.join('\n')) : []
  fields.reviewHtml = sections.review?.join('\n') ?? null
  if (sections.authorBio) fields.authorBioHtml = sections.authorBio.join('\n')
  else if (fields.authorBioHtml === undefined) fields.authorBioHtml = null
  fields.excerptsHtml = sections.excerpt?.join('\n') ?? null
  fields.coverUrl = null
  childElements(cd, 'SupportingResource').forEach((sr, i) => {
    // ResourceContentType 01 = front cover; ResourceMode 03 = image (code lists 158, 159).
    if (childText(sr, 'ResourceContentType') !== '01' || fields.coverUrl) return
    const link = childText(firstChild(sr, 'ResourceVersion'), 'ResourceLink')
    if (!link) return
    const url = link.replace(/ /g, '%20')
    if (url !== link) ctx.corrections.push(`${path}/SupportingResource[${i + 1}]/ResourceVersion/ResourceLink: spaces in the URL encoded as %20`)
    if (/^https?:\/\//i.test(url)) fields.coverUrl = url
    else ctx.corrections.push(`${path}/SupportingResource[${i + 1}]: cover link "${link}" is not an http(s) URL; not kept`)
  })
}
