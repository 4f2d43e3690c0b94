import { z } from 'zod';
import { percentOf, SCALE, type Hundredths, type Rag } from '../../units';

/**
 * The council's "Key to RAG Ratings" (FMR Appendix 4) as one pure rule. The published key leaves its
 * boundaries open, so they are settings with documented defaults:
 * - the band is chosen by |original saving| in £000: above `bandUpperK` (500) → "Over £500k";
 *   `bandLowerK` (100) to `bandUpperK` inclusive → "£100–500k"; below `bandLowerK` → "Below £100k";
 * - Black when the forecast saving is nil (100% non-achieving);
 * - Blue when more is saved than planned (savings are negative: variance = forecast − original < 0);
 * - otherwise by % variance = variance / |original|, decided exactly from the unrounded figures:
 *   over £500k: below `largeAmberFromPct` (14) Green, from it to `largeRedAbovePct` (19) inclusive
 *   Amber, above Red; the other bands: up to `otherAmberAbovePct` (19) inclusive Green, above Amber;
 * - an original of 0 (or blank) has no RAG: the check engine reports it.
 */
const twoDecimals = (n: number) => Math.abs(Math.round(n * SCALE) - n * SCALE) < 1e-6;
const Pct = z.number().min(0).max(10_000).refine(twoDecimals, 'takes at most two decimals');
const Thousands = z.number().min(0).max(1e9).refine(twoDecimals, 'takes at most two decimals');

/** The boundaries without their cross-checks (for a partial update); RagSettingsSchema checks them together. */
export const RagSettingsFields = z.object({
    /** £000: an |original saving| below this is in the smallest band. */
    bandLowerK: Thousands,
    /** £000: an |original saving| above this is in the largest band. */
    bandUpperK: Thousands,
    /** Largest band: a % variance from this up is at least Amber. */
    largeAmberFromPct: Pct,
    /** Largest band: a % variance above this is Red. */
    largeRedAbovePct: Pct,
    /** The other bands: a % variance above this is Amber (they have no Red). */
    otherAmberAbovePct: Pct,
  });

export const RagSettingsSchema = RagSettingsFields
  .refine((s) => s.bandLowerK <= s.bandUpperK, { message: 'the lower band limit must not be above the upper one', path: ['bandLowerK'] })
  .refine((s) => s.largeAmberFromPct <= s.largeRedAbovePct, { message: 'Amber must start at or below where Red starts', path: ['largeAmberFromPct'] });
export type RagSettings = z.infer<typeof RagSettingsSchema>;

export const DEFAULT_RAG_SETTINGS: RagSettings = { bandLowerK: 100, bandUpperK: 500, largeAmberFromPct: 14, largeRedAbovePct: 19, otherAmberAbovePct: 19 };

export const RAG_BANDS = ['large', 'middle', 'small'] as const;
export type RagBand = (typeof RAG_BANDS)[number];

/** Why a saving has no RAG. */
export type NoRagReason = 'no-original' | 'no-forecast';

export interface RagProposal {
  /** The rule's RAG, or null (see `noRag`). */
  rag: Rag | null;
  band: RagBand | null;
  noRag: NoRagReason | null;
  /** In words, for a tooltip and the check engine: "Over £500k, 0% variance is below 14%: Green". */
  why: string;
}

/** A setting in £000 or % as an exact number of hundredths. */
const exact = (n: number): bigint => BigInt(Math.round(n * SCALE));

const groupK = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** "Over £500k", "£100–500k", "Below £100k", as the key's columns are headed (with the settings' limits). */
export function bandLabel(band: RagBand, s: RagSettings = DEFAULT_RAG_SETTINGS): string {
  if (band === 'large') return `Over £${groupK(s.bandUpperK)}k`;
  if (band === 'small') return `Below £${groupK(s.bandLowerK)}k`;
  return `£${groupK(s.bandLowerK)}–${groupK(s.bandUpperK)}k`;
}

export function ragBand(original: Hundredths, s: RagSettings = DEFAULT_RAG_SETTINGS): RagBand {
  const size = BigInt(Math.abs(original));
  if (size > exact(s.bandUpperK)) return 'large';
  if (size < exact(s.bandLowerK)) return 'small';
  return 'middle';
}

/** Sign of (variance / |original| × 100) − pct, in integers: no rounding ever decides a boundary. */
function comparePct(variance: Hundredths, original: Hundredths, pct: number): -1 | 0 | 1 {
  const lhs = BigInt(variance) * 100n * BigInt(SCALE);
  const rhs = exact(pct) * BigInt(Math.abs(original));
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/** Variance from plan: forecast − original (savings are negative, so positive = shortfall). */
export function savingVariance(original: Hundredths | null, forecast: Hundredths | null): Hundredths | null {
  if (original === null || forecast === null) return null;
  return forecast - original;
}

/** % variance = variance / |original|, in hundredths of a percent, rounded half away from zero only for display. */
export function savingPctVariance(original: Hundredths | null, forecast: Hundredths | null): Hundredths | null {
  const v = savingVariance(original, forecast);
  if (v === null || original === null || original === 0) return null;
  return percentOf(v, Math.abs(original));
}

const pctText = (n: number) => `${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;

/** The RAG the council's key gives a saving. Pure and exact: figures are hundredths of £000. */
export function proposeRag(original: Hundredths | null, forecast: Hundredths | null, s: RagSettings = DEFAULT_RAG_SETTINGS): RagProposal {
  if (original === null || original === 0) return { rag: null, band: null, noRag: 'no-original', why: 'No original saving, so the key gives no RAG' };
  const band = ragBand(original, s);
  const label = bandLabel(band, s);
  if (forecast === null) return { rag: null, band, noRag: 'no-forecast', why: 'No forecast saving yet, so the key gives no RAG' };
  if (forecast === 0) return { rag: 'Black', band, noRag: null, why: `${label}: nil forecast, 100% non-achieving: Black` };
  const variance = forecast - original;
  if (variance < 0) return { rag: 'Blue', band, noRag: null, why: `${label}: more saved than planned: Blue` };
  const pct = savingPctVariance(original, forecast)!;
  const shown = `${(pct / SCALE).toLocaleString('en-GB', { maximumFractionDigits: 2 })}% variance`;
  if (band === 'large') {
    if (comparePct(variance, original, s.largeRedAbovePct) > 0) return { rag: 'Red', band, noRag: null, why: `${label}: ${shown} is above ${pctText(s.largeRedAbovePct)}: Red` };
    if (comparePct(variance, original, s.largeAmberFromPct) >= 0) return { rag: 'Amber', band, noRag: null, why: `${label}: ${shown} is ${pctText(s.largeAmberFromPct)} to ${pctText(s.largeRedAbovePct)}: Amber` };
    return { rag: 'Green', band, noRag: null, why: `${label}: ${shown} is below ${pctText(s.largeAmberFromPct)}: Green` };
  }
  if (comparePct(variance, original, s.otherAmberAbovePct) > 0) return { rag: 'Amber', band, noRag: null, why: `${label}: ${shown} is above ${pctText(s.otherAmberAbovePct)}: Amber` };
  return { rag: 'Green', band, noRag: null, why: `${label}: ${shown} is up to ${pctText(s.otherAmberAbovePct)}: Green` };
}
