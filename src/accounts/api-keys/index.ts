export { ApiKeyService, hasScope, type ApiKeyOptions } from './service'
export { API_SCOPES, type ApiKey, type ApiScope, type KeyAuthor } from './types'
