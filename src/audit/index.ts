export { AuditService } from './service'
export { importRunOf, type AuditAuthor, type AuditChange, type AuditEntry, type BookWrite, type NewAuditEntry } from './types'
