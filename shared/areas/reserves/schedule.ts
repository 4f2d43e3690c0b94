import { z } from 'zod';
import type { MonthId } from '../../periods';
import { sumHundredths } from '../../units';
import { heldAt, positionAt, type Movement } from './ledger';

/**
 * An earmarked reserve schedule (5.3.1, 5.3.2…): one per directorate, its reserves in the register's
 * order under their category headings, each with opening balance, net movements to the month and
 * forecast year-end balance worked out from the ledger, and the directorate's total.
 */
export const DirectorateSchema = z.object({ id: z.string(), name: z.string() });
export type Directorate = z.infer<typeof DirectorateSchema>;

export const ReserveSchema = z.object({
  id: z.string(),
  directorateId: z.string(),
  /** The underlined heading it sits under ("Children's Public Health:"), or null. */
  category: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
});
export type Reserve = z.infer<typeof ReserveSchema>;

/** How a reserve with no movement prints in the movements column: 5.3.1 prints 0, 5.3.2 leaves it blank. */
export const NoMovementDisplaySchema = z.enum(['zero', 'blank']);
export type NoMovementDisplay = z.infer<typeof NoMovementDisplaySchema>;

export const ScheduleRowSchema = z.object({
  reserveId: z.string(),
  category: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  opening: z.number().int().nullable(),
  /** As the table prints it: a reserve with no movement is 0 or blank by the table's setting. */
  movements: z.number().int().nullable(),
  forecast: z.number().int(),
  balance: z.number().int(),
  planned: z.number().int(),
  /** The confirmed deficit's reason when a balance is below zero by the officer's decision. */
  deficitReason: z.string().nullable(),
});
export type ScheduleRow = z.infer<typeof ScheduleRowSchema>;

export const ScheduleTotalsSchema = z.object({ opening: z.number().int().nullable(), movements: z.number().int().nullable(), forecast: z.number().int().nullable() });
export type ScheduleTotals = z.infer<typeof ScheduleTotalsSchema>;

export type EntryOf = Movement & { reserveId: string; deficitReason?: string | null };

export function scheduleRows(reserves: readonly Reserve[], entries: readonly EntryOf[], month: MonthId, display: NoMovementDisplay): ScheduleRow[] {
  const byReserve = new Map<string, EntryOf[]>();
  for (const e of entries) byReserve.set(e.reserveId, [...(byReserve.get(e.reserveId) ?? []), e]);
  const rows: ScheduleRow[] = [];
  for (const r of reserves) {
    const mine = byReserve.get(r.id) ?? [];
    if (!heldAt(mine, month)) continue;
    const p = positionAt(mine, month);
    const deficit = mine.filter((e) => e.period <= month && e.deficitReason).at(-1)?.deficitReason ?? null;
    rows.push({
      reserveId: r.id,
      category: r.category,
      name: r.name,
      description: r.description,
      opening: p.opening,
      movements: p.movements ?? (display === 'zero' ? 0 : null),
      forecast: p.forecast,
      balance: p.balance,
      planned: p.planned,
      deficitReason: deficit,
    });
  }
  return rows;
}

/** The TOTAL EARMARKED RESERVES row: each column summed over the reserves (a blank counts as nothing). */
export function scheduleTotals(rows: readonly ScheduleRow[], display: NoMovementDisplay): ScheduleTotals {
  const movements = sumHundredths(rows.map((r) => r.movements));
  return {
    opening: sumHundredths(rows.map((r) => r.opening)),
    movements: movements ?? (display === 'zero' && rows.length ? 0 : null),
    forecast: sumHundredths(rows.map((r) => r.forecast)),
  };
}

/** Rows grouped under their category headings, in order: a heading is printed where the category changes. */
export function withHeadings<T extends { category: string | null }>(rows: readonly T[]): ({ heading: string } | { row: T })[] {
  const out: ({ heading: string } | { row: T })[] = [];
  let current: string | null = null;
  for (const row of rows) {
    if (row.category !== null && row.category !== current) out.push({ heading: row.category });
    current = row.category;
    out.push({ row });
  }
  return out;
}
