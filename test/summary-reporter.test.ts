import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..')

/**
 * Files that fail in every way vitest knows, with what each adds to the
 * summary line. They live in a temporary directory and end in .check.ts, so
 * the suite itself never collects them.
 */
const FILES: Record<string, { source: string; passed: number; failed: number; skipped: number }> = {
  'import-throws.check.ts': { source: "throw new Error('cannot load')", passed: 0, failed: 1, skipped: 0 },
  'missing-module.check.ts': { source: "import { nope } from './no-such-module'\nit('x', () => nope())", passed: 0, failed: 1, skipped: 0 },
  'before-all-throws.check.ts': { source: "beforeAll(() => { throw new Error('no database') })\nit('x', () => {})\nit('y', () => {})", passed: 0, failed: 1, skipped: 2 },
  'suite-hook-throws.check.ts': { source: "describe('d', () => { beforeAll(() => { throw new Error('no fixture') }); it('x', () => {}) })\nit('z', () => {})", passed: 1, failed: 1, skipped: 1 },
  'after-all-throws.check.ts': { source: "afterAll(() => { throw new Error('cannot drop') })\nit('x', () => {})", passed: 1, failed: 1, skipped: 0 },
  'late-error.check.ts': { source: "it('x', () => { setTimeout(() => { throw new Error('late') }, 1) })\nit('y', () => new Promise((r) => setTimeout(r, 100)))", passed: 2, failed: 1, skipped: 0 },
  'test-fails.check.ts': { source: "it('x', () => { throw new Error('wrong') })\nit('y', () => {})", passed: 1, failed: 1, skipped: 0 },
  'clean.check.ts': { source: "it('x', () => {})\nit.skip('y', () => {})", passed: 1, failed: 0, skipped: 1 },
}

let dir: string

/** Runs vitest on the given files of the temporary directory with the summary reporter alone. */
async function runVitest(files: string[]): Promise<{ code: number; summary: string | undefined }> {
  const config = join(dir, `vitest-${files.length}.config.mjs`)
  const test = { globals: true, include: files, maxWorkers: 1, reporters: [join(ROOT, 'test', 'summary-reporter.ts')] }
  writeFileSync(config, `export default ${JSON.stringify({ test })}\n`)
  // The child is a run of its own, not a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')))
  const args = [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config, '--root', dir]
  const { code, stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env, timeout: 80_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout }),
    (err: { code?: number; stdout?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '' }),
  )
  return { code, summary: /^tests: .*$/m.exec(stdout)?.[0] }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'colophon-reporter-'))
  for (const [name, { source }] of Object.entries(FILES)) writeFileSync(join(dir, name), `${source}\n`)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('summary reporter', () => {
  it('counts a file that fails to load, a failing hook and a late error as failures, beside the tests', async () => {
    const total = { passed: 0, failed: 0, skipped: 0 }
    for (const f of Object.values(FILES)) for (const k of ['passed', 'failed', 'skipped'] as const) total[k] += f[k]
    const run = await runVitest(Object.keys(FILES))
    expect(run.summary).toBe(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
    expect(run.code).toBe(1)
  }, 90_000)

  it('reads 0 failed for a run that passes', async () => {
    const run = await runVitest(['clean.check.ts'])
    expect(run).toEqual({ code: 0, summary: 'tests: 1 passed, 0 failed, 1 skipped' })
  }, 90_000)
})
