// Bundles the server and CLI into dist/ for `npm start`: one ES module of our own code
// (node_modules stay external) loads in a fraction of the time the TypeScript sources
// take through tsx's loader. See docs/decisions/005-production-bundle.md.
import { build } from 'esbuild'
import { cpSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = new URL('..', import.meta.url)

/** Writes dist/colophon.mjs and the web assets beside it; returns the bundle's path. */
export async function buildBundle() {
  const outfile = fileURLToPath(new URL('dist/colophon.mjs', root))
  rmSync(new URL('dist', root), { recursive: true, force: true })
  await build({
    entryPoints: [fileURLToPath(new URL('src/cli/main.ts', root))],
    outfile,
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
  return outfile
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBundle()
