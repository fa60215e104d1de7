/**
 * Layers only look down: model → diagnostics → load → link → checks → view → render → context
 * → the sites and the command line. Each folder of src/ is a layer and names the layers it may
 * import from; anything else is a back-edge and fails the tests (tests/unit/layers.test.ts),
 * which also hold `.astro` files, which this tool does not read, to the same table.
 *
 * `checks` and `view` both build on the linked model and do not know each other: what both
 * need (dates, due states, which fields the public sees) lives in `model`.
 *
 * Run it by hand with `npx depcruise src`.
 */
const base = ['model', 'reference'];

/** For each folder of src/, the folders it may import from (itself included). */
export const layers = {
  reference: ['reference'],
  model: [...base],
  diagnostics: [...base, 'diagnostics'],
  load: [...base, 'diagnostics', 'load'],
  link: [...base, 'diagnostics', 'load', 'link'],
  checks: [...base, 'diagnostics', 'load', 'link', 'checks'],
  import: [...base, 'diagnostics', 'load', 'link', 'import'],
  view: [...base, 'diagnostics', 'load', 'link', 'view'],
  render: [...base, 'diagnostics', 'load', 'link', 'view', 'render'],
  context: [...base, 'diagnostics', 'load', 'link', 'checks', 'view', 'render', 'context'],
  lib: [...base, 'diagnostics', 'load', 'link', 'view', 'render', 'context', 'lib'],
  integration: [...base, 'diagnostics', 'view', 'render', 'lib', 'integration'],
  components: [...base, 'diagnostics', 'view', 'render', 'lib', 'components', 'styles'],
  sites: [...base, 'diagnostics', 'view', 'render', 'lib', 'components', 'sites', 'styles'],
  questionnaire: [...base, 'diagnostics', 'load', 'link', 'view', 'import', 'questionnaire'],
  cli: [...base, 'diagnostics', 'load', 'link', 'checks', 'view', 'render', 'context', 'import', 'questionnaire', 'cli'],
  styles: ['styles'],
};

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: Object.entries(layers).map(([layer, allowed]) => ({
    name: `${layer}-looks-down`,
    comment: `src/${layer}/ may import only from ${allowed.map((l) => `src/${l}/`).join(', ')}`,
    severity: /** @type {const} */ ('error'),
    from: { path: `^src/${layer}/` },
    to: { path: '^src/', pathNot: `^src/(${allowed.join('|')})/` },
  })),
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/.*\\.astro$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};

export default config;
