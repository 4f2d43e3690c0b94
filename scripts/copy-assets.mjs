// tsc emits only JavaScript; the SQL migrations travel beside the compiled store.
import fs from 'node:fs';
import path from 'node:path';

const from = path.join('main', 'store', 'migrations');
const to = path.join('dist', 'main', 'store', 'migrations');
fs.rmSync(to, { recursive: true, force: true });
fs.mkdirSync(to, { recursive: true });
for (const file of fs.readdirSync(from).filter((f) => f.endsWith('.sql'))) fs.copyFileSync(path.join(from, file), path.join(to, file));
