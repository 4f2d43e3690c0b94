import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kadChecks } from '../../main/areas/kad/checks';
import { listServices } from '../../main/areas/kad/repository';
import { kadTable } from '../../main/areas/kad/service';
import { writePack } from '../../main/pack/build';
import { computeKadTotals, variance } from '../../shared/areas/kad/totals';
import type { KadField } from '../../shared/areas/kad/model';
import { isValidSheetName } from '../../shared/pack/sheet-names';
import { publishedKadTables } from '../helpers/reference';
import { tempDemo } from '../helpers/workspace';

/**
 * The golden test of the committee pack: the August 2023 demo pack is written, read back with exceljs as
 * any program would, and every Key Activity Data cell is compared with the published tables
 * (../shared/reference/fmr-2023-08/kad-*.json): entered figures exactly, as values and as displayed
 * through their number formats; totals with Outturn's own computed values; and the published totals
 * within the CONVENTIONS.md tolerance, where the disagreements found must be exactly those the check
 * engine reports (no cell is skipped for being on a list).
 */

type Unit = 'count' | 'gbp_week' | 'gbp_k';
type Column = { key: string; kind: 'field'; field: KadField; unit: Unit } | { key: string; kind: 'dot'; dot: string } | { key: 'outturn.variance_k'; kind: 'variance'; unit: 'gbp_k' };

/** The published columns B–K, in order, with what Outturn calls them. */
const COLUMNS: Column[] = [
  { key: 'budget.expected_packages', kind: 'field', field: 'expectedPackages', unit: 'count' },
  { key: 'budget.avg_unit_cost_per_week', kind: 'field', field: 'budgetUnitCost', unit: 'gbp_week' },
  { key: 'budget.annual_budget_k', kind: 'field', field: 'annualBudgetK', unit: 'gbp_k' },
  { key: 'actual.current_packages', kind: 'field', field: 'currentPackages', unit: 'count' },
  { key: 'actual.packages_dot', kind: 'dot', dot: 'packagesDot' },
  { key: 'actual.avg_unit_cost_per_week', kind: 'field', field: 'currentUnitCost', unit: 'gbp_week' },
  { key: 'actual.unit_cost_dot', kind: 'dot', dot: 'unitCostDot' },
  { key: 'outturn.total_spend_k', kind: 'field', field: 'totalSpendK', unit: 'gbp_k' },
  { key: 'outturn.dot', kind: 'dot', dot: 'outturnDot' },
  { key: 'outturn.variance_k', kind: 'variance', unit: 'gbp_k' },
];
const FORMATS: Record<Unit, string> = { count: '#,##0', gbp_week: '"£"#,##0;-"£"#,##0', gbp_k: '"£"#,##0"k";-"£"#,##0"k";"£k"' };

interface PublishedRow {
  label: string;
  kind?: 'subtotal' | 'total' | 'care_contributions';
  group?: string | null;
  raw: string[];
  [band: string]: unknown;
}
interface PublishedTable {
  table_id: string;
  title: string;
  caption: string;
  rows: PublishedRow[];
  published_totals: PublishedRow[];
}

function publishedValue(row: PublishedRow, key: string): number | string | null {
  const [band, field] = key.split('.') as [string, string];
  return ((row[band] as Record<string, number | string | null>) ?? {})[field] ?? null;
}

/** Excel's display of a number through the formats the pack uses: sections, quoted text, #,##0. */
function display(value: number, fmt: string): string {
  const sections = fmt.split(';');
  const section = value < 0 && sections[1] ? sections[1] : value === 0 && sections[2] ? sections[2] : sections[0]!;
  const magnitude = value < 0 && sections[1] ? Math.abs(value) : value;
  return section.replace(/"([^"]*)"|#,##0/g, (m, text: string | undefined) => {
    if (text !== undefined) return text;
    const rounded = Math.sign(magnitude) * Math.round(Math.abs(magnitude));
    return (rounded < 0 ? '-' : '') + Math.abs(rounded).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  });
}

