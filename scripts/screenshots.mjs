// `npm run screenshots`: refreshes the README's pictures in docs/screenshots by running the tests that
// take them with OUTTURN_SCREENSHOTS_DIR pointing there. `npm test` writes them to a temporary folder
// instead, so it leaves the repository as it was.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = { ...process.env, OUTTURN_SCREENSHOTS_DIR: path.resolve('docs/screenshots') };
const runs = [
  ['vitest', 'run', '--project', 'e2e', 'tests/e2e/kad-grid.test.ts', 'tests/e2e/kad-charts.test.ts'],
  ['vitest', 'run', '--project', 'unit', 'tests/integration/pack-libreoffice.test.ts'],
];
let failed = 0;
for (const args of runs) if (spawnSync(npx, args, { stdio: 'inherit', env }).status !== 0) failed++;
process.exit(failed ? 1 : 0);
