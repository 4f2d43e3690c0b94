// The generic engines (store, API, transports, import, pack, print frame, app shell, CLI…): they must
// name no area. ESLint keeps them from importing an area's folder, and a test greps them for every
// registered area's id and name. One list for both.
const SHARED = ['api', 'import', 'pack', 'units'];
const MAIN = ['api', 'app', 'cli', 'core', 'demo', 'electron', 'host', 'import', 'pack', 'returns', 'store', 'transports'];
// The renderer's shell and core pages; each area's own code is under renderer/src/areas/<id>/.
const RENDERER = ['api', 'app', 'audit', 'backups', 'charts', 'checks', 'grid', 'help', 'import', 'monthend', 'pack', 'print', 'returns', 'settings'];

/** For ESLint (code only). */
export const GENERIC_GLOBS = [
  'shared/*.ts',
  `shared/{${SHARED.join(',')}}/**/*.ts`,
  `main/{${MAIN.join(',')}}/**/*.{ts,sql}`,
  'renderer/src/*.{ts,tsx}',
  `renderer/src/{${RENDERER.join(',')}}/**/*.{ts,tsx}`,
  // The renderer registry (areas/index.ts) lists the areas; the interface they implement names none.
  'renderer/src/areas/types.ts',
];

/** The same, as folders (and single files) to walk; the test reads code, SQL and stylesheets in them. */
export const GENERIC_PATHS = [
  { dir: 'shared', recursive: false },
  ...SHARED.map((d) => ({ dir: `shared/${d}`, recursive: true })),
  ...MAIN.map((d) => ({ dir: `main/${d}`, recursive: true })),
  { dir: 'renderer/src', recursive: false },
  ...RENDERER.map((d) => ({ dir: `renderer/src/${d}`, recursive: true })),
  { file: 'renderer/src/areas/types.ts' },
];
