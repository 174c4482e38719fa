import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookToInput, parseBookInput, type Book } from '../../src/catalog'
import { onixMessage } from '../../src/ingest'
import { writeOnixFile } from '../../src/web/feeds/onix-write'
import { startServer, type RunningServer } from '../../src/web/server'
import { testDialects } from '../dialects'
import { testApp, testServices, testStore, toolAvailable, type TestStore } from '../helpers'
import { sharedFixtures } from '../support/ingest'

const BOOKS = 2000
const DOWNLOADS = 50
const TOKEN = 'partner-token-0123456789abcdef'
const FEED = '/feeds/onix.xml'
const partner = { authorization: `Bearer ${TOKEN}` }

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A request on a connection of its own (or the agent's), the body read to the end. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', agent: Agent | false = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** How fast each partner reads: an 8 Mbit/s line, as partners fetch the feed over the internet. */
const PARTNER_BYTES_PER_SECOND = 1_000_000

/**
 * Partners' downloads from another process, as they would come from other
 * machines. It starts, says "ready", and on a line from stdin starts every
 * download at once, each reading its body to the end at the partner's pace;
 * it prints one JSON array of { status, etag, bytes }.
 */
const DOWNLOADER = `
const [port, path, authorization, count, bytesPerSecond] = process.argv.slice(1)
const one = () => new Promise((resolve, reject) => {
  require('node:http').get({ host: '127.0.0.1', port: Number(port), path, headers: { authorization }, agent: false }, (res) => {
    let bytes = 0
    res.on('data', (c) => {
      bytes += c.length
      res.pause()
      setTimeout(() => res.resume(), (c.length / Number(bytesPerSecond)) * 1000)
    })
    res.on('end', () => resolve({ status: res.statusCode, etag: res.headers.etag, bytes }))
  }).on('error', reject)
})
process.stdin.once('data', () => Promise.all(Array.from({ length: Number(count) }, one)).then((r) => process.stdout.write(JSON.stringify(r))))
process.stdout.write('ready\\n')
`

/** Starts the downloader process (before the measuring starts: forking a big test process takes a while) and returns a function that runs the downloads. */
async function partnersElsewhere(port: number, count: number): Promise<() => Promise<{ status: number; etag: string; bytes: number }[]>> {
  const child = spawn(process.execPath, ['-e', DOWNLOADER, String(port), FEED, partner.authorization, String(count), String(PARTNER_BYTES_PER_SECOND)], { stdio: ['pipe', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d))
  let hasExited = false
  const exited = new Promise((resolve) => child.on('exit', resolve)).finally(() => (hasExited = true))
  while (!out.startsWith('ready\n')) {
    if (hasExited) throw new Error('the downloader stopped before it was ready')
    await sleep(10)
  }
  return async () => {
    child.stdin.end('go\n')
    const code = await exited
    if (code !== 0) throw new Error(`the downloads ended with code ${code}`)
    return JSON.parse(out.slice('ready\n'.length))
  }
}

const withoutStamp = (xml: string) => xml.replace(/<SentDateTime>[^<]*<\/SentDateTime>/, '')

const feedFiles = (dir: string) => readdirSync(dir).filter((n) => /^onix-\d+\.xml$/.test(n))

for (const dialect of testDialects()) {
  describe.skipIf(dialect.skip)(`${dialect.name}: the ONIX feed for trading partners`, () => {
    let store: TestStore
    let server: RunningServer
    let dir: string
    const logLines: { msg: string; seq?: number }[] = []

    beforeAll(async () => {
      store = await testStore(dialect, { demoBooks: BOOKS })
      dir = mkdtempSync(join(tmpdir(), 'colophon-feed-'))
      const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) })
      server = await startServer({ ...testServices(store), logger }, { port: 0, host: '127.0.0.1', pageCache: false, feedTokens: [TOKEN], feedDir: dir })
    })
    afterAll(async () => {
      await server?.close()
      await store?.cleanup()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    const written = () => logLines.filter((l) => l.msg === 'ONIX feed written')

    it('does not exist while no partner token is configured', async () => {
      const res = await testApp(store).request(FEED, { headers: partner })
      expect(res.status).toBe(404)
    })

    it('refuses a request without the right token, sending none of the catalog', async () => {
      for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong-token-0123456789abcdef' }, { authorization: `Basic ${TOKEN}` }, { authorization: `Bearer ${TOKEN}x` }]) {
        const res = await get(server.port, FEED, headers)
        expect(res.status).toBe(401)
        expect(res.headers['www-authenticate']).toBe('Bearer realm="Colophon ONIX feed"')
        expect(res.body.toString()).not.toContain('<ONIXMessage')
      }
      // A token in the URL is not accepted: it would end up in access logs.
      expect((await get(server.port, `${FEED}?token=${TOKEN}`)).status).toBe(401)
      expect(written()).toHaveLength(0)
    })

    it('answers a partner with the whole catalog as valid ONIX 3.0', async () => {
      const res = await get(server.port, FEED, partner)
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/xml/)
      expect(res.headers['cache-control']).toBe('private, no-cache')
      expect(res.headers['accept-ranges']).toBe('bytes')
      expect(Number(res.headers['content-length'])).toBe(res.body.length)
      const xml = res.body.toString('utf8')
      expect(xml.match(/<Product>/g)).toHaveLength(await store.catalog.countBooks())
      expect(xml).toContain('<IDValue>9788962633245</IDValue>')
      expect(xml.trimEnd().endsWith('</ONIXMessage>')).toBe(true)

      let exported = ''
      for await (const chunk of onixMessage(store.catalog.allBooks())) exported += chunk
      expect(withoutStamp(xml)).toBe(withoutStamp(exported))

      const shared = sharedFixtures()
      if (shared && toolAvailable('xmllint', 'libxml2-utils')) {
        const checkDir = mkdtempSync(join(tmpdir(), 'colophon-feed-check-'))
        const file = join(checkDir, 'feed.xml')
        writeFileSync(file, xml)
        const xsd = join(shared, 'onix-xsd/3.0/ONIX_BookProduct_3.0_reference.xsd')
        try {
          expect(execFileSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('')
        } finally {
          rmSync(checkDir, { recursive: true, force: true })
        }
      }
    })

    it('answers again from the same file, with validators, ranges and HEAD', async () => {
      const [name] = feedFiles(dir)
      const before = statSync(join(dir, name!))
      const first = await get(server.port, FEED, partner)
      const etag = first.headers.etag as string
      const lastModified = first.headers['last-modified'] as string
      expect(etag).toBeTruthy()
      const again = await get(server.port, FEED, partner)
      expect(again.headers.etag).toBe(etag)
      expect(again.body.equals(first.body)).toBe(true)
      const after = statSync(join(dir, name!))
      expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs])
      expect(written()).toHaveLength(1)

      const notModified = await get(server.port, FEED, { ...partner, 'if-none-match': etag })
      expect(notModified.status).toBe(304)
      expect(notModified.body.length).toBe(0)
      expect((await get(server.port, FEED, { ...partner, 'if-modified-since': lastModified })).status).toBe(304)
      // The token is checked before any validator: a stranger learns nothing from a 304.
      expect((await get(server.port, FEED, { 'if-none-match': etag })).status).toBe(401)

      const part = await get(server.port, FEED, { ...partner, range: 'bytes=0-99' })
      expect(part.status).toBe(206)
      expect(part.body.length).toBe(100)
      expect(part.headers['content-range']).toBe(`bytes 0-99/${first.body.length}`)
      expect(part.body.equals(first.body.subarray(0, 100))).toBe(true)
      expect((await get(server.port, FEED, { ...partner, range: 'bytes=0-99', 'if-range': etag })).status).toBe(206)
      const tail = await get(server.port, FEED, { ...partner, range: `bytes=${first.body.length - 10}-` })
      expect(tail.body.equals(first.body.subarray(-10))).toBe(true)
      const beyond = await get(server.port, FEED, { ...partner, range: `bytes=${first.body.length}-` })
      expect(beyond.status).toBe(416)
      expect(beyond.headers['content-range']).toBe(`bytes */${first.body.length}`)

      const head = await get(server.port, FEED, partner, 'HEAD')
      expect(head.status).toBe(200)
      expect(head.headers.etag).toBe(etag)
      expect(Number(head.headers['content-length'])).toBe(first.body.length)
      expect(head.body.length).toBe(0)
    })

    it('is written anew after a catalog write, and shows it', async () => {
      const old = await get(server.port, FEED, partner)
      const isbn13 = '9788962633245'
      const [book] = (await store.catalog.findBooks([isbn13])) as Book[]
      await store.catalog.saveBooks([parseBookInput({ ...bookToInput(book!), title: '고쳐 쓴 제목 Revised title' })])
      const res = await get(server.port, FEED, partner)
      expect(res.status).toBe(200)
      expect(res.headers.etag).not.toBe(old.headers.etag)
      expect(res.body.toString()).toContain('고쳐 쓴 제목 Revised title')
      expect(old.body.toString()).not.toContain('고쳐 쓴 제목 Revised title')
      // The old ETag no longer matches: a partner's conditional request gets the new file.
      expect((await get(server.port, FEED, { ...partner, 'if-none-match': old.headers.etag as string })).status).toBe(200)
      // Resuming the old download would splice two files: If-Range makes it start over.
      const resumed = await get(server.port, FEED, { ...partner, range: 'bytes=100-', 'if-range': old.headers.etag as string })
      expect(resumed.status).toBe(200)
      expect(resumed.body.equals(res.body)).toBe(true)
      expect(written()).toHaveLength(2)
    })

    it('lets two processes write the same state at once: one whole file, nothing left behind', async () => {
      const other = mkdtempSync(join(tmpdir(), 'colophon-feed-'))
      try {
        const seq = await store.catalog.latestChangeSeq()
        await Promise.all([writeOnixFile(store.catalog, other, seq), writeOnixFile(store.catalog, other, seq)])
        expect(readdirSync(other)).toEqual([`onix-${seq}.xml`])
        const xml = readFileSync(join(other, `onix-${seq}.xml`), 'utf8')
        expect(xml.match(/<ONIXMessage /g)).toHaveLength(1)
        expect(xml.match(/<Product>/g)).toHaveLength(await store.catalog.countBooks())
      } finally {
        rmSync(other, { recursive: true, force: true })
      }
    })

    it(`keeps /healthz under 100 ms while ${DOWNLOADS} partners download at once, the file written once for them`, async () => {
      const isbn13 = '9788962633245'
      const [book] = (await store.catalog.findBooks([isbn13])) as Book[]
      await store.catalog.saveBooks([parseBookInput({ ...bookToInput(book!), title: '다시 고친 제목' })])
      const seq = await store.catalog.latestChangeSeq()

      const download = await partnersElsewhere(server.port, DOWNLOADS)
      // One kept-alive connection, as a load balancer's health check keeps: what is measured is the answer, not connection setup on a busy loopback.
      const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 })
      let isDownloading = true
      const healthz: number[] = []
      const probe = (async () => {
        while (isDownloading) {
          const started = performance.now()
          const res = await get(server.port, '/healthz', {}, 'GET', probeAgent)
          healthz.push(performance.now() - started)
          expect(res.status).toBe(200)
          await sleep(10)
        }
      })()
      const started = performance.now()
      const downloads = await download()
      const elapsed = performance.now() - started
      isDownloading = false
      await probe
      probeAgent.destroy()

      const size = statSync(join(dir, `onix-${seq}.xml`)).size
      expect(downloads.every((d) => d.status === 200 && d.bytes === size)).toBe(true)
      expect(new Set(downloads.map((d) => d.etag)).size).toBe(1)
      expect(written().filter((l) => l.seq === seq)).toHaveLength(1)
      // The newest state and the one before it stay; older files are removed.
      expect(feedFiles(dir).length).toBeLessThanOrEqual(2)
      const sorted = [...healthz].sort((a, b) => a - b)
      const worst = sorted.at(-1)!
      console.log(
        `${dialect.name}: ${DOWNLOADS} × ${(size / 1e6).toFixed(1)} MB in ${(elapsed / 1000).toFixed(1)} s; /healthz asked ${healthz.length} times: ` +
          `median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]!.toFixed(1)} ms, max ${worst.toFixed(1)} ms`,
      )
      expect(healthz.length).toBeGreaterThanOrEqual(10)
      // The old feed held /healthz for 10 s. On two cores shared with the rest of the suite a lone
      // scheduling hiccup can pass 100 ms with no feed at all, so 99 answers in 100 are held to
      // 100 ms and the worst to 250 ms.
      expect(sorted[Math.floor(sorted.length * 0.99)]!).toBeLessThan(100)
      expect(worst).toBeLessThan(250)
    }, 120_000)
  })
}
