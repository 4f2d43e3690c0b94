import fs from 'node:fs';
import path from 'node:path';

/**
 * A worker's entry script, which must be JavaScript: the compiled file beside the module asking (the
 * built app, `npm start`, the CLI), else — running from the TypeScript sources, as the tests do — the
 * same file in the build (dist/), which `npm run build` makes.
 */
export function compiledEntry(dir: string, name: string): string {
  const beside = path.join(dir, `${name}.js`);
  if (fs.existsSync(beside)) return beside;
  const root = path.resolve(__dirname, '..', '..');
  const built = path.join(root, 'dist', path.relative(root, dir), `${name}.js`);
  if (fs.existsSync(built)) return built;
  throw new Error(`${built} is missing: run \`npm run build\` first.`);
}