/** A tiny evaluator for the formulas the pack writes (SUM, IFERROR, + - * /), to show they recalculate to their cached values. */
function evaluate(formula: string, sheet: ExcelJS.Worksheet): number | string {
  const tokens = formula.match(/[A-Z]+\d+:[A-Z]+\d+|[A-Z]+\d+|[A-Z]+(?=\()|\d+(?:\.\d+)?|""|[-+*/(),]/g)!;
  let i = 0;
  const cellValue = (ref: string): number => {
    const v = sheet.getCell(ref).value as unknown;
    if (typeof v === 'number') return v;
    if (v && typeof v === 'object' && 'result' in v && typeof (v as { result: unknown }).result === 'number') return (v as { result: number }).result;
    return 0;
  };
  const range = (ref: string): number[] => {
    const [a, b] = ref.split(':') as [string, string];
    const col = a.replace(/\d+/, '');
    const out: number[] = [];
    for (let r = Number(a.replace(/[A-Z]+/, '')); r <= Number(b.replace(/[A-Z]+/, '')); r++) out.push(cellValue(`${col}${r}`));
    return out;
  };
  const num = (v: number | string): number => {
    if (typeof v === 'string') throw new Error('#VALUE!');
    return v;
  };
  function factor(): number | string {
    const t = tokens[i++]!;
    if (t === '(') {
      const v = expr();
      i++;
      return v;
    }
    if (t === '-') return -num(factor());
    if (t === '""') return '';
    if (/^\d/.test(t)) return Number(t);
    if (t === 'SUM' || t === 'IFERROR') {
      i++;
      const args: (number | string | number[])[] = [];
      while (tokens[i - 1] !== ')') {
        if (/^[A-Z]+\d+:[A-Z]+\d+$/.test(tokens[i]!) && (tokens[i + 1] === ',' || tokens[i + 1] === ')')) args.push(range(tokens[i++]!));
        else if (t === 'IFERROR' && args.length === 0) {
          try {
            args.push(expr());
          } catch {
            args.push(NaN);
          }
        } else args.push(expr());
        i++;
      }
      if (t === 'SUM') return args.flat().reduce<number>((a, b) => a + (typeof b === 'number' ? b : 0), 0);
      const first = args[0] as number;
      return Number.isFinite(first) ? first : (args[1] as number | string);
    }
    return cellValue(t);
  }
  function term(): number | string {
    let v = factor();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++];
      const rhs = num(factor());
      if (op === '/' && rhs === 0) throw new Error('#DIV/0!');
      v = op === '*' ? num(v) * rhs : num(v) / rhs;
    }
    return v;
  }
  function expr(): number | string {
    let v = term();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? num(v) + num(term()) : num(v) - num(term());
    return v;
  }
  return expr();
}

interface PackTable {
  caption: string;
  service: string;
  headerRow: number;
  rows: Map<string, number>;
}

/** Finds each table on the KAD sheet: caption "5.n …", band row, header row, then rows to Care Contributions. */
function tablesOf(sheet: ExcelJS.Worksheet): PackTable[] {
  const tables: PackTable[] = [];
  let current: PackTable | null = null;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const a = sheet.getCell(r, 1).value;
    const text = typeof a === 'string' ? a : '';
    if (/^5\.\d+ /.test(text)) {
      current = { caption: text, service: String(sheet.getCell(r + 1, 1).value), headerRow: r + 2, rows: new Map() };
      tables.push(current);
      r += 2;
      continue;
    }
    if (current && text) {
      current.rows.set(text, r);
      if (text === 'Care Contributions') current = null;
    }
  }
  return tables;
}

const TOTAL_KEYS: Record<string, string> = {
  'Accommodation based subtotal': 'subtotal_accommodation',
  'Community based subtotal': 'subtotal_community',
  'Total for expenditure': 'total_expenditure',
  'Care Contributions': 'care_contributions',
};
const LINE_KEYS: Record<string, string> = {
  Residential: 'residential', 'Residential Dementia': 'residential_dementia', Nursing: 'nursing', 'Nursing Dementia': 'nursing_dementia', Respite: 'respite',
  'Supported Living': 'supported_living', Homecare: 'homecare', 'Direct payments': 'direct_payments', 'Live In Care': 'live_in_care', 'Day Care': 'day_care', 'Other Care': 'other_care',
};

/** CONVENTIONS.md: counts exact, money ±2 in the last unit (£k), average unit costs within £1. */
function withinTolerance(unit: Unit, computed: number | null, published: number | null): boolean {
  if (computed === null || published === null) return (computed ?? 0) === (published ?? 0);
  if (unit === 'count') return Math.round(computed) === published;
  if (unit === 'gbp_k') return Math.abs(Math.sign(computed) * Math.round(Math.abs(computed)) - published) <= 2;
  return Math.abs(computed - published) <= 1;
}

let demo: ReturnType<typeof tempDemo>;
let wb: ExcelJS.Workbook;
let sheet: ExcelJS.Worksheet;
let tables: PackTable[];
let published: PublishedTable[];
let session: ReturnType<ReturnType<typeof tempDemo>['open']>;

