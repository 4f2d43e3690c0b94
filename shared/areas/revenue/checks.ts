import type { RawFinding as Finding } from '../../checks';
import { formatValue, roundToUnit, type Hundredths } from '../../units';
import { areaKey, areasMissingCommentary, boxFigures, commentaryThreshold, lineSubject, serviceAreas } from './commentary';
import { REVENUE_AREA_ID, revenueTarget } from './ids';
import { COLUMN_HEADERS, MONEY_COLUMNS, slug as slugOf, type Directorate, type FigureColumn, type Figures, type MoneyColumn, type ReportedValue, type RevenueLine, type Section } from './model';
import { PCT_BASES, variancePct, type PctBase } from './percent';
import type { RevenueSettings } from './settings';
import { summaryRows } from './summary';
import { appendixRows, netOf, planAppendix, totalKey, type AppendixRow } from './totals';

/**
 * The revenue check engine: every disagreement between what the published (or imported) tables state
 * and what Outturn computes from the lines, between two published tables stating the same figure, and
 * every service area that needs a commentary and has none. Pure: the store gathers the inputs.
 */
export const REVENUE_CHECK_RULES = {
  'reported-total-mismatch': { title: 'Published total does not add up', description: 'A published total (or a commentary box) does not agree with what its lines add up to (within ±2 £000).' },
  'reported-totals-inconsistent': { title: 'Published total does not agree with the published subtotals', description: 'A published total is not the sum of the published subtotals and lines it covers (within ±2 £000).' },
  'net-identity': { title: 'Net budget is not gross + income', description: 'A published net budget is not its gross budget plus its income budget (within ±2 £000).' },
  'reported-percentage-mismatch': { title: 'Percentage not reproduced on its base', description: "A published variance percentage is not the variance over the table's base setting (within ±1 percentage point), or is shown where the base is zero." },
  'cross-table-mismatch': { title: 'Same figure differs between tables', description: 'The section 1.2 summary or an Appendix 2 box states a figure differently from Appendix 1 (within ±2 £000).' },
  'percentage-base-differs': { title: 'Percentages on different bases', description: "An Appendix 2 box and Appendix 1 show different percentages for the same line because their tables' bases differ." },
  'previous-variance-mismatch': { title: "Previous month's variance differs", description: "A file's previous-month variance does not agree with the variance of the previous month held in Outturn." },
  'needs-commentary': { title: 'Service area needs a commentary', description: 'Its variance is greater than 2% of its budget or £100k, whichever is greater, and it has no commentary (nor a line inside it).' },
} as const;
export type RevenueCheckRule = keyof typeof REVENUE_CHECK_RULES;

export interface DirectorateSnapshot {
  directorate: Directorate;
  /** Its position among the directorates (1.2.1, 1.2.2…). */
  index: number;
}

export interface RevenueCheckInput {
  period: string;
  directorates: readonly Directorate[];
  sections: readonly Section[];
  lines: readonly RevenueLine[];
  reported: readonly ReportedValue[];
  /** Written commentaries by subject key. */
  commentaries: ReadonlySet<string>;
  /** Whether the previous FMR month is held (its variances are then the previous column). */
  previousHeld: boolean;
  settings: RevenueSettings;
}

const MONEY_TOLERANCE = 2; // ±2 in the last unit, CONVENTIONS.md
const PCT_TOLERANCE = 100; // ±1 percentage point, in hundredths

function moneyAgrees(a: Hundredths | null, b: Hundredths | null): boolean {
  if (a === null || b === null) return (a ?? 0) === (b ?? 0);
  return Math.abs(roundToUnit(a) - roundToUnit(b)) <= MONEY_TOLERANCE;
}
function pctAgrees(a: Hundredths | null, b: Hundredths | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= PCT_TOLERANCE;
}
const money = (v: Hundredths | null) => (v === null ? 'blank' : formatValue(v, 'gbp_000'));
const pct = (v: Hundredths | null) => (v === null ? 'blank' : formatValue(v, 'percent', { decimals: 1 }));

export const appendixTable = (d: Directorate) => `Appendix ${d.appendix} ${d.name}`;
export const summaryTable = (d: Directorate, index: number) => `1.2.${index + 1} ${d.name}`;
export const commentaryTable = (d: Directorate) => `Appendix ${d.appendix.replace('1', '2')} ${d.name}`;
export const summaryTableId = (d: Directorate) => `summary-${d.id}`;
export const COMMENTARY_TABLE_ID = 'appendix-2';

