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
