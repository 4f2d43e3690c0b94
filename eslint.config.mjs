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
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', 'tests/helpers/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
