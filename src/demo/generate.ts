import { isbn13FromPrefix, type BookInput, type Contributor, type TocEntry } from '../catalog'
import { leafCategoryIds } from './categories'
import { Random } from './random'
import { adjectives, chapterWords, givenSyllables, nameSyllables, nouns, publishers, sentences, surnames, westernFirst, westernLast } from './words'

const leaves = leafCategoryIds()

/** A common word, drawn by how often it is used. */
const noun = (r: Random) => r.zipf(nouns)

/** A made-up name of a person or place, in Hangul and in Latin letters. */
function properName(r: Random): [string, string] {
  const parts = Array.from({ length: r.int(2, 3) }, () => r.pick(nameSyllables))
  const latin = parts.map((p) => p[1]).join('')
  return [parts.map((p) => p[0]).join(''), latin.charAt(0).toUpperCase() + latin.slice(1)]
}

/** "과" after a final consonant, "와" after a vowel: 중국과, 바다와. */
function and(word: string): string {
  const code = word.charCodeAt(word.length - 1) - 0xac00
  return code >= 0 && code < 11172 && code % 28 === 0 ? '와' : '과'
}

function koreanName(r: Random): string {
  return r.pick(surnames) + r.pick(givenSyllables) + r.pick(givenSyllables)
}

function contributorsFor(r: Random): Contributor[] {
  // About a fifth of the catalog is translated: a foreign author and a Korean translator.
  if (r.chance(0.2)) return [{ name: `${r.pick(westernFirst)} ${r.pick(westernLast)}`, role: 'author' }, { name: koreanName(r), role: 'translator' }]
  const list: Contributor[] = [{ name: koreanName(r), role: 'author' }]
  if (r.chance(0.15)) list.push({ name: koreanName(r), role: 'author' })
  if (r.chance(0.1)) list.push({ name: koreanName(r), role: 'illustrator' })
  return list
}

function paragraph(r: Random, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(r.pick(sentences).replace('{n}', noun(r)[0]).replace('{m}', noun(r)[0]))
  return `<p>${out.join(' ')}</p>`
}

function tocFor(r: Random): TocEntry[] {
  const toc: TocEntry[] = [{ kind: 'front', title: '머리말' }]
  const n = r.int(6, 14)
  for (let i = 1; i <= n; i++) toc.push({ kind: 'chapter', number: String(i).padStart(2, '0'), title: `${noun(r)[0]}의 ${r.pick(chapterWords)}` })
  toc.push({ kind: 'back', title: '맺음말' }, { kind: 'back', title: '주' })
  return toc
}

/**
 * The n-th generated book, always the same for the same n. ISBNs are in the
 * 979-11 (Korea) range, so they never collide with the seed book.
 */
export function generatedBook(n: number): BookInput {
  const r = new Random(n * 2654435761)
  const [adjKo, adjEn] = r.pick(adjectives)
  const [nounKo, nounEn] = noun(r)
  const [noun2Ko, noun2En] = noun(r)
  const [nameKo, nameEn] = properName(r)
  const shapes: Array<[string, string]> = [
    [`${adjKo} ${nounKo}`, `The ${adjEn} ${nounEn}`],
    [`${nounKo}${and(nounKo)} ${noun2Ko}`, `${nounEn} and ${noun2En}`],
    [`${adjKo} ${nounKo}의 ${noun2Ko}`, `The ${noun2En} of the ${adjEn} ${nounEn}`],
    [`${nameKo}의 ${nounKo}`, `The ${nounEn} of ${nameEn}`],
    [nameKo, nameEn],
  ]
  const shape = r.pick([0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4])
  const [title, titleEn] = shapes[shape]!
  const listPrice = r.int(20, 76) * 500
  const year = r.int(1995, 2026)
  const month = r.int(1, year === 2026 ? 11 : 12)
  const cats = [r.pick(leaves)]
  if (r.chance(0.3)) cats.push(r.pick(leaves))
  // A series is named after the title's first common word, so a name alone (shape 4) has none.
  const hasSeries = r.chance(0.08) && shape !== 4
  const pages = r.int(96, 720)
  const book: BookInput = {
    isbn13: isbn13FromPrefix('97911' + String(n).padStart(7, '0')),
    title,
    subtitle: r.chance(0.3) ? `${noun(r)[0]}으로 읽는 ${noun(r)[0]}` : null,
    originalTitle: null,
    translations: { en: { title: titleEn } },
    contributors: contributorsFor(r),
    publisher: r.pick(publishers),
    imprint: null,
    issuedOn: `${year}-${String(month).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    language: 'kor',
    format: r.chance(0.8) ? 'paperback' : r.chance(0.6) ? 'hardcover' : 'ebook',
    series: hasSeries ? `${nounKo} 총서` : null,
    seriesNumber: hasSeries ? String(r.int(1, 40)) : null,
    pageCount: pages,
    weightG: Math.round(pages * 1.3 + 40),
    dimensions: r.chance(0.9) ? { widthMm: r.pick([128, 135, 140, 148, 152]), heightMm: r.pick([188, 200, 210, 217, 225]), thicknessMm: Math.max(5, Math.round(pages / 14)) } : null,
    currency: 'KRW',
    listPrice,
    // Korean law caps a new book's discount at 10% of its list price.
    salePrice: r.chance(0.85) ? listPrice * 0.9 : listPrice,
    stock: r.chance(0.1) ? 0 : r.int(1, 80),
    leadDays: null,
    onSale: !r.chance(0.01),
    descriptionHeadline: r.chance(0.7) ? `${noun(r)[0]}에 대해 우리가 몰랐던 모든 것` : null,
    descriptionHtml: paragraph(r, r.int(3, 6)) + paragraph(r, r.int(2, 5)),
    toc: tocFor(r),
    reviewHtml: r.chance(0.5) ? `<h3>${noun(r)[0]}을 다시 묻다</h3>${paragraph(r, r.int(3, 7))}` : null,
    authorBioHtml: r.chance(0.6) ? paragraph(r, 2) : null,
    excerptsHtml: null,
    coverUrl: null,
    categoryIds: cats,
  }
  // Drawn for every book, so each book's other fields stay what they were; an e-book has no copies to count.
  if (book.format === 'ebook') book.stock = null
  return book
}
