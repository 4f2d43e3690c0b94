import ExcelJS from 'exceljs';
import { monthLabel } from '../../shared/periods';
import { SERVICE_TYPES } from '../../main/areas/kad/catalog';

/**
 * A large committee-style KAD workbook for the cancel test, the memory test and the benchmark: the six
 * demo services' tables stacked on one sheet, month after month from September 2023, each as published
 * (title, band, header, group rows, "~" lines, subtotals, total, Care Contributions), written with
 * exceljs's streaming writer so generating it stays in flat memory too.
 */
export const DEMO_SERVICES = [
  'Learning Disability Partnership',
  'Older People and Physical Disability Over 65',
  'Physical Disabilities Under 65s',
  'Older People Mental Health',
  'Adult Mental Health',
  'Autism',
];

const HEADERS = ['Service Type', 'Expected No. of Care Packages 2023/24', 'Budgeted Average Unit Cost (per week)', 'Annual Budget', 'Current Care Packages', 'DoT', 'Current Average Unit Cost (per week)', 'DoT', 'Total spend/ income', 'DoT', 'Variance'];

function monthAt(i: number): string {
  const m = 8 + i; // September 2023 is month index 8 from January 2023
  return `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** Rows one table takes (title, blank, band, header, 2 group rows, 11 lines, 2 subtotals, total, care contributions, blank). */
export const ROWS_PER_TABLE = 1 + 1 + 1 + 1 + 2 + SERVICE_TYPES.length + 2 + 1 + 1 + 1;

/**
 * `typesInUse` (service name → the ids of the service types it uses) leaves the other lines without
 * figures, as published tables grey them out: such a file imports into a workspace using those types.
 */
export async function writeBigCommitteeWorkbook(file: string, rows: number, opts: { typesInUse?: Readonly<Record<string, readonly string[]>> } = {}): Promise<{ rows: number; tables: number; months: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Key Activity Data');
  const tables = Math.max(1, Math.floor(rows / ROWS_PER_TABLE));
  let written = 0;
  const add = (values: (string | number | null)[]) => {
    ws.addRow(values).commit();
    written++;
  };
  for (let t = 0; t < tables; t++) {
    const service = DEMO_SERVICES[t % DEMO_SERVICES.length]!;
    const label = monthLabel(monthAt(Math.floor(t / DEMO_SERVICES.length)));
    add([`Key activity data at the end of ${label} for ${service} is shown below:`]);
    add([]);
    add([service, 'BUDGET', null, null, `ACTUAL (${label})`, null, null, null, 'Outturn']);
    add(HEADERS);
    let group = '';
    SERVICE_TYPES.forEach((type, i) => {
      const heading = type.group === 'accommodation' ? 'Accommodation based' : 'Community based';
      if (heading !== group) {
        if (group) add([`${group} subtotal`]);
        add([heading]);
        group = heading;
      }
      const pk = 10 + ((t * 7 + i * 13) % 400);
      const cost = 200 + ((t * 11 + i * 17) % 1800);
      const budget = Math.round((pk * cost * 52) / 1000);
      const spend = budget + ((t + i) % 50) - 25;
      const inUse = opts.typesInUse?.[service]?.includes(type.id) ?? true;
      add(inUse ? [`~${type.name}`, pk, cost, budget, pk + ((t + i) % 5), '↔', cost + ((t * i) % 9), '↑', spend, '↓', spend - budget] : [`~${type.name}`]);
    });
    add([`${group} subtotal`]);
    add(['Total for expenditure']);
    add(['Care Contributions', null, null, -500 - (t % 100), null, null, null, null, -520 - (t % 90), null, -20]);
    add([]);
  }
  ws.commit();
  await wb.commit();
  return { rows: written, tables, months: Math.ceil(tables / DEMO_SERVICES.length) };
}
