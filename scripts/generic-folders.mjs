// The generic engines (store, API, transports, import, pack, print frame, app shell, CLI…): they must
// name no area. ESLint keeps them from importing an area's folder, and a test greps them for every
// registered area's id and name. One list for both.
export const GENERIC_GLOBS = [
  'shared/*.ts',
  'shared/{api,import,pack,units}/**/*.ts',
  'main/{api,app,cli,core,demo,electron,host,import,pack,store,transports}/**/*.{ts,sql}',
];

/** The same, as folders and top-level files to walk. */
export const GENERIC_PATHS = [
  { dir: 'shared', recursive: false },
  ...['api', 'import', 'pack', 'units'].map((d) => ({ dir: `shared/${d}`, recursive: true })),
  ...['api', 'app', 'cli', 'core', 'demo', 'electron', 'host', 'import', 'pack', 'store', 'transports'].map((d) => ({ dir: `main/${d}`, recursive: true })),
];
