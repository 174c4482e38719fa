// Bundles the server and CLI into dist/ for `npm start`: one ES module of our own code
// (node_modules stay external) loads in a fraction of the time the TypeScript sources
// take through tsx's loader. See docs/decisions/005-production-bundle.md.
import { build } from 'esbuild'
import { cpSync, rmSync } from 'node:fs'

const root = new URL('..', import.meta.url)
rmSync(new URL('dist', root), { recursive: true, force: true })
await build({
  entryPoints: [new URL('src/cli/main.ts', root).pathname],
  outfile: new URL('dist/colophon.mjs', root).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
})
// The web assets are read at start next to the bundle, as they are next to src/web/assets.ts.
cpSync(new URL('src/web/assets', root), new URL('dist/assets', root), { recursive: true })
