import pg from 'pg'

export interface CommitListener {
  /** Moves on every notification; while not listening it moves on every read, so nothing is trusted as fresh. */
  read(): number
  close(): Promise<void>
}

const RETRY_MS = 1000
/** A silent network partition sends no error; a query that doesn't come back in time counts as a lost connection. */
const HEARTBEAT_MS = 5000

/**
 * A dedicated connection that LISTENs on a channel the database NOTIFYs on
 * commit. When the connection drops it reconnects by itself; the counter
 * moves when it is back, because notifications sent meanwhile were lost.
 */
export async function listenForCommits(config: pg.ClientConfig, channel: string, isOwnBackend: (pid: number) => boolean): Promise<CommitListener> {
  let count = 0
  let client: pg.Client | undefined
  let isClosed = false
  let retry: NodeJS.Timeout | undefined

  const lose = (c: pg.Client) => {
    if (client !== c) return
    client = undefined
    c.end().catch(() => {})
    schedule()
  }
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ ...config, query_timeout: HEARTBEAT_MS })
    // Commits made through this process's own pool are not foreign: it already knows about them.
    c.on('notification', (n) => {
      if (!isOwnBackend(n.processId)) count++
    })
    c.on('error', () => lose(c))
    c.on('end', () => lose(c))
    try {
      await c.connect()
      await c.query(`LISTEN ${channel}`)
    } catch (err) {
      await c.end().catch(() => {})
      throw err
    }
    client = c
    count++
  }
  const schedule = () => {
    if (isClosed || retry) return
    retry = setTimeout(() => {
      retry = undefined
      connect().catch(schedule)
    }, RETRY_MS)
    retry.unref()
  }
  const heartbeat = setInterval(() => {
    const c = client
    c?.query('SELECT 1').catch(() => lose(c))
  }, HEARTBEAT_MS)
  heartbeat.unref()

  await connect().catch((err) => {
    clearInterval(heartbeat)
    throw err
  })
  return {
    read: () => (client ? count : ++count),
    async close() {
      isClosed = true
      clearTimeout(retry)
      clearInterval(heartbeat)
      const c = client
      client = undefined
      await c?.end()
    },
  }
}
