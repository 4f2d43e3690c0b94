import { z } from 'zod';
import { EXTRACT_FIELDS, type ExtractFigure } from './extract/figures';
import type { RawFinding as Finding } from '../../checks';
import { KAD_AREA_ID, KAD_AREA_NAME, kadTarget } from './ids';
import { formatValue, roundToUnit, type Hundredths } from '../../units';
import { monthLabel } from '../../periods';
import { computeDots, DOT_COLUMNS } from './dot';
import { fieldDef, KAD_FIELDS, type Dot, type KadField, type KadLine, type KadUnit, type ReportedValue } from './model';
import { runRateK } from './runrate';
import { AVERAGING_RULES, computeKadTotals, variance, weightedUnitCost, type AveragingRule } from './totals';

/**
 * The KAD check engine: every disagreement between what a table reports and what its lines imply, and
 * the data-quality warnings a finance officer wants to see before a committee does. Pure: the store
 * gathers the inputs, the checks panel and `outturn check` show the findings.
 */
export const KAD_CHECK_RULES = {
  'reported-total-mismatch': { title: 'Reported total does not add up', description: 'A reported subtotal or total does not agree with the sum of its lines (counts exact, £k within ±2, average unit costs within £1).' },
  'reported-variance-mismatch': { title: 'Reported variance does not agree', description: 'A reported variance does not equal Total spend minus Annual Budget (within ±2 £k).' },
  'reported-dot-mismatch': { title: 'Reported arrow does not agree', description: 'A reported direction-of-travel arrow does not match the previous month held in Outturn.' },
  'spend-vs-packages': { title: 'Spend far from packages × unit cost', description: 'Total spend is far from current packages × current unit cost × the weeks in a year (the run-rate setting, 52.14 by default).' },
  movement: { title: 'Large movement since last month', description: 'Current packages or unit cost moved more than the threshold since last month.' },
  'averaging-rule': { title: 'Effect of the averaging rule', description: 'The published averaging rule counts Respite packages in the average but not their cost; this shows what the plain package-weighted average would be.' },
  'actuals-not-updated': { title: 'Actual figures not yet updated', description: 'Actual figures were carried forward from last month and have not been updated yet.' },
  'missing-month': { title: 'Month with no data', description: 'A month between the first and this one holds no Key Activity Data.' },
  'missing-service': { title: 'Service with no data', description: 'A service has no Key Activity Data this month while others do.' },
  'extract-differs': {
    title: 'Differs from the care-package extract',
    description: 'A current figure of record differs from what the care-package extract imported for the month gives (packages exactly, average unit costs beyond £1). The figure of record stands.',
  },
} as const;
export type KadCheckRule = keyof typeof KAD_CHECK_RULES;

export const KadSettingsSchema = z.object({
  averagingRule: z.enum(Object.keys(AVERAGING_RULES) as [AveragingRule, ...AveragingRule[]]),
  /** spend-vs-packages: flag when spend differs from packages × cost × the run-rate weeks by more than this %. */
  spendTolerancePct: z.number().min(0).max(1000),
  /** movement: flag when packages or unit cost moved more than this % since last month. */
  movementPct: z.number().min(0).max(1000),
  /** Weeks in a year for the run-rate columns and the spend-vs-packages check. */
  runRateWeeks: z.number().min(1).max(53),
});
export type KadSettings = z.infer<typeof KadSettingsSchema>;
export const DEFAULT_KAD_SETTINGS: KadSettings = { averagingRule: 'published', spendTolerancePct: 25, movementPct: 10, runRateWeeks: 52.14 };



export interface KadServiceSnapshot {
  id: string;
  name: string;
  lines: KadLine[];
  reported: ReportedValue[];
  /** Last month's lines, or null where last month is not held. */
  previous: KadLine[] | null;
  /** Cells an officer changed since the reported figures were recorded (and that still differ). */
  corrections?: readonly { lineKey: string; field: KadField; at: string }[];
  /** What the last care-package extract imported for the month gives, line by line (none when no extract was). */
  extract?: readonly ExtractFigure[];
}

/** The line fields a reported figure of a column is built from. */
const SOURCES: Record<string, readonly KadField[]> = {
  expectedPackages: ['expectedPackages'],
  budgetUnitCost: ['expectedPackages', 'budgetUnitCost'],
  annualBudgetK: ['annualBudgetK'],
  currentPackages: ['currentPackages'],
  currentUnitCost: ['currentPackages', 'currentUnitCost'],
  totalSpendK: ['totalSpendK'],
  varianceK: ['totalSpendK', 'annualBudgetK'],
};

/**
 * "superseded by your correction of Residential on 2023-09-14" when an officer changed a line the
 * reported figure is built from, since it was recorded: the published figure no longer stands, and
 * that is the officer's doing, not the table's error. Null when no correction explains it.
 */
