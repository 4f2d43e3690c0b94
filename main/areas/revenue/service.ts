import { UserError } from '../../../shared/api/errors';
import type { RevenueCommentaries, RevenueNarratives, RevenueSaved, RevenueSummary, RevenueTable } from '../../../shared/areas/revenue/api';
import { NARRATIVE_SECTIONS } from '../../../shared/areas/revenue/api';
import { boxFigures, commentaryThreshold, lineSubject, needsCommentary, serviceAreas } from '../../../shared/areas/revenue/commentary';
import { revenueTarget } from '../../../shared/areas/revenue/ids';
import { COLUMN_HEADERS, type EnteredField } from '../../../shared/areas/revenue/model';
import { headline, summaryRows } from '../../../shared/areas/revenue/summary';
import { lineFigures } from '../../../shared/areas/revenue/totals';
import { financialYearOf, monthLabel, monthsOfFinancialYear } from '../../../shared/periods';
import { formatValue, type Hundredths } from '../../../shared/units';
import type { Channel, Workspace } from '../../store/workspace';
import { deleteCommentary, getCommentaries, getLines, getNamedLines, getNarratives, getReported, hasRevenue, listDirectorates, listSections, putCommentary, putNarrative, setLineValue } from './repository';
import { revenueSettings } from './settings';
import { requirePeriod } from '../../store/periods';

function periodLock(ws: Workspace, period: string): string | null {
  if (ws.readOnly) return ws.readOnlyReason;
  const closed = ws.closedReason(period);
  return closed ? `${closed}.` : null;
}

function requireDirectorate(ws: Workspace, id: string) {
  const d = listDirectorates(ws).find((x) => x.id === id);
  if (!d) throw new UserError('not_found', `There is no revenue directorate called "${id}".`);
  return d;
}

export function revenueTable(ws: Workspace, period: string, directorateId: string): RevenueTable {
  requirePeriod(ws, period);
  const directorate = requireDirectorate(ws, directorateId);
  const { lines, previous } = getLines(ws, period, directorateId);
  return {
    period,
    periodLabel: monthLabel(period),
    directorate,
    directorates: listDirectorates(ws),
    sections: listSections(ws).filter((s) => s.directorateId === directorateId),
    lines,
    reported: getReported(ws, period, directorateId),
    previous: { source: previous.source, period: previous.period, periodLabel: previous.period ? monthLabel(previous.period) : null },
    settings: revenueSettings(ws, period),
    lockedReason: periodLock(ws, period),
  };
}

export interface CellChange {
  lineKey: string;
  field: EnteredField;
  value: Hundredths | null;
}

const LIMIT = 1e13;

/**
 * Applies one or many cell changes (an edit, a paste, a fill) as one undoable, audited step. Every cell is
 * checked first; if any is refused nothing is applied and the message names each refused cell.
 */
export function setRevenueCells(ws: Workspace, args: { period: string; directorateId: string; cells: readonly CellChange[] }, channel: Channel): RevenueSaved {
  const { period, directorateId, cells } = args;
  requirePeriod(ws, period);
  const directorate = requireDirectorate(ws, directorateId);
  const keys = [...new Set(cells.map((c) => c.lineKey))];
  const named = getNamedLines(ws, period, directorateId, keys);
  if (!named.size && !hasRevenue(ws, period, directorateId)) throw new UserError('not_found', `${directorate.name} has no budget lines in ${monthLabel(period)}.`);
  const problems: string[] = [];
  const changes: (CellChange & { old: Hundredths | null; label: string })[] = [];
  for (const c of cells) {
    const line = named.get(c.lineKey);
    const where = `${line?.label ?? c.lineKey} · ${COLUMN_HEADERS[c.field]}`;
    if (!line) problems.push(`${where}: ${directorate.name} has no such line in ${monthLabel(period)}`);
    else if (c.value !== null && Math.abs(c.value) > LIMIT) problems.push(`${where}: ${formatValue(c.value, 'gbp_000')} is too large`);
    else if (c.field === 'incomeBudget' && c.value !== null && c.value > 0) problems.push(`${where}: ${formatValue(c.value, 'gbp_000')} is positive, but income is entered as a negative figure (as published)`);
    else {
      const old = line.values[c.field];
      if (old !== c.value) changes.push({ ...c, old, label: line.label });
    }
  }
  if (problems.length) throw new UserError('invalid_input', `${directorate.name}, ${monthLabel(period)}: ${problems.join('; ')}. Nothing was saved.`, { problems });
  if (changes.length) {
    const first = changes[0]!;
    const label =
      changes.length === 1
        ? `${first.label}, ${COLUMN_HEADERS[first.field]}: ${formatValue(first.old, 'gbp_000') || 'blank'} → ${formatValue(first.value, 'gbp_000') || 'blank'} (${monthLabel(period)})`
        : `${channel === 'paste' ? 'Paste' : 'Change'} ${changes.length} cells in Appendix ${directorate.appendix} (${monthLabel(period)})`;
    ws.write({ channel, label, period, target: revenueTarget(period, { table: directorateId }), undoable: true }, () => {
      for (const c of changes) setLineValue(ws, period, c.lineKey, c.field, c.value);
    });
  }
  // Every line named, changed or not: the page shows each as stored now.
  return { period, directorateId, lines: getLines(ws, period, directorateId, keys).lines, lockedReason: periodLock(ws, period) };
}

