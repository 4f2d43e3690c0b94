import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSavingText, savingsTracker } from '../../main/areas/savings/service';
import { DEFAULT_IMPORT_LIMITS } from '../../main/import/types';
import { openZipEntry, readZipDirectory } from '../../main/import/read/zip-guard';
import { issueReturns, writeReturnFiles } from '../../main/returns/issue';
import { applyReturns, batchSummary, previewReturns } from '../../main/returns/receive';
import type { AppSession } from '../../main/app/session';
import { editWorkbook, rowOf } from '../helpers/returns';
import { tempDemo } from '../helpers/workspace';

/**
 * A commissioner may open their return in LibreOffice rather than Excel. LibreOffice (headless) saves the
 * issued return as a new .xlsx; read back with exceljs, its sheet is still protected, only the forecast
 * and commentary cells are unlocked, the forecasts keep their data validation and the identity sheet is
 * still hidden. A return edited and then saved by LibreOffice is taken back with its signature intact.
 * CI installs the tool: apt-get install libreoffice-calc.
 */
const hasSoffice = !spawnSync('soffice', ['--version'], { stdio: 'ignore' }).error;

let env: ReturnType<typeof tempDemo>;
let session: AppSession;
let profile: string;
let issued: string;

/** LibreOffice opens `file` and saves it again as .xlsx into `dir`; returns the file it wrote. */
function throughLibreOffice(file: string, dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
  const out = path.join(dir, path.basename(file));
  expect(fs.existsSync(out)).toBe(true);
  return out;
}

/** One part of the saved workbook as XML text. */
async function part(file: string, name: string): Promise<string> {
  const dir = await readZipDirectory(file, DEFAULT_IMPORT_LIMITS);
  if (!dir.ok) throw new Error(dir.reason);
  const chunks: Buffer[] = [];
  for await (const c of await openZipEntry(file, dir.entries.get(name)!)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The cells of the Return sheet whose style unlocks them, from the XML: LibreOffice writes locked="false"
 * where Excel writes locked="0", which exceljs does not read.
 */
async function unlockedCells(file: string): Promise<string[]> {
  const styles = await part(file, 'xl/styles.xml');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)!;
  const open = xfs.map((xf) => /<protection [^>]*locked="(0|false)"/.test(xf));
  const cells = [...(await part(file, 'xl/worksheets/sheet1.xml')).matchAll(/<c r="([A-Z]+\d+)"[^>]*?\bs="(\d+)"/g)];
  return cells.filter(([, , s]) => open[Number(s)]).map(([, address]) => address!);
}

beforeAll(async () => {
  if (!hasSoffice) return;
  env = tempDemo();
  session = env.open();
  for (const id of ['ph-1', 'ph-2']) setSavingText(session.ws, '2023-08', `2023-24-${id}`, 'owner', 'Priya Patel', 'grid');
  const result = issueReturns(session.ws, { area: 'savings', period: '2023-08', dueDate: '2023-09-08' }, 'cli');
  issued = (await writeReturnFiles(session.ws, result.returns, path.join(env.dir, 'issued')))[0]!;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-lo-profile-'));
}, 60_000);

afterAll(() => {
  session?.close();
  env?.done();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

describe('a return saved by LibreOffice', { timeout: 180_000 }, () => {
  it('has LibreOffice to open it with (CI installs libreoffice-calc)', () => {
    expect(hasSoffice, 'soffice is missing: apt-get install -y --no-install-recommends libreoffice-calc').toBe(true);
  });

  it.runIf(hasSoffice)('keeps its protection, its only unlocked cells, its validation and its hidden identity sheet', async () => {
    const saved = throughLibreOffice(issued, path.join(env.dir, 'lo'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheet = wb.getWorksheet('Return')!;
    // LibreOffice writes sheet="true" where Excel writes sheet="1"; exceljs reads only the latter, so the XML is read.
    expect(await part(saved, 'xl/worksheets/sheet1.xml')).toMatch(/<sheetProtection [^>]*\bsheet="(1|true)"/);
    expect(await part(saved, 'xl/worksheets/sheet2.xml')).toMatch(/<sheetProtection [^>]*\bsheet="(1|true)"/);
    expect(await unlockedCells(saved)).toEqual(['D6', 'E6', 'D7', 'E7']);
    expect(sheet.getCell('D6').dataValidation).toMatchObject({ type: 'decimal', operator: 'between' });
    expect(sheet.getCell('D6').value).toBe(-80);
    // LibreOffice has no "very hidden": it keeps the identity sheet hidden (and protected; its signature does the rest).
    expect(['hidden', 'veryHidden']).toContain(wb.getWorksheet('_outturn_return')!.state);
  });

  it.runIf(hasSoffice)('is taken back after an edit, its signature intact', async () => {
    const edited = path.join(env.dir, 'edited', path.basename(issued));
    fs.mkdirSync(path.dirname(edited), { recursive: true });
    await editWorkbook(issued, (wb) => void (rowOf(wb.getWorksheet('Return')!, 'Public Health savings').getCell(4).value = -123), edited);
    const saved = throughLibreOffice(edited, path.join(env.dir, 'lo-edited'));
    const batch = await previewReturns(session.ws, [{ file: saved, fileName: path.basename(saved) }]);
    const summary = batchSummary(batch);
    expect(summary.returns[0]).toMatchObject({ state: 'received', reason: null });
    expect(summary.returns[0]!.cells.map((c) => `${c.kind} ${c.label}: ${c.issued} → ${c.returned}`)).toEqual([expect.stringMatching(/^change Public Health savings: -?[\d,]+ → -123$/)]);
    expect(await applyReturns(session.ws, batch, new Map())).toMatchObject({ state: 'applied', changedCells: 1 });
    expect(savingsTracker(session.ws, '2023-08').groups.flatMap((g) => g.rows).find((r) => r.id === '2023-24-ph-2')!.forecastSaving).toBe(-12300);
  });
});
