/** Word stock for generated titles and texts: pairs of Korean and English. */
/**
 * Word stock for generated titles and texts: pairs of Korean and English,
 * most used first. Books pick from it by a Zipf law (the n-th word about 1/n
 * as often as the first), as words in a real catalog are spread: a few are
 * everywhere, most are rare.
 */
export const nouns: ReadonlyArray<[string, string]> = [
  ['시간', 'Time'], ['마음', 'Mind'], ['역사', 'History'], ['세계', 'World'], ['도시', 'City'], ['제국', 'Empire'],
  ['정원', 'Garden'], ['사람', 'People'], ['이야기', 'Story'], ['기억', 'Memory'], ['바다', 'Sea'], ['과학', 'Science'],
  ['철학', 'Philosophy'], ['경제', 'Economy'], ['사랑', 'Love'], ['여행', 'Journey'], ['미래', 'Future'], ['언어', 'Language'],
  ['전쟁', 'War'], ['음악', 'Music'], ['여름', 'Summer'], ['겨울', 'Winter'], ['별', 'Star'], ['숲', 'Forest'], ['몸', 'Body'],
  ['혁명', 'Revolution'], ['지도', 'Map'], ['평화', 'Peace'], ['우정', 'Friendship'], ['우주', 'Universe'],
  ['그림', 'Painting'], ['바람', 'Wind'], ['강', 'River'], ['산', 'Mountain'], ['섬', 'Island'], ['밤', 'Night'],
  ['국경', 'Border'], ['도서관', 'Library'], ['편지', 'Letter'], ['고양이', 'Cat'], ['시장', 'Market'], ['자본', 'Capital'],
  ['기후', 'Climate'], ['민주주의', 'Democracy'], ['유전자', 'Gene'], ['세포', 'Cell'], ['한국', 'Korea'], ['일본', 'Japan'],
  ['유럽', 'Europe'], ['중국', 'China'], ['가족', 'Family'], ['학교', 'School'], ['노동', 'Labour'], ['문명', 'Civilisation'],
  ['신화', 'Myth'], ['종교', 'Religion'], ['건축', 'Architecture'], ['요리', 'Cooking'], ['정치', 'Politics'], ['법', 'Law'],
  ['수학', 'Mathematics'], ['물리', 'Physics'], ['바이러스', 'Virus'], ['식물', 'Plants'], ['동물', 'Animals'], ['새', 'Birds'],
  ['빛', 'Light'], ['불', 'Fire'], ['물', 'Water'], ['돌', 'Stone'], ['길', 'Road'], ['집', 'House'],
  ['아이', 'Child'], ['어머니', 'Mother'], ['아버지', 'Father'], ['친구', 'Friend'], ['이웃', 'Neighbour'], ['마을', 'Village'],
  ['왕', 'King'], ['황제', 'Emperor'], ['장군', 'General'], ['상인', 'Merchant'], ['농부', 'Farmer'], ['항구', 'Harbour'],
  ['철도', 'Railway'], ['배', 'Ship'], ['소금', 'Salt'], ['차', 'Tea'], ['비단', 'Silk'], ['종이', 'Paper'],
  ['인쇄술', 'Printing'], ['시계', 'Clock'], ['거울', 'Mirror'], ['열쇠', 'Key'], ['계절', 'Seasons'], ['꿈', 'Dream'],
  ['러시아', 'Russia'], ['미국', 'America'], ['인도', 'India'], ['몽골', 'Mongolia'], ['실크로드', 'Silk Road'], ['지중해', 'Mediterranean'],
  ['사막', 'Desert'], ['빙하', 'Glacier'], ['화산', 'Volcano'], ['등대', 'Lighthouse'], ['박물관', 'Museum'], ['극장', 'Theatre'],
]

/**
 * Syllables for made-up names of people and places, with their romanisation:
 * a long tail of words that each only a few books use, as real names are.
 */
