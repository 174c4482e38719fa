// `npm start`: builds the bundle, then runs `colophon serve` from it in this same process.
// package.json says "exec node scripts/start.mjs" because npm runs scripts through sh, and a
// shell left between npm and node would die alone on the SIGTERM npm forwards, leaving the
// server running; with exec and no second process, the signal reaches the server itself.
import { pathToFileURL } from 'node:url'
import { buildBundle } from './build.mjs'

const bundle = await buildBundle()
process.setSourceMapsEnabled(true)
// node:cluster forks process.argv[1] with process.execArgv: the workers start from the bundle
// as if node had been run on it, with source maps, and build nothing again.
process.execArgv.push('--enable-source-maps')
process.argv = [process.argv[0], bundle, 'serve', ...process.argv.slice(2)]
await import(pathToFileURL(bundle).href)
