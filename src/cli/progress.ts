import cliProgress from 'cli-progress'

/** A progress bar on a terminal; one summary line otherwise (logs, CI). */
export function progress(label: string): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) {
    let last = 0
    return {
      update(done, total) {
        if (done === total || Date.now() - last > 10_000) {
          last = Date.now()
          process.stderr.write(`${label}: ${done}/${total}\n`)
        }
      },
      stop() {},
    }
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`, stream: process.stderr, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  )
  const started = Date.now()
  let running = false
  return {
    update(done, total) {
      if (!running) {
        bar.start(total, 0, { rate: 0 })
        running = true
      }
      bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) })
    },
    stop() {
      if (running) bar.stop()
    },
  }
}

/** Progress of a stream of records whose total is unknown: records, records/s and errors. */
export function recordProgress(label: string): { update(records: number, errors: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} }
  const bar = new cliProgress.SingleBar(
    { format: `${label} | {value} records | {rate}/s | {errors} rejected`, stream: process.stderr, fps: 5 },
    cliProgress.Presets.shades_classic,
  )
  const started = Date.now()
  let running = false
  return {
    update(records, errors) {
      if (!running) {
        bar.start(0, 0, { rate: 0, errors: 0 })
        running = true
      }
      bar.update(records, { rate: Math.round(records / Math.max(0.001, (Date.now() - started) / 1000)), errors })
    },
    stop() {
      if (running) bar.stop()
    },
  }
}
