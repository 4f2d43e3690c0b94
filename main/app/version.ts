import fs from 'node:fs';
import path from 'node:path';

function readVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'outturn' && pkg.version) return pkg.version;
    } catch {
      // keep walking up: dist/ and source sit at different depths
    }
    dir = path.dirname(dir);
  }
  return '0.0.0';
}

export const APP_VERSION = readVersion();
