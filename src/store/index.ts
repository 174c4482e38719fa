export { openStore, dialectFor, type Store } from './create-db'
export { migrateToLatest, migrateDown } from './migrations'
export type * from './database'
export type { StoreDialect } from './dialect'
export { TEXT_FIELDS, type TextField, type TextDocument, type TextPhrase, type TextQuery, type TextIndex } from './text-index'
export { copyStore, type CopyReport } from './copy'
export { transactor, type Transactor, type UnitOfWork } from './unit-of-work'
/** The query builder's types, for services that hold the store's handle and pass it to their repo. */
export type { Kysely, Transaction } from 'kysely'
