// Import rules for src/ (npm run lint:deps). Each rule says what it keeps apart and why.
// Spec files and src/**/testing/ helpers are test code: the domain's own tests may import jest.
const TEST_CODE = ['\\.spec\\.ts$', '/testing/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/partnerships/domain/ decides and folds events in plain TypeScript: no framework, database, queue or ' +
        'Node I/O, and nothing from outside the domain folder, so it can be read and tested on its own. The one ' +
        'exception is reference data: the Unicode CLDR tables (cldr-core) of when each currency was in use.',
      severity: 'error',
      from: { path: '^src/partnerships/domain/', pathNot: TEST_CODE },
      to: { pathNot: ['^src/partnerships/domain/', '^node_modules/cldr-core/supplemental/[^/]+[.]json$'] },
    },
    {
      name: 'event-store-knows-no-features',
      comment:
        'src/event-store/ is the generic store and projection engine, the lowest layer: it imports only itself and ' +
        'src/shared/. Features, health, configuration, interop and the process wiring build on it, never the other ' +
        'way round; what it needs from them (the database URL, the ledger keys, a readiness hook) is handed in.',
      severity: 'error',
      from: { path: '^src/event-store/' },
      to: { path: '^src/', pathNot: ['^src/event-store/', '^src/shared/'] },
    },
    {
      name: 'partnerships-know-no-interop',
      comment:
        'src/interop/ maps what the partnerships hold into outside standards (IATI); it builds on the partnerships, ' +
        'never the other way round. A read model (such as OParl, which has its own projection) lives in its ' +
        'read-model folder whole.',
      severity: 'error',
      from: { path: '^src/partnerships/' },
      to: { path: '^src/interop/' },
    },
    {
      name: 'no-circular',
      comment:
        'No import cycles in src/, type-only imports included: a type-only cycle is still two modules that ' +
        'cannot be understood or moved apart, and it becomes a runtime cycle (undefined at module load) the ' +
        'day one of its imports starts to use a value.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-from-test-or-bench',
      comment: 'Production code never depends on the tests or the benchmark; neither is in the image (specs may use test helpers).',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'production-not-to-dev-dependencies',
      comment:
        'The image keeps only "dependencies" (npm prune --omit=dev): a runtime import of a devDependency from ' +
        'production code works in tests and fails in production. Type-only imports are erased and may.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST_CODE },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file or package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Keep `import type` edges: the circular rule counts them (see no-circular).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // The page's browser scripts import only each other; tsc -p tsconfig.web.json checks them.
    exclude: { path: '^src/web/public/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
