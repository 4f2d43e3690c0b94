import { formatForEdit, formatValue, parseAmount, type Hundredths } from '../../../shared/money';

/**
 * The one place the grid meets units. Today it speaks to shared/money.ts; when the units registry lands in
 * shared/, only this file changes. Values are exact integers in hundredths of the displayed unit.
 */
export const UNIT_IDS = ['count', 'gbp_week', 'gbp_k'] as const;
export type UnitId = (typeof UNIT_IDS)[number];

export type CellNumber = Hundredths | null;

export type ParsedCell = { ok: true; value: CellNumber } | { ok: false; reason: string };

export function isUnitId(id: string): id is UnitId {
  return (UNIT_IDS as readonly string[]).includes(id);
}

/** What an officer typed or pasted, read in the column's unit; a refusal says why ("is not an amount of money"). */
export function parseCell(unit: UnitId, text: string): ParsedCell {
  return parseAmount(text, { unit });
}

/** As published: 245, £2,271, £28,942k, £k for a zero, '' for a blank. */
export function formatCell(unit: UnitId, value: CellNumber): string {
  return formatValue(value, unit);
}

/** What the cell editor starts from: the exact figure, unrounded and ungrouped (2271.5). */
export function formatCellForEdit(_unit: UnitId, value: CellNumber): string {
  return formatForEdit(value);
}
