// `npm test`: every stage in order (build, typecheck, lint, unit + integration, end-to-end, packaging
// smoke). A stage that fails counts as failed and the run goes on, so one report shows everything.
// Vitest stages count their tests; other stages count as one check each. The last line is
// "N passed, N failed", which CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const only = process.argv.slice(2);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-results-'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const stages = [
  { name: 'build', cmd: [npm, 'run', '--silent', 'build'] },
  // Node code, renderer (DOM, bundler) and browser tests (Node plus DOM for page callbacks) each have their own libs.
  { name: 'typecheck', cmd: [npx, 'tsc', '-p', 'tsconfig.json', '--noEmit'], then: [[npx, 'tsc', '-p', 'tsconfig.renderer.json', '--noEmit'], [npx, 'tsc', '-p', 'tsconfig.e2e.json', '--noEmit']] },
  { name: 'lint', cmd: [npx, 'eslint', '--max-warnings', '0', '.'] },
  { name: 'unit', vitest: 'unit' },
  { name: 'e2e', vitest: 'e2e' },
  { name: 'package', cmd: ['node', 'scripts/package-smoke.mjs'] },
];

function run(cmd) {
  const started = Date.now();
  const res = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env: process.env });
  return { ok: res.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

let passed = 0;
let failed = 0;
const summary = [];
for (const stage of stages) {
  if (only.length && !only.includes(stage.name)) continue;
  console.log(`\n=== ${stage.name} ===`);
  if (stage.vitest) {
    const out = path.join(tmp, `${stage.name}.json`);
    const res = run([npx, 'vitest', 'run', '--project', stage.vitest, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
    let p;
    let f;
    try {
      const report = JSON.parse(fs.readFileSync(out, 'utf8'));
      p = report.numPassedTests;
      f = report.numFailedTests;
      if (report.numTotalTests === 0) f += 1; // a stage that ran no test has not shown anything
    } catch {
      p = 0;
      f = 1;
    }
    if (!res.ok && f === 0) f = 1; // e.g. a file that failed to load
    passed += p;
    failed += f;
    summary.push(`${stage.name}: ${p} passed, ${f} failed (${res.seconds}s)`);
  } else {
    let res = run(stage.cmd);
    for (const next of stage.then ?? []) if (res.ok) res = run(next);
    if (res.ok) passed += 1;
    else failed += 1;
    summary.push(`${stage.name}: ${res.ok ? 'ok' : 'FAILED'} (${res.seconds}s)`);
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
