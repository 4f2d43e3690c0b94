import { REVENUE_SECTION_IDS } from '../../../../shared/areas/revenue/pack-layout';
import { COLUMN_HEADERS, MONEY_COLUMNS, type Figures } from '../../../../shared/areas/revenue/model';
import { appendixRows, planAppendix, type AppendixRow } from '../../../../shared/areas/revenue/totals';
import type { PackSectionModule, SectionOutline } from '../../../pack/sections/types';
import { FONTS } from '../../../pack/theme';
import { monthLabel } from '../../../../shared/periods';
import { getLines, listDirectorates, listSections } from '../repository';
import { narrativeSlots, revenueCommentaries, revenueNarratives, revenueSummary } from '../service';
import { revenueSettings } from '../settings';
import { SheetWriter } from './writer';

const moneyCells = (f: Figures) => MONEY_COLUMNS.map((c) => ({ money: f[c] }));

/** Sections 1 and 2: 1.1, the 1.2 summary tables (computed), 1.3 per directorate and 2, as written in the app. */
export const revenueSummarySection: PackSectionModule = {
  id: REVENUE_SECTION_IDS.narrative,
  async build(ctx): Promise<SectionOutline> {
    const w = SheetWriter.open(ctx, '1 Revenue Executive Summary');
    w.heading('1. Revenue Executive Summary');
    const narratives = new Map(revenueNarratives(ctx.ws, ctx.period).narratives.map((n) => [n.key, n]));
    const entries: SectionOutline['entries'] = [];
    const part = (key: string, title: string) => {
      entries.push({ number: title.split(' ')[0]!.replace(/\.$/, ''), text: title.replace(/^\S+\s/, ''), cell: w.heading(title, FONTS.subtitle) });
      const body = narratives.get(key)?.body ?? '';
      if (body) w.prose(body);
      else w.prose('(Not yet written.)', FONTS.note);
      w.gap();
    };
    part('1.1', '1.1 Overall Position');
    entries.push({ number: '1.2', text: 'Summary of Revenue position by Directorate', cell: w.heading('1.2 Summary of Revenue position by Directorate', FONTS.subtitle) });
    for (const d of revenueSummary(ctx.ws, ctx.period).directorates) {
      w.heading(`${d.number} ${d.directorate.name}`, FONTS.caption);
      w.header([`${COLUMN_HEADERS.previousVariance} £000`, 'Directorate', null, ...MONEY_COLUMNS.slice(1).map((c) => `${COLUMN_HEADERS[c]} £000`), '%']);
      for (const r of d.rows) w.figuresRow([{ money: r.figures.previousVariance }, r.label, null, ...moneyCells(r.figures).slice(1), { pct: r.figures.variancePct, decimals: 1 }], r.kind === 'row' || r.kind === 'mitigation' ? 'line' : r.kind === 'total' ? 'grand' : 'total');
      w.prose(d.headline, FONTS.note);
      w.gap();
    }
    for (const slot of narrativeSlots(ctx.ws).filter((s) => s.key.startsWith('1.3'))) part(slot.key, slot.title);
    part('2', '2. Capital Executive Summary');
    return { id: REVENUE_SECTION_IDS.narrative, number: '1', title: 'Revenue Executive Summary', sheet: w.name, entries, figures: w.figures };
  },
};

const STYLE: Record<AppendixRow['kind'], 'line' | 'heading' | 'total' | 'grand'> = { heading: 'heading', subheading: 'heading', line: 'line', subtotal: 'total', section_total: 'total', expenditure_total: 'total', overall_total: 'grand' };

