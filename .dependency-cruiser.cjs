/** The one-way flow of ../STYLE picture: web → domains → store, ingest → catalog; nothing imports web or cli. */
const domains = 'catalog|search|recommend|commerce|admin|ingest|demo'
module.exports = {
  forbidden: [
    { name: 'store-imports-no-domain', severity: 'error', from: { path: '^src/store' }, to: { path: `^src/(${domains}|web|cli)` } },
    { name: 'domains-import-no-web', severity: 'error', from: { path: `^src/(${domains})` }, to: { path: '^src/(web|cli)' } },
    { name: 'web-imports-no-cli', severity: 'error', from: { path: '^src/web' }, to: { path: '^src/cli' } },
    { name: 'core-imports-nothing-of-ours', severity: 'error', from: { path: '^src/core' }, to: { path: `^src/(${domains}|web|cli|store)` } },
    {
      name: 'only-store-knows-dialects',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store' },
      to: { path: '^src/store/dialect/' },
    },
    {
      name: 'import-domains-through-index',
      comment: 'Another folder imports a domain only through its index.ts.',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: `^src/(${domains}|store)/.+`, pathNot: ['^src/$1/', `^src/(${domains}|store)/index\\.ts$`] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
  },
}
