import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchDeposits, type AwaitingOrder } from './match'
import type { StatementLine } from './statement'

let lineNo = 1
const deposit = (depositor: string, amount: number, date = '2026-12-02'): StatementLine => ({ date, depositor, amount, line: ++lineNo, key: `k${lineNo}` })
const order = (orderNumber: string, amount: number, names: string[], placedAt = '2026-12-01T03:00:00.000Z'): AwaitingOrder => ({
  orderNumber,
  amount,
  depositorNames: names,
  placedAt,
})

const outcomes = (lines: StatementLine[], awaiting: AwaitingOrder[]) => matchDeposits(lines, awaiting).map(({ line: _, ...rest }) => rest)

describe('matchDeposits', () => {
  it('matches the one order of that amount whose name is the depositor, ignoring spaces, case, (주) and appended digits', () => {
    const awaiting = [order('A-1', 12300, ['홍길동']), order('A-2', 12300, ['김철수']), order('A-3', 9000, ['Jane Doe']), order('A-4', 5000, ['책방'])]
    const lines = [deposit('홍 길동12', 12300), deposit('JANE  DOE', 9000), deposit('(주)책방', 5000), deposit('㈜책방', 5000, '2026-12-03')]
    expect(outcomes(lines, awaiting)).toEqual([
      { outcome: 'matched', orderNumber: 'A-1' },
      { outcome: 'matched', orderNumber: 'A-3' },
      { outcome: 'matched', orderNumber: 'A-4' },
      { outcome: 'ambiguous', candidates: ['A-4'] },
    ])
  })

  it('matches by the depositor name given at checkout as well as the buyer name', () => {
    expect(outcomes([deposit('이몽룡', 20000)], [order('B-1', 20000, ['성춘향', '이몽룡'])])).toEqual([{ outcome: 'matched', orderNumber: 'B-1' }])
  })

  it('leaves several orders with the amount and the name to a person', () => {
    const awaiting = [order('C-1', 15000, ['홍길동']), order('C-2', 15000, ['홍길동']), order('C-3', 15000, ['김철수'])]
    expect(outcomes([deposit('홍길동', 15000)], awaiting)).toEqual([{ outcome: 'ambiguous', candidates: ['C-1', 'C-2'] }])
  })

  it('leaves the only order of that amount to a person when the name differs', () => {
    expect(outcomes([deposit('홍길순', 15000)], [order('D-1', 15000, ['홍길동'])])).toEqual([{ outcome: 'ambiguous', candidates: ['D-1'] }])
  })

  it('reports no order of the amount, and several of the amount without the name', () => {
    const awaiting = [order('E-1', 15000, ['홍길동']), order('E-2', 15000, ['김철수'])]
    expect(outcomes([deposit('홍길동', 15001), deposit('박영희', 15000)], awaiting)).toEqual([
      { outcome: 'unmatched', reason: 'no_amount' },
      { outcome: 'unmatched', reason: 'no_name' },
    ])
  })

  it('does not pair a deposit with an order placed after its day, in Korean time', () => {
    // 2026-12-01T16:00Z is 2026-12-02 01:00 in Seoul.
    const awaiting = [order('F-1', 7000, ['홍길동'], '2026-12-01T16:00:00.000Z')]
    expect(outcomes([deposit('홍길동', 7000, '2026-12-01')], awaiting)).toEqual([{ outcome: 'unmatched', reason: 'no_amount' }])
    expect(outcomes([deposit('홍길동', 7000, '2026-12-02')], awaiting)).toEqual([{ outcome: 'matched', orderNumber: 'F-1' }])
  })

  it('gives an order to the earliest deposit and leaves a second deposit for it to a person', () => {
    const awaiting = [order('G-1', 12300, ['홍길동'])]
    const later = deposit('홍길동', 12300, '2026-12-03')
    const earlier = deposit('홍길동', 12300, '2026-12-02')
    expect(outcomes([later, earlier], awaiting)).toEqual([
      { outcome: 'ambiguous', candidates: ['G-1'] },
      { outcome: 'matched', orderNumber: 'G-1' },
    ])
  })

  it('matches each order at most once and gives every line exactly one outcome', () => {
    const name = fc.constantFrom('홍길동', '김철수', '홍 길동1', '(주)책방', '책방', 'Jane', '')
    const amount = fc.constantFrom(1000, 5000, 12300)
    const day = fc.constantFrom('2026-12-01', '2026-12-02', '2026-12-03')
    const lineArb = fc.record({ date: day, depositor: name, amount, line: fc.nat(), key: fc.string() })
    const orderArb = fc.record({ amount, depositorNames: fc.array(name, { maxLength: 2 }), placedAt: day })
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), fc.array(orderArb, { maxLength: 8 }), (lines, drafts) => {
        const awaiting = drafts.map((d, i) => ({ ...d, orderNumber: `O-${i}` }))
        const results = matchDeposits(lines, awaiting)
        expect(results).toHaveLength(lines.length)
        results.forEach((r, i) => expect(r.line).toBe(lines[i]))
        const matched = results.flatMap((r) => (r.outcome === 'matched' ? [r.orderNumber] : []))
        expect(new Set(matched).size).toBe(matched.length)
        for (const r of results) {
          if (r.outcome === 'ambiguous') expect(r.candidates.length).toBeGreaterThan(0)
          if (r.outcome !== 'unmatched') {
            const numbers = r.outcome === 'matched' ? [r.orderNumber] : r.candidates
            for (const n of numbers) expect(awaiting.find((o) => o.orderNumber === n)!.amount).toBe(r.line.amount)
          }
        }
      }),
      { numRuns: 500 },
    )
  })
})