function supersededBy(s: KadServiceSnapshot, rowKey: string, column: string): string | null {
  const lines = s.lines.filter((l) => l.kind === 'line' && (rowKey === 'total_expenditure' || rowKey === `subtotal_${l.group}` || rowKey === l.key));
  const keys = new Set(lines.map((l) => l.key));
  const fields = SOURCES[column] ?? [];
  const hits = (s.corrections ?? []).filter((c) => keys.has(c.lineKey) && fields.includes(c.field)).sort((a, b) => a.at.localeCompare(b.at));
  const last = hits.at(-1);
  if (!last) return null;
  const label = s.lines.find((l) => l.key === last.lineKey)?.label ?? last.lineKey;
  return `superseded by your correction of ${label} on ${last.at.slice(0, 10)}`;
}

export interface KadCheckInput {
  period: string;
  services: KadServiceSnapshot[];
  settings: KadSettings;
  /** Months before this one, after the first month with data, that hold none. */
  missingMonths: string[];
}

const TOTAL_LABELS: Record<string, string> = {
  subtotal_accommodation: 'Accommodation based subtotal',
  subtotal_community: 'Community based subtotal',
  total_expenditure: 'Total for expenditure',
};

const ARROW: Record<Dot, string> = { up: '↑', down: '↓', flat: '↔' };

function unitOf(column: string): KadUnit {
  return column === 'varianceK' ? 'gbp_k' : fieldDef(column as (typeof KAD_FIELDS)[number]['key']).unit;
}

function columnHeader(column: string): string {
  if (column === 'varianceK') return 'Variance';
  const dot = DOT_COLUMNS.find((d) => d.column === column);
  if (dot) return `DoT of ${fieldDef(dot.of).header}`;
  return fieldDef(column as (typeof KAD_FIELDS)[number]['key']).header;
}

/** CONVENTIONS.md tolerance for published figures built from rounded cells. */
export function withinTolerance(unit: KadUnit, computed: Hundredths | null, reported: Hundredths | null): boolean {
  if (computed === null || reported === null) return (computed ?? 0) === (reported ?? 0);
  if (unit === 'count') return roundToUnit(computed) === roundToUnit(reported);
  if (unit === 'gbp_week') return Math.abs(computed - reported) <= 100;
  return Math.abs(roundToUnit(computed) - roundToUnit(reported)) <= 2;
}

