import { hostname } from 'node:os'
import type { Kysely, Selectable } from 'kysely'
import type { Database, ImportRunTable } from '../store'
import { emptyCounts, type FileReport, type ImportCounts, type ImportRun, type ImportRunStatus } from './report'

type Db = Kysely<Database>

/** How often a running import says it is alive, and the silence after which it counts as interrupted. */
const HEARTBEAT_MS = 15_000
const STALE_MS = 60_000

export async function startRun(db: Db, run: { user: string; file: string; format: string; startedAt: string }): Promise<number> {
  const r = await db
    .insertInto('import_run')
    .values({
      started_at: run.startedAt, user_name: run.user, file: run.file, format: run.format, status: 'running', ...emptyCounts(),
      pid: process.pid, host: hostname(), heartbeat_at: run.startedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}

/**
 * Renews the run's heartbeat until stopped, also while no batch is written
 * (a slow stdin, a file of rejects). A failed renewal is dropped: the next
 * one, or the next batch, meets the same database and reports its trouble.
 */
export function keepRunAlive(db: Db, id: number): { stop(): void } {
  const timer = setInterval(() => {
    db.updateTable('import_run').set({ heartbeat_at: new Date().toISOString() }).where('id', '=', id).execute().catch(() => undefined)
  }, HEARTBEAT_MS)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}

export async function updateRun(db: Db, id: number, counts: ImportCounts, end?: { status: 'done' | 'failed'; error: string | null; report: string }): Promise<void> {
  const now = new Date().toISOString()
  await db
    .updateTable('import_run')
    .set({
      ...counts,
      heartbeat_at: now,
      ...(end ? { status: end.status, error: end.error, report: end.report, finished_at: now } : {}),
    })
    .where('id', '=', id)
    .execute()
}

export async function recentRuns(db: Db, limit: number): Promise<ImportRun[]> {
  const rows = await db.selectFrom('import_run').selectAll().orderBy('id', 'desc').limit(limit).execute()
  const now = Date.now()
  return rows.map((r) => toRun(r, now))
}

export async function getRun(db: Db, id: number): Promise<{ run: ImportRun; report: FileReport | null } | undefined> {
  const row = await db.selectFrom('import_run').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return { run: toRun(row, Date.now()), report: row.report ? (JSON.parse(row.report) as FileReport) : null }
}

function toRun(r: Selectable<ImportRunTable>, now: number): ImportRun {
  const status = statusOf(r, now)
  return {
    id: Number(r.id),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    user: r.user_name,
    file: r.file,
    format: r.format,
    status,
    counts: { records: r.records, created: r.created, updated: r.updated, unchanged: r.unchanged, withdrawn: r.withdrawn, rejected: r.rejected },
    error: status === 'interrupted' ? 'stopped before the end (the process was killed or crashed); run it again to finish it' : r.error,
  }
}

/**
 * A run logged as running was interrupted when its process is gone (on this
 * host, where its pid can be asked about) or has been silent too long (on any
 * host; runs logged before heartbeats count from their start).
 */
function statusOf(r: Selectable<ImportRunTable>, now: number): ImportRunStatus {
  if (r.status !== 'running') return r.status as ImportRunStatus
  const isGone = r.pid !== null && r.host === hostname() && !isProcessAlive(r.pid)
  const isSilent = now - Date.parse(r.heartbeat_at ?? r.started_at) > STALE_MS
  return isGone || isSilent ? 'interrupted' : 'running'
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export async function subjectMap(db: Db): Promise<Array<{ scheme: string; code: string; categoryId: string }>> {
  const rows = await db.selectFrom('subject_category').selectAll().execute()
  return rows.map((r) => ({ scheme: r.scheme, code: r.code, categoryId: r.category_id }))
}

export async function setSubjectCategory(db: Db, scheme: string, code: string, categoryId: string): Promise<void> {
  await db
    .insertInto('subject_category')
    .values({ scheme, code, category_id: categoryId })
    .onConflict((oc) => oc.columns(['scheme', 'code']).doUpdateSet({ category_id: categoryId }))
    .execute()
}

/** Notes which books a run carried; a book the same run carries twice is noted once. */
export async function recordRunBooks(db: Db, runId: number, isbns: string[]): Promise<void> {
  const unique = [...new Set(isbns)]
  for (let i = 0; i < unique.length; i += 1000) {
    await db
      .insertInto('import_run_book')
      .values(unique.slice(i, i + 1000).map((isbn13) => ({ run_id: runId, isbn13 })))
      .onConflict((oc) => oc.columns(['run_id', 'isbn13']).doNothing())
      .execute()
  }
}
