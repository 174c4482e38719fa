import { rm } from 'node:fs/promises'
import type { Context } from 'hono'
import type { StaffMember } from '../../../accounts'
import type { Logger } from '../../../core/logger'
import { FORMATS, openInput, type Format, type Importer } from '../../../ingest'
import type { AppEnv } from '../../env'
import { importRunPage, importsPage, type ImportRefusal } from '../../pages/admin/imports'
import { href } from '../../pages/context'
import { errorPage } from '../../pages/error'
import { may, route, type AdminRoute } from './access'
import { saveUpload, type SavedUpload } from './imports-upload'

/** Feed imports from the back office: the importer, the largest upload (COLOPHON_IMPORT_MAX_MB) and where uploads wait while imported. */
export interface ImportUploads {
  importer: Importer
  maxBytes: number
  /** Default: the OS temp folder. */
  dir?: string
}

const MB = 1024 * 1024
const HISTORY = 30
/** Seconds between reloads of a running import's page (the Refresh header: works without script). */
const REFRESH_SECONDS = 2

const isFormat = (value: string | undefined): value is Format => (FORMATS as readonly string[]).includes(value ?? '')

/**
 * Upload a feed, watch it run, read its report, see the history. One import
 * runs at a time in this process, in the background of the request that
 * uploaded it; its page reads the run's row, which the importer renews after
 * every batch, so any process serving the back office shows the same.
 */
export const importsRoutes = ({ imports, logger }: { imports: ImportUploads; logger: Logger }): AdminRoute[] => {
  const { importer, maxBytes } = imports
  const maxMb = Math.round((maxBytes / MB) * 10) / 10
  let running: Promise<void> | undefined

  const list = async (c: Context<AppEnv>, refusal?: ImportRefusal) => {
    const staff = c.var.staff!
    const runs = await importer.recentRuns(HISTORY)
    return importsPage(c.var.page, staff, { runs, maxMb, mayUpload: may(staff.role, 'imports.write'), refusal })
  }

  /** Starts the import and resolves with its run's id as soon as the run is logged. */
  const start = (upload: SavedUpload, staff: StaffMember, format: Format | undefined) =>
    new Promise<number>((resolve, reject) => {
      const job = importer.importFile(upload.fileName || 'upload', openInput(upload.path), { format, user: staff.name, actor: `staff:${staff.id}`, onStart: resolve })
      job.catch(reject)
      running = job
        .then(() => undefined, (err: unknown) => logger.error({ err, file: upload.fileName }, 'import from the back office stopped'))
        .finally(async () => {
          running = undefined
          await rm(upload.dir, { recursive: true, force: true })
        })
    })

  return [
    route('GET', '/imports', 'catalog.read', async (c) => c.html(await list(c))),
    route('POST', '/imports', 'imports.write', async (c) => {
      // Refused before the file is read: the running import keeps the process's one place.
      if (running) return c.html(await list(c, { code: 'import_busy' }), 409)
      const outcome = await saveUpload(c.req.raw, { field: 'file', maxBytes, dir: imports.dir })
      if ('refused' in outcome) return c.html(await list(c, { code: outcome.refused, maxMb }), outcome.refused === 'import_too_large' ? 413 : 400)
      const { saved } = outcome
      if (running) {
        await rm(saved.dir, { recursive: true, force: true })
        return c.html(await list(c, { code: 'import_busy' }), 409)
      }
      const format = isFormat(saved.fields.format) ? saved.fields.format : undefined
      const runId = await start(saved, c.var.staff!, format)
      return c.redirect(href(c.var.page, `/admin/imports/${runId}`), 303)
    }),
    route('GET', '/imports/:id', 'catalog.read', async (c) => {
      const id = Number(c.req.param('id'))
      const found = Number.isSafeInteger(id) && id > 0 ? await importer.run(id) : undefined
      if (!found) return c.html(errorPage(c.var.page, { status: 404 }), 404)
      const isPaused = c.req.query('pause') === '1'
      if (found.run.status === 'running' && !isPaused) c.header('Refresh', String(REFRESH_SECONDS))
      return c.html(importRunPage(c.var.page, c.var.staff!, { ...found, isPaused }))
    }),
  ]
}
