import ExcelJS from 'exceljs';

/** Opens a return workbook as its owner would, changes it with `edit`, and saves it where it was (or elsewhere). */
export async function editWorkbook(file: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>, to = file): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await edit(wb);
  await wb.xlsx.writeFile(to);
}

/** The Return sheet's row whose column B (or the given column) reads `label`. */
export function rowOf(sheet: ExcelJS.Worksheet, label: string, column = 2): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  sheet.eachRow((row) => {
    if (row.getCell(column).value === label) found = row;
  });
  if (!found) throw new Error(`no row reads "${label}" in column ${column}`);
  return found;
}
