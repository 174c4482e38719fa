import type { Kysely } from 'kysely'
import type { Database } from '../store'
import { emptyCounts, type ImportCounts, type ImportRun } from './report'

type Db = Kysely<Database>

export async function startRun(db: Db, run: { user: string; file: string; format: string; startedAt: string }): Promise<number> {
  const r = await db
    .insertInto('import_run')
    .values({ started_at: run.startedAt, user_name: run.user, file: run.file, format: run.format, status: 'running', ...emptyCounts() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function updateRun(db: Db, id: number, counts: ImportCounts, end?: { status: 'done' | 'failed'; error: string | null; report: string }): Promise<void> {
  await db
    .updateTable('import_run')
    .set({
      ...counts,
      ...(end ? { status: end.status, error: end.error, report: end.report, finished_at: new Date().toISOString() } : {}),
    })
    .where('id', '=', id)
    .execute()
}

export async function recentRuns(db: Db, limit: number): Promise<ImportRun[]> {
  const rows = await db.selectFrom('import_run').selectAll().orderBy('id', 'desc').limit(limit).execute()
  return rows.map((r) => ({
    id: Number(r.id),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    user: r.user_name,
    file: r.file,
    format: r.format,
    status: r.status,
    counts: { records: r.records, created: r.created, updated: r.updated, unchanged: r.unchanged, withdrawn: r.withdrawn, rejected: r.rejected },
    error: r.error,
  }))
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
