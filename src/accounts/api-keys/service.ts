import { createHash, randomBytes } from 'node:crypto'
import { InputError, NotFoundError } from '../../core/errors'
import { transactor, type Database, type Kysely, type UnitOfWork } from '../../store'
import * as repo from './repo'
import { API_SCOPES, type ApiKey, type ApiScope, type KeyAuditEntry, type KeyAuthor } from './types'

/** Every key starts so, which lets a secret scanner (and a person) recognise one. */
const KEY_MARK = 'colk_'
/** Characters of a key shown on screen: the mark and seven more, too few to guess the rest from. */
const PREFIX_LENGTH = KEY_MARK.length + 7
/** last_used_at is written at most this often, so a busy partner does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000

/*
 * A key is 32 random bytes (256 bits), so SHA-256 is the right digest: a
 * password needs a slow hash (argon2) because people choose guessable ones
 * and an attacker with the table can try the likely few; nobody can try
 * 2^256 keys, however fast each try is, and a fast digest lets every API
 * request be checked with one indexed look-up.
 */
const digest = (secret: string) => createHash('sha256').update(secret).digest('hex')

export interface ApiKeyOptions {
  /** Audits a creation or revocation in its transaction. */
  onChange?: (unit: UnitOfWork, entries: KeyAuditEntry[]) => Promise<void>
  now?: () => Date
}

/** Partners' API keys: made by an owner and shown once, kept only as a digest, each with its scopes, revocable. */
export class ApiKeyService {
  private readonly now: () => Date

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: ApiKeyOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
  }

  list(): Promise<ApiKey[]> {
    return repo.allKeys(this.db)
  }

  /** A new key: the secret is returned this once and never stored. */
  async create(given: { name: string; scopes: string[] }, author: KeyAuthor): Promise<{ key: ApiKey; secret: string }> {
    const name = given.name.trim()
    if (!name || name.length > 100) throw new InputError('name', 'give the key a name of 1 to 100 characters', { code: name ? 'too_long' : 'required', params: { max: 100 } })
    const scopes = [...new Set(given.scopes)]
    const unknown = scopes.find((s) => !(API_SCOPES as readonly string[]).includes(s))
    if (unknown !== undefined || !scopes.length) throw new InputError('scopes', `choose one or more of ${API_SCOPES.join(', ')}`, { code: 'one_of', params: { options: API_SCOPES.join(', ') } })
    const secret = KEY_MARK + randomBytes(32).toString('base64url')
    const key: ApiKey = {
      id: randomBytes(6).toString('hex'),
      name,
      prefix: secret.slice(0, PREFIX_LENGTH),
      scopes: API_SCOPES.filter((s) => scopes.includes(s)),
      createdAt: this.now().toISOString(),
      createdBy: author.actorName,
      lastUsedAt: null,
      revokedAt: null,
    }
    await transactor(this.db)(async (unit) => {
      await repo.insertKey(unit.db, key, digest(secret))
      await this.options.onChange?.(unit, [entry(author, 'create', key.id, [{ field: 'name', before: null, after: key.name }, { field: 'scopes', before: null, after: key.scopes }])])
    })
    return { key, secret }
  }

  /** Revokes a key at once; revoking it again changes nothing. */
  async revoke(id: string, author: KeyAuthor): Promise<void> {
    await transactor(this.db)(async (unit) => {
      const key = await repo.keyById(unit.db, id)
      if (!key) throw new NotFoundError('api key', id)
      if (key.revokedAt) return
      const at = this.now().toISOString()
      await repo.revokeKey(unit.db, id, at)
      await this.options.onChange?.(unit, [entry(author, 'revoke', id, [{ field: 'revokedAt', before: null, after: at }])])
    })
  }

  /** The live key a secret is, or undefined (unknown, malformed or revoked). */
  async authenticate(secret: string): Promise<ApiKey | undefined> {
    if (!secret.startsWith(KEY_MARK) || secret.length > 100) return undefined
    const key = await repo.keyByHash(this.db, digest(secret))
    if (!key || key.revokedAt) return undefined
    const now = this.now()
    if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) > TOUCH_EVERY_MS) await repo.touchKey(this.db, key.id, now.toISOString())
    return key
  }
}

const entry = (author: KeyAuthor, action: KeyAuditEntry['action'], id: string, changes: KeyAuditEntry['changes']): KeyAuditEntry => ({
  actor: author.actor,
  actorName: author.actorName,
  via: author.via,
  action,
  recordType: 'api_key',
  recordId: id,
  changes,
})

export const hasScope = (key: ApiKey, scope: ApiScope): boolean => key.scopes.includes(scope)
