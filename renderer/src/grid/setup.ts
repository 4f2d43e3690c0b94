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
import { CELL_HORIZONTAL_PADDING, FONT_FAMILY, FONT_SIZE, GRID_THEME_PARAMS, HEADER_FONT_SIZE, HEADER_FONT_WEIGHT } from './themeParams';

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

/** A council-report look (themeParams.ts). */
export const gridTheme = themeQuartz.withParams(GRID_THEME_PARAMS);

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
