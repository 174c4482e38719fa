export { AccountsService, RESET_MINUTES, type AccountsOptions } from './service'
export { MIN_PASSWORD } from './password'
export type { AccountLang, Customer, Mailable, SignUpInput, SignedIn } from './types'
