/**
 * The grid's look as plain data: the theme (setup.ts) is built from it, and a browser benchmark hands the
 * same values to AG Grid on its own, its same-run baseline, so the two draw the same rows (README,
 * Benchmarks). No imports: the bench reads it in Node.
 */
export const FONT_FAMILY = ['Calibri', 'Carlito', 'Segoe UI', 'system-ui', 'Arial', 'sans-serif'];
export const FONT_SIZE = 14;
export const HEADER_FONT_SIZE = 13;
export const HEADER_FONT_WEIGHT = 700;
export const CELL_HORIZONTAL_PADDING = 8;

/** A council-report look: system sans (Calibri where installed), compact rows, firm but quiet borders. */
export const GRID_THEME_PARAMS = {
  fontFamily: FONT_FAMILY,
  fontSize: FONT_SIZE,
  headerFontSize: HEADER_FONT_SIZE,
  headerFontWeight: HEADER_FONT_WEIGHT,
  foregroundColor: '#1b1f24',
  headerTextColor: '#1b1f24',
  headerBackgroundColor: '#e8edf3',
  backgroundColor: '#ffffff',
  accentColor: '#1d4f91',
  borderColor: '#b9c3cf',
  columnBorder: true,
  headerColumnBorder: true,
  wrapperBorderRadius: 2,
  borderRadius: 2,
  rowHeight: 30,
  cellHorizontalPadding: CELL_HORIZONTAL_PADDING,
  pinnedRowBorder: { width: 2, color: '#4a5a6e' },
  pinnedRowFontWeight: 400,
  focusShadow: { radius: 0, spread: 2, color: '#1d4f91' },
};