export function revenueSummary(ws: Workspace, period: string): RevenueSummary {
  requirePeriod(ws, period);
  const settings = revenueSettings(ws, period);
  const sections = listSections(ws);
  const { lines } = getLines(ws, period);
  const directorates = listDirectorates(ws);
  const trend = monthsOfFinancialYear(financialYearOf(period))
    .filter((m) => m <= period && hasRevenue(ws, m))
    .map((m) => {
      const monthLines = m === period ? lines : getLines(ws, m).lines;
      return {
        period: m,
        label: monthLabel(m),
        values: directorates.map((d) => {
          const rows = summaryRows(d, sections, monthLines, settings.pctBaseSummary);
          return { directorateId: d.id, before: rows.find((r) => r.kind === 'expenditure_total')!.figures.forecastVariance, after: rows.find((r) => r.kind === 'total')!.figures.forecastVariance };
        }),
      };
    });
  return {
    period,
    periodLabel: monthLabel(period),
    directorates: directorates.map((d, i) => {
      const rows = summaryRows(d, sections, lines, settings.pctBaseSummary);
      return { directorate: d, number: `1.2.${i + 1}`, rows, headline: headline(d.name, rows) };
    }),
    trend,
  };
}

export function revenueCommentaries(ws: Workspace, period: string): RevenueCommentaries {
  requirePeriod(ws, period);
  const settings = revenueSettings(ws, period);
  const { lines } = getLines(ws, period);
  const areas = serviceAreas(listSections(ws), lines, settings.pctBaseCommentary);
  return {
    period,
    periodLabel: monthLabel(period),
    directorates: listDirectorates(ws),
    areas: areas.map((a) => ({
      key: a.key,
      directorateId: a.directorateId,
      label: a.label,
      figures: boxFigures(a.figures, settings.pctBaseCommentary),
      threshold: commentaryThreshold(a.figures, settings),
      needsCommentary: needsCommentary(a.figures, settings),
      lines: lines.filter((l) => a.lineKeys.includes(l.key)).map((l) => ({ key: l.key, label: l.label, figures: lineFigures(l, settings.pctBaseCommentary) })),
    })),
    commentaries: getCommentaries(ws, period).map(({ order: _order, ...c }) => c),
    settings,
    lockedReason: periodLock(ws, period),
  };
}

/** Writes (or, with an empty text, removes) the commentary on a service area or a line, as one undoable step. */
export function setRevenueCommentary(ws: Workspace, args: { period: string; subjectKey: string; title?: string; body: string }, channel: Channel): RevenueCommentaries {
  const { period, subjectKey } = args;
  const current = revenueCommentaries(ws, period);
  const area = current.areas.find((a) => a.key === subjectKey);
  const line = current.areas.flatMap((a) => a.lines).find((l) => lineSubject(l.key) === subjectKey);
  if (!area && !line) throw new UserError('not_found', `There is no service area or budget line "${subjectKey}" in ${monthLabel(period)} to write a commentary on.`);
  const body = args.body.replace(/\r\n/g, '\n').trim();
  const title = args.title?.trim() || current.commentaries.find((c) => c.subjectKey === subjectKey)?.title || (area?.label ?? line!.label);
  const existing = current.commentaries.find((c) => c.subjectKey === subjectKey);
  if (existing && existing.body === body && existing.title === title && !existing.carried) return current;
  const order = [...current.areas.flatMap((a) => [a.key, ...a.lines.map((l) => lineSubject(l.key))])].indexOf(subjectKey);
  ws.write({ channel, label: `${body ? 'Write' : 'Remove'} the commentary on ${title} (${monthLabel(period)})`, period, target: revenueTarget(period, { table: 'commentaries', subject: subjectKey }), undoable: true }, () => {
    if (!body) deleteCommentary(ws, period, subjectKey);
    else putCommentary(ws, period, subjectKey, { title, body, order });
  });
  return revenueCommentaries(ws, period);
}

/** The narrative sections of the month, in the pack's order: 1.1, 1.3 per directorate, 2. */
export function narrativeSlots(ws: Workspace): { key: string; title: string }[] {
  const directorates = listDirectorates(ws);
  return NARRATIVE_SECTIONS.flatMap((s) =>
    'perDirectorate' in s ? directorates.map((d, i) => ({ key: `${s.key}:${d.id}`, title: `${s.key}.${i + 1} Significant Issues – ${d.name}` })) : [{ key: s.key, title: s.title }],
  );
}

export function revenueNarratives(ws: Workspace, period: string): RevenueNarratives {
  requirePeriod(ws, period);
  const held = getNarratives(ws, period);
  return {
    period,
    periodLabel: monthLabel(period),
    narratives: narrativeSlots(ws).map((s) => ({ ...s, body: held.get(s.key)?.body ?? '', carried: held.get(s.key)?.carried ?? false })),
    lockedReason: periodLock(ws, period),
  };
}

export function setRevenueNarrative(ws: Workspace, args: { period: string; key: string; body: string }, channel: Channel): RevenueNarratives {
  const { period, key } = args;
  const slot = narrativeSlots(ws).find((s) => s.key === key);
  if (!slot) throw new UserError('not_found', `There is no narrative section "${key}".`);
  requirePeriod(ws, period);
  const body = args.body.replace(/\r\n/g, '\n').trim();
  const held = getNarratives(ws, period).get(key);
  if (held && held.body === body && !held.carried) return revenueNarratives(ws, period);
  ws.write({ channel, label: `Write ${slot.title} (${monthLabel(period)})`, period, target: revenueTarget(period, { table: 'narrative' }), undoable: true }, () => {
    putNarrative(ws, period, key, body);
  });
  return revenueNarratives(ws, period);
}
