import { z } from 'zod';
import { sumHundredths, type Hundredths } from '../../units';

/**
 * Grants not built into base budgets (5.1.1, 5.1.2…): one table per directorate, each grant with its
 * awarding body and amount, and the total "Total Non-Baselined Grants". A grant may say which capital
 * scheme it funds or which revenue budget line it is spent on, so the cross-table checks can follow it.
 */
export const GrantSchema = z.object({
  key: z.string(),
  name: z.string(),
  awardingBody: z.string().nullable(),
  amount: z.number().int().nullable(),
  /** The capital scheme it funds (Disabled Facilities Grant), by the scheme's name. */
  capitalScheme: z.string().nullable(),
  /** The revenue budget line it is budgeted on (Contain Outbreak Management Fund), by the line's name. */
  revenueLine: z.string().nullable(),
});
export type Grant = z.infer<typeof GrantSchema>;

export function grantsTotal(grants: readonly Pick<Grant, 'amount'>[]): Hundredths | null {
  return sumHundredths(grants.map((g) => g.amount));
}

/** "Total Non-Baselined Grants 23/24" for the financial year 2023-24. */
export function grantsTotalLabel(fy: string): string {
  return `Total Non-Baselined Grants ${fy.slice(2, 4)}/${fy.slice(5, 7)}`;
}
