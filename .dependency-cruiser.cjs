// Layering rules for Tranche (see /work/shared/DESIGN.md, "Architecture"). Run by `npm run lint`:
//   depcruise --config .dependency-cruiser.cjs src [bench]
//
// - dependency-cruiser 17.x, because 18.x refuses to start on Node 20.
// - TypeScript 7 (native) has no JavaScript compiler API, which dependency-cruiser needs to parse .ts files itself
//   (without one it would cruise 0 modules and pass): `@swc/core` parses them instead (parser: 'swc'). swc reports
//   `import type` like any import, so a type-only import counts in every rule below.
// - Imports name their `.ts` files (allowImportingTsExtensions), which resolve as written. `tsConfig` is declared for
//   `paths`, should the project use them; dependency-cruiser can only read it through a TypeScript 2-6 compiler.
// - Check a rule change against a scratch tree: it must report each forbidden edge, not just pass.

const DOMAIN_FORBIDDEN_LAYERS = '^src/(ledger|projections|app|db|http|cli|ingest)/';
// Drivers and frameworks, by the folder they resolve to (node_modules/<name>/…, @types/<name> for type-only imports).
const npm = (names) => `(^|/)node_modules/(@types/)?(${names.join('|')})(/|$)`;
const DRIVERS = npm(['pg', 'electric-sql__pglite', '@electric-sql/pglite']);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order fragile and layers meaningless; break the cycle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-no-outer-layer',
      severity: 'error',
      comment: 'src/domain is pure: it depends on no other layer of Tranche.',
      from: { path: '^src/domain/' },
      to: { path: DOMAIN_FORBIDDEN_LAYERS },
    },
    {
      name: 'domain-imports-no-node-builtin',
      severity: 'error',
      comment: 'src/domain is pure: no I/O, no clock, no process.env; so no node: builtins either.',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'domain-imports-no-driver-or-framework',
      severity: 'error',
      comment: 'src/domain is pure: no database driver, query builder or HTTP framework.',
      from: { path: '^src/domain/' },
      to: {
        path: npm([
          'pg',
          'kysely',
          '@electric-sql/[^/]+',
          'electric-sql__[^/]+',
          'fastify',
          'fastify-[^/]+',
          '@fastify/[^/]+',
        ]),
      },
    },
    {
      name: 'ledger-and-projections-import-no-app-http-cli',
      severity: 'error',
      comment: 'src/ledger and src/projections sit below the use cases and the edges.',
      from: { path: '^src/(ledger|projections)/' },
      to: { path: '^src/(app|http|cli)/' },
    },
    {
      name: 'app-imports-no-http-cli',
      severity: 'error',
      comment: 'Use cases (src/app) do not know which edge (HTTP or CLI) calls them.',
      from: { path: '^src/app/' },
      to: { path: '^src/(http|cli)/' },
    },
    {
      name: 'http-imports-no-cli',
      severity: 'error',
      comment: 'The HTTP edge does not depend on the CLI (the CLI may start the HTTP server, not the reverse).',
      from: { path: '^src/http/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-db-imports-drivers',
      severity: 'error',
      comment:
        'Only src/db talks to the drivers (pg, @electric-sql/pglite); other layers use the Database it opens and ' +
        'may import kysely.',
      from: { path: '^src/', pathNot: '^src/db/' },
      to: { path: DRIVERS },
    },
    {
      name: 'server-imports-no-web-code',
      severity: 'error',
      comment:
        'The server serves the built web app as files; it does not import its modules. (The reverse, web/ importing ' +
        'no server code, is a Biome rule in biome.json: swc as dependency-cruiser calls it cannot parse .tsx.)',
      from: { path: '^(src|bench|eval)/' },
      to: { path: '^web/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import cannot be resolved: a typo, a missing file or a package not installed.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'src-not-to-dev-dep',
      severity: 'error',
      comment: 'src/ ships to production: it may not need a devDependency at run time (type-only imports are fine).',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6', 'cjs'],
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
