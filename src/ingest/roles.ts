import { CONTRIBUTOR_ROLES, type ContributorRole } from '../catalog'
import { MARC_RELATORS } from './marc-relators'

type Role = ContributorRole

/**
 * ONIX code list 17 → Colophon's role, every code of Issue 68 decided one by
 * one ('other' where Colophon has no word for it: composers, designers,
 * performers, legal roles). roles.test.ts checks no code of the list is left out.
 */
const ONIX_ROLES: Record<string, Role> = {
  A01: 'author', A02: 'author', A03: 'author', A04: 'author', A05: 'author', A06: 'other', A07: 'illustrator', A08: 'photographer',
  A09: 'author', A10: 'other', A11: 'other', A12: 'illustrator', A13: 'photographer', A14: 'author', A15: 'foreword', A16: 'foreword',
  A17: 'other', A18: 'other', A19: 'afterword', A20: 'commentator', A21: 'commentator', A22: 'afterword', A23: 'foreword', A24: 'introduction',
  A25: 'commentator', A26: 'other', A27: 'other', A28: 'other', A29: 'introduction', A30: 'other', A31: 'author', A32: 'other',
  A33: 'other', A34: 'other', A35: 'illustrator', A36: 'other', A37: 'other', A38: 'author', A39: 'other', A40: 'illustrator',
  A41: 'other', A42: 'author', A43: 'other', A44: 'other', A45: 'author', A46: 'illustrator', A47: 'illustrator', A48: 'other',
  A49: 'other', A50: 'other', A51: 'other', A52: 'other', A99: 'author',
  B01: 'editor', B02: 'editor', B03: 'adapter', B04: 'adapter', B05: 'adapter', B06: 'translator', B07: 'other', B08: 'translator',
  B09: 'editor', B10: 'translator', B11: 'editor', B12: 'editor', B13: 'editor', B14: 'editor', B15: 'editor', B16: 'editor',
  B17: 'other', B18: 'editor', B19: 'editor', B20: 'supervisor', B21: 'editor', B22: 'adapter', B23: 'other', B24: 'editor',
  B25: 'other', B26: 'editor', B27: 'other', B28: 'other', B29: 'supervisor', B30: 'supervisor', B31: 'editor', B32: 'supervisor',
  B33: 'other', B34: 'other', B35: 'other', B99: 'adapter',
  C01: 'compiler', C02: 'compiler', C03: 'compiler', C04: 'compiler', C99: 'compiler',
  D01: 'other', D02: 'other', D03: 'other', D04: 'other', D99: 'other',
  E01: 'other', E02: 'other', E03: 'narrator', E04: 'other', E05: 'other', E06: 'other', E07: 'narrator', E08: 'other',
  E09: 'narrator', E10: 'other', E11: 'narrator', E99: 'other',
  F01: 'photographer', F02: 'other', F99: 'other',
  Z01: 'other', Z02: 'other', Z03: 'other', Z04: 'other', Z05: 'author', Z06: 'other', Z98: 'other', Z99: 'other',
}

/** What the ONIX export writes for each role: the list-17 code that says it exactly. */
export const ONIX_ROLE_CODES: Record<Role, string> = {
  author: 'A01', translator: 'B06', editor: 'B01', illustrator: 'A12', photographer: 'A13', foreword: 'A23', introduction: 'A24',
  afterword: 'A19', commentator: 'A21', compiler: 'C01', adapter: 'B05', narrator: 'E03', supervisor: 'B20', other: 'Z99',
}

/** MARC relator codes with a Colophon role; every other code of the LoC list is a known 'other'. */
const RELATOR_ROLES: Record<string, Role> = {
  aut: 'author', cre: 'author', aus: 'author', aud: 'author', lbt: 'author', lyr: 'author', tau: 'author', dub: 'author',
  trl: 'translator', edt: 'editor', edc: 'editor', red: 'editor', pbd: 'editor',
  ill: 'illustrator', art: 'illustrator', clr: 'illustrator', dln: 'illustrator', pht: 'photographer', vdg: 'photographer',
  wpr: 'foreword', aui: 'introduction', win: 'introduction', aft: 'afterword', cwt: 'commentator', cmm: 'commentator',
  wac: 'commentator', ann: 'commentator', com: 'compiler', col: 'compiler', cur: 'compiler', adp: 'adapter', abr: 'adapter',
  nrt: 'narrator', spk: 'narrator', stl: 'narrator', csl: 'supervisor', sad: 'supervisor', exp: 'supervisor',
  // Not an LoC code, but records write it for nrt (narrator).
  nrr: 'narrator',
}

