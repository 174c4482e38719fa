/**
 * Where each ONIX TextContent goes on the product page, by TextType (ONIX
 * code list 153, Issue 68; the test checks every key against that list).
 * docs/ingest-mapping.md shows the same table for staff. A type not listed
 * here is ignored and noted in the report.
 *
 * - description: "Book Introduction" (책 소개). 03 wins; 02 is used only when 03 is absent.
 * - headline: the introduction's headline (10).
 * - toc: the structured contents tree (04; 32 "list of contents" as a fallback).
 * - authorBio: the author biography (12).
 * - excerpt: passages from the book (14), "책 속으로". Not 15 (an index) nor
 *   23 (a JBPA description, a Japanese publishers' association blurb).
 * - review: "Publisher's review" (출판사 리뷰). Quotes, endorsements and the
 *   publisher's own cover copy, joined in the order of this table.
 */
export type PageSection = 'description' | 'shortDescription' | 'headline' | 'toc' | 'authorBio' | 'review' | 'excerpt'

export const TEXT_TYPE_SECTIONS: Record<string, PageSection> = {
  '02': 'shortDescription', // Short description/annotation
  '03': 'description', // Description
  '04': 'toc', // Table of contents
  '05': 'review', // Primary cover copy (the publisher's own text)
  '27': 'review', // Secondary cover copy
  '06': 'review', // Review quote
  '07': 'review', // Review quote: previous edition
  '08': 'review', // Review quote: previous work
  '09': 'review', // Endorsement
  '10': 'headline', // Promotional headline
  '12': 'authorBio', // Biographical note
  '14': 'excerpt', // Excerpt
  '32': 'toc', // List of contents
}

/**
 * Text types Colophon reads but has no page section for yet; listed in the
 * report as "not kept" so a sender knows the text was seen.
 */
export const TEXT_TYPES_NOT_KEPT: Record<string, string> = {
  '15': 'index (no index section on the product page)',
}
