export { AccountsService, RESET_MINUTES, signUpProblems } from './service'
export { MAX_ADDRESSES, type AddressBook } from './addresses'
export type { Address, AddressInput, Customer } from './types'
