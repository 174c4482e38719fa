/** What a partner's key may do; every route a key opens names one of these. */
export const API_SCOPES = ['orders:read', 'stock:read', 'stock:write'] as const
export type ApiScope = (typeof API_SCOPES)[number]

/** A partner's API key as the back office lists it: never the key itself, which is shown once. */
export interface ApiKey {
  id: string
  name: string
  /** The key's first characters, to tell keys apart. */
  prefix: string
  scopes: ApiScope[]
  createdAt: string
  /** The staff member who made it, by name at the time. */
  createdBy: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** Who creates or revokes a key, for the audit log (the shape of the catalog's EditContext). */
export interface KeyAuthor {
  actor: string
  actorName: string
  via: string
}

/** An audit entry for a key's creation or revocation (record type 'api_key'). */
export interface KeyAuditEntry {
  actor: string
  actorName: string
  via: string
  action: 'create' | 'revoke'
  recordType: 'api_key'
  recordId: string
  changes: Array<{ field: string; before: unknown; after: unknown }>
}
