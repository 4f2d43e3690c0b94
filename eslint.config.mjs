import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { GENERIC_GLOBS } from './scripts/generic-folders.mjs';

const ENTERPRISE = { name: 'ag-grid-enterprise', message: 'Outturn uses AG Grid Community only (MIT).' };
const ENTERPRISE_PATTERNS = [{ group: ['ag-grid-enterprise/*', '@ag-grid-enterprise/*'], message: 'Outturn uses AG Grid Community only (MIT).' }];

/**
 * The generic engines name no area: they reach areas only through each side's registry
 * (`areas/index.ts`) and its interfaces (`areas/types.ts`), never an area's own folder. A new area
 * needs no change here: every folder under `areas/` is off limits to these files.
 */
const GENERIC = GENERIC_GLOBS.filter((g) => !g.endsWith('.sql')).map((g) => g.replace('{ts,sql}', 'ts'));
const AREA_FOLDER = { regex: '(^|/)areas/(?!(index|types)$)[^/]+', message: 'Generic code reaches an area only through the registry (areas/index) and its interfaces (areas/types).' };

/**
 * One area reads another only through what it exports for that: `main/areas/<other>/queries.ts` (and the
 * other's ids). Anything deeper would tie two areas' internals together.
 */
const AREA_ROOTS = ['shared/areas', 'main/areas', 'renderer/src/areas'];
const areaIds = [...new Set(AREA_ROOTS.flatMap((root) => fs.readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)))];
const crossArea = areaIds.map((id) => {
  const others = areaIds.filter((o) => o !== id);
  const pattern = others.length ? [{ regex: `(^|/)(${others.join('|')})/(?!(queries|ids)$)`, message: 'Another area is read only through its queries.ts (or ids.ts).' }] : [];
  return { files: AREA_ROOTS.map((root) => `${root}/${id}/**/*.{ts,tsx}`), rules: { 'no-restricted-imports': ['error', { paths: [ENTERPRISE], patterns: [...ENTERPRISE_PATTERNS, ...pattern] }] } };
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', window: 'readonly', document: 'readonly', navigator: 'readonly', sessionStorage: 'readonly', location: 'readonly', history: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [ENTERPRISE], patterns: ENTERPRISE_PATTERNS }],
    },
  },
  {
    files: GENERIC,
    rules: {
      'no-restricted-imports': ['error', { paths: [ENTERPRISE], patterns: [...ENTERPRISE_PATTERNS, AREA_FOLDER] }],
    },
  },
  ...crossArea,
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'tests/helpers/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
