/** Finding the header row of a bank statement and its three columns. */

export interface StatementColumns {
  date: number
  depositor: number
  amount: number
}

// In order of preference. Banks that print both 내용 and 적요 (신한, IBK) keep the
// transaction type in 적요 and the sender in 내용; 신한 heads its deposits "입금(원)".
const ALIASES: Record<keyof StatementColumns, string[]> = {
  date: ['거래일자', '거래일시', '입금일', '날짜', 'date'],
  depositor: ['입금자', '입금자명', '보낸분', '내용', '적요', 'depositor', 'name'],
  amount: ['입금액', '입금금액', '맡기신금액', '금액', 'amount', 'deposit', '입금'],
}

// A column that only contains an alias must not be a withdrawal or balance column ("출금액" contains "금액").
const NOT_A_DEPOSIT = /출금|찾으신|잔액|withdraw|balance|debit/

/** A header cell without spaces, case, punctuation or a unit in brackets ("입금액(원)"). */
function headerKey(cell: string): string {
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([].*?[)\]]/g, '')
    .replace(/[\s_.\-:/]/g, '')
}

function findColumn(keys: string[], field: keyof StatementColumns, taken: number[]): number {
  const isFree = (k: string, i: number) => !taken.includes(i) && (field !== 'amount' || !NOT_A_DEPOSIT.test(k))
  for (const alias of ALIASES[field]) {
    const exact = keys.findIndex((k, i) => k === alias && isFree(k, i))
    if (exact >= 0) return exact
    const loose = keys.findIndex((k, i) => k.includes(alias) && isFree(k, i))
    if (loose >= 0) return loose
  }
  return -1
}

/** The three columns if this row is a statement header, or null. */
export function readHeader(cells: string[]): StatementColumns | null {
  const keys = cells.map(headerKey)
  // The depositor is placed before the amount, so the amount's "deposit" cannot take a "Depositor" column.
  const date = findColumn(keys, 'date', [])
  const depositor = findColumn(keys, 'depositor', [date])
  const amount = findColumn(keys, 'amount', [date, depositor])
  if (date < 0 || depositor < 0 || amount < 0) return null
  return { date, depositor, amount }
}
