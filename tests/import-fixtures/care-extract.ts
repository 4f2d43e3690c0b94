import ExcelJS from 'exceljs';
import { toCsv } from './csv';

/** The columns of a care-package extract, as the issue names them. */
export const EXTRACT_HEADERS = ['Person ID', 'Date of Birth', 'Primary Support Reason', 'Service Type', 'Package ID', 'Element Start', 'Element End', 'Weekly Cost', 'Weekly Client Contribution', 'Provider', 'Cost Centre'];

export type ExtractRowText = [string, string, string, string, string, string, string, string, string, string, string];

/**
 * A small extract built by hand, with its figures for July and August 2023 worked out by hand in
 * HAND_EXPECTED below (not by the code under test). Person IDs and dates of birth are unusual strings,
 * so a scan for them cannot match anything else.
 */
export const HAND_ROWS: ExtractRowText[] = [
  // 2: LDP residential from January at £2,100, uplifted from 1 April to £2,205 (old element left open: overlap).
  ['PERSON-7731-QX', '12/03/1980', 'Learning Disability Support', 'Residential', 'PK1', '01/01/2023', '', '£2,100.00', '£100.00', 'Acme Care', 'CC101'],
  ['PERSON-7731-QX', '12/03/1980', 'Learning Disability Support', 'Residential', 'PK1', '01/04/2023', '', '£2,205.00', '£100.00', 'Acme Care', 'CC101'],
  // 4: physical support, 65 on 31 August 2023 (ISO dates): under 65 in July, older people in August.
  ['PERSON-5520-KD', '1958-08-31', 'Physical Support', 'Homecare', 'PK2', '2023-02-01', '', '350.50', '0', 'Home Help Ltd', 'CC202'],
  // 5: autism, Excel serial dates: 44927 = 1 Jan 2023, 45138 = 31 Jul 2023 (ends on July's last day).
  ['PERSON-9043-ZT', '01/01/1990', 'Autism', 'Supported Living', 'PK3', '44927', '45138', '800', '', 'Live Well', 'CC303'],
  // 6: an exact duplicate of row 5.
  ['PERSON-9043-ZT', '01/01/1990', 'Autism', 'Supported Living', 'PK3', '44927', '45138', '800', '', 'Live Well', 'CC303'],
  // 7: mental health from 1 August, aged 62.
  ['PERSON-3317-MW', '17/05/1961', 'Mental Health Support', 'Residential', 'PK4', '01/08/2023', '', '900.00', '', 'Calm Homes', 'CC404'],
  // 8: a reason no service takes.
  ['PERSON-6655-RB', '02/02/1970', 'Social Support: Substance Misuse', 'Residential', 'PK5', '01/01/2023', '', '500', '', 'X', 'CC505'],
  // 9: starts on the first day of September: not known at 31 August.
  ['PERSON-1188-PL', '03/03/1985', 'Learning Disability Support', 'Homecare', 'PK6', '01/09/2023', '', '400', '', 'Y', 'CC606'],
  // 10: ends before it starts.
  ['PERSON-2299-HN', '04/04/1975', 'Learning Disability Support', 'Homecare', 'PK7', '01/05/2023', '01/04/2023', '300', '', 'Z', 'CC707'],
  // 11: no weekly cost.
  ['PERSON-4411-JC', '05/05/1982', 'Learning Disability Support', 'Day Care', 'PK8', '01/01/2023', '', '', '', 'Z', 'CC808'],
  // 12: LDP residential for 15 days in June at £1,400: committed, never open at a month end.
  ['PERSON-8822-VS', '06/06/1979', 'Learning Disability Support', 'Residential', 'PK9', '01/06/2023', '15/06/2023', '1400', '', 'Acme Care', 'CC101'],
];

