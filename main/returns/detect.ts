import { DEFAULT_IMPORT_LIMITS } from '../import/types';
import { openZipEntry, readZipDirectory } from '../import/read/zip-guard';
import { IDENTITY_SHEET } from './workbook';

/**
 * Whether a file is an Outturn return (a workbook holding the return identity sheet), found from its
 * list of sheets alone, so `outturn import` can take returns and other workbooks in one command. A
 * damaged, oversized or non-workbook file is not a return: the import engine then says what is wrong.
 */
export async function isReturnWorkbook(file: string): Promise<boolean> {
  try {
    const dir = await readZipDirectory(file, DEFAULT_IMPORT_LIMITS);
    if (!dir.ok) return false;
    const entry = dir.entries.get('xl/workbook.xml');
    if (!entry || entry.uncompressed > 4 * 1024 * 1024) return false;
    const chunks: Buffer[] = [];
    for await (const c of await openZipEntry(file, entry)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').includes(`name="${IDENTITY_SHEET}"`);
  } catch {
    return false;
  }
}
