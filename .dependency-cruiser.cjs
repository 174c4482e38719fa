/**
 * The one-way flow of STYLE.md section 1: cli → web → domains → store → core.
 * Nothing imports web or cli; web never sees the store or Kysely; a domain
 * never sees HTTP; SQL lives in repo files and the store only (services
 * that hand the store's handle to their repo take its types from the store).
 */

/**
 * Which domains each domain may import. A pair not written here is rejected,
 * so a new dependency between domains is a decision made in this table.
 * Folders that do not exist yet (accounts, payments, mail, audit) are listed
 * so that they start out with the direction already settled.
 */
const DOMAIN_IMPORTS = {
  catalog: [],
  search: ['catalog'],
  recommend: ['catalog'],
  commerce: ['catalog'],
  ingest: ['catalog'],
  demo: ['catalog'],
  accounts: [],
  payments: ['commerce'],
  mail: [],
  audit: [],
  atlas: ['catalog'],
  reviews: ['catalog'],
  wishlist: ['catalog'],
  webhooks: ['commerce'],
}
const domains = Object.keys(DOMAIN_IMPORTS).join('|')

// Resolved packages sit under node_modules; a subpath the resolver cannot follow
// (hono's "exports" map, say) keeps its bare name, so both spellings are matched.
const pkg = (names) => `(^|/)node_modules/(${names})/|^(${names})($|/)`
const KYSELY = pkg('kysely')
const HONO = pkg('hono|@hono/[^/]+')

module.exports = {
  forbidden: [
    { name: 'store-imports-no-domain', severity: 'error', from: { path: '^src/store' }, to: { path: `^src/(${domains}|web|cli)/` } },
    { name: 'domains-import-no-web', severity: 'error', from: { path: `^src/(${domains})/` }, to: { path: '^src/(web|cli)/' } },
    { name: 'web-imports-no-cli', severity: 'error', from: { path: '^src/web/' }, to: { path: '^src/cli/' } },
    {
      name: 'web-imports-no-store',
      comment: 'Pages and routes call domain services; only the composition root (src/cli) opens the store.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: [`^src/store/`, KYSELY] },
    },
    {
      name: 'domains-import-no-hono',
      comment: 'A domain knows nothing of HTTP: the importers and the CLI call it too.',
      severity: 'error',
      from: { path: `^src/(${domains})/` },
      to: { path: HONO },
    },
    ...Object.entries(DOMAIN_IMPORTS).map(([domain, allowed]) => ({
      name: 'domain-direction',
      comment: `${domain} may import ${allowed.length ? allowed.join(', ') : 'no other domain'} (DOMAIN_IMPORTS in .dependency-cruiser.cjs).`,
      severity: 'error',
      from: { path: `^src/${domain}/` },
      to: { path: `^src/(${domains})/`, pathNot: `^src/(${[domain, ...allowed].join('|')})/` },
    })),
    {
      name: 'kysely-only-in-repo',
      comment: 'Queries are written in a domain\'s repo.ts (or repo/*.ts) and in src/store; other files take the types from there.',
      severity: 'error',
      from: { path: `^src/(${domains})/`, pathNot: '(^|/)repo(\\.ts$|/[^/]+\\.ts$)' },
      to: { path: KYSELY },
    },
    { name: 'core-imports-nothing-of-ours', severity: 'error', from: { path: '^src/core' }, to: { path: `^src/(${domains}|web|cli|store)/` } },
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
    // Type-only imports count: a domain holding a Kysely<Database> is one step from writing queries.
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
  },
}
