export { parseStatement, type ParsedStatement, type StatementError, type StatementLine } from './statement'
export { matchDeposits, type AwaitingOrder, type DepositMatch } from './match'
