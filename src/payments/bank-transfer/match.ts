import { normaliseDepositor } from './depositor-name'
import type { StatementLine } from './statement'

/** An order waiting for a bank transfer of its amount. */
export interface AwaitingOrder {
  orderNumber: string
  amount: number
  /** The buyer's name and the depositor name given at checkout. */
  depositorNames: string[]
  /** When the order was placed: an ISO timestamp, or a date. */
  placedAt: string
}

export type DepositMatch =
  | { line: StatementLine; outcome: 'matched'; orderNumber: string }
  | { line: StatementLine; outcome: 'ambiguous'; candidates: string[] }
  | { line: StatementLine; outcome: 'unmatched'; reason: 'no_amount' | 'no_name' }

// Statement dates are Korean calendar days; Korea keeps UTC+9 all year.
const KST_OFFSET_MS = 9 * 3_600_000

/** The Korean calendar day an order was placed on. */
function placedOn(placedAt: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(placedAt)) return placedAt
  const at = Date.parse(placedAt)
  return Number.isNaN(at) ? placedAt.slice(0, 10) : new Date(at + KST_OFFSET_MS).toISOString().slice(0, 10)
}

/**
 * Pairs each statement line with the order it pays, by amount and depositor
 * name. Only a single order of that amount, placed by the deposit's day, whose
 * buyer or depositor name is the statement's, is matched; anything less certain
 * is left as ambiguous or unmatched for a person to decide. Earlier deposits
 * are paired first, and an order is matched by one line at most.
 */
export function matchDeposits(lines: StatementLine[], awaiting: AwaitingOrder[]): DepositMatch[] {
  const byAmount = new Map<number, Array<AwaitingOrder & { day: string; names: Set<string> }>>()
  for (const o of awaiting) {
    const bucket = byAmount.get(o.amount) ?? []
    bucket.push({ ...o, day: placedOn(o.placedAt), names: new Set(o.depositorNames.map(normaliseDepositor)) })
    byAmount.set(o.amount, bucket)
  }
  const taken = new Set<string>()
  const results: DepositMatch[] = new Array(lines.length)
  const byDay = lines.map((_, i) => i).sort((a, b) => lines[a]!.date.localeCompare(lines[b]!.date))
  for (const i of byDay) {
    const line = lines[i]!
    const sameAmount = (byAmount.get(line.amount) ?? []).filter((o) => o.day <= line.date)
    const name = normaliseDepositor(line.depositor)
    const sameName = sameAmount.filter((o) => name !== '' && o.names.has(name))
    results[i] = decide(line, sameAmount.map((o) => o.orderNumber), sameName.map((o) => o.orderNumber), taken)
  }
  return results
}

function decide(line: StatementLine, sameAmount: string[], sameName: string[], taken: Set<string>): DepositMatch {
  if (sameName.length === 1) {
    const orderNumber = sameName[0]!
    // A second deposit for an order already paid in this run is for a person to look at.
    if (taken.has(orderNumber)) return { line, outcome: 'ambiguous', candidates: sameName }
    taken.add(orderNumber)
    return { line, outcome: 'matched', orderNumber }
  }
  if (sameName.length > 1) return { line, outcome: 'ambiguous', candidates: sameName }
  if (sameAmount.length === 1) return { line, outcome: 'ambiguous', candidates: sameAmount }
  if (sameAmount.length === 0) return { line, outcome: 'unmatched', reason: 'no_amount' }
  return { line, outcome: 'unmatched', reason: 'no_name' }
}
