// tsc emits only JavaScript; every SQL migrations folder (the core's and each area's) travels beside
// the compiled code, at the same place under dist/.
import fs from 'node:fs';
import path from 'node:path';

function migrationDirs(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'migrations') found.push(full);
    else found.push(...migrationDirs(full));
  }
  return found;
}

for (const from of migrationDirs('main')) {
  const to = path.join('dist', from);
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to, { recursive: true });
  for (const file of fs.readdirSync(from).filter((f) => f.endsWith('.sql'))) fs.copyFileSync(path.join(from, file), path.join(to, file));
}
