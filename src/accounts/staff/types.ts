/** What a staff member may do: an owner everything; catalog the books, categories, covers and imports; orders the orders, payments, shipping and returns; a viewer reads. */
export type StaffRole = 'owner' | 'catalog' | 'orders' | 'viewer'

export const STAFF_ROLES: readonly StaffRole[] = ['owner', 'catalog', 'orders', 'viewer']

/** A signed-in staff member, as the back office sees them. */
export interface StaffMember {
  id: string
  /** Lowercased. */
  email: string
  name: string
  role: StaffRole
  /** The language the back office speaks to them in. */
  lang: 'ko' | 'en'
  hasTwoFactor: boolean
}

/** A member as the owner's staff list shows them. */
export interface StaffRecord extends StaffMember {
  createdAt: string
  disabledAt: string | null
  hasPassword: boolean
}

/** The first sign-in step's outcome: a session, or the proof of the password that the code step takes. */
export type StaffSignIn = { kind: 'signed-in'; token: string; member: StaffMember } | { kind: 'code'; challenge: string }

/** A session just opened: its token goes into the `staff` cookie and nowhere else. */
export interface StaffSession {
  token: string
  member: StaffMember
}
