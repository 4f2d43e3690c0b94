import { sumHundredths, type Hundredths, type Rag } from '../../units';
import { quarterParts, type QuarterId } from '../../periods';
import type { Directorate, SavingLine } from './model';
import { proposeRag, savingPctVariance, savingVariance, type NoRagReason, type RagBand, type RagSettings } from './rag';

/** A saving as the tracker shows it: its own figures and everything Outturn works out from them. */
export interface TrackerRow extends SavingLine {
  variance: Hundredths | null;
  /** Hundredths of a percent, exact-rounded; shown as a whole percent as published. */
  pctVariance: Hundredths | null;
  ruleRag: Rag | null;
  ragWhy: string;
  band: RagBand | null;
  noRag: NoRagReason | null;
  /** The RAG shown: the officer's override when there is one, else the rule's. */
  rag: Rag | null;
  overridden: boolean;
  /** The forecast in the last quarter's tracker (null when the saving was not in it, or there is none). */
  previousForecast: Hundredths | null;
  /** Forecast now − forecast then; null when there is nothing to compare with. */
  movement: Hundredths | null;
}

export interface TrackerTotals {
  originalSaving: Hundredths | null;
  forecastSaving: Hundredths | null;
  variance: Hundredths | null;
}

export function trackerRow(line: SavingLine, settings: RagSettings, previous?: { forecastSaving: Hundredths | null } | null): TrackerRow {
  const proposal = proposeRag(line.originalSaving, line.forecastSaving, settings);
  const previousForecast = previous ? previous.forecastSaving : null;
  return {
    ...line,
    variance: savingVariance(line.originalSaving, line.forecastSaving),
    pctVariance: savingPctVariance(line.originalSaving, line.forecastSaving),
    ruleRag: proposal.rag,
    ragWhy: proposal.why,
    band: proposal.band,
    noRag: proposal.noRag,
    rag: line.ragOverride?.rag ?? proposal.rag,
    overridden: line.ragOverride !== null,
    previousForecast,
    movement: previous && previousForecast !== null && line.forecastSaving !== null ? line.forecastSaving - previousForecast : null,
  };
}

/** A tracker's total row: the sum of its savings (the published total leaves % and commentary blank). */
export function trackerTotals(rows: readonly Pick<SavingLine, 'originalSaving' | 'forecastSaving'>[]): TrackerTotals {
  const originalSaving = sumHundredths(rows.map((r) => r.originalSaving));
  const forecastSaving = sumHundredths(rows.map((r) => r.forecastSaving));
  return { originalSaving, forecastSaving, variance: sumHundredths(rows.map((r) => savingVariance(r.originalSaving, r.forecastSaving))) };
}

/** Appendix 4 of the FMR; its trackers are 4.1, 4.2, … in the directorates' order. */
export const APPENDIX_NUMBER = '4';

/** "Adults, Health and Commissioning Savings Tracker Quarter 1" (a quarter's) or "… Savings Tracker 2023/24" (the register). */
export function trackerTitle(directorate: Pick<Directorate, 'name'>, quarter: QuarterId | null, financialYear: string): string {
  return `${directorate.name} Savings Tracker ${quarter ? `Quarter ${quarterParts(quarter).n}` : financialYear.replace('-', '/')}`;
}
