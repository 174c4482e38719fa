export { AccountsService, RESET_MINUTES, signUpProblems } from './service'
export { MAX_ADDRESSES, type AddressBook } from './addresses'
export type { Address, AddressInput, Customer } from './types'
export { StaffService, STAFF_ROLES, type NewStaff, type StaffOptions, type StaffMember, type StaffRecord, type StaffRole, type StaffSession, type StaffSignIn } from './staff'
