import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')

/** A tree every rule accepts: each kind of import the rules allow, once. */
const CLEAN: Record<string, string> = {
  'src/core/errors.ts': 'export class InputError extends Error {}\n',
  'src/store/index.ts': "import type { Kysely } from 'kysely'\nexport type Db = Kysely<object>\nexport const openStore = () => 1\n",
  'src/catalog/repo.ts': "import { sql } from 'kysely'\nexport const now = sql`now()`\n",
  'src/catalog/index.ts': "import { now } from './repo'\nimport { InputError } from '../core/errors'\nexport const catalog = [now, InputError]\n",
  'src/search/repo/shelves.ts': "import type { Kysely } from 'kysely'\nexport type ShelfDb = Kysely<object>\n",
  'src/search/index.ts': "import { catalog } from '../catalog'\nimport type { ShelfDb } from './repo/shelves'\nimport type { Db } from '../store'\nexport const search = (db: ShelfDb | Db) => [db, catalog]\n",
  'src/commerce/index.ts': "import { catalog } from '../catalog'\nexport const commerce = catalog\n",
  'src/payments/index.ts': "import { commerce } from '../commerce'\nexport const payments = commerce\n",
  'src/web/app.ts': "import { Hono } from 'hono'\nimport { basicAuth } from 'hono/basic-auth'\nimport { search } from '../search'\nimport { payments } from '../payments'\nexport const app = [new Hono(), basicAuth, search, payments]\n",
  'src/cli/main.ts': "import { app } from '../web/app'\nimport { openStore } from '../store'\nexport const main = [app, openStore]\n",
}

/** One violating import per file, and the rule that must name it. */
const VIOLATIONS: Array<{ file: string; source: string; rule: string; to: RegExp }> = [
  { file: 'src/web/reads-store.ts', source: "import { openStore } from '../store'\nexport const x = openStore", rule: 'web-imports-no-store', to: /^src\/store\/index\.ts$/ },
  { file: 'src/web/reads-kysely.ts', source: "import type { Kysely } from 'kysely'\nexport type X = Kysely<object>", rule: 'web-imports-no-store', to: /node_modules\/kysely\// },
  { file: 'src/commerce/routes.ts', source: "import { Hono } from 'hono'\nexport const x = new Hono()", rule: 'domains-import-no-hono', to: /node_modules\/hono\// },
  { file: 'src/audit/auth.ts', source: "import { basicAuth } from 'hono/basic-auth'\nexport const x = basicAuth", rule: 'domains-import-no-hono', to: /(^|\/)hono\/.*basic-auth/ },
  { file: 'src/ingest/server.ts', source: "import { serve } from '@hono/node-server'\nexport const x = serve", rule: 'domains-import-no-hono', to: /@hono\/node-server/ },
  { file: 'src/catalog/ranks.ts', source: "import { search } from '../search'\nexport const x = search", rule: 'domain-direction', to: /^src\/search\/index\.ts$/ },
  { file: 'src/accounts/index.ts', source: "import { commerce } from '../commerce'\nexport const x = commerce", rule: 'domain-direction', to: /^src\/commerce\/index\.ts$/ },
  { file: 'src/search/service.ts', source: "import { sql } from 'kysely'\nexport const x = sql`1`", rule: 'kysely-only-in-repo', to: /node_modules\/kysely\// },
  { file: 'src/commerce/checkout.ts', source: "import type { Transaction } from 'kysely'\nexport type X = Transaction<object>", rule: 'kysely-only-in-repo', to: /node_modules\/kysely\// },
]

interface Violation {
  from: string
  to: string
  rule: { name: string }
}

let dir: string

/** Writes the files into a fresh tree shaped like the checkout, which resolves packages from the real node_modules. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(dir, 'tree-'))
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'))
  cpSync(join(ROOT, 'tsconfig.json'), join(root, 'tsconfig.json'))
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), source)
  }
  return root
}

/** Runs the real configuration over a tree, as `npm test` runs it over src. */
async function cruise(root: string): Promise<Violation[]> {
  const args = [DEPCRUISE, 'src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json']
  // depcruise exits non-zero when it finds violations; the JSON on stdout says which.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 16 << 20 }).catch((err: { stdout?: string }) => {
    if (!err.stdout) throw err
    return { stdout: err.stdout }
  })
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'colophon-depcruise-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Each case starts depcruise once: about 1.5 s on an idle machine, many times that on a busy one.
describe('dependency rules', () => {
  it('accept a tree that keeps to the layout', async () => {
    expect(await cruise(tree(CLEAN))).toEqual([])
  }, 60_000)

  it('name each violating import by its rule, and nothing else', async () => {
    const files = { ...CLEAN, ...Object.fromEntries(VIOLATIONS.map((v) => [v.file, `${v.source}\n`])) }
    const found = await cruise(tree(files))
    for (const v of VIOLATIONS) {
      const hits = found.filter((f) => f.from === v.file)
      expect(hits.map((h) => h.rule.name), v.file).toEqual([v.rule])
      expect(hits[0]!.to, v.file).toMatch(v.to)
    }
    expect(found).toHaveLength(VIOLATIONS.length)
  }, 60_000)
})