export function runRevenueChecks(input: RevenueCheckInput): Finding[] {
  const { period, settings } = input;
  const findings: Finding[] = [];
  const reported = new Map<string, Map<string, Map<string, Hundredths | null>>>();
  for (const r of input.reported) {
    const t = reported.get(r.tableId) ?? new Map<string, Map<string, Hundredths | null>>();
    reported.set(r.tableId, t);
    const row = t.get(r.rowKey) ?? new Map<string, Hundredths | null>();
    t.set(r.rowKey, row);
    row.set(r.column, r.value);
  }
  const areas = serviceAreas(input.sections, input.lines, settings.pctBaseCommentary);

  input.directorates.forEach((d, index) => {
    const target = revenueTarget(period, { table: d.id });
    const add = (table: string, row: string, column: FigureColumn | 'commentary', rep: string, comp: string, rule: RevenueCheckRule, rowKey: string, tgt = target) =>
      findings.push({ area: REVENUE_AREA_ID, table, row, column: column === 'commentary' ? 'Commentary' : COLUMN_HEADERS[column], reported: rep, computed: comp, rule, period, target: tgt, rowKey, columnKey: column });
    const plan = planAppendix(d, input.sections, input.lines);
    const rows = appendixRows(plan, settings.pctBaseAppendix1);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const app1 = reported.get(d.id) ?? new Map<string, Map<string, Hundredths | null>>();
    const table = appendixTable(d);

    /** Reported money and % of a row against figures of Outturn's (computed, or another table's). */
    const compare = (tableName: string, label: string, rowKey: string, rep: Map<string, Hundredths | null>, mine: Figures, opts: { moneyRule: RevenueCheckRule | null; pctRule: RevenueCheckRule | null; base?: PctBase; tgt?: typeof target }) => {
      for (const col of MONEY_COLUMNS) {
        if (!rep.has(col) || !opts.moneyRule) continue;
        if (col === 'netBudget' && opts.moneyRule === 'reported-total-mismatch' && mine.netBudget === null) continue;
        if (!moneyAgrees(mine[col], rep.get(col)!)) add(tableName, label, col, money(rep.get(col)!), money(mine[col]), opts.moneyRule, rowKey, opts.tgt);
      }
      if (rep.has('variancePct') && opts.pctRule && !pctAgrees(mine.variancePct, rep.get('variancePct')!)) {
        add(tableName, label, 'variancePct', pct(rep.get('variancePct')!), pct(mine.variancePct), opts.pctRule, rowKey, opts.tgt);
      }
    };
    const netIdentity = (tableName: string, label: string, rowKey: string, rep: Map<string, Hundredths | null>, mine: Figures, tgt = target) => {
      if (!rep.has('netBudget')) return;
      const gross = rep.has('grossBudget') ? rep.get('grossBudget')! : mine.grossBudget;
      const income = rep.has('incomeBudget') ? rep.get('incomeBudget')! : mine.incomeBudget;
      const implied = netOf(gross, income);
      if (!moneyAgrees(implied, rep.get('netBudget')!)) add(tableName, label, 'netBudget', money(rep.get('netBudget')!), money(implied), 'net-identity', rowKey, tgt);
    };

    for (const row of rows) {
      const rep = app1.get(row.key);
      if (!rep || row.kind === 'heading' || row.kind === 'subheading') continue;
      if (row.kind === 'line') {
        netIdentity(table, row.label, row.key, rep, row.figures);
        if (!pctAgrees(row.figures.variancePct, rep.has('variancePct') ? rep.get('variancePct')! : row.figures.variancePct)) {
          add(table, row.label, 'variancePct', pct(rep.get('variancePct')!), pct(row.figures.variancePct), 'reported-percentage-mismatch', row.key);
        }
        if (input.previousHeld && rep.has('previousVariance') && !moneyAgrees(row.figures.previousVariance, rep.get('previousVariance')!)) {
          add(table, row.label, 'previousVariance', money(rep.get('previousVariance')!), money(row.figures.previousVariance), 'previous-variance-mismatch', row.key);
        }
        continue;
      }
      compare(table, row.label, row.key, rep, row.figures, { moneyRule: 'reported-total-mismatch', pctRule: 'reported-percentage-mismatch' });
      netIdentity(table, row.label, row.key, rep, row.figures);
      const parts = publishedParts(row, rows, app1);
      if (parts) compare(table, row.label, row.key, rep, parts, { moneyRule: 'reported-totals-inconsistent', pctRule: null });
    }

    // Section 1.2: against Outturn's summary, and against Appendix 1 where a row covers the same lines as a total.
    const sTable = summaryTable(d, index);
    const sTarget = revenueTarget(period, { table: 'summary' });
    const summary = summaryRows(d, input.sections, input.lines, settings.pctBaseSummary);
    const sRep = reported.get(summaryTableId(d)) ?? new Map<string, Map<string, Hundredths | null>>();
    const signature = (keys: readonly string[]) => [...keys].sort().join('|');
    const totalByLines = new Map<string, AppendixRow>();
    // Each total's lines, in one pass over the lines (not a pass per total: a large council has hundreds).
    const membersOf: string[][] = plan.totals.map(() => []);
    plan.lines.forEach((l, li) => {
      for (const t of plan.targets[li]!) membersOf[t]!.push(l.key);
    });
    plan.totals.forEach((t, i) => {
      const sig = signature(membersOf[i]!);
      if (!totalByLines.has(sig)) totalByLines.set(sig, byKey.get(t.key)!);
    });
    const paired = new Set<string>();
    for (const s of summary) {
      const rep = sRep.get(s.key);
      if (!rep) continue;
      compare(sTable, s.label, s.key, rep, s.figures, { moneyRule: 'reported-total-mismatch', pctRule: 'reported-percentage-mismatch', tgt: sTarget });
      netIdentity(sTable, s.label, s.key, rep, s.figures, sTarget);
      const total = totalByLines.get(signature(summaryLines(d, input.sections, input.lines, s.key)));
      const totalRep = total && !paired.has(total.key) ? app1.get(total.key) : undefined;
      if (total && totalRep) {
        paired.add(total.key);
        const theirs = { ...total.figures, ...Object.fromEntries([...totalRep].filter(([c]) => c !== 'variancePct')) } as Figures;
        compare(sTable, `${s.label} vs Appendix ${d.appendix} '${total.label}'`, s.key, rep, theirs, { moneyRule: 'cross-table-mismatch', pctRule: null, tgt: sTarget });
      }
    }

    // Appendix 2 boxes: against Outturn's figures (the box's own base), and against Appendix 1's published row.
    const cTable = commentaryTable(d);
    const cTarget = revenueTarget(period, { table: 'commentaries' });
    const cRep = reported.get(COMMENTARY_TABLE_ID) ?? new Map<string, Map<string, Hundredths | null>>();
    for (const [subject, rep] of cRep) {
      const found = subjectFigures(subject, d, rows, areas);
      if (!found) continue;
      const box = boxFigures(found.figures, settings.pctBaseCommentary);
      compare(cTable, found.label, subject, rep, box, { moneyRule: 'reported-total-mismatch', pctRule: 'reported-percentage-mismatch', tgt: cTarget });
      netIdentity(cTable, found.label, subject, rep, box, cTarget);
      const app1Rep = app1.get(found.app1Key);
      if (!app1Rep) continue;
      compare(cTable, `${found.label} vs Appendix ${d.appendix}`, subject, rep, { ...box, ...Object.fromEntries([...app1Rep].filter(([c]) => c !== 'variancePct' && c !== 'previousVariance')) } as Figures, { moneyRule: 'cross-table-mismatch', pctRule: null, tgt: cTarget });
      const mineP = rep.get('variancePct') ?? null;
      const theirsP = app1Rep.get('variancePct') ?? null;
      if (mineP !== null && theirsP !== null && mineP !== theirsP) {
        const bases = settings.pctBaseCommentary === settings.pctBaseAppendix1 ? 'the same base' : `${PCT_BASES[settings.pctBaseCommentary]} vs ${PCT_BASES[settings.pctBaseAppendix1]}`;
        add(cTable, `${found.label} vs Appendix ${d.appendix}`, 'variancePct', pct(mineP), `${pct(theirsP)} in Appendix ${d.appendix} (${bases})`, settings.pctBaseCommentary === settings.pctBaseAppendix1 ? 'cross-table-mismatch' : 'percentage-base-differs', subject, cTarget);
      }
    }

    // Service areas over the threshold with no commentary.
    const mine = areas.filter((a) => a.directorateId === d.id);
    for (const a of areasMissingCommentary(mine, input.commentaries, settings)) {
      const threshold = commentaryThreshold(a.figures, settings);
      add(cTable, a.label, 'commentary', 'none', `variance ${money(a.figures.forecastVariance)} is more than ${money(threshold)}`, 'needs-commentary', a.key, revenueTarget(period, { table: 'commentaries', subject: a.key }));
    }
  });
  return findings;
}

