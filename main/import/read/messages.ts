/**
 * Every sentence the reader can say, in one place, so the wording stays consistent and tests can
 * quote it. Reasons start lower-case: describeProblem puts the sheet, cell and value in front.
 */

export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${formatCount(Math.floor(mb))} MB`;
  const kb = bytes / 1024;
  if (kb >= 1) return `${formatCount(Math.floor(kb))} KB`;
  return `${formatCount(bytes)} bytes`;
}

export const MSG = {
  notWorkbook: 'is not an Excel workbook (.xlsx) or a CSV file',
  notTable: 'is not an Excel workbook or CSV table: it holds plain text, with no columns Outturn can read',
  empty: 'is empty',
  oldXls: 'is an old .xls workbook: save it as .xlsx in Excel and import again',
  xlsb: 'is a binary .xlsb workbook: save it as .xlsx in Excel and import again',
  passwordProtected: 'is password-protected: remove the password in Excel (File → Info → Protect Workbook) and import again',
  damagedZip: 'is damaged (the zip container cannot be read)',
  notFound: 'cannot be found: it may have been moved or deleted',
  cannotOpen: 'cannot be opened: it may be open in another program, or you may not have permission to read it',
  isFolder: 'is a folder, not a file',
  tooManyEntries: (max: number) => `holds more than ${formatCount(max)} parts inside its zip container, which is more than any workbook Outturn reads needs`,
  tooBig: (bytes: number) => `would unpack to more than ${formatBytes(bytes)}, which is more than any workbook Outturn reads needs`,
  zipBomb: (part: string) => `would unpack ${part} to more than 200 times its packed size, which no real workbook does (a zip bomb)`,
  damagedSheet: 'is damaged: this sheet cannot be read (save the file again in Excel and import again)',
  damagedWorkbook: 'is damaged: its contents cannot be read (save the file again in Excel and import again)',
  tooManyRows: (max: number) =>
    `has more than ${formatCount(max)} rows; Outturn reads at most ${formatCount(max)} rows a sheet (set import.maxRows to change this)`,
  noTable: (tables: readonly { name: string; exampleTitle: string }[]) =>
    `holds no ${tables.map((t) => t.name).join(' or ')} table: Outturn looks for a title such as ${tables.map((t) => `"${t.exampleTitle}"`).join(' or ')} above the column headers, or for its own template`,

  // cells
  formulaNoValue: 'is a formula with no saved value: open the file in Excel, save it, and import again',
  formulaError: 'is a formula whose saved value is an Excel error',
  excelError: (what: string) => `is an Excel error, not ${what}`,
  date: (what: string) => `is a date, not ${what}`,
  notDot: 'is not a direction of travel (↑, ↓ or ↔)',
  tooLarge: 'is too large',
  notText: 'is an Excel error, not text',

  // columns
  missingColumn: (header: string) => `the column "${header}" is missing`,
  unknownColumn: (table: string) => `is not a column of the ${table} table`,
  duplicateColumn: (first: string) => `is a second copy of the column in ${first}`,
  strayDot: (figures: readonly string[]) => `is not beside ${figures.length > 1 ? `${figures.slice(0, -1).join(', ')} or ${figures.at(-1)}` : (figures[0] ?? 'a figure')}, so Outturn cannot tell which figure it is for`,

  // rows
  unknownRow: (rowNoun: string, table: string) => `is not a ${rowNoun} of the ${table} table`,
  unknownLineKey: (table: string) => `is not the key of a ${table} line`,
  noLabel: (rowNoun: string) => `this row has figures but no ${rowNoun}`,
  duplicateRow: (row: number) => `appears twice in this table (also on row ${row})`,

  // tables
  unknownSubject: (noun: string) => `does not name a ${noun} Outturn can recognise`,
  subjectUnknownForSheet: (noun: string, exampleTitle: string) => `cannot tell which ${noun} this table is for: give it a title such as "${exampleTitle}", or name the sheet after the ${noun}`,
  noPeriod: 'cannot tell which month this table is for: name the month in the title (for example "at the end of August 2023") or choose the month to import into',
  titleVsPeriod: (said: string, period: string) => `the title says ${said} but --period is ${period}`,
  bandVsPeriod: (said: string, period: string) => `the heading says ${said} but --period is ${period}`,
  bandVsTitle: (band: string, title: string) => `the heading says ${band} but the title says ${title}`,
  templateVsPeriod: (said: string, period: string) => `the template is for ${said} but --period is ${period}`,
  templateVsSheet: (sheet: string, subject: string) => `the hidden _outturn sheet says the sheet "${sheet}" holds ${subject}, which is not what its name says`,
  noHeader: (headers: readonly string[]) => `no header row (${headers.slice(0, 2).join(', ')}, …) follows this title`,
  duplicateTable: (subject: string, month: string, where: string) => `this table repeats ${subject} for ${month}, already in this file at ${where}`,
  newerTemplate: (found: string, known: string) => `the template layout version is ${found}, newer than this Outturn reads (${known}): update Outturn and import again`,
  unknownTemplateVersion: 'is not a template layout version Outturn knows',
  notMonth: 'is not a month (write it as YYYY-MM, for example 2023-08)',
} as const;

/** Keeps a problem readable when a cell holds a whole essay. */
export function shown(value: string): string {
  return value.length > 120 ? `${value.slice(0, 117)}…` : value;
}
