import {
  CellStyleModule,
  ClientSideRowModelModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowStyleModule,
  TextEditorModule,
  ValidationModule,
  themeQuartz,
} from 'ag-grid-community';
import type { GridMetrics } from './sizing';

/**
 * Only the AG Grid Community modules the grids use, to keep the bundle small. ValidationModule names a
 * missing module or a misspelt option in the console; it is left out of production builds.
 */
export function registerGridModules(): void {
  ModuleRegistry.registerModules([
    ClientSideRowModelModule,
    TextEditorModule,
    PinnedRowModule,
    CellStyleModule,
    RowStyleModule,
    RenderApiModule,
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}

const FONT_FAMILY = ['Calibri', 'Carlito', 'Segoe UI', 'system-ui', 'Arial', 'sans-serif'];
const FONT_SIZE = 14;
const HEADER_FONT_SIZE = 13;
const HEADER_FONT_WEIGHT = 700;
const CELL_HORIZONTAL_PADDING = 8;

/** A council-report look: system sans (Calibri where installed), compact rows, firm but quiet borders. */
export const gridTheme = themeQuartz.withParams({
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
});

/**
 * The same type and spacing, for measuring texts to size the columns (grid/sizing.ts). A cell's text sits
 * inside the theme's padding on each side (AG Grid counts the cell's 1px borders inside it); the mark and
 * band spacing match grid.css.
 */
export const gridMetrics: GridMetrics = {
  fontFamily: FONT_FAMILY.map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(', '),
  fontSize: FONT_SIZE,
  headerFontSize: HEADER_FONT_SIZE,
  headerFontWeight: HEADER_FONT_WEIGHT,
  bandLetterSpacing: 0.03,
  cellChrome: 2 * CELL_HORIZONTAL_PADDING,
  headerChrome: 2 * CELL_HORIZONTAL_PADDING,
  carriedMarkScale: 0.7,
  carriedMarkGap: 0.4,
  // grid.css .sheet-dot--muted: 2px padding and a 1px border each side.
  reportedDotChrome: 6,
};

/**
 * The per-load CSP nonce the server stamps into index.html. AG Grid injects its theme as <style> tags,
 * which a strict style-src only allows when they carry this nonce. Under `vite dev` the placeholder is
 * never replaced, so there is no nonce to pass.
 */
export function readCspNonce(): string | undefined {
  const content = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
  return content && content !== '__CSP_NONCE__' ? content : undefined;
}
