import fs from 'node:fs';
import path from 'node:path';

/** The project's resources/ folder, found from source (tests), from dist/ and from inside app.asar. */
export function resourcesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'demo'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`resources folder not found above ${__dirname}`);
}
