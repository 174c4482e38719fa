import type { Category } from '../catalog'

/** The demo store's shelves, after the way Korean bookstores file their stock. */
const tree: Array<[id: string, ko: string, en: string, children: Array<[string, string, string]>]> = [
  ['domestic', '국내도서', 'Domestic books', []],
  ['history', '역사', 'History', [
    ['history-world', '세계사', 'World history'],
    ['history-korea', '한국사', 'Korean history'],
    ['history-asia', '동양사', 'Asian history'],
    ['history-europe', '서양사', 'European history'],
  ]],
  ['politics', '정치/사회', 'Politics & society', [
    ['politics-international', '국제관계', 'International relations'],
    ['politics-theory', '정치학', 'Political science'],
    ['society-issues', '사회문제', 'Social issues'],
  ]],
  ['fiction', '소설/시/희곡', 'Fiction & poetry', [
    ['fiction-korean', '한국소설', 'Korean fiction'],
    ['fiction-world', '세계의 소설', 'World fiction'],
    ['fiction-poetry', '시', 'Poetry'],
    ['fiction-genre', '장르소설', 'Genre fiction'],
  ]],
  ['humanities', '인문학', 'Humanities', [
    ['humanities-philosophy', '철학', 'Philosophy'],
    ['humanities-psychology', '심리학', 'Psychology'],
    ['humanities-religion', '종교', 'Religion'],
  ]],
  ['science', '과학', 'Science', [
    ['science-popular', '교양과학', 'Popular science'],
    ['science-physics', '물리학', 'Physics'],
    ['science-biology', '생명과학', 'Biology'],
  ]],
  ['economics', '경제/경영', 'Business & economics', [
    ['economics-theory', '경제학', 'Economics'],
    ['economics-management', '경영', 'Management'],
    ['economics-investing', '재테크/투자', 'Investing'],
  ]],
  ['arts', '예술/대중문화', 'Arts & culture', [
    ['arts-art', '미술', 'Fine art'],
    ['arts-music', '음악', 'Music'],
    ['arts-film', '영화/드라마', 'Film & drama'],
  ]],
  ['children', '어린이', 'Children', [
    ['children-picture', '그림책', 'Picture books'],
    ['children-reading', '읽기책', 'Readers'],
  ]],
]

/** Every demo category, parents before children, all under "국내도서". */
export function demoCategories(): Category[] {
  const out: Category[] = []
  let order = 0
  const [rootId, rootKo, rootEn] = tree[0]!
  out.push({ id: rootId, parentId: null, name: { ko: rootKo, en: rootEn }, sortOrder: order++ })
  for (const [id, ko, en, children] of tree.slice(1)) {
    out.push({ id, parentId: rootId, name: { ko, en }, sortOrder: order++ })
    for (const [cid, cko, cen] of children) out.push({ id: cid, parentId: id, name: { ko: cko, en: cen }, sortOrder: order++ })
  }
  return out
}

/** The shelves a generated book can sit on: the most specific ones. */
export function leafCategoryIds(): string[] {
  return tree.slice(1).flatMap(([, , , children]) => children.map(([id]) => id))
}
