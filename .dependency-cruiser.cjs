/**
 * The layer table of docs/ARCHITECTURE.md as rules (`npm run lint:deps`, a CI step): data flows one way.
 * Each lower layer lists what it MAY import of ours (src/…); everything else under src/ is forbidden to it.
 * Vue layers (components, views, composables, and any new upper folder) may import every layer below.
 * tests/ may import anything; src/ never imports tests/.
 */
/** `from` may import only these folders of src/ (besides npm packages). */
const only = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: '^src/', pathNot: `^src/(${[from, ...allowed].join('|')})/` },
})

module.exports = {
  forbidden: [
    only('domain-imports-nothing', 'domain', [], 'src/domain is the report format as typed data: it imports nothing of ours.'),
    only('ingest-to-domain', 'ingest', ['domain'], 'src/ingest (files → prepared tables) imports only the domain.'),
    only('queries-to-domain', 'queries', ['domain'], 'src/queries (pure SQL builders) import only the domain; db imports their types, never the reverse.'),
    only('db-below-vue', 'db', ['domain', 'ingest', 'queries'], 'src/db (the only place talking to DuckDB) imports domain, ingest and queries.'),
    only('persist-below-vue', 'persist', ['domain', 'ingest', 'queries'], 'src/persist (saved bundles) sits beside db.'),
    only('charts-pure', 'charts', ['domain', 'queries'], 'src/charts (rows → ECharts option) imports the domain and the row types of queries.'),
    only('i18n-leaf', 'i18n', ['domain'], 'src/i18n holds messages; it imports at most domain types.'),
    {
      name: 'charts-take-query-types-only',
      comment: 'charts may use the row types of src/queries, never run or build a query.',
      severity: 'error',
      from: { path: '^src/charts/' },
      to: { path: '^src/queries/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'vue-reaches-db-through-composables',
      comment: 'components and views may use types of src/db, never run it: they ask a composable.',
      severity: 'error',
      from: { path: '^src/(components|views)/' },
      to: { path: '^src/db/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts|bench)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between modules of src/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    // Type-only imports count: a type pulled from a higher layer is a wrong-way seam too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.vue', '.js', '.mjs'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
