import fs from 'node:fs';
import path from 'node:path';

/**
 * The published August 2023 tables: ../shared/reference beside the repository (the reference kept for
 * the project, also beside CI's clone), else the copy the app ships in resources/demo, which
 * tests/unit/reference-copy.test.ts keeps identical to the reference wherever both exist.
 */
export const REFERENCE_DIR = path.resolve(__dirname, '../../../shared/reference/fmr-2023-08');
export const SHIPPED_DIR = path.resolve(__dirname, '../../resources/demo');

export function publishedDir(): string {
  return fs.existsSync(REFERENCE_DIR) ? REFERENCE_DIR : SHIPPED_DIR;
}

export function publishedKadTables(): { table_id: string; title: string; [k: string]: unknown }[] {
  const dir = publishedDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('kad-') && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}