/**
 * Relator words and their abbreviations in the main cataloguing languages,
 * written as normalise() leaves them (lower case, no full stops). The LoC
 * relator terms ("author of introduction, etc") are added from the code list.
 */
const WORDS: Array<[Role, string[]]> = [
  ['author', [
    'au', 'auth', 'aut', 'author', 'authors', 'writer', 'text', 'written by', 'by', 'co-author', 'coauthor', 'autor', 'autora', 'auteur', 'autore', 'autrice', 'verfasser', 'verf', 'verfasserin',
    'авт', 'автор', '지음', '저', '글', '지은이', '저자', '글쓴이', '작', '글·그림', '글 그림', '글그림', '著', '作', '文', '著者', '撰', '原著', '原作',
  ]],
  ['translator', [
    'tr', 'trans', 'transl', 'translator', 'translators', 'translated by', 'translation', 'trad', 'traductor', 'traductora', 'traducción', 'traduccion', 'traducteur', 'traductrice',
    'traduction', 'traduttore', 'traduttrice', 'traduzione', 'tradutor', 'tradutora', 'tradução', 'übers', 'übersetzer', 'übersetzerin', 'übersetzung', 'tł', 'tłum', 'tłumacz',
    'tłumaczenie', 'przeł', 'przekł', 'пер', 'переводчик', 'перевод', '옮김', '역', '번역', '옮긴이', '역자', '訳', '翻訳', '訳者', '译', '譯', '翻译', '翻譯', '編譯', '编译',
  ]],
  ['editor', [
    'ed', 'eds', 'edt', 'editor', 'editors', 'edited by', 'ed lit', 'editor literario', 'editora', 'éd', 'éds', 'éditeur', 'éditrice', 'dir', 'directeur', 'a cura di', 'cur', 'curatore',
    'curatrice', 'org', 'organizador', 'organizadora', 'hrsg', 'hg', 'herausgeber', 'herausgeberin', 'red', 'redaktor', 'redakcja', 'pod red', 'oprac', 'opracowanie', 'ред', 'редактор',
    'под ред', '엮음', '편', '편저', '엮은이', '편집', '편자', '編', '編著', '編者', '編集', '編注', '编', '主编', '主編', '编著', '编辑', '編輯',
  ]],
  ['illustrator', [
    'ill', 'ills', 'illus', 'illust', 'illustrator', 'illustrations', 'illustrated by', 'artist', 'il', 'ilus', 'ilustr', 'ilustrador', 'ilustradora', 'ilustracje', 'illustrateur',
    'illustratrice', 'illustratore', 'illustratorin', 'illustrationen', 'ил', 'илл', 'иллюстратор', 'художник', '그림', '그린이', '삽화', '絵', '画', 'イラスト', '绘', '繪', '图', '圖', '插图',
  ]],
  ['photographer', ['photog', 'photographer', 'photographs', 'photos', 'fotógrafo', 'fotografo', 'photographe', 'fotograf', 'фото', '사진', '写真', '摄影', '攝影']],
  ['foreword', ['foreword', 'preface', 'pref', 'fwd', 'prólogo', 'prologuista', 'préf', 'préface', 'préfacier', 'prefazione', 'prefácio', 'vorw', 'vorwort', 'przedm', 'przedmowa', 'предисл', 'предисловие', '서문', '머리말', '추천사', '序文', '序']],
  ['introduction', ['intro', 'introd', 'introduction', 'introducción', 'introduzione', 'introdução', 'einl', 'einleitung', 'wstęp', 'вступ ст', '서론', '해제', '導入']],
  ['afterword', ['afterword', 'epilogue', 'postf', 'postface', 'postfacier', 'postfazione', 'epílogo', 'nachw', 'nachwort', 'posł', 'posłowie', 'послесл', 'послесловие', '후기', '발문', 'あとがき', '跋']],
  ['commentator', ['commentator', 'commentary', 'comm', 'notes', 'annotator', 'annotations', 'comentarios', 'commentaire', 'kommentar', 'коммент', 'комментарии', '해설', '주해', '역주', '解説', '校注', '注', '註']],
  ['compiler', ['comp', 'comps', 'compiler', 'compiled by', 'compilador', 'compiladora', 'compilateur', 'compilatore', 'wybór', 'сост', 'составитель', '편찬', '輯', '辑', '编纂']],
  ['adapter', ['adapt', 'adapter', 'adaptor', 'adapted by', 'adaptación', 'adaptation', 'adattamento', 'bearb', 'bearbeiter', 'bearbeitung', '각색', '다시 씀', '翻案', '改编', '改編']],
  ['narrator', ['narr', 'narrator', 'reader', 'read by', 'narrador', 'narradora', 'narrateur', 'narratrice', 'sprecher', 'sprecherin', 'lektor', '낭독', '朗読', '朗读']],
  ['supervisor', ['supervisor', 'consultant', 'scientific advisor', '감수', '監修', '审订', '審訂', '审校', '審校']],
  ['other', ['contributor', 'contributors', 'ctb', 'oth', 'other', '참여', '기획']],
]

