import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServices, serverServices, type Services } from '../src/cli/services'
import { createLogger } from '../src/core/logger'
import { fillDemoCatalog } from '../src/demo'
import { openStore } from '../src/store'
import { createApp } from '../src/web/app'
import type { PageCache } from '../src/web/page-cache'

export interface TestStore extends Services {
  path: string
  cleanup(): Promise<void>
}

/** A fresh SQLite store in a temp folder, optionally filled with the demo catalog. */
export async function testStore(options: { demoBooks?: number } = {}): Promise<TestStore> {
  const dir = mkdtempSync(join(tmpdir(), 'colophon-test-'))
  const path = join(dir, 'test.db')
  const store = await openStore(path)
  const services = buildServices(store)
  if (options.demoBooks !== undefined) await fillDemoCatalog(services.catalog, { books: options.demoBooks })
  return {
    ...services,
    path,
    async cleanup() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function testApp(services: Services, options: { pageCache?: PageCache } = {}) {
  return createApp({ ...serverServices(services, createLogger('silent')), ...options })
}

export function testServices(services: Services) {
  return serverServices(services, createLogger('silent'))
}

/** The seed page's text when ../shared is present; under CI its absence is a failure. */
export const SHARED = join(import.meta.dirname, '..', '..', 'shared')

/** Whether a command-line tool is on PATH; under CI its absence is a failure, locally a warning. */
export function toolAvailable(command: string, debianPackage: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
  if (found) return true
  if (process.env.CI === 'true') throw new Error(`${command} is missing: .ci/run must install Debian's ${debianPackage}`)
  console.warn(`${command} not found (apt-get install ${debianPackage}): skipping the check that needs it`)
  return false
}
