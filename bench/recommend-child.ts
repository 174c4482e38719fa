// One recommendation rebuild in its own process, so its peak RSS is the rebuild's alone,
// with the services as `colophon recommend --rebuild` builds them.
// Usage: tsx bench/recommend-child.ts DB NOW_MS  → prints the rebuild's stats with {"maxRssMb":…,"maxAnonMb":…}
import { readFileSync } from 'node:fs'
import { buildServices } from '../src/cli/services'
import { openStore } from '../src/store'

/**
 * The process's own memory (RssAnon), in MB. Total RSS also counts the pages of the
 * database file SQLite maps into memory (mmap_size, up to 2 GB): the OS's page cache,
 * shared with every process reading the file and dropped under memory pressure.
 */
const anonMb = () => Number(/RssAnon:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024

const [db, now] = process.argv.slice(2) as [string, string]
const store = await openStore(db)
const { recommend } = buildServices(store)
let maxAnonMb = anonMb()
const sampler = setInterval(() => (maxAnonMb = Math.max(maxAnonMb, anonMb())), 50)
const stats = await recommend.rebuild(Number(now))
clearInterval(sampler)
maxAnonMb = Math.max(maxAnonMb, anonMb())
await store.close()
console.log(JSON.stringify({ ...stats, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), maxAnonMb: Math.round(maxAnonMb) }))