beforeAll(async () => {
  demo = tempDemo();
  session = demo.open();
  const file = path.join(demo.dir, 'pack.xlsx');
  // Section 5's layout; revenue's sections and the appendices have their own tests (revenue-pack.test.ts, appendix-pack.test.ts).
  await writePack(session.ws, { period: '2023-08', sections: ['contents', 'kad'] }, file);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  sheet = wb.getWorksheet('5 Key Activity Data')!;
  tables = tablesOf(sheet);
  published = publishedKadTables() as unknown as PublishedTable[];
}, 60_000);
afterAll(() => demo?.done());

function tableFor(p: PublishedTable): PackTable {
  const t = tables.find((x) => x.service === p.title);
  expect(t, `a table for ${p.title}`).toBeDefined();
  return t!;
}

function outturnOf(serviceName: string) {
  const service = listServices(session.ws).find((s) => s.name === serviceName)!;
  const table = kadTable(session.ws, '2023-08', service.id);
  return { table, totals: computeKadTotals(table.lines, table.averagingRule) };
}

describe('the demo pack, read back with exceljs', () => {
  it('has the six published tables in order, with the published captions, bands and headers', () => {
    expect(published).toHaveLength(6);
    expect(tables.map((t) => t.service)).toEqual(listServices(session.ws).map((s) => s.name));
    for (const p of published) {
      const t = tableFor(p);
      expect(t.caption).toBe(p.caption);
      const band = t.headerRow - 1;
      expect([1, 2, 5, 9].map((c) => sheet.getCell(band, c).value)).toEqual([p.title, 'BUDGET', 'ACTUAL (August 2023)', 'Outturn']);
      expect(sheet.getRow(t.headerRow).values).toEqual([
        undefined, 'Service Type', 'Expected No. of Care Packages 2023/24', 'Budgeted Average Unit Cost (per week)', 'Annual Budget', 'Current Care Packages', 'DoT',
        'Current Average Unit Cost (per week)', 'DoT', 'Total spend/ income', 'DoT', 'Variance',
      ]);
    }
  });

  it('holds every entered figure exactly, as a number in its displayed unit that displays as published', () => {
    let compared = 0;
    for (const p of published) {
      const t = tableFor(p);
      const entered = [...p.rows.map((row) => ({ row, only: null as string[] | null })), ...p.published_totals.filter((r) => r.kind === 'care_contributions').map((row) => ({ row, only: ['budget.annual_budget_k', 'outturn.total_spend_k', 'outturn.dot'] }))];
      for (const { row, only } of entered) {
        const r = t.rows.get(row.label);
        expect(r, `${p.title} ${row.label}`).toBeDefined();
        COLUMNS.forEach((c, i) => {
          if (c.kind === 'variance' || (only && !only.includes(c.key))) return;
          const cell = sheet.getCell(r!, i + 2);
          const where = `${p.title} ${row.label} ${c.key} (${cell.address})`;
          const want = publishedValue(row, c.key);
          if (c.kind === 'dot') {
            expect(cell.value ?? '', where).toBe(row.raw[i + 1]);
          } else {
            expect(cell.value, where).toBe(want);
            expect(cell.numFmt, where).toBe(FORMATS[c.unit]);
            expect(typeof cell.value === 'number' ? display(cell.value, cell.numFmt) : '', where).toBe(row.raw[i + 1]);
          }
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('writes each line variance as =I-D with its value cached, and every total as a formula whose cached result is Outturn’s', () => {
    for (const p of published) {
      const t = tableFor(p);
      const { table, totals } = outturnOf(p.title);
      for (const line of table.lines) {
        const r = t.rows.get(line.kind === 'care_contributions' ? 'Care Contributions' : `~${line.label}`)!;
        const cell = sheet.getCell(r, 11);
        const v = line.inUse ? variance(line.totalSpendK, line.annualBudgetK) : null;
        if (v === null) expect(cell.value, `${p.title} ${line.label}`).toBeNull();
        else {
          expect(cell.formula).toBe(`I${r}-D${r}`);
          expect(cell.result).toBe(v / 100);
          expect(cell.numFmt).toBe(FORMATS.gbp_k);
        }
      }
      for (const total of totals) {
        const r = t.rows.get(total.label)!;
        COLUMNS.forEach((c, i) => {
          if (c.kind === 'dot') return;
          const cell = sheet.getCell(r, i + 2);
          const computed = c.kind === 'variance' ? total.varianceK : total[c.field];
          const where = `${p.title} ${total.label} ${c.key}`;
          expect(cell.formula, where).toMatch(c.kind === 'field' && c.unit === 'gbp_week' ? /^IFERROR\(\(.+\)\/SUM\(.+\),""\)$/ : /^SUM\(/);
          expect(cell.result ?? '', where).toBe(computed === null ? '' : computed / 100);
          expect(cell.numFmt, where).toBe(FORMATS[c.unit]);
        });
      }
    }
  });

  it('has formulas that recalculate to their cached values (as Excel would on an edit)', () => {
    let formulas = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.formula) return;
        const again = evaluate(cell.formula, sheet);
        const cached = cell.result as number | string;
        if (typeof cached === 'string') expect(again, cell.address).toBe(cached);
        else expect(Math.abs((again as number) - cached), `${cell.address} ${cell.formula}`).toBeLessThan(0.006);
        formulas++;
      }),
    );
    expect(formulas).toBeGreaterThan(6 * 30);
  });

  it('averages unit costs by the published rule: Respite packages count, their cost does not', () => {
    const ldp = tableFor(published.find((p) => p.title === 'Learning Disability Partnership')!);
    const sub = ldp.rows.get('Accommodation based subtotal')!;
    const [res, respite] = [ldp.rows.get('~Residential')!, ldp.rows.get('~Respite')!];
    const formula = sheet.getCell(sub, 3).formula;
    expect(formula).toContain(`B${res}*C${res}`);
    expect(formula).not.toContain(`B${respite}*C${respite}`);
    expect(formula).toContain(`SUM(B${res}:B${respite})`);
    expect(display(sheet.getCell(sub, 3).result as number, FORMATS.gbp_week)).toBe('£2,230');
    expect(display(sheet.getCell(sub, 4).result as number, FORMATS.gbp_k)).toBe('£31,818k');
  });

  it('agrees with the published totals within tolerance, except exactly the published errors of CHECKS.md, which the check engine reports', () => {
    const found: string[] = [];
    for (const p of published) {
      const t = tableFor(p);
      const compare = (rowKey: string, label: string, c: Column, i: number, pub: number | null) => {
        if (c.kind === 'dot' || pub === null) return;
        const cell = sheet.getCell(t.rows.get(label)!, i + 2);
        const mine = typeof cell.result === 'number' ? cell.result : typeof cell.value === 'number' ? cell.value : null;
        if (!withinTolerance(c.unit, mine, pub)) found.push(`${p.title}|${rowKey}|${c.kind === 'variance' ? 'varianceK' : c.field}`);
      };
      for (const row of p.published_totals) {
        COLUMNS.forEach((c, i) => {
          if (row.kind === 'care_contributions' && c.kind !== 'variance') return; // entered, compared exactly above
          compare(TOTAL_KEYS[row.label]!, row.label, c, i, publishedValue(row, c.key) as number | null);
        });
      }
      for (const row of p.rows) compare(LINE_KEYS[row.label.replace(/^~/, '')]!, row.label, COLUMNS[9]!, 9, publishedValue(row, 'outturn.variance_k') as number | null);
      // Published arrows on totals are reported figures too: with July not held they are printed as published.
      for (const row of p.published_totals) expect(sheet.getCell(t.rows.get(row.label)!, 11 - 1).value ?? '', `${p.title} ${row.label} DoT`).toBe(row.raw[9]);
    }
    // Written by hand from CHECKS.md section 0.1 items 1 and 2 (the published tables' own errors), so a
    // wrong total in Outturn cannot hide behind a check engine that computes it the same wrong way.
    const publishedErrors = [
      'Adult Mental Health|subtotal_community|currentPackages',
      'Adult Mental Health|subtotal_community|currentUnitCost',
      'Adult Mental Health|total_expenditure|currentPackages',
      'Adult Mental Health|total_expenditure|currentUnitCost',
      'Autism|subtotal_accommodation|currentPackages',
      'Autism|subtotal_accommodation|currentUnitCost',
      'Autism|total_expenditure|annualBudgetK',
      'Autism|total_expenditure|currentPackages',
      'Autism|total_expenditure|currentUnitCost',
    ];
    expect(found.sort()).toEqual(publishedErrors);
    const engine = kadChecks(session.ws, '2023-08')
      .filter((f) => f.rule.startsWith('reported-'))
      .map((f) => `${f.table}|${f.rowKey}|${f.columnKey}`);
    expect(engine.sort()).toEqual(publishedErrors);
  });

  it('greys out every care type a service does not use, with no figures', () => {
    let greyed = 0;
    for (const p of published) {
      const t = tableFor(p);
      const used = new Set(p.rows.map((r) => r.label));
      for (const [label, r] of t.rows) {
        if (!label.startsWith('~') || used.has(label)) continue;
        greyed++;
        for (let c = 1; c <= 11; c++) {
          const cell = sheet.getCell(r, c);
          if (c > 1) expect(cell.value, `${p.title} ${label} ${cell.address}`).toBeNull();
          expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9D9D9');
          expect(cell.font.color?.argb).toBe('FF595959');
        }
      }
    }
    // Autism uses 6 of the 11 types; the others 9 to 11 (as transcribed).
    expect(greyed).toBe(66 - published.reduce((n, p) => n + p.rows.length, 0));
  });

  it('names every font, and keeps the numbers numeric (nothing that reads as a number is stored as text)', () => {
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value !== null && cell.value !== undefined) expect(cell.font?.name, `${ws.name}!${cell.address}`).toBe('Calibri');
          if (typeof cell.value === 'string') expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(/^-?£?[\d,.]+k?$/);
        }),
      );
    }
  });
});