const normalise = (s: string) =>
  s.normalize('NFKC').toLowerCase().replace(/[.\u3002]/g, ' ').replace(/^[\s[(]+|[\s\]),;:/=]+$/g, '').replace(/\s+/g, ' ').trim()

const TERMS = new Map<string, Role>()
for (const [code, term] of Object.entries(MARC_RELATORS)) TERMS.set(normalise(term), RELATOR_ROLES[code] ?? 'other')
for (const [role, words] of WORDS) for (const w of words) TERMS.set(normalise(w), role)
for (const role of CONTRIBUTOR_ROLES) TERMS.set(role, role)

/** A role as a word in any language Colophon reads ("Tł.", "옮김", "ed. lit."), or null when it is not one. */
export function roleOfTerm(raw: string): Role | null {
  const term = normalise(raw)
  if (!term) return null
  const whole = TERMS.get(term)
  if (whole) return whole
  // "editor and translator", "ed. & tr.", "지음·옮김": the first part that names a role Colophon has.
  const parts = term.split(/\s*(?:,|&|;|\+|·|・|\band\b|\bet\b|\by\b|\bund\b|\bi\b|\be\b)\s*/).filter(Boolean)
  if (parts.length < 2) return null
  const roles = parts.map((p) => TERMS.get(p))
  if (roles.some((r) => r === undefined)) return null
  return roles.find((r) => r !== 'other') ?? 'other'
}

/** A MARC relator code ($4), with its stray punctuation ("aut.") and case ignored, or null when the LoC list has no such code. */
export function roleOfRelatorCode(raw: string): Role | null {
  const code = raw.trim().toLowerCase().replace(/[.,;:]+$/, '').replace(/^https?:\/\/id\.loc\.gov\/vocabulary\/relators\//, '')
  if (code in RELATOR_ROLES) return RELATOR_ROLES[code]!
  return code in MARC_RELATORS ? 'other' : null
}

/** An ONIX list-17 code, or null when the list has no such code. */
export function roleOfOnixCode(code: string): Role | null {
  return ONIX_ROLES[code.trim().toUpperCase()] ?? null
}

export interface RoleReading {
  role: Role
  /** The role texts Colophon could not read, as written: the report counts them. */
  unknown: string[]
}

/**
 * The role of one MARC name field from its $4 codes and $e/$j terms: the
 * first that says something more than 'other' (codes first: they are the
 * controlled form); 'other' when all say only that or nothing can be read;
 * `fallback` when the field names no role at all.
 */
export function marcRole(codes: string[], terms: string[], fallback: Role): RoleReading {
  const read = [...codes.map((c) => ({ raw: c, role: roleOfRelatorCode(c) })), ...terms.map((t) => ({ raw: t, role: roleOfTerm(t) }))].filter((r) => r.raw.trim())
  const unknown = read.filter((r) => r.role === null).map((r) => r.raw.trim())
  if (read.length === 0) return { role: fallback, unknown }
  return { role: read.find((r) => r.role && r.role !== 'other')?.role ?? 'other', unknown }
}
