import type { Kysely } from 'kysely'

// Frozen in time: imports no application code, so the tree and the rows are copied here.

/**
 * A store always has categories to file imported books under: a store with
 * none gets this default tree (the shelves of a Korean general bookstore, the
 * same ids the demo catalog and the first subject rows use). A store that
 * already has categories keeps its own.
 */
const TREE: Array<[id: string, parent: string | null, ko: string, en: string]> = [
  ['domestic', null, '국내도서', 'Domestic books'],
  ['history', 'domestic', '역사', 'History'],
  ['history-world', 'history', '세계사', 'World history'],
  ['history-korea', 'history', '한국사', 'Korean history'],
  ['history-asia', 'history', '동양사', 'Asian history'],
  ['history-europe', 'history', '서양사', 'European history'],
  ['politics', 'domestic', '정치/사회', 'Politics & society'],
  ['politics-international', 'politics', '국제관계', 'International relations'],
  ['politics-theory', 'politics', '정치학', 'Political science'],
  ['society-issues', 'politics', '사회문제', 'Social issues'],
  ['fiction', 'domestic', '소설/시/희곡', 'Fiction & poetry'],
  ['fiction-korean', 'fiction', '한국소설', 'Korean fiction'],
  ['fiction-world', 'fiction', '세계의 소설', 'World fiction'],
  ['fiction-poetry', 'fiction', '시', 'Poetry'],
  ['fiction-genre', 'fiction', '장르소설', 'Genre fiction'],
  ['humanities', 'domestic', '인문학', 'Humanities'],
  ['humanities-philosophy', 'humanities', '철학', 'Philosophy'],
  ['humanities-psychology', 'humanities', '심리학', 'Psychology'],
  ['humanities-religion', 'humanities', '종교', 'Religion'],
  ['science', 'domestic', '과학', 'Science'],
  ['science-popular', 'science', '교양과학', 'Popular science'],
  ['science-physics', 'science', '물리학', 'Physics'],
  ['science-biology', 'science', '생명과학', 'Biology'],
  ['economics', 'domestic', '경제/경영', 'Business & economics'],
  ['economics-theory', 'economics', '경제학', 'Economics'],
  ['economics-management', 'economics', '경영', 'Management'],
  ['economics-investing', 'economics', '재테크/투자', 'Investing'],
  ['arts', 'domestic', '예술/대중문화', 'Arts & culture'],
  ['arts-art', 'arts', '미술', 'Fine art'],
  ['arts-music', 'arts', '음악', 'Music'],
  ['arts-film', 'arts', '영화/드라마', 'Film & drama'],
  ['children', 'domestic', '어린이', 'Children'],
  ['children-picture', 'children', '그림책', 'Picture books'],
  ['children-reading', 'children', '읽기책', 'Readers'],
]

/**
 * Subject rows added to the first ones (BISAC, Thema, KDC): BIC subject
 * categories (its letters are Thema's forebears) and Dewey (DDC, MARC 082
 * and ONIX schemes 01/02). A row staff already have wins.
 */
const ROWS: Array<[scheme: string, code: string, category: string]> = [
  ['bic', 'F', 'fiction-world'], ['bic', 'DD', 'fiction'], ['thema', 'DD', 'fiction'], ['bic', 'DC', 'fiction-poetry'], ['bic', 'HB', 'history-world'], ['bic', 'HBJF', 'history-asia'], ['bic', 'HBJD', 'history-europe'],
  ['bic', 'JP', 'politics-theory'], ['bic', 'JPS', 'politics-international'], ['bic', 'JF', 'society-issues'], ['bic', 'HP', 'humanities-philosophy'],
  ['bic', 'JM', 'humanities-psychology'], ['bic', 'HR', 'humanities-religion'], ['bic', 'P', 'science-popular'], ['bic', 'PH', 'science-physics'],
  ['bic', 'PS', 'science-biology'], ['bic', 'K', 'economics-theory'], ['bic', 'KJ', 'economics-management'], ['bic', 'KF', 'economics-investing'],
  ['bic', 'A', 'arts-art'], ['bic', 'AV', 'arts-music'], ['bic', 'AP', 'arts-film'], ['bic', 'Y', 'children-reading'], ['bic', 'YB', 'children-picture'],
  ['ddc', '004', 'science'], ['ddc', '005', 'science'], ['ddc', '006', 'science'],
  ['ddc', '1', 'humanities-philosophy'], ['ddc', '15', 'humanities-psychology'], ['ddc', '2', 'humanities-religion'],
  ['ddc', '3', 'society-issues'], ['ddc', '32', 'politics-theory'], ['ddc', '327', 'politics-international'], ['ddc', '33', 'economics-theory'],
  ['ddc', '332', 'economics-investing'], ['ddc', '65', 'economics-management'],
  ['ddc', '5', 'science-popular'], ['ddc', '53', 'science-physics'], ['ddc', '57', 'science-biology'], ['ddc', '58', 'science-biology'], ['ddc', '59', 'science-biology'],
  ['ddc', '7', 'arts-art'], ['ddc', '78', 'arts-music'], ['ddc', '791', 'arts-film'], ['ddc', '792', 'arts-film'],
  ['ddc', '8', 'fiction-world'], ['ddc', '811', 'fiction-poetry'], ['ddc', '821', 'fiction-poetry'], ['ddc', '831', 'fiction-poetry'], ['ddc', '841', 'fiction-poetry'],
  ['ddc', '851', 'fiction-poetry'], ['ddc', '861', 'fiction-poetry'], ['ddc', '895.7', 'fiction-korean'], ['ddc', '895.71', 'fiction-poetry'],
  ['ddc', '9', 'history-world'], ['ddc', '94', 'history-europe'], ['ddc', '95', 'history-asia'], ['ddc', '951.9', 'history-korea'],
]

/** Remembers that this migration planted the tree, so `down` takes away only what it planted. */
const MARK = 'default-categories'

export async function up(db: Kysely<any>): Promise<void> {
  const any = await db.selectFrom('category').select('id').limit(1).executeTakeFirst()
  if (!any) {
    await db.insertInto('category').values(TREE.map(([id, parent_id, name_ko, name_en], sort_order) => ({ id, parent_id, name_ko, name_en, sort_order }))).execute()
    await db.insertInto('store_setting').values({ name: MARK, value: 'planted' }).execute()
  }
  await db
    .insertInto('subject_category')
    .values(ROWS.map(([scheme, code, category_id]) => ({ scheme, code, category_id })))
    .onConflict((oc) => oc.columns(['scheme', 'code']).doNothing())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [scheme, code, category_id] of ROWS) {
    await db.deleteFrom('subject_category').where('scheme', '=', scheme).where('code', '=', code).where('category_id', '=', category_id).execute()
  }
  const mark = await db.selectFrom('store_setting').select('value').where('name', '=', MARK).executeTakeFirst()
  if (!mark) return
  // Children first; a category that has books or other children by now stays.
  for (const [id] of [...TREE].reverse()) {
    await db
      .deleteFrom('category')
      .where('id', '=', id)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('book_category').select('category_id').where('category_id', '=', id))))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('category as child').select('child.id').where('child.parent_id', '=', id))))
      .execute()
  }
  await db.deleteFrom('store_setting').where('name', '=', MARK).execute()
}
