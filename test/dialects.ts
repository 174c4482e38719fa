import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface TestDialect {
  name: 'sqlite' | 'postgres'
  /** Why this variant is skipped here; undefined when it runs. */
  skip: string | undefined
  /** A fresh, empty database of its own: its COLOPHON_DB URL and how to throw it away. */
  freshDatabase(): Promise<{ url: string; drop(): Promise<void> }>
}

const PG_URL = process.env.COLOPHON_TEST_PG_URL
const IS_CI = process.env.CI === 'true'
let hasWarned = false

/** SQLite alone, for tests whose subject is not the store (the browser tests). */
export const sqlite: TestDialect = {
  name: 'sqlite',
  skip: undefined,
  async freshDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'colophon-test-'))
    return { url: join(dir, 'test.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) }
  },
}

let serial = 0

/** One database per call on the server COLOPHON_TEST_PG_URL names, dropped afterwards. */
async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('COLOPHON_TEST_PG_URL is not set: under CI=true the PostgreSQL variants must run, not skip (.ci/run starts a cluster and sets it)')
  const name = `colophon_test_${process.pid}_${++serial}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => dropPostgresDatabase(name) }
}

/** How often a drop is tried while sessions the role may not end are still in the database. */
const DROP_ATTEMPTS = 4

/**
 * Drops a test database, ending the sessions still in it: pools of the test
 * that are still closing, and autovacuum workers. WITH (FORCE) ends them all,
 * but only for a role in pg_signal_backend (.ci/run grants it): an autovacuum
 * worker belongs to no role, so for any other role FORCE fails whenever one is
 * at work. Then the role ends its own sessions, which needs no grant, and a
 * plain DROP, which stops autovacuum by itself and waits up to 5 s for
 * sessions to leave, is tried again until they have.
 */
async function dropPostgresDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      return
    } catch (err) {
      if (pgCode(err) !== INSUFFICIENT_PRIVILEGE) throw err
    }
    for (let attempt = 1; ; attempt++) {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()', [name])
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name}`)
        return
      } catch (err) {
        if (pgCode(err) !== OBJECT_IN_USE || attempt === DROP_ATTEMPTS) throw err
      }
    }
  } finally {
    await client.end()
  }
}

const INSUFFICIENT_PRIVILEGE = '42501'
const OBJECT_IN_USE = '55006'
const pgCode = (err: unknown) => (err as { code?: string }).code

/**
 * The dialects every store and web test runs against: SQLite always,
 * PostgreSQL when COLOPHON_TEST_PG_URL names a server the tests may create
 * databases on. Without it the PostgreSQL variants skip, except under
 * CI=true, where they run and fail.
 */
export function testDialects(): TestDialect[] {
  const skip = PG_URL || IS_CI ? undefined : 'COLOPHON_TEST_PG_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)'
  if (skip && !hasWarned) {
    hasWarned = true
    console.warn(`postgres: tests skipped, ${skip}`)
  }
  return [sqlite, { name: 'postgres', skip, freshDatabase: freshPostgresDatabase }]
}
