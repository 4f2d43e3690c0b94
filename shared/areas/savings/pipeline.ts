import { z } from 'zod';
import { sumHundredths, type Hundredths } from '../../units';
import { MoneySchema } from './model';

/**
 * The savings pipeline: proposals for next year's Business Plan, shaped like the business cases
 * (BP ref, title, responsible officer, savings by year such as "2020-21 £0 / 2021-22 -£400k", full-year
 * effect). Amounts are hundredths of £000, negative = a saving, as the tracker holds them. Pure.
 */
export const FinancialYearSchema = z.string().regex(/^20\d{2}-\d{2}$/, 'a financial year is written 2024-25');

export const YearSavingSchema = z.object({ year: FinancialYearSchema, amount: MoneySchema });
export type YearSaving = z.infer<typeof YearSavingSchema>;

export const ProposalInputSchema = z
  .object({
    directorateId: z.string().min(1),
    bpRef: z.string().trim().min(1, 'give the BP Ref').max(80),
    title: z.string().trim().min(1, 'give the proposal a title').max(300),
    responsibleOfficer: z.string().trim().max(120).nullable(),
    savings: z.array(YearSavingSchema).min(1, 'give the saving of at least one year').max(10),
    fullYearEffect: MoneySchema.nullable(),
  })
  .strict();
export type ProposalInput = z.infer<typeof ProposalInputSchema>;

export const ProposalSchema = ProposalInputSchema.extend({
  id: z.string(),
  status: z.enum(['proposed', 'agreed']),
  /** The tracker line the agreed plan made of it. */
  lineId: z.string().nullable(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

/** "21-22", "2021/22", "2021-22" → "2021-22"; null when it is not a financial year. */
export function financialYearOfText(text: string): string | null {
  const m = /^(?:20)?(\d{2})\s*[-/]\s*(?:20)?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) ? `20${m[1]}-${m[2]}` : null;
}

/** "-£400k", "£0", "-3,800", "-£1.5m": hundredths of £000; null when it is not an amount. */
export function amountOfText(text: string): Hundredths | null {
  const m = /^(-)?\s*£?\s*(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?\s*(k|m)?$/i.exec(text.trim());
  if (!m) return null;
  const whole = Number(m[2]!.replace(/,/g, ''));
  const hundredths = whole * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  const scaled = m[4]?.toLowerCase() === 'm' ? hundredths * 1000 : hundredths;
  return m[1] && scaled !== 0 ? -scaled : scaled;
}

/**
 * Savings by year as a business case writes them: "2020-21 £0 / 21-22 -£400k" (each year and its
 * saving, separated by "/" or ";"), or one amount for `defaultYear` ("-£3,800k").
 */
export function parseSavingsByYear(text: string, defaultYear?: string): { ok: true; value: YearSaving[] } | { ok: false; reason: string } {
  const parts = text.split(/[/;]\s+|\s+[/;]|\n/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return { ok: false, reason: 'gives no saving' };
  const out: YearSaving[] = [];
  for (const part of parts) {
    const m = /^((?:20)?\d{2}\s*[-/]\s*(?:20)?\d{2})\s*:?\s+(.+)$/.exec(part);
    const year = m ? financialYearOfText(m[1]!) : (parts.length === 1 ? (defaultYear ?? null) : null);
    if (!year) return { ok: false, reason: `"${part}" does not name a financial year (write it "2021-22 -£400k")` };
    const amount = amountOfText(m ? m[2]! : part);
    if (amount === null) return { ok: false, reason: `"${m ? m[2] : part}" is not an amount of money (write it "-£400k" or "-400")` };
    if (out.some((y) => y.year === year)) return { ok: false, reason: `gives ${year} twice` };
    out.push({ year, amount });
  }
  return { ok: true, value: out };
}

/** The saving a proposal plans for a year (0 when it plans none). */
export function savingIn(p: Pick<ProposalInput, 'savings'>, year: string): Hundredths {
  return p.savings.find((s) => s.year === year)?.amount ?? 0;
}

/** Every year some proposal plans a saving in, earliest first: the pipeline's columns. */
export function pipelineYears(ps: readonly Pick<ProposalInput, 'savings'>[]): string[] {
  return [...new Set(ps.flatMap((p) => p.savings.map((s) => s.year)))].sort();
}

/**
 * The pipeline's totals: each year's planned savings and the full-year effects, added exactly; a year
 * no proposal names and a full-year effect none gives stay blank (null), not zero.
 */
export function pipelineTotals(ps: readonly Pick<ProposalInput, 'savings' | 'fullYearEffect'>[]): { byYear: Record<string, Hundredths | null>; fullYearEffect: Hundredths | null } {
  const byYear: Record<string, Hundredths | null> = {};
  for (const year of pipelineYears(ps)) byYear[year] = sumHundredths(ps.map((p) => p.savings.find((s) => s.year === year)?.amount ?? null));
  return { byYear, fullYearEffect: sumHundredths(ps.map((p) => p.fullYearEffect)) };
}
