import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { areaKey, lineSubject } from '../../../shared/areas/revenue/commentary';
import { REVENUE_AREA_ID } from '../../../shared/areas/revenue/ids';
import { lineKeyFor, type FigureColumn } from '../../../shared/areas/revenue/model';
import { summaryKey } from '../../../shared/areas/revenue/summary';
import { totalKey } from '../../../shared/areas/revenue/totals';
import { COMMENTARY_TABLE_ID } from '../../../shared/areas/revenue/checks';
import { toHundredths } from '../../../shared/units';
import { resourcesDir } from '../../store/resources';
import type { Workspace } from '../../store/workspace';

/** The published August 2023 Appendix 1a/1b, 1.2 summaries, Appendix 2 and narrative, shipped in resources/demo. */
export const DEMO_PERIOD = '2023-08';
const SOURCE = 'published FMR August 2023';

const Num = z.number().nullable();
const Figures = { previous_forecast_variance: Num, gross_budget: Num, income_budget: Num, net_budget: Num, actual: Num, forecast_variance: Num, forecast_variance_pct: Num };
const AppendixRow = z.object({ seq: z.number(), section: z.string(), subsection: z.string().nullable(), committee: z.string().nullable(), budget_line: z.string(), ...Figures });
const PublishedTotal = z.object({
  seq: z.number(),
  kind: z.enum(['subsection_total', 'section_total', 'directorate_total', 'expenditure_total', 'overall_total']),
  label: z.string(),
  section: z.string().optional(),
  subsection: z.string().nullable().optional(),
  ...Figures,
});
export const AppendixFixture = z.object({ table_id: z.string(), title: z.string(), rows: z.array(AppendixRow), published_totals: z.array(PublishedTotal) });
export type AppendixFixture = z.infer<typeof AppendixFixture>;
const SummaryRow = z.object({ directorate: z.string(), ...Figures });
export const SummaryFixture = z.object({ table_id: z.string(), title: z.string(), rows: z.array(SummaryRow), published_totals: z.array(SummaryRow) });
const CommentaryFixture = z.object({
  commentaries: z.array(
    z.object({
      appendix: z.string(),
      number: z.number(),
      title: z.string(),
      figures: z.object({ gross_budget: Num, income_budget: Num, net_budget: Num, actuals: Num, forecast_variance: Num, forecast_variance_pct: Num }),
      linked_appendix_1_entry: z.object({ appendix: z.string(), budget_line: z.string().optional(), total: z.string().optional() }),
      narrative_paragraphs: z.array(z.string()),
    }),
  ),
});

/**
 * How the demo's directorates are laid out: the published tables give the sections and their Total rows;
 * which section 1.2 summary row each section counts under is read from the 1.2 tables' own labels.
 */
export const DEMO_DIRECTORATES = [
  { id: 'ahc', name: 'Adults, Health and Commissioning', appendix: '1a', file: 'appendix-1a-ahc-budget-lines', summary: 'summary-ahc', summaryRowOf: (s: string) => (s === 'Mitigations' ? 'Mitigations' : 'Adults, Health and Commissioning') },
  { id: 'ph', name: 'Public Health', appendix: '1b', file: 'appendix-1b-ph-budget-lines', summary: 'summary-ph', summaryRowOf: (s: string) => (s === 'Funding' ? 'Drawdown from reserves' : s === 'Children Health' ? 'Public Health - Children' : 'Public Health') },
] as const;

const dir = () => path.join(resourcesDir(), 'demo');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir(), `${file}.json`), 'utf8')) as unknown;
const h = (v: number | null) => (v === null ? null : toHundredths(v));

const COLUMNS: Record<FigureColumn, keyof typeof Figures> = {
  previousVariance: 'previous_forecast_variance',
  grossBudget: 'gross_budget',
  incomeBudget: 'income_budget',
  netBudget: 'net_budget',
  actual: 'actual',
  forecastVariance: 'forecast_variance',
  variancePct: 'forecast_variance_pct',
};

function totalRowKey(id: string, t: z.infer<typeof PublishedTotal>): string {
  if (t.kind === 'subsection_total') return totalKey.subsection(id, t.section!, t.subsection!);
  if (t.kind === 'section_total') return totalKey.section(id, t.section!);
  if (t.kind === 'overall_total') return totalKey.overall(id);
  return totalKey.expenditure(id);
}

/** The narrative text file: "## <key>" then one paragraph or bullet a line. */
export function readDemoNarrative(): Map<string, string> {
  const text = fs.readFileSync(path.join(dir(), `revenue-narrative-${DEMO_PERIOD}.txt`), 'utf8');
  const out = new Map<string, string[]>();
  let key: string | null = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') && !line.startsWith('## ')) continue;
    if (line.startsWith('## ')) out.set((key = line.slice(3).trim()), []);
    else if (key && line.trim()) out.get(key)!.push(line);
  }
  return new Map([...out].map(([k, v]) => [k, v.join('\n')]));
}

