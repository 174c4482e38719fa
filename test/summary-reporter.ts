import type { SerializedError } from 'vitest'
import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends the run with one plain line, "tests: N passed, N failed, N skipped", that any CI can read.
 * Whatever makes vitest fail the run counts as failed, so the line never reads "0 failed" then.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    const counts = { passed: 0, failed: 0, skipped: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') counts.passed++
        else if (state === 'failed') counts.failed++
        else counts.skipped++
      }
      // A file that fails outside its tests (its import, a hook) counts once, even when vitest marked its tests skipped or passed.
      if (module.state() === 'failed' && ![...module.children.allTests()].some((t) => t.result().state === 'failed')) counts.failed++
    }
    // An error thrown after its test ended (a stray timer, a rejected promise nobody awaited) fails the run but no test.
    counts.failed += unhandledErrors.length
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
  }
}
