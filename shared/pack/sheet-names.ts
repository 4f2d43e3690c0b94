/**
 * Excel's rules for sheet names, which a file breaking makes Excel offer to "repair" it: at most 31
 * characters, none of [ ] : * ? / \, not starting or ending with an apostrophe, not blank, not the
 * reserved "History", and unique ignoring case.
 */
export const SHEET_NAME_MAX = 31;
const INVALID = /[[\]:*?/\\]/g;

export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= SHEET_NAME_MAX && !/[[\]:*?/\\]/.test(name) && !/^'|'$/.test(name) && name.toLowerCase() !== 'history' && name.trim() === name;
}

/** A valid name close to `wanted`, not among `taken` (compared ignoring case); adds " (2)", " (3)"… when needed. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let base = wanted.replace(INVALID, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  if (base.toLowerCase() === 'history') base = 'History (pack)';
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, SHEET_NAME_MAX - suffix.length).replace(/'+$/, '').trimEnd() + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** `#'5 Section Title'!A1`: an in-workbook hyperlink, with apostrophes in the name doubled. */
export function sheetLink(sheet: string, cell = 'A1'): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}
