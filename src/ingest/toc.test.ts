import { describe, expect, it } from 'vitest'
import { parseToc } from './toc'

describe('parseToc', () => {
  it('reads plain lines: front matter, numbered chapters, back matter', () => {
    expect(parseToc('머리말\n1 시작\n2. 끝\n맺음말')).toEqual([
      { kind: 'front', title: '머리말' },
      { kind: 'chapter', number: '1', title: '시작' },
      { kind: 'chapter', number: '2', title: '끝' },
      { kind: 'back', title: '맺음말' },
    ])
  })

  it('nests lists, reads parts and honours kind classes', () => {
    const html = '<ul><li>Part One<ul><li>1 Alpha</li><li>2 Beta</li></ul></li><li class="back">Index &amp; notes</li></ul>'
    expect(parseToc(html)).toEqual([
      { kind: 'part', title: 'Part One', children: [{ kind: 'chapter', number: '1', title: 'Alpha' }, { kind: 'chapter', number: '2', title: 'Beta' }] },
      { kind: 'back', title: 'Index & notes' },
    ])
  })

  it('reads a volume as a number, as a library contents note writes it, and leaves lower-case words alone', () => {
    expect(parseToc('v. 1 Letters 1-244\nBd. 2 Briefe\ncivil war')).toEqual([
      { kind: 'chapter', number: 'v. 1', title: 'Letters 1-244' },
      { kind: 'chapter', number: 'Bd. 2', title: 'Briefe' },
      { kind: 'back', title: 'civil war' },
    ])
  })

  it('splits MARC-style " -- " contents notes', () => {
    expect(parseToc('Preface -- 1. Door -- 2. Snow').map((e) => e.title)).toEqual(['Preface', 'Door', 'Snow'])
  })
})
