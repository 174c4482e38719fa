import type { TocEntry } from '../catalog'

/**
 * The store's reference title, with the facts its Korean edition prints:
 * ISBN, date of issue, extent, size and table of contents. The texts are the
 * demo store's own. No contributors or publisher are named in the source
 * listing, so none are invented here.
 */
const chapters: Array<[string, string]> = [
  ['01', 'Beijing 1618: Encountering the Unknown'],
  ['02', 'Nerchinsk 1689: Establishing the Border'],
  ['03', "Aihun 1858: The Empire's Map Changes"],
  ['04', 'Harbin 1898: Experiencing Imperialism'],
  ['05', 'Shanghai 1921: Ignite the Revolution'],
  ['06', 'Moscow 1950: Pledge of Friendship'],
  ['07', 'Beijing 1956: Facing De-Stalinization'],
  ['08', 'Damansky 1969: Testing the Borders'],
  ['09', 'Tashkent 1982: Attempting to Approach'],
  ['10', 'Beijing 1989: Losing Control'],
  ['11', 'Shanghai 2001: Shaking the World Order'],
  ['12', 'Kiiu 2022: Interpreting War'],
]

const toc: TocEntry[] = [
  { kind: 'front', title: 'Introduction' },
  ...chapters.map(([number, title]): TocEntry => ({ kind: 'chapter', number, title })),
  { kind: 'back', title: 'Epilogue' },
  { kind: 'back', title: 'Acknowledgements' },
  { kind: 'back', title: 'Notes' },
  { kind: 'back', title: 'Sources and References' },
  { kind: 'back', title: 'Chronology' },
  { kind: 'back', title: 'Photo source' },
]

const description = `
<p>1618년 베이징 성문 앞에 선 시베리아 탐험가에서 2022년 전쟁 한가운데의 정상회담까지, 두 대륙 제국이 서로를 어떻게 보고 오해하고 이용해 왔는지를 열두 개의 장면으로 따라간다.</p>
<p>이 책은 연대기를 처음부터 끝까지 늘어놓지 않는다. 대신 관계가 방향을 바꾼 순간들, 지금은 잊혔거나 일부러 외면되는 순간들을 골라 그 자리에 선 사람들의 눈으로 다시 읽는다.</p>
<p>국경 조약을 쓰던 선교사, 혁명의 수도를 찾아간 젊은 기자, 우호 조약에 서명하던 지도자들의 이야기를 통해 두 나라의 외교가 각자의 국내 정치와 얼마나 깊이 얽혀 있었는지, 그리고 두 나라의 관계 변화가 세계 질서를 어떻게 다시 짜 왔는지를 보여 준다.</p>
`

const review = `
<p>두 나라는 '무제한의 우정'을 말하지만, 서로를 대등한 상대로 여긴 적은 드물었다. 이 책은 그 말과 현실 사이의 간격을 400년의 역사 속에서 짚어 본다.</p>
<h3>비유로 읽는 관계</h3>
<p>형과 아우, 연인, 부모와 자식. 역사가와 정치가는 두 나라를 여러 비유로 불러 왔다. 저자들은 그 비유들이 무엇을 드러내고 무엇을 감추는지 묻는다.</p>
<h3>비대칭의 역사</h3>
<p>제국의 팽창기, 사회주의 형제국의 시대, 권위주의 연대의 현재. 세 시기마다 힘의 균형은 달랐고, 한쪽이 우위에 서는 일이 대등한 관계보다 훨씬 흔했다.</p>
<h3>가까운 이웃, 먼 사회</h3>
<p>수천 킬로미터의 국경을 맞대고 있지만 국경 지대는 양쪽 모두에게 변방이었다. 강 위의 다리 몇 개가 두 사회 사이의 실제 거리를 말해 준다.</p>
<h3>한반도에서 읽는 이유</h3>
<p>두 나라의 밀착은 한반도의 현재와 미래에도 그림자를 드리운다. 과거가 답을 주지는 않지만, 질문을 정확하게 세우는 데에는 도움이 된다.</p>
`

/** The reference book as the store's input form would receive it. */
export const seedBook = {
  isbn13: '9788962633245',
  title: '중국과 러시아',
  translations: { en: { title: 'China and Russia' } },
  contributors: [],
  issuedOn: '2025-10-20',
  language: 'kor',
  format: 'paperback',
  pageCount: 368,
  dimensions: { widthMm: 148, heightMm: 217, thicknessMm: 30 },
  currency: 'KRW',
  listPrice: 24000,
  salePrice: 21600,
  stock: 17,
  descriptionHeadline: '열두 개의 사건으로 읽는 불균형한 우정의 역사',
  descriptionHtml: description,
  toc,
  reviewHtml: review,
  categoryIds: ['history-world', 'politics-international'],
}
