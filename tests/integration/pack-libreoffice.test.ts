import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePack } from '../../main/pack/build';
import { tempDemo } from '../helpers/workspace';
import { screenshotPath } from '../helpers/screenshots';

/**
 * The pack as a person would see it: LibreOffice (headless) prints the August 2023 demo pack to PDF, and
 * the PDF is read back with poppler (pdfinfo, pdftotext, pdffonts). The first three pages are kept as
 * PNGs for the README. CI installs the tools: apt-get install libreoffice-calc poppler-utils
 * fonts-crosextra-carlito (Carlito stands in for Calibri).
 */



function has(tool: string, args: string[]): boolean {
  const r = spawnSync(tool, args, { stdio: 'ignore' });
  return !r.error;
}

const missing = [
  ['soffice', ['--version']],
  ['pdfinfo', ['-v']],
  ['pdftotext', ['-v']],
  ['pdftoppm', ['-v']],
  ['pdffonts', ['-v']],
].filter(([tool, args]) => !has(tool as string, args as string[])).map(([tool]) => tool as string);

let demo: ReturnType<typeof tempDemo>;
let profile: string;
let pdf: string;
let pages: string[] = [];

beforeAll(async () => {
  if (missing.length) return;
  demo = tempDemo();
  const session = demo.open();
  const xlsx = path.join(demo.dir, 'pack.xlsx');
  // Section 5 as printed; revenue's sections have their own test (revenue-pack.test.ts).
  await writePack(session.ws, { period: '2023-08', sections: ['contents', 'kad'] }, xlsx);
  // A private profile per run, so parallel runs (and a desktop LibreOffice) never share one.
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-lo-profile-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', demo.dir, xlsx], { stdio: 'pipe', timeout: 120_000 });
  pdf = path.join(demo.dir, 'pack.pdf');
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
  pages = Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
}, 180_000);

afterAll(() => {
  demo?.done();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

describe('the demo pack printed by LibreOffice', () => {
  it('has LibreOffice and poppler to print with (CI installs libreoffice-calc, poppler-utils and fonts-crosextra-carlito)', () => {
    expect(missing, `Missing ${missing.join(', ')}. CI installs them with: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-crosextra-carlito`).toEqual([]);
  });

  it('prints the contents on one page, then each table on its own page followed by a page of its charts', () => {
    expect(pages).toHaveLength(13);
    expect(pages[0]).toContain('Cambridgeshire County Council');
    expect(pages[0]).toContain('5.6 Autism');
    expect(pages[1]).toContain('5. Key Activity Data');
    for (let t = 0; t < 6; t++) {
      const table = pages[1 + 2 * t]!;
      const charts = pages[2 + 2 * t]!;
      // A whole table on one page: its caption, band, header and every row down to Care Contributions.
      expect(table).toMatch(new RegExp(`5\\.${t + 1} Key activity data at the end of August 2023`));
      for (const text of ['ACTUAL (August 2023)', 'Service Type', 'Accommodation based subtotal', 'Total for expenditure', 'Care Contributions']) expect(table, `table ${t + 1}: ${text}`).toContain(text);
      expect(charts.match(/Weekly Costs & People \(Aug 23 - Aug 23\)/g)?.length ?? 0, `charts of table ${t + 1}`).toBeGreaterThanOrEqual(2);
      expect(charts).toContain('5. Key Activity Data'); // the print title repeated
    }
  });

  it('shows the figures as published: £k, £ a week, negatives with a minus, thousands separators', () => {
    const ldp = pages[1]!;
    for (const figure of ['£28,942k', '£2,271', '-£289k', '245', '£31,818k', '£2,230', '2,151', '-£1,459k']) expect(ldp).toContain(figure);
    const pd = pages[5]!;
    expect(pd).toMatch(/~Nursing Dementia\s+0\s+£0\s+£k\s+0/);
  });

  it('prints the committee, report title and page number in every footer, in Calibri (Carlito), never a serif', () => {
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text, `page ${i + 1}`).toContain('Adults and Health Committee');
      expect(text, `page ${i + 1}`).toContain('Finance Monitoring Report – August 2023/24');
    });
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^(Carlito|Calibri)/);
  });

  it('renders the first three pages as PNGs for the README', () => {
    for (let n = 1; n <= 3; n++) {
      const out = screenshotPath(`pack-page-${n}`);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', pdf, out]);
      const png = fs.readFileSync(`${out}.png`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThan(600); // A4 landscape at 60 dpi is 702 px wide
    }
  });

  it('speaks in the council\'s voice: the arrows are "as previously reported", and no page names the software', () => {
    const all = pages.join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('The direction-of-travel arrows against July 2023 are as previously reported.');
    // "Outturn" is also the FMR's own word (the band over Total spend, "its outturn reported in Appendix 1"):
    // the software is named by nothing that only it could say.
    expect(all).not.toMatch(/\b(?:in|by|with|from) Outturn\b|Outturn (?:computes|calculates|holds|is|has|shows)\b/);
  });

  it('clips no caption: every service name is printed whole, however long', () => {
    for (let t = 0; t < 6; t++) {
      // In reading order (not laid out), so a name wrapped in its cell reads on as one text.
      const table = execFileSync('pdftotext', ['-f', String(2 + 2 * t), '-l', String(2 + 2 * t), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      const name = ['Learning Disability Partnership', 'Older People and Physical Disability Over 65', 'Physical Disabilities Under 65s', 'Older People Mental Health', 'Adult Mental Health', 'Autism'][t]!;
      // The band's name cell wraps between words: the words must all be there, in order.
      expect(table, `table ${t + 1}`).toMatch(new RegExp(name.split(' ').join('\\s+')));
    }
  });
});