describe('the workbook as a file', () => {
  it('has valid, unique sheet names and valid defined names', () => {
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(['Contents', '5 Key Activity Data']);
    for (const n of names) expect(isValidSheetName(n), n).toBe(true);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const defined = (wb.definedNames as unknown as { model: { name: string }[] }).model;
    for (const d of defined) expect(d.name).toMatch(/^(_xlnm\.)?[A-Za-z_\\][A-Za-z0-9_.]*$/);
  });

  it('names the council as author, never the person who exported it', () => {
    expect(wb.creator).toBe('Cambridgeshire County Council');
    expect(wb.lastModifiedBy).toBe('Cambridgeshire County Council');
    expect(wb.company).toBe('Cambridgeshire County Council');
    expect(wb.title).toBe('Finance Monitoring Report – August 2023/24');
    expect(wb.subject).toContain('Adults and Health Committee');
    const user = os.userInfo().username;
    for (const v of [wb.creator, wb.lastModifiedBy, wb.company, wb.manager, wb.description]) expect(v ?? '').not.toBe(user);
  });

  it('prints A4 landscape, one page wide, with print titles and a footer giving the page', () => {
    for (const ws of wb.worksheets) {
      const ps = ws.pageSetup;
      expect(ps.orientation, ws.name).toBe('landscape');
      expect(ps.paperSize, ws.name).toBe(9);
      expect(ps.fitToPage, ws.name).toBe(true);
      expect(ps.fitToWidth, ws.name).toBe(1);
      expect(ps.fitToHeight, ws.name).toBe(0);
      expect(ws.headerFooter.oddFooter, ws.name).toContain('Page &P of &N');
      expect(ws.headerFooter.oddFooter, ws.name).toContain('Adults and Health Committee');
      expect(ws.headerFooter.oddFooter, ws.name).toContain('Finance Monitoring Report – August 2023/24');
    }
    // exceljs reads back '1:1' for the '5 Key Activity Data'!$1:$1 it writes (STACK.md). The page breaks
    // (exceljs does not read them back) are checked on the printed pages by pack-libreoffice.test.ts.
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('puts two charts under every table, each with its alt text in the caption cell', () => {
    const images = sheet.getImages();
    expect(images).toHaveLength(12);
    for (const img of images) {
      const captionRow = img.range.tl.nativeRow; // 0-based: the caption is the row above the picture's
      const caption = sheet.getCell(captionRow, img.range.tl.nativeCol + 1).value as ExcelJS.CellRichTextValue;
      const text = caption.richText.map((r) => r.text).join('');
      expect(text).toMatch(/Weekly Costs & People \(Aug 23 - Aug 23\)\. Bar and line chart of .+ packages at an average weekly cost of £[\d,]+\.$/);
    }
  });

  it('links the contents to each section and table', () => {
    const contents = wb.getWorksheet('Contents')!;
    const links: string[] = [];
    contents.eachRow((row) => row.eachCell((cell) => void (cell.hyperlink && links.push(cell.hyperlink))));
    expect(links[0]).toBe("#'5 Key Activity Data'!A1");
    expect(links).toHaveLength(7);
    for (const l of links.slice(1)) {
      const ref = /!(A\d+)$/.exec(l)![1]!;
      expect(String(sheet.getCell(ref).value)).toMatch(/^5\.\d /);
    }
    expect(fs.existsSync(path.join(demo.dir, 'pack.xlsx'))).toBe(true);
    expect(fs.readdirSync(demo.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
