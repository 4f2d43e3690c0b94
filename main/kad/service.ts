import { UserError } from '../../shared/api/errors';
import type { KadTable } from '../../shared/api/contract';
import { CARE_CONTRIBUTION_FIELDS, fieldDef, type KadField } from '../../shared/kad/model';
import type { AveragingRule } from '../../shared/kad/totals';
import { formatValue, type Hundredths } from '../../shared/money';
import { monthLabel } from '../../shared/periods';
import { registerUndoApplier } from '../store/history';
import { getSetting } from '../store/settings';
import type { Channel, Workspace } from '../store/workspace';
import { FIELD_COLUMNS, getLineValue, getLines, getReported, getService, setLineValue } from './repository';

function requireService(ws: Workspace, serviceId: string) {
  const service = getService(ws, serviceId);
  if (!service) throw new UserError('not_found', `There is no Key Activity Data service called "${serviceId}".`);
  return service;
}

function periodLock(ws: Workspace, period: string): string | null {
  if (ws.readOnly) return ws.readOnlyReason;
  const row = ws.db.prepare('SELECT status, closed_by, closed_at FROM periods WHERE id = ?').get(period) as { status: string; closed_by: string | null; closed_at: string | null } | undefined;
  if (!row) throw new UserError('not_found', `${monthLabel(period)} is not a period of this workspace.`);
  if (row.status === 'closed') return `${monthLabel(period)} is closed (closed by ${row.closed_by ?? 'unknown'}${row.closed_at ? ` on ${row.closed_at.slice(0, 10)}` : ''}).`;
  return null;
}

export function averagingRule(ws: Workspace): AveragingRule {
  return getSetting(ws, 'kad.averagingRule') === 'package_weighted' ? 'package_weighted' : 'published';
}

export function kadTable(ws: Workspace, period: string, serviceId: string): KadTable {
  const service = requireService(ws, serviceId);
  const lockedReason = periodLock(ws, period);
  return {
    period,
    periodLabel: monthLabel(period),
    service,
    averagingRule: averagingRule(ws),
    lines: getLines(ws, period, serviceId),
    reported: getReported(ws, period, serviceId),
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

export function setKadCell(
  ws: Workspace,
  args: { period: string; serviceId: string; lineKey: string; field: KadField; value: Hundredths | null },
  channel: Channel,
): KadTable {
  const { period, serviceId, lineKey, field, value } = args;
  const service = requireService(ws, serviceId);
  const current = getLineValue(ws, period, serviceId, lineKey, field);
  const def = fieldDef(field);
  const lines = getLines(ws, period, serviceId);
  const line = lines.find((l) => l.key === lineKey);
  if (!current.exists || !line) throw new UserError('not_found', `${service.name} has no line "${lineKey}" in ${monthLabel(period)}.`);
  const where = `${service.name} · ${line.label} · ${def.header}`;
  if (!line.inUse) throw new UserError('invalid_input', `${where}: ${line.label} is not used by ${service.name} (greyed out), so it cannot hold figures.`);
  if (line.kind === 'care_contributions' && !CARE_CONTRIBUTION_FIELDS.includes(field)) {
    throw new UserError('invalid_input', `${where}: Care Contributions only have an Annual Budget and a Total spend/income.`);
  }
  const problem = validateKadValue(field, value);
  if (problem) throw new UserError('invalid_input', `${where}: ${formatValue(value, def.unit)} ${problem}. Nothing was saved.`, { field, lineKey });
  if (current.value !== value) {
    const label = `${service.name} ${line.label}, ${def.header}: ${formatValue(current.value, def.unit) || 'blank'} → ${formatValue(value, def.unit) || 'blank'} (${monthLabel(period)})`;
    ws.write({ channel, label, period, serviceId, undoable: true }, () => setLineValue(ws, period, serviceId, lineKey, field, value));
  }
  return kadTable(ws, period, serviceId);
}

const COLUMN_FIELDS = new Map(Object.entries(FIELD_COLUMNS).map(([field, column]) => [column, field as KadField]));

registerUndoApplier('kad_line', (ws, entityKey, column, value) => {
  const [period, serviceId, lineKey] = entityKey.split('|') as [string, string, string];
  const field = COLUMN_FIELDS.get(column);
  if (!field) throw new Error(`cannot undo kad_line column ${column}`);
  setLineValue(ws, period, serviceId, lineKey, field, value === null ? null : Number(value));
});