/**
 * Worked out by hand from the issue's definitions. Financial year 2023-24: 1 Apr 2023 to 31 Mar 2024, 366 days.
 * LDP residential: PK1 open, its latest element £2,205; committed: PK1's first element is cut on 31 March
 * (no days in the year), the second 366 × £2,205 = £807,030; PK9 15 × £1,400 = £21,000; £828,030 ÷ 7 =
 * £118,290 → £118k. Contributions 366 × £100 ÷ 7 = £5,228.57 → £5k, shown as -5.
 * Homecare PK2: £350.50 → £351 (half away from zero); 366 × £350.50 ÷ 7 = £18,326.14 → £18k.
 * Autism PK3: 1 Apr to 31 Jul = 122 days × £800 ÷ 7 = £13,942.86 → £14k.
 * AMH PK4 (August only): 1 Aug to 31 Mar = 244 days × £900 ÷ 7 = £31,371.43 → £31k.
 * Figures in whole units: packages, £ a week, £k.
 */
export const HAND_EXPECTED: Record<string, Record<string, { packages: number; unitCost: number | null; committedK: number }>> = {
  '2023-07': {
    'learning-disability-partnership|residential': { packages: 1, unitCost: 2205, committedK: 118 },
    'physical-disabilities-under-65|homecare': { packages: 1, unitCost: 351, committedK: 18 },
    'autism|supported_living': { packages: 1, unitCost: 800, committedK: 14 },
    'adult-mental-health|residential': { packages: 0, unitCost: null, committedK: 0 },
  },
  '2023-08': {
    'learning-disability-partnership|residential': { packages: 1, unitCost: 2205, committedK: 118 },
    'learning-disability-partnership|homecare': { packages: 0, unitCost: null, committedK: 0 },
    'older-people-physical-disability-over-65|homecare': { packages: 1, unitCost: 351, committedK: 18 },
    'physical-disabilities-under-65|homecare': { packages: 0, unitCost: null, committedK: 0 },
    'autism|supported_living': { packages: 0, unitCost: null, committedK: 14 },
    'adult-mental-health|residential': { packages: 1, unitCost: 900, committedK: 31 },
  },
};
export const HAND_CONTRIBUTIONS_K = { 'learning-disability-partnership': -5 };

/** Row (in the file: the header is row 1), package and rule of each finding, by hand. */
export const HAND_FINDINGS = [
  { row: 6, packageId: 'PK3', says: 'repeats an earlier row exactly (row 5)' },
  { row: 8, packageId: 'PK5', says: 'has a primary support reason that no service is set to take' },
  { row: 10, packageId: 'PK7', says: 'ends before it starts' },
  { row: 11, packageId: 'PK8', says: 'has no weekly cost' },
];

/**
 * The personal data in HAND_ROWS, in the forms it could take if it leaked: as written, and ISO. (An
 * Excel serial, five digits, could turn up by chance inside any SHA-256 a workspace holds.)
 */
export function personalData(rows: readonly ExtractRowText[] = HAND_ROWS): string[] {
  const out = new Set<string>();
  for (const r of rows) {
    out.add(r[0]);
    out.add(r[1]);
    const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r[1]);
    out.add(uk ? `${uk[3]}-${uk[2]}-${uk[1]}` : r[1]);
  }
  return [...out];
}

export function extractCsv(rows: readonly ExtractRowText[] = HAND_ROWS, title?: string): string {
  return toCsv([...(title ? [[title]] : []), EXTRACT_HEADERS, ...rows]);
}

/** The same rows as a workbook, dates as real Excel dates and amounts as numbers where they read as such. */
export async function extractXlsx(rows: readonly ExtractRowText[] = HAND_ROWS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Service elements');
  ws.addRow(EXTRACT_HEADERS);
  const date = (t: string) => {
    const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t);
    return uk ? new Date(Date.UTC(Number(uk[3]), Number(uk[2]) - 1, Number(uk[1]))) : t;
  };
  for (const r of rows) ws.addRow([r[0], date(r[1]), r[2], r[3], r[4], date(r[5]), date(r[6]) || null, r[7], r[8], r[9], r[10]]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