export const nameSyllables: ReadonlyArray<[string, string]> = [
  ['가', 'ga'], ['나', 'na'], ['추', 'chu'], ['라', 'ra'], ['마', 'ma'], ['바', 'ba'], ['하', 'ha'], ['카', 'ka'],
  ['타', 'ta'], ['파', 'pa'], ['노', 'no'], ['도', 'do'], ['로', 'ro'], ['모', 'mo'], ['보', 'bo'], ['소', 'so'],
  ['토', 'to'], ['누', 'nu'], ['루', 'ru'], ['무', 'mu'], ['부', 'bu'], ['수', 'su'], ['투', 'tu'], ['리', 'ri'],
  ['미', 'mi'], ['비', 'bi'], ['티', 'ti'], ['니', 'ni'], ['디', 'di'], ['베', 'be'], ['레', 're'], ['네', 'ne'],
  ['란', 'ran'], ['린', 'rin'], ['몬', 'mon'], ['돈', 'don'], ['반', 'ban'], ['덴', 'den'], ['겔', 'gel'], ['볼', 'bol'],
]

export const adjectives: ReadonlyArray<[string, string]> = [
  ['작은', 'Small'], ['거대한', 'Great'], ['잊힌', 'Forgotten'], ['새로운', 'New'], ['오래된', 'Old'], ['조용한', 'Quiet'],
  ['불안한', 'Uneasy'], ['보이지 않는', 'Invisible'], ['푸른', 'Blue'], ['붉은', 'Red'], ['마지막', 'Last'], ['첫', 'First'],
  ['위험한', 'Dangerous'], ['아름다운', 'Beautiful'], ['낯선', 'Strange'], ['긴', 'Long'], ['짧은', 'Short'], ['뜨거운', 'Hot'],
]

export const surnames = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍']
export const givenSyllables = ['민', '서', '지', '현', '수', '영', '준', '은', '하', '윤', '도', '진', '우', '예', '재', '희', '성', '경', '태', '아']
export const westernFirst = ['Anna', 'James', 'Maria', 'Thomas', 'Sophie', 'Daniel', 'Clara', 'Peter', 'Elena', 'Martin', 'Laura', 'Jonas']
export const westernLast = ['Müller', 'Smith', 'Rossi', 'Dubois', 'Novak', 'Berg', 'Hansen', 'García', 'Walker', 'Kovács', 'Lindqvist', 'Brown']

export const publishers = [
  '푸른숲', '한빛문고', '새벽출판', '바다책방', '열린서가', '모퉁이', '달빛문학', '지식나무', '소나무', '마음산방',
  '누리북스', '별빛', '청람', '해냄터', '가람기획', '솔출판', '두레미디어', '나무와숲', '은행나무길', '문학정원',
  'Harbor Press', 'Northfield Books', 'Lantern House', 'Meridian', 'Blue Door', 'Quarto Lane',
]

export const sentences = [
  '이 책은 {n}에 관한 오래된 질문을 새로운 자료로 다시 묻는다.',
  '저자는 {n}과 {m} 사이의 관계를 한 세기에 걸쳐 추적한다.',
  '수많은 사람들의 목소리를 모아 {n}의 숨은 얼굴을 보여 준다.',
  '복잡한 이론 대신 구체적인 장면과 인물로 이야기를 풀어 간다.',
  '처음 읽는 독자도 쉽게 따라갈 수 있도록 친절한 설명과 지도를 곁들였다.',
  '{n}을 둘러싼 논쟁을 균형 있게 정리하고 앞으로의 과제를 제시한다.',
  '오랜 현장 연구와 인터뷰를 바탕으로 쓴 생생한 기록이다.',
  '우리가 당연하게 여기던 {m}의 의미를 차분히 되짚어 본다.',
  '각 장은 독립적으로 읽을 수 있으며, 끝에는 더 읽을거리를 붙였다.',
  '출간 직후 여러 언론의 주목을 받으며 올해의 책으로 꼽혔다.',
]

export const chapterWords = ['시작', '만남', '갈림길', '전환점', '위기', '회복', '여정', '질문', '발견', '귀환', '그림자', '빛', '경계', '약속']
