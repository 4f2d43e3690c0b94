import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import type { ReturnInfo, ReturnsArea } from '../../shared/returns';
import { area as areaById, areas } from '../areas';
import type { Channel, Workspace } from '../store/workspace';
import { longDate, today } from './issue';
import { getReturn, listReturns, setDueDate, type ReturnRecord } from './records';

/**
 * Where each return stands: issued (out with its owner), overdue (out past its due date), returned
 * (back, with conflicts still to resolve), applied (taken back), superseded (replaced by a later one).
 */
export function statusOf(r: Pick<ReturnRecord, 'status' | 'due_date'>, on: string = today()): ReturnInfo['status'] {
  if (r.status === 'issued' && r.due_date < on) return 'overdue';
  return r.status;
}

export function returnInfos(ws: Workspace, period?: string, on: string = today()): ReturnInfo[] {
  return listReturns(ws, period).map((r) => ({
    id: r.id,
    area: r.area,
    areaName: areaById(r.area)?.shared.name ?? r.area,
    period: r.period,
    periodLabel: monthLabel(r.period),
    owner: r.owner,
    fileName: r.file_name,
    issuedAt: r.issued_at,
    issuedBy: r.issued_by,
    dueDate: r.due_date,
    status: statusOf(r, on),
    returnedAt: r.returned_at,
    appliedAt: r.applied_at,
    appliedBy: r.applied_by,
    rows: r.rows,
  }));
}

/** The areas that issue returns, with who would get one for the period and which rows have no owner. */
export function returnsAreas(ws: Workspace, period: string): ReturnsArea[] {
  return areas().flatMap((a) => {
    if (!a.returns) return [];
    const owners = [...new Set(a.returns.rows(ws, period).map((r) => r.owner))].sort();
    return [{ id: a.shared.id, name: a.shared.name, noun: a.returns.noun, owners, unowned: a.returns.unowned(ws, period) }];
  });
}

export function changeDueDate(ws: Workspace, id: string, dueDate: string, channel: Channel): ReturnInfo {
  const r = getReturn(ws, id);
  if (!r) throw new UserError('not_found', 'There is no such return.');
  if (r.due_date !== dueDate) {
    ws.write({ channel, label: `Return of ${r.owner} (${monthLabel(r.period)}) now due ${longDate(dueDate)}`, period: r.period, undoable: true }, () => setDueDate(ws, id, dueDate));
  }
  return returnInfos(ws, r.period).find((x) => x.id === id)!;
}

/** One line per return, as `outturn returns status` prints them. */
export function statusLine(r: ReturnInfo): string {
  const when = r.status === 'applied' ? `applied ${r.appliedAt?.slice(0, 10)} by ${r.appliedBy}` : r.status === 'returned' ? `returned ${r.returnedAt?.slice(0, 10)}, conflicts to resolve` : `due ${r.dueDate}`;
  return `${r.periodLabel} | ${r.areaName} | ${r.owner} | ${r.status} | issued ${r.issuedAt.slice(0, 10)} | ${when} | ${r.rows} row${r.rows === 1 ? '' : 's'}`;
}
