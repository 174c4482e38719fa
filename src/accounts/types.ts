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

/** A delivery address kept in the customer's address book (배송지). */
export interface Address {
  id: string
  recipientName: string
  /** 010-1234-5678: as checked at the edge. */
  recipientPhone: string
  /** The five-digit 우편번호. */
  postalCode: string
  /** 도로명주소. */
  address: string
  addressDetail: string
  isDefault: boolean
  createdAt: string
}

/** What the address form gives, checked. */
export type AddressInput = Pick<Address, 'recipientName' | 'recipientPhone' | 'postalCode' | 'address' | 'addressDetail'>
