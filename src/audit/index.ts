export { AuditService } from './service'
export { importRunOf, type AuditChange, type AuditEntry, type NewAuditEntry } from './types'
