export { AccountsService, RESET_MINUTES } from './service'
export type { Customer } from './types'
