import fs from 'node:fs';
import path from 'node:path';

/**
 * The published August 2023 tables, as transcribed in the reference kept beside the repository
 * (../shared/reference; OUTTURN_REFERENCE_DIR points elsewhere). Fidelity tests compare the app with
 * this, never with the copy the app ships and seeds its demo from (resources/demo): that would only
 * compare the app with itself. Without the reference they fail, saying where it is looked for.
 */
export const REFERENCE_DIR = path.resolve(process.env.OUTTURN_REFERENCE_DIR ?? path.resolve(__dirname, '../../../shared/reference/fmr-2023-08'));
export const SHIPPED_DIR = path.resolve(__dirname, '../../resources/demo');

export function referenceDir(): string {
  if (!fs.existsSync(REFERENCE_DIR)) {
    throw new Error(`The published reference tables are not at ${REFERENCE_DIR}. The fidelity tests compare Outturn with them (../shared/reference beside the repository, or set OUTTURN_REFERENCE_DIR).`);
  }
  return REFERENCE_DIR;
}

export function readReference<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(referenceDir(), file), 'utf8')) as T;
}

export function publishedKadTables(): { table_id: string; title: string; [k: string]: unknown }[] {
  const dir = referenceDir();
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('kad-') && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/**
 * The savings whose published RAG departs from the Key to RAG Ratings, by title: the MISMATCH rows of
 * CHECKS.md §7 (each saving's RAG worked out by hand from the published key). Each is one open finding
 * of the demo's August ("reported-rag-departs") until an officer reviews it.
 */
export function publishedRagDepartures(): string[] {
  const checks = fs.readFileSync(path.join(referenceDir(), 'CHECKS.md'), 'utf8');
  const section = checks.split(/^## /m).find((s) => s.startsWith('7. Savings tracker'));
  if (!section) throw new Error('CHECKS.md has no section 7 (Savings tracker: RAG vs the published Key to RAG Ratings).');
  return section
    .split('\n')
    .filter((l) => l.startsWith('|') && /\|\s*MISMATCH\s*\|\s*$/.test(l))
    .map((l) => l.split('|')[3]!.trim());
}
