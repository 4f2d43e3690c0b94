import { z } from 'zod';
import { financialYearOf, monthLabel, monthsOfFinancialYear, type MonthId } from '../../periods';
import { formatValue, type Hundredths } from '../../units';

/**
 * The earmarked reserves ledger. A reserve's balance is never stored or edited: it is the sum of its
 * entries. Each entry is recorded in a month (the month whose report it belongs to, which closing
 * freezes) and is one of:
 * - the **opening** balance of the financial year (entered in the first year, written by the year-end
 *   rollover afterwards; a correction is a further opening entry);
 * - an **actual** movement (drawdown, contribution, transfer in or out, or a net movement imported from a
 *   cumulative schedule), counted in "net movements to <month>" from the month it is recorded in;
 * - a **planned** movement, expected in a later month of the year: counted in the forecast year-end
 *   balance as at every month from the one it is recorded in until the month it was expected in.
 *
 * Figures are hundredths of £'000 (shared/units); positive adds to the reserve, negative draws it down.
 */
export const ENTRY_KINDS = ['opening', 'drawdown', 'contribution', 'transfer_in', 'transfer_out', 'net'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const EntryKindSchema = z.enum(ENTRY_KINDS);

export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  opening: 'Opening balance',
  drawdown: 'Drawdown',
  contribution: 'Contribution',
  transfer_in: 'Transfer in',
  transfer_out: 'Transfer out',
  net: 'Net movement',
};

/** The sign each kind's amount must have: drawdowns and transfers out take money out of the reserve. */
export const ENTRY_SIGN: Record<EntryKind, -1 | 1 | 0> = { opening: 0, drawdown: -1, contribution: 1, transfer_in: 1, transfer_out: -1, net: 0 };

export const LedgerEntrySchema = z.object({
  id: z.number().int(),
  reserveId: z.string(),
  period: z.string(),
  kind: EntryKindSchema,
  amount: z.number().int(),
  planned: z.boolean(),
  expectedPeriod: z.string().nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  deficitReason: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** What the ledger needs of an entry to work out balances. */
export type Movement = Pick<LedgerEntry, 'period' | 'kind' | 'amount' | 'planned' | 'expectedPeriod'>;

export interface Position {
  /** Opening balance of the year as known at the month; null when none has been entered yet. */
  opening: Hundredths | null;
  /** Net movements from the start of the year to the month; null when there are none (a blank). */
  movements: Hundredths | null;
  /** Planned movements still to come after the month. */
  planned: Hundredths;
  /** Opening + movements to the month. */
  balance: Hundredths;
  /** Opening + movements to date + planned movements for the rest of the year. */
  forecast: Hundredths;
}

const inYear = (fy: string) => (e: Movement) => financialYearOf(e.period) === fy;

/** A reserve's position as at a month, from its entries (any year's: only the month's year counts). */
export function positionAt(entries: readonly Movement[], month: MonthId): Position {
  const mine = entries.filter(inYear(financialYearOf(month))).filter((e) => e.period <= month);
  let opening: Hundredths | null = null;
  let movements: Hundredths | null = null;
  let planned = 0;
  for (const e of mine) {
    if (e.kind === 'opening') opening = (opening ?? 0) + e.amount;
    else if (!e.planned) movements = (movements ?? 0) + e.amount;
    else if (e.expectedPeriod !== null && e.expectedPeriod > month) planned += e.amount;
  }
  const balance = (opening ?? 0) + (movements ?? 0);
  return { opening, movements, planned, balance, forecast: balance + planned };
}

/** The closing balance of a financial year: opening + every actual movement of the year. */
export function closingBalance(entries: readonly Movement[], fy: string): Hundredths {
  return positionAt(entries, monthsOfFinancialYear(fy).at(-1)!).balance;
}

/** True when the reserve has any entry recorded in the month's year up to the month. */
export function heldAt(entries: readonly Movement[], month: MonthId): boolean {
  const fy = financialYearOf(month);
  return entries.some((e) => financialYearOf(e.period) === fy && e.period <= month);
}

/** A balance the entries would take below zero: which, as at which month, to what. */
export interface Breach {
  month: MonthId;
  which: 'balance' | 'forecast';
  value: Hundredths;
}

/**
 * Where adding `added` would take the reserve's actual balance or forecast year-end balance below zero
 * (or further below), as at the month of the first added entry or any later month of its year. Entries
 * that only add to a reserve never breach.
 */
export function breachesOf(entries: readonly Movement[], added: readonly Movement[]): Breach[] {
  if (!added.length || added.every((e) => e.amount >= 0)) return [];
  const from = added.map((e) => e.period).sort()[0]!;
  const after = [...entries, ...added];
  const out: Breach[] = [];
  for (const month of monthsOfFinancialYear(financialYearOf(from)).filter((m) => m >= from)) {
    const was = positionAt(entries, month);
    const now = positionAt(after, month);
    if (now.balance < 0 && now.balance < was.balance) out.push({ month, which: 'balance', value: now.balance });
    if (now.forecast < 0 && now.forecast < was.forecast) out.push({ month, which: 'forecast', value: now.forecast });
  }
  return out;
}

/** The refusal an officer reads, in plain words, naming the reserve, the month and the figure. */
export function breachMessage(reserveName: string, breach: Breach): string {
  const figure = `${formatValue(breach.value, 'gbp_000q')} (£'000)`;
  const what = breach.which === 'balance' ? `its balance at the end of ${monthLabel(breach.month)}` : `its forecast year-end balance as at ${monthLabel(breach.month)}`;
  return (
    `This would take ${reserveName} below zero: ${what} would be ${figure}. ` +
    'A reserve cannot go below zero unless you record it as a deficit: confirm it as a deficit and give the reason.'
  );
}

/** Checks an entry on its own: the sign its kind needs, and a planned month later in the same year. */
export function entryProblem(e: Movement): string | null {
  const sign = ENTRY_SIGN[e.kind];
  const label = ENTRY_KIND_LABELS[e.kind].toLowerCase();
  if (!Number.isSafeInteger(e.amount)) return 'the amount is not a whole number of hundredths';
  if (e.kind !== 'opening' && e.amount === 0) return 'the amount is zero, so there is nothing to record';
  if (sign === -1 && e.amount > 0) return `a ${label} takes money out of the reserve, so its amount is negative`;
  if (sign === 1 && e.amount < 0) return `a ${label} adds to the reserve, so its amount is positive`;
  if (e.kind === 'opening' && e.planned) return 'an opening balance cannot be planned';
  if (e.planned) {
    if (!e.expectedPeriod) return 'a planned movement needs the month it is expected in';
    if (financialYearOf(e.expectedPeriod) !== financialYearOf(e.period)) return `a planned movement is expected within the financial year ${financialYearOf(e.period)}`;
    if (e.expectedPeriod <= e.period) return `a planned movement is expected after ${monthLabel(e.period)}, the month it is recorded in`;
  } else if (e.expectedPeriod !== null) return 'only a planned movement has an expected month';
  return null;
}
