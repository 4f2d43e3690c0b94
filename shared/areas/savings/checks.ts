import type { RawFinding as Finding } from '../../checks';
import { formatValue, roundHundredths, roundToUnit, type Hundredths } from '../../units';
import { SAVINGS_AREA_ID, savingsTarget } from './ids';
import type { TrackerRow, TrackerTotals } from './tracker';

/**
 * The savings check engine: a published or imported RAG that departs from the council's key, reported
 * variances and totals that do not agree with the savings, and savings the key cannot rate. Pure.
 */
export const SAVINGS_CHECK_RULES = {
  'reported-rag-departs': { title: 'Reported RAG departs from the key', description: 'The RAG in the published or imported tracker is not the one the Key to RAG Ratings gives. Outturn shows the key\'s RAG; only an officer\'s override changes it.' },
  'reported-total-mismatch': { title: 'Reported total does not add up', description: 'A tracker\'s reported total does not agree with the sum of its savings (within ±2 £000).' },
  'reported-variance-mismatch': { title: 'Reported variance does not agree', description: 'A reported Variance from Plan is not Forecast − Original (within ±2 £000), or a reported % Variance is not Variance / |Original| (within ±1 percentage point).' },
  'no-original': { title: 'Saving without an original amount', description: 'The original saving is 0 or blank, so the key gives no RAG.' },
  'no-forecast': { title: 'Saving without a forecast', description: 'No forecast saving has been given, so the key gives no RAG yet.' },
} as const;
export type SavingsCheckRule = keyof typeof SAVINGS_CHECK_RULES;

/** A figure the published tracker (or an imported file) states for a derived cell, or a RAG it states. */
export interface ReportedFigure {
  rowKey: string;
  column: string;
  value: Hundredths | null;
  text: string | null;
}

export interface TrackerCheckInput {
  /** As findings name the table: the tracker's title. */
  table: string;
  rows: readonly TrackerRow[];
  totals: TrackerTotals;
  reported: readonly ReportedFigure[];
}

/** The row key and columns reported figures are kept under. */
export const TOTAL_ROW = 'total';
export const REPORTED_COLUMNS = { rag: 'rag', variance: 'variance', pctVariance: 'pctVariance', originalSaving: 'originalSaving', forecastSaving: 'forecastSaving' } as const;

const HEADERS: Record<string, string> = { rag: 'RAG', variance: 'Variance from Plan £000', pctVariance: '% Variance', originalSaving: 'Original Saving £000', forecastSaving: 'Forecast Saving £000' };

const money = (v: Hundredths | null) => formatValue(v, 'gbp_000') || 'blank';
const pct = (v: Hundredths | null) => formatValue(v, 'percent') || 'blank';
const moneyAgrees = (a: Hundredths | null, b: Hundredths | null) => (a === null || b === null ? a === b : Math.abs(roundToUnit(a) - roundToUnit(b)) <= 2);
const pctAgrees = (a: Hundredths | null, b: Hundredths | null) => (a === null || b === null ? a === b : Math.abs(roundHundredths(a, 0) - roundHundredths(b, 0)) <= 100);

export function runSavingsChecks(period: string, trackers: readonly TrackerCheckInput[]): Finding[] {
  const findings: Finding[] = [];
  for (const t of trackers) {
    const add = (f: Omit<Finding, 'area' | 'table' | 'period' | 'target'>) => findings.push({ area: SAVINGS_AREA_ID, table: t.table, period, target: savingsTarget(period), ...f });
    const reported = new Map(t.reported.map((r) => [`${r.rowKey}|${r.column}`, r]));
    for (const row of t.rows) {
      const rag = reported.get(`${row.id}|rag`);
      if (rag?.text && rag.text !== row.ruleRag) {
        const o = row.ragOverride;
        add({
          row: row.title, column: 'RAG', reported: rag.text, computed: row.ruleRag ?? 'no RAG', rule: 'reported-rag-departs', rowKey: row.id, columnKey: 'rag',
          supersededBy: o ? `superseded by ${o.by}'s override to ${o.rag} on ${o.at.slice(0, 10)}: ${o.reason}` : null,
        });
      }
      const variance = reported.get(`${row.id}|variance`);
      if (variance && !moneyAgrees(row.variance, variance.value)) add({ row: row.title, column: HEADERS.variance!, reported: money(variance.value), computed: money(row.variance), rule: 'reported-variance-mismatch', rowKey: row.id, columnKey: 'variance' });
      const p = reported.get(`${row.id}|pctVariance`);
      if (p && !pctAgrees(row.pctVariance, p.value)) add({ row: row.title, column: HEADERS.pctVariance!, reported: pct(p.value), computed: pct(row.pctVariance), rule: 'reported-variance-mismatch', rowKey: row.id, columnKey: 'pctVariance' });
      if (row.noRag === 'no-original') add({ row: row.title, column: HEADERS.originalSaving!, reported: null, computed: `${money(row.originalSaving)}: no RAG`, rule: 'no-original', rowKey: row.id, columnKey: 'originalSaving' });
      if (row.noRag === 'no-forecast') add({ row: row.title, column: HEADERS.forecastSaving!, reported: null, computed: 'blank: no RAG yet', rule: 'no-forecast', rowKey: row.id, columnKey: 'forecastSaving' });
    }
    for (const column of ['originalSaving', 'forecastSaving', 'variance'] as const) {
      const r = reported.get(`${TOTAL_ROW}|${column}`);
      if (r && !moneyAgrees(t.totals[column], r.value)) add({ row: 'Total', column: HEADERS[column]!, reported: money(r.value), computed: money(t.totals[column]), rule: 'reported-total-mismatch', rowKey: TOTAL_ROW, columnKey: column });
    }
  }
  return findings;
}
