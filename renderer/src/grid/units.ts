import { formatForEdit, formatValue, isNumericUnit, parseAmount, UNIT_IDS as ALL_UNITS, type Hundredths, type NumericUnitId, type UnitOptions } from '../../../shared/units';

/**
 * The one place the grid meets units: the shared units registry (shared/units), so every area's
 * columns parse, show and explain their figures the same way. Values are exact integers in hundredths
 * of the displayed unit.
 */
export type UnitId = NumericUnitId;
export const UNIT_IDS = ALL_UNITS.filter(isNumericUnit);

export type CellNumber = Hundredths | null;

export type ParsedCell = { ok: true; value: CellNumber } | { ok: false; reason: string };

export function isUnitId(id: string): id is UnitId {
  return (UNIT_IDS as readonly string[]).includes(id);
}

/** What an officer typed or pasted, read in the column's unit; a refusal says why in the unit's own words. */
export function parseCell(unit: UnitId, text: string, opts: UnitOptions = {}): ParsedCell {
  return parseAmount(text, { ...opts, unit });
}

/** As published: 245, £2,271, £28,942k, £k for a zero, 12,345, 0.7%, '' for a blank. */
export function formatCell(unit: UnitId, value: CellNumber, opts: UnitOptions = {}): string {
  return formatValue(value, unit, opts);
}

/** What the cell editor starts from: the exact figure, unrounded and ungrouped (2271.5). */
export function formatCellForEdit(_unit: UnitId, value: CellNumber): string {
  return formatForEdit(value);
}
