import * as chromeLauncher from 'chrome-launcher'
import { writeFileSync } from 'node:fs'
import lighthouse from 'lighthouse'
import { demoDatabase, row, type Bench, type BenchRow } from './lib'
import { startColophon, waitForHttp } from './load'

const PORT = 3403
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

export const lighthouseBench: Bench = {
  name: 'lighthouse',
  summary: "Lighthouse scores of the seed book's page in Korean and English (Debian chromium)",
  async run(ctx) {
    // As a store runs: canonical and hreflang links are absolute only from its configured public URL.
    const server = startColophon(demoDatabase(ctx), PORT, { env: { COLOPHON_PUBLIC_URL: `http://127.0.0.1:${PORT}` } })
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: FLAGS })
    const rows: BenchRow[] = []
    try {
      const base = `http://127.0.0.1:${PORT}`
      await waitForHttp(`${base}/healthz`)
      for (const [lang, url] of [
        ['ko', `${base}/books/9788962633245`],
        ['en', `${base}/books/9788962633245?lang=en`],
      ] as const) {
        await fetch(url)
        // A Korean shopper's browser asks for Korean; the English page is the one its own URL names.
        const extraHeaders = { 'Accept-Language': lang === 'ko' ? 'ko-KR,ko;q=0.9' : 'en-US,en;q=0.9' }
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], extraHeaders })
        if (!result) throw new Error(`lighthouse returned nothing for ${url}`)
        const lhr = result.lhr
        writeFileSync(`${ctx.workDir}/lighthouse-${lang}.json`, JSON.stringify(lhr))
        for (const c of CATEGORIES) {
          const failing = Object.values(lhr.audits)
            .filter((a) => a.score !== null && a.score < 1 && lhr.categories[c]!.auditRefs.some((r) => r.id === a.id && r.weight > 0))
            .map((a) => a.id)
          rows.push(row('lighthouse', `${lang}: ${c}`, Math.round((lhr.categories[c]!.score ?? 0) * 100), 'score', undefined, failing.slice(0, 4).join(', ')))
        }
        const bytes = (id: string) => Number((lhr.audits[id]?.numericValue ?? NaN).toFixed(0))
        rows.push(row('lighthouse', `${lang}: LCP`, bytes('largest-contentful-paint'), 'ms'))
        rows.push(row('lighthouse', `${lang}: total transfer`, bytes('total-byte-weight'), 'bytes'))
      }
    } finally {
      await chrome.kill()
      await server.stop()
    }
    return rows
  },
}
