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

/** A council-report look: system sans (Calibri where installed), compact rows, firm but quiet borders. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['Calibri', 'Carlito', 'Segoe UI', 'system-ui', 'Arial', 'sans-serif'],
  fontSize: 14,
  headerFontSize: 13,
  headerFontWeight: 700,
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
  cellHorizontalPadding: 8,
  pinnedRowBorder: { width: 2, color: '#4a5a6e' },
  pinnedRowFontWeight: 400,
  focusShadow: { radius: 0, spread: 2, color: '#1d4f91' },
});

/**
 * The per-load CSP nonce the server stamps into index.html. AG Grid injects its theme as <style> tags,
 * which a strict style-src only allows when they carry this nonce. Under `vite dev` the placeholder is
 * never replaced, so there is no nonce to pass.
 */
export function readCspNonce(): string | undefined {
  const content = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
  return content && content !== '__CSP_NONCE__' ? content : undefined;
}