/**
 * A total's figures rebuilt from the published totals it covers (a section's or a subsection's Total
 * row, the expenditure total), with lines standing in wherever no total is published; null when it
 * covers no published total (it is then only its lines, which reported-total-mismatch compares).
 */
function publishedParts(total: AppendixRow, rows: readonly AppendixRow[], app1: Map<string, Map<string, Hundredths | null>>): Figures | null {
  const published = (kind: AppendixRow['kind'], match: (r: AppendixRow) => boolean) => rows.find((r) => r.kind === kind && match(r) && app1.has(r.key));
  const section = (name: string | null, withOwnTotal: boolean): AppendixRow[] => {
    const own = withOwnTotal ? published('section_total', (r) => r.section === name) : undefined;
    if (own) return [own];
    const out: AppendixRow[] = [];
    const done = new Set<string>();
    for (const r of rows.filter((x) => x.kind === 'line' && x.section === name)) {
      if (r.subsection) {
        if (done.has(r.subsection)) continue;
        done.add(r.subsection);
        const sub = published('subtotal', (x) => x.section === name && x.subsection === r.subsection);
        if (sub) {
          out.push(sub);
          continue;
        }
        out.push(...rows.filter((x) => x.kind === 'line' && x.section === name && x.subsection === r.subsection));
        continue;
      }
      out.push(r);
    }
    return out;
  };
  const sectionsOf = (mitigation: boolean) => [...new Set(rows.filter((r) => r.kind === 'line' && r.isMitigation === mitigation).map((r) => r.section))];
  let parts: AppendixRow[];
  if (total.kind === 'subtotal') return null;
  if (total.kind === 'section_total') parts = section(total.section, false);
  else if (total.kind === 'expenditure_total') parts = sectionsOf(false).flatMap((s) => section(s, true));
  else {
    const spend = published('expenditure_total', () => true);
    parts = [...(spend ? [spend] : sectionsOf(false).flatMap((s) => section(s, true))), ...sectionsOf(true).flatMap((s) => section(s, true))];
  }
  if (!parts.some((p) => p.kind !== 'line')) return null;
  const sum = (col: MoneyColumn) => {
    let s = 0;
    let any = false;
    for (const p of parts) {
      const rep = app1.get(p.key);
      const v = p.kind !== 'line' && rep?.has(col) ? rep.get(col)! : p.figures[col];
      if (v !== null) {
        s += v;
        any = true;
      }
    }
    return any ? s : null;
  };
  return { previousVariance: sum('previousVariance'), grossBudget: sum('grossBudget'), incomeBudget: sum('incomeBudget'), netBudget: sum('netBudget'), actual: sum('actual'), forecastVariance: sum('forecastVariance'), variancePct: null };
}

