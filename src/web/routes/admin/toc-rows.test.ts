import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TocEntry } from '../../../catalog'
import { applyTocOp, rowsToToc, tocRowsFromForm, tocToRows, type TocRow } from './toc-rows'

const row = (title: string, depth = 0, kind: TocRow['kind'] = 'chapter', number = ''): TocRow => ({ kind, number, title, depth, place: '', year: '' })
const titles = (rows: TocRow[]) => rows.map((r) => `${'-'.repeat(r.depth)}${r.title}`)

const tree: TocEntry[] = [
  { kind: 'front', title: 'Preface' },
  { kind: 'part', number: 'I', title: 'Part one', children: [{ kind: 'chapter', number: '1', title: 'One' }, { kind: 'chapter', number: '2', title: 'Two', children: [{ kind: 'chapter', title: 'Two a' }] }] },
  { kind: 'part', number: 'II', title: 'Part two', children: [{ kind: 'chapter', number: '3', title: 'Three' }] },
  { kind: 'back', title: 'Index' },
]

const entry: fc.Arbitrary<TocEntry> = fc.letrec<{ e: TocEntry }>((tie) => ({
  e: fc.record(
    { kind: fc.constantFrom('front', 'part', 'chapter', 'back'), title: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s.length > 0), number: fc.option(fc.constantFrom('1', '2', 'IV'), { nil: undefined }), children: fc.option(fc.array(tie('e'), { maxLength: 3 }), { depthSize: 'small', nil: undefined }) },
    { requiredKeys: ['kind', 'title'] },
  ) as fc.Arbitrary<TocEntry>,
})).e
const normal = (entries: TocEntry[]): TocEntry[] => entries.map(({ children, number, ...e }) => ({ ...e, ...(number && { number }), ...(children?.length && { children: normal(children) }) }))

describe('the contents tree as form rows', () => {
  it('turns a tree into rows and back without change', () => {
    expect(titles(tocToRows(tree))).toEqual(['Preface', 'Part one', '-One', '-Two', '--Two a', 'Part two', '-Three', 'Index'])
    expect(rowsToToc(tocToRows(tree))).toEqual(tree)
    fc.assert(fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        expect(rowsToToc(tocToRows(entries))).toEqual(normal(entries))
      }),
    )
  })

  it("keeps a row's place and year, as staff set them", () => {
    const rows = tocRowsFromForm({ 'toc.0.title': 'Kiiu 2022', 'toc.0.place': ' Kyiv ', 'toc.0.year': '2022', 'toc.1.title': 'Elsewhere', 'toc.1.place': '-' })
    expect(rowsToToc(rows)).toEqual([{ kind: 'chapter', title: 'Kiiu 2022', place: 'Kyiv', year: 2022 }, { kind: 'chapter', title: 'Elsewhere', place: '-' }])
    expect(tocToRows(rowsToToc(rows))).toEqual(rows)
  })

  it('reads posted rows in index order, drops blank ones and never lets a row skip a level', () => {
    const posted = { 'toc.10.title': 'Third', 'toc.10.depth': '1', 'toc.2.title': 'First', 'toc.2.depth': '3', 'toc.2.kind': 'part', 'toc.5.title': '  ', 'toc.7.title': 'Second', 'toc.7.depth': '4', 'toc.7.kind': 'nonsense', other: 'x' }
    expect(tocRowsFromForm(posted)).toEqual([row('First', 0, 'part'), row('Second', 1), row('Third', 1)])
  })

  it('moves, indents, outdents and removes an entry with its sub-entries', () => {
    const rows = tocToRows(tree)
    expect(titles(applyTocOp(rows, 'up:5'))).toEqual(['Preface', 'Part two', '-Three', 'Part one', '-One', '-Two', '--Two a', 'Index'])
    expect(titles(applyTocOp(rows, 'down:2'))).toEqual(['Preface', 'Part one', '-Two', '--Two a', '-One', 'Part two', '-Three', 'Index'])
    expect(titles(applyTocOp(rows, 'indent:3'))).toEqual(['Preface', 'Part one', '-One', '--Two', '---Two a', 'Part two', '-Three', 'Index'])
    expect(titles(applyTocOp(rows, 'outdent:3'))).toEqual(['Preface', 'Part one', '-One', 'Two', '-Two a', 'Part two', '-Three', 'Index'])
    expect(titles(applyTocOp(rows, 'remove:1'))).toEqual(['Preface', 'Part two', '-Three', 'Index'])
    expect(titles(applyTocOp(rows, 'add:3'))).toEqual(['Preface', 'Part one', '-One', '-Two', '--Two a', '-', 'Part two', '-Three', 'Index'])
    expect(titles(applyTocOp(rows, 'add:-1')).at(-1)).toBe('')
  })

  it('leaves the rows alone where a step cannot be taken', () => {
    const rows = tocToRows(tree)
    for (const op of ['up:0', 'up:2', 'down:3', 'down:7', 'indent:0', 'indent:2', 'outdent:0', 'remove:99', 'up:-3', 'explode:1']) expect(applyTocOp(rows, op), op).toEqual(rows)
  })

  it('keeps every tree well formed whatever buttons are pressed', () => {
    const op = fc.tuple(fc.constantFrom('up', 'down', 'indent', 'outdent', 'remove', 'add'), fc.integer({ min: -1, max: 12 })).map(([k, i]) => `${k}:${i}`)
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), fc.array(op, { maxLength: 12 }), (entries, ops) => {
        const rows = ops.reduce(applyTocOp, tocToRows(entries))
        rows.forEach((r, i) => expect(r.depth).toBeLessThanOrEqual(i === 0 ? 0 : rows[i - 1]!.depth + 1))
        expect(tocToRows(rowsToToc(rows))).toEqual(rows)
      }),
    )
  })
})
