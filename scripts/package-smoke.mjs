#!/usr/bin/env node
// Packaging smoke test, offline: `electron-builder --linux dir` with npmRebuild off and a stub Electron
// (no binary can be downloaded here), then checks what a real installer would ship: the built main,
// preload and renderer, migrations and demo data inside app.asar, better-sqlite3's .node unpacked
// beside it, and the Electron fuses flipped. Needs `npm run build` first.
// Usage: node scripts/package-smoke.mjs [--out DIR] [--config FILE]
//   --out keeps the unpacked app in DIR (default: a temp folder, removed afterwards);
//   --config checks another builder config (default electron-builder.yml).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const started = Date.now();
const fail = (message) => {
  console.error(`package smoke: FAILED: ${message}`);
  process.exit(1);
};

for (const built of ['dist/main/electron/main.js', 'dist/preload/preload.js', 'dist/renderer/index.html']) {
  if (!fs.existsSync(path.join(root, built))) fail(`${built} is missing; run \`npm run build\` first.`);
}
if (!fs.existsSync(path.join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))) fail('better-sqlite3 has not been built in node_modules (npm rebuild better-sqlite3).');

const option = (name, fallback) => {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  return process.argv[i + 1] ?? fail(`${name} needs a value`);
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-package-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const out = path.resolve(option('--out', path.join(tmp, 'release')));
const config = path.resolve(option('--config', path.join(root, 'electron-builder.yml')));

// A stand-in for the Electron binary: a script carrying Electron's fuse wire (sentinel, version 1, eight
// fuses at Electron's defaults), so electron-builder can flip the fuses and we can read them back.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_FUSES = '10110001';
const stub = path.join(tmp, 'electron-dist');
fs.mkdirSync(stub);
fs.writeFileSync(path.join(stub, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron for the packaging smoke test" >&2\nexit 1\n'), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_FUSES.length]), Buffer.from(DEFAULT_FUSES)]), { mode: 0o755 });

const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
const env = { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' };
for (const secret of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD']) delete env[secret];
const args = [cli, '--linux', 'dir', '--config', config, '--publish', 'never', '-c.npmRebuild=false', `-c.electronDist=${stub}`, `-c.directories.output=${out}`];
const res = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (res.status !== 0) {
  const lines = `${res.stdout}\n${res.stderr}`.split('\n').filter((l) => l.trim() && !l.includes('duplicate dependency references'));
  console.error(lines.slice(-15).join('\n'));
  fail(`electron-builder exited with ${res.status ?? res.signal}.`);
}

const unpackedDir = path.join(out, 'linux-unpacked');
const resources = path.join(unpackedDir, 'resources');
const asarFile = path.join(resources, 'app.asar');
if (!fs.existsSync(asarFile)) fail(`${asarFile} was not produced.`);
const asar = require('@electron/asar');
const files = new Set(asar.listPackage(asarFile, { isPack: false }).map((f) => f.split(path.sep).join('/')));
const problems = [];

// Every migration of the core and of each area, found in the sources, so a new area's cannot be left out.
const migrations = [];
const findMigrations = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) findMigrations(full);
    else if (e.name.endsWith('.sql') && path.basename(dir) === 'migrations') migrations.push(`/dist/${path.relative(root, full).split(path.sep).join('/')}`);
  }
};
findMigrations(path.join(root, 'main'));
if (migrations.length === 0) problems.push('no migrations found under main/');
const required = ['/package.json', '/dist/main/electron/main.js', '/dist/preload/preload.js', '/dist/renderer/index.html', ...migrations, '/node_modules/better-sqlite3/lib/index.js', '/node_modules/bindings/bindings.js'];
for (const f of required) if (!files.has(f)) problems.push(`app.asar lacks ${f}`);
const demo = fs.readdirSync(path.join(root, 'resources', 'demo')).filter((f) => f.endsWith('.json'));
if (demo.length === 0) problems.push('resources/demo holds no .json files');
for (const f of demo) if (!files.has(`/resources/demo/${f}`)) problems.push(`app.asar lacks /resources/demo/${f}`);
if (![...files].some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))) problems.push('app.asar holds no renderer script under dist/renderer/assets');
const stray = [...files].filter((f) => !f.startsWith('/node_modules/') && (/\.(ts|tsx|map)$/.test(f) || /^\/(tests|main|renderer|scripts|release|\.cache)\//.test(f)));
if (stray.length) problems.push(`app.asar holds sources or build leftovers: ${stray.slice(0, 5).join(', ')}`);

const pkg = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8'));
if (pkg.main !== 'dist/main/electron/main.js') problems.push(`package.json main is ${pkg.main}`);

const nodeFile = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
if (!fs.existsSync(nodeFile)) problems.push('better_sqlite3.node is not unpacked beside app.asar');
else if (!fs.readFileSync(nodeFile).subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) problems.push('the unpacked better_sqlite3.node is not a native library');

const exe = fs.readdirSync(unpackedDir).find((f) => f === 'outturn' || f === 'Outturn');
if (!exe) problems.push('no outturn executable in linux-unpacked');
else {
  const binary = fs.readFileSync(path.join(unpackedDir, exe));
  const at = binary.indexOf(SENTINEL) + SENTINEL.length + 2;
  const fuses = binary.subarray(at, at + DEFAULT_FUSES.length).toString('latin1');
  // RunAsNode, CookieEncryption, NODE_OPTIONS, --inspect, AsarIntegrity, OnlyLoadAppFromAsar, V8 snapshot, file:// privileges
  if (fuses !== '01000100') problems.push(`Electron fuses are ${fuses}, expected 01000100 (see electronFuses in electron-builder.yml)`);
}

const asarMb = (fs.statSync(asarFile).size / 1e6).toFixed(1);
if (problems.length) fail(problems.join('; '));
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`package smoke: ok: app.asar ${files.size} entries (${asarMb} MB) holds main, preload, renderer, ${migrations.length} migrations and ${demo.length} demo files; better_sqlite3.node unpacked; fuses set (${seconds}s)`);
