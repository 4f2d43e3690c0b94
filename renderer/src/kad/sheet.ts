import { fieldDef, type Dot, type KadField, type KadUnit } from '../../../shared/areas/kad/model';
import { formatValue, type Hundredths } from '../../../shared/units';
import type { KadRow } from './rows';

/**
 * The grid's columns as a spreadsheet sees them, in displayed order (the grid's columns are neither
 * movable nor hideable, so this order is the screen's). Selection, copy and paste work on this list, so
 * they stay plain functions that can be tested without a grid.
 */
export type SheetColumnKind = 'label' | 'figure' | 'dot' | 'computed';

export interface SheetColumn {
  colId: string;
  /** As a screen reader should hear it and as messages name it. */
  header: string;
  kind: SheetColumnKind;
  unit?: KadUnit;
}

function figure(field: KadField): SheetColumn {
  const def = fieldDef(field);
  return { colId: field, header: def.header, kind: 'figure', unit: def.unit };
}

export const SHEET_COLUMNS: readonly SheetColumn[] = [
  { colId: 'label', header: 'Service Type', kind: 'label' },
  figure('expectedPackages'),
  figure('budgetUnitCost'),
  figure('annualBudgetK'),
  figure('currentPackages'),
  { colId: 'packagesDot', header: 'DoT of Current Care Packages', kind: 'dot' },
  figure('currentUnitCost'),
  { colId: 'unitCostDot', header: 'DoT of Current Average Unit Cost', kind: 'dot' },
  figure('totalSpendK'),
  { colId: 'outturnDot', header: 'DoT of Total spend/ income', kind: 'dot' },
  { colId: 'varianceK', header: 'Variance', kind: 'computed', unit: 'gbp_k' },
  { colId: 'runRateK', header: 'Full year at run rate', kind: 'computed', unit: 'gbp_k' },
  { colId: 'runRateVsBudgetK', header: 'Run rate vs Annual Budget', kind: 'computed', unit: 'gbp_k' },
  { colId: 'runRateVsOutturnK', header: 'Run rate vs Total spend', kind: 'computed', unit: 'gbp_k' },
];

export function sheetColumn(colId: string): SheetColumn | undefined {
  return SHEET_COLUMNS.find((c) => c.colId === colId);
}

export const ARROW_GLYPHS: Record<Dot, string> = { up: '↑', down: '↓', flat: '↔' };

/** The text a cell shows, which is also what Ctrl+C copies (£2,271, £28,942k, ↑). */
export function displayText(row: KadRow, column: SheetColumn): string {
  const value: unknown = (row as unknown as Record<string, unknown>)[column.colId];
  if (column.kind === 'label') return row.label;
  if (column.kind === 'dot') return typeof value === 'string' && value in ARROW_GLYPHS ? ARROW_GLYPHS[value as Dot] : '';
  return column.unit ? formatValue((value as Hundredths | null | undefined) ?? null, column.unit) : '';
}
