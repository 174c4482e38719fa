export { openStore, dialectFor, type Store, type StoreOptions } from './create-db'
export { migrateToLatest, migrateDown } from './migrations'
export type * from './database'
export type { StoreDialect } from './dialect'