/** Writes the demo's directorates and their published August 2023 tables; called inside the demo seed's write. */
export function seedRevenueDemo(ws: Workspace): void {
  const db = ws.db;
  const insertReported = db.prepare(`INSERT INTO reported_values (period, area, table_id, row_key, column_key, value_num, source) VALUES (?, '${REVENUE_AREA_ID}', ?, ?, ?, ?, '${SOURCE}')`);
  const report = (table: string, row: string, column: FigureColumn, value: number | null) => insertReported.run(DEMO_PERIOD, table, row, column, h(value));
  const insertLine = db.prepare(
    `INSERT INTO revenue_lines (period, line_key, directorate_id, section, subsection, label, committee, sort_order, gross_budget, income_budget, actual, forecast_variance)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const allTotals: { id: string; totals: z.infer<typeof PublishedTotal>[] }[] = [];
  DEMO_DIRECTORATES.forEach((d, di) => {
    const fx = AppendixFixture.parse(read(d.file));
    const overall = fx.published_totals.find((t) => t.kind === 'overall_total')!;
    const spend = fx.published_totals.find((t) => t.kind === 'directorate_total' || t.kind === 'expenditure_total')!;
    db.prepare('INSERT INTO revenue_directorates (id, name, appendix, expenditure_total_label, overall_total_label, sort_order) VALUES (?, ?, ?, ?, ?, ?)').run(d.id, d.name, d.appendix, spend.label, overall.label, di + 1);
    const sections = [...new Set(fx.rows.map((r) => r.section))];
    // The sections below the expenditure total (Mitigations, Funding) are those after its row.
    const mitigation = new Set(fx.rows.filter((r) => r.seq > spend.seq).map((r) => r.section));
    sections.forEach((s, i) => {
      const total = fx.published_totals.find((t) => t.kind === 'section_total' && t.section === s);
      db.prepare('INSERT INTO revenue_sections (directorate_id, name, sort_order, total_label, is_mitigation, summary_row) VALUES (?, ?, ?, ?, ?, ?)').run(d.id, s, i + 1, total?.label ?? null, mitigation.has(s) ? 1 : 0, d.summaryRowOf(s));
    });
    const seen = new Set<string>();
    fx.rows.forEach((r, i) => {
      const key = lineKeyFor(d.id, r.budget_line);
      if (seen.has(key)) throw new Error(`${d.file}: two lines called ${r.budget_line}`);
      seen.add(key);
      insertLine.run(DEMO_PERIOD, key, d.id, r.section, r.subsection, r.budget_line, r.committee, i + 1, h(r.gross_budget), h(r.income_budget), h(r.actual), h(r.forecast_variance));
      for (const c of ['previousVariance', 'netBudget', 'variancePct'] as const) report(d.id, key, c, r[COLUMNS[c]]);
    });
    for (const t of fx.published_totals) for (const [c, f] of Object.entries(COLUMNS)) report(d.id, totalRowKey(d.id, t), c as FigureColumn, t[f]);
    allTotals.push({ id: d.id, totals: fx.published_totals });

    const sm = SummaryFixture.parse(read(d.summary));
    for (const r of [...sm.rows, ...sm.published_totals]) {
      const key = r.directorate === 'Total Expenditure' ? summaryKey.expenditure(d.id) : r.directorate === 'Total' ? summaryKey.total(d.id) : summaryKey.row(d.id, r.directorate);
      for (const [c, f] of Object.entries(COLUMNS)) report(`summary-${d.id}`, key, c as FigureColumn, r[f]);
    }
  });

  const cm = CommentaryFixture.parse(read('appendix-2-commentaries'));
  const insertCommentary = db.prepare('INSERT INTO revenue_commentaries (period, subject_key, title, body, carried, sort_order) VALUES (?, ?, ?, ?, 0, ?)');
  cm.commentaries.forEach((c, i) => {
    const d = DEMO_DIRECTORATES.find((x) => x.appendix === c.linked_appendix_1_entry.appendix)!;
    const link = c.linked_appendix_1_entry;
    let subject: string;
    if (link.budget_line) subject = lineSubject(lineKeyFor(d.id, link.budget_line));
    else {
      const t = allTotals.find((x) => x.id === d.id)!.totals.find((x) => x.label === link.total);
      if (!t?.section) throw new Error(`Appendix 2 ${c.appendix}(${c.number}): no Appendix ${link.appendix} total called ${link.total}`);
      subject = areaKey(d.id, t.section, t.kind === 'subsection_total' ? t.subsection! : null);
    }
    insertCommentary.run(DEMO_PERIOD, subject, c.title, c.narrative_paragraphs.join('\n'), i + 1);
    const f = c.figures;
    const box: [FigureColumn, number | null][] = [['grossBudget', f.gross_budget], ['incomeBudget', f.income_budget], ['netBudget', f.net_budget], ['actual', f.actuals], ['forecastVariance', f.forecast_variance], ['variancePct', f.forecast_variance_pct]];
    for (const [col, v] of box) report(COMMENTARY_TABLE_ID, subject, col, v);
  });

  const insertNarrative = db.prepare('INSERT INTO revenue_narratives (period, narrative_key, body, carried) VALUES (?, ?, ?, 0)');
  for (const [key, body] of readDemoNarrative()) insertNarrative.run(DEMO_PERIOD, key, body);
}