/** Appendix 1a, 1b…: each directorate's lines in the published layout and column order, totals computed. */
export const revenueAppendix1Section: PackSectionModule = {
  id: REVENUE_SECTION_IDS.appendix1,
  async build(ctx): Promise<SectionOutline> {
    const w = SheetWriter.open(ctx, 'Appendix 1 Detailed Financial');
    w.heading('Appendix 1 – Detailed Financial Information');
    const settings = revenueSettings(ctx.ws, ctx.period);
    const sections = listSections(ctx.ws);
    const entries: SectionOutline['entries'] = [];
    for (const d of listDirectorates(ctx.ws)) {
      const { lines, previous } = getLines(ctx.ws, ctx.period, d.id);
      entries.push({ number: `Appendix ${d.appendix}`, text: d.name, cell: w.heading(`Appendix ${d.appendix} – Detailed Financial Information - ${d.name}, ${monthLabel(ctx.period)}`, FONTS.subtitle) });
      if (previous.source === 'reported') w.prose(`Forecast Outturn Variance (Previous) is as reported in the published FMR: the previous month is not held in Outturn.`, FONTS.note);
      w.header([COLUMN_HEADERS.previousVariance, 'Committee', 'Budget Line', 'Gross Budget', 'Income Budget', 'Net Budget', 'Actual', 'Forecast Outturn Variance', 'Forecast Outturn Variance %']);
      for (const r of appendixRows(planAppendix(d, sections, lines), settings.pctBaseAppendix1)) {
        if (r.kind === 'heading' || r.kind === 'subheading') w.figuresRow([null, null, r.label, null, null, null, null, null, null], 'heading');
        else w.figuresRow([{ money: r.figures.previousVariance }, r.committee, r.label, ...['grossBudget', 'incomeBudget', 'netBudget', 'actual', 'forecastVariance'].map((c) => ({ money: r.figures[c as keyof Figures] })), { pct: r.figures.variancePct }], STYLE[r.kind]);
      }
      w.gap(2);
    }
    return { id: REVENUE_SECTION_IDS.appendix1, number: 'Appendix 1', title: 'Detailed Financial Information', sheet: w.name, entries, figures: w.figures };
  },
};

/** Appendix 2a, 2b…: each commentary's six-figure box, then its text one row per paragraph or bullet. */
export const revenueAppendix2Section: PackSectionModule = {
  id: REVENUE_SECTION_IDS.appendix2,
  async build(ctx): Promise<SectionOutline> {
    const w = SheetWriter.open(ctx, 'Appendix 2 Commentaries');
    w.heading('Appendix 2 – Service Commentaries on Forecast Outturn Position');
    const data = revenueCommentaries(ctx.ws, ctx.period);
    const entries: SectionOutline['entries'] = [];
    const pct = data.settings.commentaryPct / 100;
    for (const d of data.directorates) {
      const part = d.appendix.replace('1', '2');
      entries.push({ number: `Appendix ${part}`, text: d.name, cell: w.heading(`Appendix ${part} – Service Commentaries on Forecast Outturn Position - ${d.name}`, FONTS.subtitle) });
      w.prose(`Narrative is given below where there is an adverse/positive variance greater than ${pct}% of annual budget or £${data.settings.commentaryMinimum / 100},000 whichever is greater for a service area.`);
      w.gap();
      const subjects = data.areas.flatMap((a) => [{ key: a.key, area: a, figures: a.figures }, ...a.lines.map((l) => ({ key: `line:${l.key}`, area: a, figures: l.figures }))]).filter((s) => s.area.directorateId === d.id);
      let n = 0;
      for (const c of data.commentaries) {
        const s = subjects.find((x) => x.key === c.subjectKey);
        if (!s || !c.body.trim()) continue;
        w.heading(`${part}(${++n}) ${c.title}`, FONTS.caption);
        w.header([null, null, null, 'Gross Budget £000', 'Income Budget £000', 'Net Budget £000', 'Actuals £000', 'Forecast Variance £000', 'Forecast Variance %']);
        const f = s.figures;
        w.figuresRow([null, null, null, { money: f.grossBudget }, { money: f.incomeBudget }, { money: f.netBudget }, { money: f.actual }, { money: f.forecastVariance }, { pct: f.variancePct }], 'line');
        w.prose(c.body);
        w.gap();
      }
      if (!n) w.prose(`No service area of ${d.name} has a commentary this month.`, FONTS.note);
    }
    return { id: REVENUE_SECTION_IDS.appendix2, number: 'Appendix 2', title: 'Service Commentaries on Forecast Outturn Position', sheet: w.name, entries, figures: w.figures };
  },
};

export const REVENUE_PACK = [revenueSummarySection, revenueAppendix1Section, revenueAppendix2Section];
