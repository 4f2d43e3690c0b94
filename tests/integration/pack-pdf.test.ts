import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../shared/api/errors';
import { AppSession } from '../../main/app/session';
import { exportPackPdf } from '../../main/pack/pdf';
import { updatePackSettings } from '../../main/pack/settings';
import { tempDemo } from '../helpers/workspace';

/**
 * The committee pack as a PDF from the command line: the app's print view, served from the workspace and
 * printed by Chromium (CI installs chromium and poppler-utils). Needs `npm run build` (the renderer).
 */
const CHROMIUM = process.env.OUTTURN_CHROMIUM ?? '/usr/bin/chromium';
const POPPLER = ['pdfinfo', 'pdftotext'].every((tool) => {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

let demo: ReturnType<typeof tempDemo>;
let pdf: string;
let pages: number | null;
let text: string;
let info: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (CI does this).`);
  if (!POPPLER) throw new Error('pdfinfo/pdftotext not found: apt-get install -y --no-install-recommends poppler-utils (CI does this).');
  demo = tempDemo();
  // Settings the header must carry; the session is closed before the export opens its own.
  const s = new AppSession(demo.file);
  updatePackSettings(s.ws, { committee: 'Adults & Health Committee' });
  s.close();
  pdf = path.join(demo.dir, 'pack.pdf');
  ({ pages } = await exportPackPdf({ workspace: demo.file, period: '2023-08', out: pdf, chromium: CHROMIUM }));
  info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}, 120_000);

afterAll(() => demo?.done());

describe('exportPackPdf', () => {
  it('writes a tagged A4 landscape PDF with a sensible page count', () => {
    expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    // Cover, Sections 1 and 2, Appendices 1a, 1b, 2 and 3, Section 5's introduction and six services
    // (each with its table and two charts), Appendix 5: 22 pages when measured; a section lost or
    // a table spilling a page per row would leave this range.
    expect(count).toBeGreaterThanOrEqual(16);
    expect(count).toBeLessThanOrEqual(30);
    expect(pages).toBe(count);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    // A4 landscape (Chromium rounds the size to whole hundredths of an inch).
    const [width, height] = (/^Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/m.exec(info) ?? []).slice(1).map(Number);
    expect(width).toBeGreaterThan(height!);
    expect(info).toMatch(/^Title:\s+Finance Monitoring Report – August 2023\/24$/m);
    expect(fs.readdirSync(demo.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the figures as published, the captions and the running header and footer', () => {
    for (const expected of ['£28,942k', '-£289k', '£2,271', '£k', 'Learning Disability Partnership', '5.1 Key activity data at the end of August 2023 for Learning Disability Partnership is shown below:', 'Care Contributions', 'Page 1 of']) {
      expect(text).toContain(expected);
    }
    const total = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(text).toContain(`Page ${total} of ${total}`);
    expect(text).toContain('Adults & Health Committee – Finance Monitoring Report – August 2023/24');
    expect(text).toContain('Cambridgeshire County Council');
  });

  it('prints only the sections asked for', async () => {
    const only = path.join(demo.dir, 'kad-only.pdf');
    await exportPackPdf({ workspace: demo.file, period: '2023-08', sections: ['kad'], out: only, chromium: CHROMIUM });
    const kadText = execFileSync('pdftotext', [only, '-'], { encoding: 'utf8' });
    expect(kadText).toContain('£28,942k');
    expect(kadText).not.toContain('Contents');
  }, 60_000);

  it('says plainly when there is no browser, no such month or section, or nowhere to write', async () => {
    const out = path.join(demo.dir, 'never.pdf');
    await expect(exportPackPdf({ workspace: demo.file, period: '2023-08', out, chromium: '/nowhere/chromium' })).rejects.toThrow(
      new UserError('not_found', 'No browser to print the PDF with was found at /nowhere/chromium. Install Chromium, or set OUTTURN_CHROMIUM to a Chrome or Chromium program.'),
    );
    await expect(exportPackPdf({ workspace: demo.file, period: '2031-02', out, chromium: CHROMIUM })).rejects.toThrow('February 2031 is not a period of this workspace.');
    await expect(exportPackPdf({ workspace: demo.file, period: '2023-08', sections: ['kad', 'appendix-9'], out, chromium: CHROMIUM })).rejects.toThrow('"appendix-9" is not a section of the committee pack');
    await expect(exportPackPdf({ workspace: demo.file, period: '2023-08', out: path.join(demo.dir, 'missing', 'x.pdf'), chromium: CHROMIUM })).rejects.toThrow('does not exist');
    expect(fs.existsSync(out)).toBe(false);
  });
});
