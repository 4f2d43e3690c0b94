#!/usr/bin/env node
// Builds better-sqlite3 for Electron into .cache/electron-native (Node's build in node_modules is left
// alone for the tests). `npm start` does this itself before launching Electron; run it by hand to build
// ahead of time (--force rebuilds, --check only reports). Needs internet for Electron's headers.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
let native;
try {
  native = require(path.join(root, 'dist', 'main', 'electron', 'native.js'));
} catch {
  console.error('electron-native: build the main process first (npm run build:main).');
  process.exit(1);
}

const args = process.argv.slice(2);
const status = native.electronNativeStatus(root);
if (args.includes('--check')) {
  console.log(`electron-native: ${status} (${native.electronNativeBinding(root)})`);
  process.exit(status === 'ready' ? 0 : 1);
}
if (status === 'ready' && !args.includes('--force')) {
  console.log(`electron-native: up to date (${native.electronNativeBinding(root)})`);
  process.exit(0);
}
try {
  const binding = await native.buildElectronNative(root, (line) => console.log(line));
  console.log(`electron-native: built ${binding}`);
} catch (err) {
  console.error(`electron-native: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