function checkService(s: KadServiceSnapshot, input: KadCheckInput): Finding[] {
  const { period, settings } = input;
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'area' | 'table' | 'period' | 'target'>) => findings.push({ area: KAD_AREA_ID, table: s.name, period, target: kadTarget(period, s.id), ...f });
  const totals = computeKadTotals(s.lines, settings.averagingRule);
  const reported = new Map(s.reported.map((r) => [`${r.rowKey}|${r.column}`, r]));
  const labelOf = (key: string) => TOTAL_LABELS[key] ?? s.lines.find((l) => l.key === key)?.label ?? key;

  for (const t of totals) {
    for (const column of [...KAD_FIELDS.map((f) => f.key), 'varianceK'] as const) {
      const r = reported.get(`${t.key}|${column}`);
      if (!r || r.value === null) continue;
      const unit = unitOf(column);
      const mine = t[column];
      if (!withinTolerance(unit, mine, r.value)) {
        add({ row: labelOf(t.key), column: columnHeader(column), reported: formatValue(r.value, unit), computed: formatValue(mine, unit) || 'blank', rule: 'reported-total-mismatch', rowKey: t.key, columnKey: column, supersededBy: supersededBy(s, t.key, column) });
      }
    }
  }
  for (const line of s.lines) {
    const r = reported.get(`${line.key}|varianceK`);
    if (r && r.value !== null) {
      const mine = variance(line.totalSpendK, line.annualBudgetK);
      if (!withinTolerance('gbp_k', mine, r.value)) {
        add({ row: line.label, column: 'Variance', reported: formatValue(r.value, 'gbp_k'), computed: formatValue(mine, 'gbp_k'), rule: 'reported-variance-mismatch', rowKey: line.key, columnKey: 'varianceK', supersededBy: supersededBy(s, line.key, 'varianceK') });
      }
    }
  }

  if (s.previous) {
    const dots = computeDots(s.lines, s.previous, settings.averagingRule);
    for (const [rowKey, byColumn] of Object.entries(dots)) {
      for (const [column, mine] of Object.entries(byColumn)) {
        const r = reported.get(`${rowKey}|${column}`);
        if (r?.text && mine && r.text !== mine) {
          add({ row: labelOf(rowKey), column: columnHeader(column), reported: ARROW[r.text as Dot] ?? r.text, computed: ARROW[mine], rule: 'reported-dot-mismatch', rowKey, columnKey: column });
        }
      }
    }
    const before = new Map(s.previous.map((l) => [l.key, l]));
    for (const line of s.lines.filter((l) => l.kind === 'line' && l.inUse)) {
      const prev = before.get(line.key);
      if (!prev) continue;
      for (const field of ['currentPackages', 'currentUnitCost'] as const) {
        const now = line[field];
        const then = prev[field];
        if (now === null || then === null || then === 0) continue;
        const pct = (Math.abs(now - then) / Math.abs(then)) * 100;
        if (pct > settings.movementPct) {
          const unit = fieldDef(field).unit;
          add({ row: line.label, column: fieldDef(field).header, reported: `${formatValue(then, unit)} last month`, computed: `${formatValue(now, unit)} (${pct.toFixed(0)}% change, threshold ${settings.movementPct}%)`, rule: 'movement', rowKey: line.key, columnKey: field });
        }
      }
    }
  }

  for (const line of s.lines.filter((l) => l.kind === 'line' && l.inUse)) {
    if (line.totalSpendK === null || !line.currentPackages || line.currentUnitCost === null) continue;
    const expected = runRateK([line], settings.runRateWeeks);
    if (expected === null || expected === 0) continue;
    const pct = (Math.abs(line.totalSpendK - expected) / Math.abs(expected)) * 100;
    if (pct > settings.spendTolerancePct) {
      add({ row: line.label, column: fieldDef('totalSpendK').header, reported: formatValue(line.totalSpendK, 'gbp_k'), computed: `${formatValue(expected, 'gbp_k')} at ${settings.runRateWeeks} weeks (${pct.toFixed(0)}% apart, threshold ${settings.spendTolerancePct}%)`, rule: 'spend-vs-packages', rowKey: line.key, columnKey: 'totalSpendK' });
    }
  }

  // Each figure still as carried forward, named by its column: updating one leaves the others listed.
  for (const line of s.lines.filter((l) => l.inUse && l.carried.length)) {
    const columns = line.carried.map((f) => fieldDef(f).header).join(', ');
    const n = line.carried.length;
    add({ row: line.label, column: columns, reported: null, computed: `${n === 1 ? 'still as' : `${n} figures still as`} carried forward from last month`, rule: 'actuals-not-updated', rowKey: line.key, columnKey: 'carried' });
  }

  for (const x of s.extract ?? []) {
    const line = s.lines.find((l) => l.key === x.lineKey && l.kind === 'line' && l.inUse);
    if (!line) continue;
    for (const field of EXTRACT_FIELDS) {
      const unit = fieldDef(field).unit;
      if (withinTolerance(unit, x[field], line[field])) continue;
      add({ row: line.label, column: fieldDef(field).header, reported: formatValue(line[field], unit) || 'blank', computed: `${formatValue(x[field], unit) || 'blank'} from ${x.fileName}`, rule: 'extract-differs', rowKey: line.key, columnKey: field });
    }
  }

  if (settings.averagingRule === 'published') {
    const expenditure = s.lines.filter((l) => l.kind === 'line');
    const groups = [
      { key: 'subtotal_accommodation', lines: expenditure.filter((l) => l.group === 'accommodation') },
      { key: 'total_expenditure', lines: expenditure },
    ];
    for (const g of groups) {
      for (const [pk, cost] of [['expectedPackages', 'budgetUnitCost'], ['currentPackages', 'currentUnitCost']] as const) {
        if (!g.lines.some((l) => l.isRespite && l[pk])) continue;
        const published = weightedUnitCost(g.lines, pk, cost, 'published');
        const plain = weightedUnitCost(g.lines, pk, cost, 'package_weighted');
        if (published === null || plain === null || roundToUnit(published) === roundToUnit(plain)) continue;
        add({ row: labelOf(g.key), column: fieldDef(cost).header, reported: `${formatValue(published, 'gbp_week')} (published rule)`, computed: `${formatValue(plain, 'gbp_week')} (all packages at their cost)`, rule: 'averaging-rule', rowKey: g.key, columnKey: cost });
      }
    }
  }
  return findings;
}

/** Runs every KAD check for one month. */
export function runKadChecks(input: KadCheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const m of input.missingMonths) {
    findings.push({ area: KAD_AREA_ID, table: KAD_AREA_NAME, row: monthLabel(m), column: '-', reported: null, computed: 'no data', rule: 'missing-month', period: input.period, target: null, rowKey: null, columnKey: null });
  }
  const anyData = input.services.some((s) => s.lines.length > 0);
  for (const s of input.services) {
    if (s.lines.length === 0) {
      if (anyData) findings.push({ area: KAD_AREA_ID, table: s.name, row: '-', column: '-', reported: null, computed: 'no data', rule: 'missing-service', period: input.period, target: kadTarget(input.period, s.id), rowKey: null, columnKey: null });
      continue;
    }
    findings.push(...checkService(s, input));
  }
  return findings;
}
