import { z } from 'zod';
import { percentOf, type Hundredths } from '../../units';

/**
 * What a variance percentage is "of". The published tables use different bases (CHECKS.md section 3):
 * Appendix 1 reproduces variance / |net budget|, the section 1.2 summary and the Appendix 2 boxes
 * variance / gross budget. Each table has its own setting; the defaults reproduce the published tables.
 */
export const PCT_BASES = {
  abs_net: 'variance ÷ |net budget| (sign of the variance)',
  net: 'variance ÷ net budget',
  gross: 'variance ÷ gross budget',
} as const;
export type PctBase = keyof typeof PCT_BASES;
export const PctBaseSchema = z.enum(Object.keys(PCT_BASES) as [PctBase, ...PctBase[]]);

/** The tables whose percentages have a base setting. */
export const PCT_TABLES = {
  appendix1: 'Appendix 1 (budget lines)',
  summary: 'Section 1.2 summary tables',
  commentary: 'Appendix 2 commentary boxes',
} as const;
export type PctTable = keyof typeof PCT_TABLES;

export const DEFAULT_PCT_BASES: Record<PctTable, PctBase> = { appendix1: 'abs_net', summary: 'gross', commentary: 'gross' };

/** The base figure a percentage is taken of; null when there is nothing to divide by. */
export function baseOf(figures: { netBudget: Hundredths | null; grossBudget: Hundredths | null }, base: PctBase): Hundredths | null {
  if (base === 'gross') return figures.grossBudget;
  const net = figures.netBudget;
  if (net === null) return null;
  return base === 'abs_net' ? Math.abs(net) : net;
}

/** Variance as a percentage of the base, in hundredths of a percent; blank on a zero or blank base (never 0%). */
export function variancePct(variance: Hundredths | null, figures: { netBudget: Hundredths | null; grossBudget: Hundredths | null }, base: PctBase): Hundredths | null {
  if (variance === null) return null;
  const b = baseOf(figures, base);
  if (b === null || b === 0) return null;
  return percentOf(variance, b);
}
