import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { duplicateKey, normaliseText } from './duplicate-key'

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüß', ...'중국과러시아역사의가족한국어책읽기']
const NOISE = [' ', '  ', '\t', '.', ',', ':', ';', '!', '?', '-', '–', '—', '·', "'", '"', '(', ')', '[', ']', '「', '」', '《', '》', '…', '/', '&', '　']

const word = fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 30 }).map((cs) => cs.join(''))

/** The same text as another record might type it: noise between any characters, cases flipped, Latin letters full-width. */
const retyped = (text: string) =>
  fc.array(fc.tuple(fc.constantFrom('', '', ...NOISE), fc.constantFrom('same', 'upper', 'lower', 'wide')), { minLength: text.length + 1, maxLength: text.length + 1 }).map((marks) =>
    [...text].map((ch, i) => {
      const [noise, form] = marks[i]!
      const shown = form === 'upper' ? ch.toUpperCase() : form === 'lower' ? ch.toLowerCase() : form === 'wide' && /[A-Za-z0-9]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch
      return noise + shown
    }).join('') + marks[text.length]![0],
  )

describe('duplicate key', () => {
  it('is the same however spaces, punctuation and case are added to title and author', () => {
    fc.assert(
      fc.property(
        word.chain((title) => fc.tuple(fc.constant(title), retyped(title))),
        word.chain((name) => fc.tuple(fc.constant(name), retyped(name))),
        ([title, title2], [name, name2]) => {
          expect(duplicateKey(title2, [{ name: name2, role: 'author' }])).toBe(duplicateKey(title, [{ name, role: 'author' }]))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('tells different titles and different authors apart', () => {
    fc.assert(
      fc.property(word, word, word, (title, other, name) => {
        fc.pre(normaliseText(title) !== normaliseText(other))
        expect(duplicateKey(title, [{ name, role: 'author' }])).not.toBe(duplicateKey(other, [{ name, role: 'author' }]))
      }),
    )
    expect(duplicateKey('역사', [{ name: '김철수', role: 'author' }])).not.toBe(duplicateKey('역사', [{ name: '김영희', role: 'author' }]))
  })

  it('keys Korean titles without their spaces, by the first author rather than a translator', () => {
    const translatorFirst = [{ name: 'Kim, Translator', role: 'translator' as const }, { name: '한 강', role: 'author' as const }]
    expect(duplicateKey('중국과 러시아: 역사의 길', translatorFirst)).toBe('중국과러시아역사의길|한강')
    expect(duplicateKey('중국과러시아 — 역사의 길!', [{ name: '한강', role: 'author' }])).toBe('중국과러시아역사의길|한강')
    expect(duplicateKey('The Ｒoad', [{ name: 'Cormac McCarthy', role: 'author' }])).toBe('theroad|cormacmccarthy')
  })

  it('gives no key to a title without letters or digits', () => {
    expect(duplicateKey('…!?', [])).toBeNull()
    expect(duplicateKey('Untitled', [])).toBe('untitled|')
  })
})
