import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openZipEntry, readZipDirectory } from '../../main/import/read/zip-guard';
import { DEFAULT_IMPORT_LIMITS } from '../../main/import/types';
import { extractCsv, HAND_ROWS, personalData } from '../import-fixtures/care-extract';
import { scratch } from '../import-fixtures/sink';
import { cli } from '../helpers/cli';
import { tempDemo } from '../helpers/workspace';

/**
 * Person IDs and dates of birth are read only to work out the figures: after an extract is imported
 * (and a broken one refused), none is in the workspace file, its backups, the audit trail, what was
 * printed or logged, or the committee pack. The scan is first shown to find every one of them in the
 * extract itself, so it is a scan that can fail.
 */
const files = scratch('outturn-privacy-');
afterAll(() => files.remove());

async function unzipText(file: string): Promise<string> {
  const dir = await readZipDirectory(file, DEFAULT_IMPORT_LIMITS);
  if (!dir.ok) throw new Error(dir.reason);
  let text = '';
  for (const entry of dir.entries.values()) {
    for await (const chunk of await openZipEntry(file, entry)) text += (chunk as Buffer).toString('utf8');
  }
  return text;
}

/** Every file under a folder, as text (workbooks unzipped). */
async function textUnder(folder: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(folder, { recursive: true }) as string[]) {
    const file = path.join(folder, name);
    if (!fs.statSync(file).isFile()) continue;
    out.set(name, name.endsWith('.xlsx') ? await unzipText(file) : fs.readFileSync(file).toString('latin1'));
  }
  return out;
}

const found = (texts: Map<string, string>, needles: readonly string[]) => [...texts].flatMap(([where, text]) => needles.filter((n) => text.includes(n)).map((n) => `${n} in ${where}`));

describe('personal data in a care-package extract', () => {
  let logged = '';
  beforeEach(() => {
    logged = '';
    for (const m of ['log', 'error', 'warn', 'info'] as const) vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void (logged += a.map(String).join(' ') + '\n'));
  });
  afterEach(() => vi.restoreAllMocks());

  it('is nowhere in the workspace, its backups, the audit trail, the output or the pack after an import', async () => {
    const needles = personalData();
    expect(needles.length).toBeGreaterThanOrEqual(HAND_ROWS.length);
    const extract = files.file('clients.csv', extractCsv());
    // The scan finds each one, as written, in the extract itself.
    const written = HAND_ROWS.flatMap((r) => [r[0], r[1]]);
    expect(found(new Map([['extract', fs.readFileSync(extract, 'utf8')]]), written)).toHaveLength(written.length);
    const demo = tempDemo();
    try {
      const broken = files.file('broken.csv', extractCsv().replace('17/05/1961', '17/05/19611'));
      const refused = await cli('import', demo.file, broken, '--months', '2022-04..2023-08');
      expect(refused.code).toBe(1);
      const run = await cli('import', demo.file, extract, '--months', '2022-04..2023-08');
      expect(run.code).toBe(0);
      const json = await cli('import', demo.file, extract, '--months', '2022-04..2023-09', '--dry-run', '--json');
      const pack = path.join(demo.dir, 'pack.xlsx');
      expect((await cli('export', demo.file, '--period', '2023-08', '--out', pack, '--allow-empty')).code).toBe(0);
      expect((await cli('audit', demo.file, '--period', '2023-08', '--out', path.join(demo.dir, 'audit.xlsx'))).code).toBe(0);
      const texts = await textUnder(demo.dir);
      expect([...texts.keys()].some((k) => k.includes('backups'))).toBe(true);
      for (const [name, r] of Object.entries({ refused, run, json })) texts.set(`output of ${name}`, r.out + r.err);
      texts.set('console', logged);
      expect(found(texts, needles)).toEqual([]);
      // …while what the officer needs is there: the packages, and the rows left out named by package.
      expect(run.out).toContain('Row 8, package PK5');
    } finally {
      demo.done();
    }
  }, 60_000);
});
