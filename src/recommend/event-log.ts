import type { Database } from '../store'
import { isBot } from './bots'
import { insertEvents, type Kysely, type StoredEvent } from './repo'
import type { EventKind } from './types'

export interface EventLogOptions {
  /** Write buffered events at least this often (default 2 s). */
  flushMs?: number
  /** Write as soon as this many are buffered (default 500). */
  batchSize?: number
  /** Past this many unwritten events (the database is down), new ones are dropped (default 100,000). */
  maxBuffered?: number
  onError?: (err: unknown) => void
  /** Hears each batch once it is written (search keeps its popularity signal from them); a failure goes to onError. */
  onWritten?: (events: readonly StoredEvent[]) => Promise<void>
}

/**
 * Shopper events, appended in memory and written in batches. Recording is
 * O(1) and never waits for the database, so the cached page path can call it.
 */
export class EventLog {
  private pending: StoredEvent[] = []
  private timer: ReturnType<typeof setInterval> | undefined
  private writing: Promise<void> = Promise.resolve()
  private readonly batchSize: number
  private readonly maxBuffered: number
  dropped = 0

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: EventLogOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500
    this.maxBuffered = options.maxBuffered ?? 100_000
  }

  /** Starts the periodic flush; the timer never keeps the process alive. */
  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.options.flushMs ?? 2000)
    this.timer.unref()
  }

  record(sessionId: string, isbn13: string, kind: EventKind, at = Date.now()): void {
    if (this.pending.length >= this.maxBuffered) {
      this.dropped++
      return
    }
    this.pending.push({ sessionId, isbn13, kind, at })
    if (this.pending.length >= this.batchSize) void this.flush()
  }

  /** A product page seen by a shopper; crawlers and scripts are not counted. */
  recordView(sessionId: string, isbn13: string, userAgent: string | undefined): void {
    if (!isBot(userAgent)) this.record(sessionId, isbn13, 'view')
  }

  /** Writes what is buffered; writes never overlap. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.pending.length === 0) return
      const batch = this.pending
      this.pending = []
      try {
        await insertEvents(this.db, batch)
        await this.options.onWritten?.(batch)
      } catch (err) {
        this.options.onError?.(err)
      }
    })
    return this.writing
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.flush()
  }
}
