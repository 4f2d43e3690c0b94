import { UserError } from '../../../shared/api/errors';
import type { SavingsTracker } from '../../../shared/areas/savings/api';
import { SAVINGS_AREA_ID, savingsTarget } from '../../../shared/areas/savings/ids';
import { SAVING_FIGURES, SAVING_TEXTS, type SavingFigure, type SavingLine, type SavingText } from '../../../shared/areas/savings/model';
import { APPENDIX_NUMBER, trackerRow, trackerTitle, trackerTotals } from '../../../shared/areas/savings/tracker';
import { financialYearOf, monthLabel, quarterLabel, quarterParts, quarterPublishedIn, type QuarterId } from '../../../shared/periods';
import { formatValue, RAG_VALUES, type Rag } from '../../../shared/units';
import { quarterPublishing } from '../../core/quarters';
import type { Channel, Workspace } from '../../store/workspace';
import { getLine, insertLine, listDirectorates, reportedFigures, setFigure, setOverride, setText, snapshotLines, snapshotPeriods, snapshotQuarter, yearLines } from './repository';
import { ragSettings } from './settings';
import { carryForwardInto, carryLabel } from './carry';
import { requirePeriod } from '../../store/periods';

/** What the tracker of a month is: the quarter it publishes (if any), the year, and where its savings come from. */
export function trackerScope(ws: Workspace, period: string): { quarter: QuarterId | null; financialYear: string; snapshot: boolean } {
  const snapped = snapshotQuarter(ws, period);
  const quarter = (snapped as QuarterId | null) ?? quarterPublishedIn(period, quarterPublishing(ws));
  return { quarter, financialYear: quarter ? quarterParts(quarter).financialYear : financialYearOf(period), snapshot: snapped !== null };
}

/**
 * A month holds savings figures when it holds a quarter's frozen tracker, or figures a published or
 * imported tracker reported for it. The register itself is the year's, not a month's, so the months
 * still to come do not count as holding it (the app opens on the latest month with figures).
 */
export function savingsHeld(ws: Workspace, period: string): boolean {
  if (snapshotQuarter(ws, period)) return true;
  return ws.db.prepare(`SELECT 1 FROM reported_values WHERE period = ? AND area = '${SAVINGS_AREA_ID}' LIMIT 1`).get(period) !== undefined;
}

function lockOf(ws: Workspace, period: string, snapshot: boolean, quarter: QuarterId | null): string | null {
  if (ws.readOnly) return ws.readOnlyReason;
  const closed = ws.closedReason(period);
  if (!closed) return null;
  return snapshot && quarter ? `${closed}: this is ${quarterLabel(quarter)}'s tracker as it stood when the month closed.` : `${closed}.`;
}

/** The savings a month's tracker shows: the frozen quarter when its month has closed, else the live register. */
export function trackerLines(ws: Workspace, period: string): { lines: SavingLine[]; scope: ReturnType<typeof trackerScope> } {
  const scope = trackerScope(ws, period);
  return { lines: scope.snapshot ? snapshotLines(ws, period) : yearLines(ws, scope.financialYear), scope };
}

export function savingsTracker(ws: Workspace, period: string): SavingsTracker {
  requirePeriod(ws, period);
  const { lines, scope } = trackerLines(ws, period);
  const settings = ragSettings(ws, period);
  const before = snapshotPeriods(ws).filter((p) => p < period).at(-1) ?? null;
  const previousLines = new Map((before ? snapshotLines(ws, before) : []).map((l) => [l.id, l]));
  const beforeQuarter = before ? snapshotQuarter(ws, before) : null;
  const groups = listDirectorates(ws)
    .map((d, i) => {
      const reported = reportedFigures(ws, period, d.id);
      const reportedRag = new Map(reported.filter((r) => r.column === 'rag' && r.text).map((r) => [r.rowKey, r.text as Rag]));
      const rows = lines
        .filter((l) => l.directorateId === d.id)
        .sort((a, b) => a.seq - b.seq)
        .map((l) => ({ ...trackerRow(l, settings, before ? (previousLines.get(l.id) ?? null) : null), reportedRag: reportedRag.get(l.id) ?? null }));
      return { directorate: d, number: `${APPENDIX_NUMBER}.${i + 1}`, title: trackerTitle(d, scope.quarter, scope.financialYear), rows, totals: trackerTotals(rows) };
    })
    .filter((g) => g.rows.length > 0);
  groups.forEach((g, i) => (g.number = `${APPENDIX_NUMBER}.${i + 1}`));
  return {
    period,
    periodLabel: monthLabel(period),
    financialYear: scope.financialYear,
    quarter: scope.quarter,
    quarterLabel: scope.quarter ? quarterLabel(scope.quarter) : null,
    source: scope.snapshot ? 'snapshot' : 'register',
    previous: before && beforeQuarter ? { period: before, quarterLabel: quarterLabel(beforeQuarter as QuarterId) } : null,
    groups,
    ragSettings: settings,
    lockedReason: lockOf(ws, period, scope.snapshot, scope.quarter),
  };
}

function requireLine(ws: Workspace, lineId: string): SavingLine {
  const line = getLine(ws, lineId);
  if (!line) throw new UserError('not_found', `There is no saving with the id "${lineId}".`);
  return line;
}

/** A figure is £000 as published; a saving is negative, so a positive original is refused. */
export function figureProblem(field: SavingFigure, value: number | null): string | null {
  if (value === null) return field === 'originalSaving' ? 'cannot be blank: every saving has an original amount' : null;
  if (!Number.isSafeInteger(value) || Math.abs(value) > 1e13) return 'is too large';
  if (field === 'originalSaving' && value > 0) return 'is positive, but savings are negative (a reduction in budget): write -154 for a saving of £154k';
  return null;
}

