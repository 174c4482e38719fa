export { StaffService, type NewStaff, type StaffOptions } from './service'
export { STAFF_ROLES, type StaffMember, type StaffRecord, type StaffRole, type StaffSession, type StaffSignIn } from './types'
