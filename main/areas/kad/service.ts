import { UserError } from '../../../shared/api/errors';
import { extractFigures } from './extract/figures';
import type { KadTable } from '../../../shared/areas/kad/api';
import { CARE_CONTRIBUTION_FIELDS, fieldDef, type KadField } from '../../../shared/areas/kad/model';
import { formatValue, type Hundredths } from '../../../shared/units';
import { monthLabel, previousMonth } from '../../../shared/periods';
import { kadTarget } from '../../../shared/areas/kad/ids';
import type { Channel, Workspace } from '../../store/workspace';
import { getLineValue, getLines, getReported, getService, hasKad, setLineValue } from './repository';
import { kadSettings } from './settings';
import { requirePeriod } from '../../store/periods';

export function requireService(ws: Workspace, serviceId: string) {
  const service = getService(ws, serviceId);
  if (!service) throw new UserError('not_found', `There is no Key Activity Data service called "${serviceId}".`);
  return service;
}

function periodLock(ws: Workspace, period: string): string | null {
  if (ws.readOnly) return ws.readOnlyReason;
  const closed = ws.closedReason(period);
  return closed ? `${closed}.` : null;
}

/** Another month's lines of the same service, when that month holds KAD. */
function monthLines(ws: Workspace, period: string, serviceId: string) {
  if (!hasKad(ws, period)) return null;
  return { period, periodLabel: monthLabel(period), lines: getLines(ws, period, serviceId) };
}

export function kadTable(ws: Workspace, period: string, serviceId: string, compareTo?: string): KadTable {
  const service = requireService(ws, serviceId);
  const lockedReason = periodLock(ws, period);
  const settings = kadSettings(ws, period);
  if (compareTo !== undefined) requirePeriod(ws, compareTo);
  return {
    period,
    periodLabel: monthLabel(period),
    service,
    averagingRule: settings.averagingRule,
    runRateWeeks: settings.runRateWeeks,
    lines: getLines(ws, period, serviceId),
    reported: getReported(ws, period, serviceId),
    previous: monthLines(ws, previousMonth(period), serviceId),
    comparison: compareTo ? monthLines(ws, compareTo, serviceId) : null,
    extract: extractFigures(ws, period, serviceId),
    lockedReason,
  };
}

/** Checks a value against the rules of its column, in the unit the table shows; returns why not, or null. */
export function validateKadValue(field: KadField, value: Hundredths | null): string | null {
  const def = fieldDef(field);
  if (value === null) return null;
  if (!Number.isSafeInteger(value)) return 'is not a whole number of hundredths';
  if (def.unit === 'count' && value < 0) return 'is negative, and a count of care packages cannot be';
  if (Math.abs(value) > 1e13) return 'is too large';
  return null;
}

export interface CellChange {
  lineKey: string;
  field: KadField;
  value: Hundredths | null;
}

/**
 * Applies one or many cell changes (an edit, a paste, a fill) as one undoable, audited step. Every cell is
 * checked first; if any is refused nothing is applied and the message names each refused cell.
 */
export function setKadCells(ws: Workspace, args: { period: string; serviceId: string; cells: CellChange[] }, channel: Channel): KadTable {
  const { period, serviceId, cells } = args;
  const service = requireService(ws, serviceId);
  const lines = getLines(ws, period, serviceId);
  if (!lines.length) throw new UserError('not_found', `${service.name} has no Key Activity Data in ${monthLabel(period)}.`);
  const problems: string[] = [];
  const changes: (CellChange & { old: Hundredths | null; label: string })[] = [];
  for (const cell of cells) {
    const def = fieldDef(cell.field);
    const line = lines.find((l) => l.key === cell.lineKey);
    const where = `${line?.label ?? cell.lineKey} · ${def.header}`;
    if (!line) problems.push(`${where}: ${service.name} has no such line in ${monthLabel(period)}`);
    else if (!line.inUse) problems.push(`${where}: ${line.label} is not used by ${service.name} (greyed out), so it cannot hold figures`);
    else if (line.kind === 'care_contributions' && !CARE_CONTRIBUTION_FIELDS.includes(cell.field)) problems.push(`${where}: Care Contributions only have an Annual Budget and a Total spend/income`);
    else {
      const problem = validateKadValue(cell.field, cell.value);
      if (problem) problems.push(`${where}: ${formatValue(cell.value, def.unit)} ${problem}`);
      else {
        const { value: old, carried } = getLineValue(ws, period, serviceId, cell.lineKey, cell.field);
        // Typing a carried figure again, unchanged, confirms it as this month's: that is a change too.
        if (old !== cell.value || carried) changes.push({ ...cell, old, label: line.label });
      }
    }
  }
  if (problems.length) throw new UserError('invalid_input', `${service.name}, ${monthLabel(period)}: ${problems.join('; ')}. Nothing was saved.`, { problems });
  if (changes.length) {
    const first = changes[0]!;
    const unit = fieldDef(first.field).unit;
    const label =
      changes.length === 1
        ? `${service.name} ${first.label}, ${fieldDef(first.field).header}: ${formatValue(first.old, unit) || 'blank'} → ${formatValue(first.value, unit) || 'blank'} (${monthLabel(period)})`
        : `${channel === 'paste' ? 'Paste' : 'Change'} ${changes.length} cells in ${service.name} (${monthLabel(period)})`;
    ws.write({ channel, label, period, target: kadTarget(period, serviceId), undoable: true }, () => {
      for (const c of changes) setLineValue(ws, period, serviceId, c.lineKey, c.field, c.value);
    });
  }
  return kadTable(ws, period, serviceId);
}

export function setKadCell(ws: Workspace, args: { period: string; serviceId: string } & CellChange, channel: Channel): KadTable {
  const { lineKey, field, value } = args;
  return setKadCells(ws, { period: args.period, serviceId: args.serviceId, cells: [{ lineKey, field, value }] }, channel);
}