const headerOf = (field: SavingFigure) => SAVING_FIGURES.find((f) => f.key === field)!.header;

/** Original and forecast figures: every cell checked first, all applied as one undoable step or none. */
export function setSavingFigures(ws: Workspace, period: string, cells: readonly { lineId: string; field: SavingFigure; value: number | null }[], channel: Channel): SavingsTracker {
  requirePeriod(ws, period);
  const problems: string[] = [];
  const changes: { lineId: string; field: SavingFigure; value: number | null; old: number | null; title: string }[] = [];
  for (const c of cells) {
    const line = getLine(ws, c.lineId);
    if (!line) {
      problems.push(`there is no saving with the id "${c.lineId}"`);
      continue;
    }
    const problem = figureProblem(c.field, c.value);
    if (problem) problems.push(`${line.title} · ${headerOf(c.field)}: ${formatValue(c.value, 'gbp_000') || 'blank'} ${problem}`);
    else if (line[c.field] !== c.value) changes.push({ ...c, old: line[c.field], title: line.title });
  }
  if (problems.length) throw new UserError('invalid_input', `${problems.join('; ')}. Nothing was saved.`, { problems });
  if (changes.length) {
    const first = changes[0]!;
    const label =
      changes.length === 1
        ? `${first.title}, ${headerOf(first.field)}: ${formatValue(first.old, 'gbp_000') || 'blank'} → ${formatValue(first.value, 'gbp_000') || 'blank'}`
        : `${channel === 'paste' ? 'Paste' : 'Change'} ${changes.length} savings figures`;
    ws.write({ channel, label, period, target: savingsTarget(period), undoable: true }, () => {
      for (const c of changes) setFigure(ws, c.lineId, c.field, c.value);
    });
  }
  return savingsTracker(ws, period);
}

export function setSavingText(ws: Workspace, period: string, lineId: string, field: SavingText, raw: string | null, channel: Channel): SavingsTracker {
  requirePeriod(ws, period);
  const line = requireLine(ws, lineId);
  const def = SAVING_TEXTS.find((t) => t.key === field)!;
  const value = raw === null || raw.trim() === '' ? null : raw.trim();
  if (value === null && def.required) throw new UserError('invalid_input', `${line.title}: the ${def.header} cannot be blank. Nothing was saved.`);
  if (value !== null && value.length > def.max) throw new UserError('invalid_input', `${line.title}: the ${def.header} is longer than ${def.max} characters. Nothing was saved.`);
  if (line[field] !== value) {
    ws.write({ channel, label: `${line.title}, ${def.header} changed`, period, target: savingsTarget(period), undoable: true }, () => setText(ws, lineId, field, value));
  }
  return savingsTracker(ws, period);
}

/** An officer's RAG in place of the rule's: the reason is mandatory, and who and when are kept with it. */
export function overrideRag(ws: Workspace, period: string, lineId: string, rag: Rag | null, reason: string, channel: Channel): SavingsTracker {
  requirePeriod(ws, period);
  const line = requireLine(ws, lineId);
  const why = reason.trim();
  if (rag !== null && !RAG_VALUES.includes(rag)) throw new UserError('invalid_input', `"${rag}" is not a RAG rating (${RAG_VALUES.join(', ')}).`);
  if (rag !== null && !why) throw new UserError('invalid_input', `Give the reason for setting ${line.title} to ${rag}: an officer's RAG always carries its reason, shown wherever the RAG is. Nothing was saved.`);
  if (rag === null && !line.ragOverride) return savingsTracker(ws, period);
  if (rag !== null && line.ragOverride?.rag === rag && line.ragOverride.reason === why) return savingsTracker(ws, period);
  const label = rag === null ? `${line.title}: RAG back to the key's (override ${line.ragOverride!.rag} withdrawn)` : `${line.title}: RAG set to ${rag} by an officer (${why})`;
  ws.write({ channel, label, period, target: savingsTarget(period), undoable: true }, () =>
    setOverride(ws, lineId, rag === null ? null : { rag, reason: why, by: ws.identity.osUser, at: new Date().toISOString() }),
  );
  return savingsTracker(ws, period);
}

export function addSaving(
  ws: Workspace,
  input: { period: string; directorateId: string; bpRef: string; title: string; owner?: string | undefined; originalSaving: number },
  channel: Channel,
): SavingsTracker {
  requirePeriod(ws, input.period);
  if (!listDirectorates(ws).some((d) => d.id === input.directorateId)) throw new UserError('not_found', `There is no directorate "${input.directorateId}".`);
  const problem = figureProblem('originalSaving', input.originalSaving);
  if (problem) throw new UserError('invalid_input', `${input.title} · Original Saving £000: ${formatValue(input.originalSaving, 'gbp_000')} ${problem}. Nothing was saved.`);
  const { financialYear } = trackerScope(ws, input.period);
  ws.write({ channel, label: `Add the saving ${input.bpRef} ${input.title} (${financialYear})`, period: input.period, target: savingsTarget(input.period), undoable: true }, () =>
    insertLine(ws, { financialYear, directorateId: input.directorateId, bpRef: input.bpRef, title: input.title, owner: input.owner?.trim() || null, originalSaving: input.originalSaving, forecastSaving: null, commentary: null }),
  );
  return savingsTracker(ws, input.period);
}

/** Carries a saving's unachieved amount into next year's tracker, as one undoable step. */
export function carryForward(ws: Workspace, period: string, lineId: string, channel: Channel): SavingsTracker {
  requirePeriod(ws, period);
  const line = requireLine(ws, lineId);
  ws.write({ channel, label: carryLabel(line), period, target: savingsTarget(period), undoable: true }, () => carryForwardInto(ws, [lineId]));
  return savingsTracker(ws, period);
}
