export type AccountLang = 'ko' | 'en'

export interface Customer {
  id: string
  /** Lowercased. */
  email: string
  name: string
  phone: string | null
  lang: AccountLang
  verifiedAt: string | null
  createdAt: string
}

export interface SignUpInput {
  email: string
  password: string
  name: string
  phone?: string
  lang: AccountLang
}

/** A customer and the single-use token to mail them (a verify or reset link). */
export interface Mailable {
  customer: Customer
  token: string
}

/** A new server-side session: its token goes into the `account` cookie, and nowhere else. */
export interface SignedIn {
  customer: Customer
  token: string
}

export type TokenPurpose = 'verify' | 'reset'