function summaryLines(d: Directorate, sections: readonly Section[], lines: readonly RevenueLine[], key: string): string[] {
  const own = sections.filter((s) => s.directorateId === d.id);
  const mine = lines.filter((l) => l.directorateId === d.id);
  if (key === `s:${d.id}:total`) return mine.map((l) => l.key);
  if (key === `s:${d.id}:expenditure`) return mine.filter((l) => !own.find((s) => s.name === l.section)?.isMitigation).map((l) => l.key);
  return mine.filter((l) => own.some((s) => s.name === l.section && `s:${d.id}:${slugOf(s.summaryRow)}` === key)).map((l) => l.key);
}

/** What a commentary is about: a line, or a service area (its Total row in Appendix 1). */
function subjectFigures(subject: string, d: Directorate, rows: readonly AppendixRow[], areas: ReturnType<typeof serviceAreas>): { label: string; figures: Figures; app1Key: string } | null {
  if (subject.startsWith('line:')) {
    const row = rows.find((r) => r.kind === 'line' && lineSubject(r.key) === subject);
    return row ? { label: row.label, figures: row.figures, app1Key: row.key } : null;
  }
  const area = areas.find((a) => a.key === subject && a.directorateId === d.id);
  if (!area) return null;
  const total = rows.find((r) => (r.kind === 'subtotal' || r.kind === 'section_total') && r.section !== null && areaKey(d.id, r.section, r.subsection) === subject);
  return { label: total?.label ?? area.label, figures: { ...area.figures, variancePct: variancePct(area.figures.forecastVariance, area.figures, 'gross') }, app1Key: total?.key ?? totalKey.section(d.id, area.label) };
}
