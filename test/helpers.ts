import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServices, serverServices, shopSettings, type Services, type ShopSettings } from '../src/cli/services'
import { loadConfig } from '../src/core/config'
import { createLogger } from '../src/core/logger'
import { fillDemoCatalog } from '../src/demo'
import { openStore } from '../src/store'
import { createApp } from '../src/web/app'
import type { PageCache } from '../src/web/page-cache'
import { sqlite, type TestDialect } from './dialects'

export interface TestStore extends Services {
  /** What COLOPHON_DB would say: another openStore(url) stands for another process. */
  url: string
  cleanup(): Promise<void>
}

/** A fresh store of the given dialect, in a database of its own, optionally filled with the demo catalog. */
export async function testStore(dialect: TestDialect = sqlite, options: { demoBooks?: number; shop?: Partial<ShopSettings> } = {}): Promise<TestStore> {
  const database = await dialect.freshDatabase()
  const store = await openStore(database.url, { poolSize: 4 })
  const services = buildServices(store, undefined, testShop(options.shop))
  if (options.demoBooks !== undefined) await fillDemoCatalog(services.catalog, { books: options.demoBooks })
  return {
    ...services,
    url: database.url,
    async cleanup() {
      await store.close()
      await database.drop()
    },
  }
}

/** The shop's default settings, with mail and uploaded covers written to folders of the test's own instead of the working directory. */
export function testShop(overrides: Partial<ShopSettings> = {}): ShopSettings {
  const shop = shopSettings(loadConfig({}))
  return {
    ...shop,
    mail: { ...shop.mail, outboxDir: mkdtempSync(join(tmpdir(), 'colophon-mail-')) },
    covers: { ...shop.covers, dir: mkdtempSync(join(tmpdir(), 'colophon-covers-')) },
    ...overrides,
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
