import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { UserError } from '../../shared/api/errors';

/**
 * Writes a workbook to a temporary file in the target's folder, then renames it over the target, so a
 * failed export never leaves half a pack behind and a reader never sees one being written. On Windows the
 * rename is what fails when Excel has the old pack open (EBUSY, EPERM or EACCES): that is said plainly.
 */
/** The absolute path to write, refused early (before any work) when it could never be written. */
export function packTarget(target: string, what = 'pack'): string {
  const file = path.resolve(target);
  const dir = path.dirname(file);
  const name = path.basename(file);
  if (!name.toLowerCase().endsWith('.xlsx')) throw new UserError('invalid_input', `The ${what} is an Excel workbook: name a file ending in .xlsx, for example ${name.replace(/\.[^.]*$/, '') || what.replace(/ /g, '-')}.xlsx.`);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UserError('invalid_input', `The folder ${dir} does not exist, so the ${what} could not be saved there.`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new UserError('invalid_input', `${file} is a folder. Name a file ending in .xlsx.`);
  return file;
}

export async function writeWorkbookAtomically(wb: ExcelJS.Workbook, target: string, what = 'pack'): Promise<string> {
  packTarget(target, what);
  return writeFileAtomically(Buffer.from(await wb.xlsx.writeBuffer()), target, what);
}

/** The same for a workbook already written (an archived pack handed back): temporary file, then rename. */
export function writeFileAtomically(buffer: Buffer, target: string, what = 'pack'): string {
  const file = packTarget(target, what);
  const dir = path.dirname(file);
  const name = path.basename(file);
  const temp = path.join(dir, `.${name}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, buffer, { flag: 'wx' });
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw friendly(err, 'write', file, dir);
  }
  try {
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw friendly(err, 'rename', file, dir);
  }
  return file;
}

function friendly(err: unknown, step: 'write' | 'rename', file: string, dir: string): unknown {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (step === 'rename' && ['EBUSY', 'EPERM', 'EACCES'].includes(code)) {
    return new UserError('invalid_input', `${path.basename(file)} is open in another program (Excel?). Close it and export again.`);
  }
  if (['EACCES', 'EPERM', 'EROFS'].includes(code)) return new UserError('invalid_input', `Outturn is not allowed to save files in ${dir}. Choose a folder you can save files in.`);
  if (code === 'ENOSPC') return new UserError('invalid_input', `There is not enough disk space to save ${file}.`);
  if (code === 'ENAMETOOLONG') return new UserError('invalid_input', `The file name ${file} is too long.`);
  return err;
}
