import crypto from 'node:crypto';
import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import type { Resolution, ReturnCell, ReturnPreview, ReturnsBatch } from '../../shared/returns';
import { area as areaById } from '../areas';
import { sha256File } from '../import/sha256';
import { backupWorkspace, type BackupInfo } from '../store/backup';
import type { Channel, Workspace } from '../store/workspace';
import { identityTextOf, longDate, returnsArea } from './issue';
import { getReturn, issuedRows, liveReturn, setStatus, type ReturnRecord } from './records';
import { verify, workspaceId } from './secret';
import type { ReturnChange, ReturnValue } from './spec';
import { readReturnWorkbook, shownValue } from './workbook';

/**
 * Taking returns back: each workbook is read and checked (signature, workspace, the return it claims
 * to be, its rows and values), then every cell its owner changed is compared with the value when the
 * return was issued and with what Outturn holds now. A cell Outturn changed since issue is a conflict
 * the officer resolves (keep mine, take theirs). Several returns apply together in one audited step,
 * on behalf of each return's owner, or not at all; the same return twice changes nothing the second time.
 */
export interface ReceivedFile {
  file: string;
  fileName: string;
}

interface Item {
  preview: ReturnPreview;
  record: ReturnRecord | null;
  /** Returned values of the cells the owner changed, by token. */
  returned: Map<string, ReturnChange>;
}

export interface Batch {
  id: string;
  items: Item[];
}

const same = (a: ReturnValue | undefined, b: ReturnValue | undefined) => (a ?? null) === (b ?? null);

function refused(file: ReceivedFile, sha256: string, reason: string, record: ReturnRecord | null = null): Item {
  return {
    preview: { fileName: file.fileName, sha256, returnId: record?.id ?? null, owner: record?.owner ?? null, areaName: record ? (areaById(record.area)?.shared.name ?? record.area) : null, periodLabel: record ? monthLabel(record.period) : null, state: 'refused', reason, cells: [] },
    record,
    returned: new Map(),
  };
}

async function readOne(ws: Workspace, file: ReceivedFile): Promise<Item> {
  const sha256 = await sha256File(file.file);
  const read = await readReturnWorkbook(
    file.file,
    (id) => areaById(id)?.returns?.columns ?? null,
    (returnId) => new Map(issuedRows(ws, returnId).map((r) => [r.rowKey, r.label])),
  );
  if (!read.ok) return refused(file, sha256, read.reason);
  const { identity } = read;
  if (identity.workspace !== workspaceId(ws)) return refused(file, sha256, 'was issued by another Outturn workspace, not this one');
  if (!verify(ws, identityTextOf(identity), read.signature)) return refused(file, sha256, "has been altered outside its owner's cells: its identity sheet does not match its signature. Issue a fresh return");
  const record = getReturn(ws, identity.returnId);
  if (!record) return refused(file, sha256, 'is not among the returns this workspace holds (was it restored from an older backup?)');
  const issued = issuedRows(ws, record.id);
  if (record.owner !== identity.owner || record.area !== identity.area || record.period !== identity.period || issued.length !== identity.rows.length || issued.some((r, i) => r.rowKey !== identity.rows[i]![0])) {
    return refused(file, sha256, "has been altered outside its owner's cells: it does not match the return as issued", record);
  }
  const later = liveReturn(ws, record.area, record.period, record.owner);
  if (record.status === 'superseded' || (later && later.id !== record.id)) {
    return refused(file, sha256, `was replaced by a later return${later ? ` issued to ${later.owner} on ${longDate(later.issued_at.slice(0, 10))}` : ''}: take that one back instead`, record);
  }
  const a = returnsArea(record.area);
  const columns = a.returns.columns.filter((c) => c.editable);
  const now = new Map(a.returns.rows(ws, record.period).map((r) => [r.key, r]));
  const problems: string[] = [];
  const cells: ReturnCell[] = [];
  const returned = new Map<string, ReturnChange>();
  for (const row of issued) {
    const current = now.get(row.rowKey);
    const back = read.values.get(row.rowKey) ?? {};
    for (const col of columns) {
      const value = back[col.key] ?? null;
      if (same(value, row.issued[col.key])) continue;
      if (!current) {
        problems.push(`${row.label} is no longer in ${a.shared.name}`);
        break;
      }
      const reason =
        col.unit !== 'text' && value !== null && col.range && ((value as number) < col.range.min * 100 || (value as number) > col.range.max * 100)
          ? `is outside ${col.range.min} to ${col.range.max}`
          : col.unit === 'text' && value !== null && (value as string).length > (col.maxLength ?? 4000)
            ? `is longer than ${col.maxLength ?? 4000} characters`
            : (a.returns.check?.(col.key, value, current) ?? null);
      if (reason) {
        problems.push(`${row.label} · ${col.header}: ${shownValue(col, value)} ${reason}`);
        continue;
      }
      const mine = current.values[col.key] ?? null;
      const token = `${row.rowKey}:${col.key}`;
      const kind: ReturnCell['kind'] = same(mine, value) ? 'already' : same(mine, row.issued[col.key]) ? 'change' : 'conflict';
      cells.push({ rowKey: row.rowKey, label: row.label, column: col.key, header: col.header, issued: shownValue(col, row.issued[col.key] ?? null), returned: shownValue(col, value), current: shownValue(col, mine), kind, token });
      returned.set(token, { rowKey: row.rowKey, column: col.key, value });
    }
  }
  if (problems.length) return refused(file, sha256, `cannot be taken back: ${problems.join('; ')}`, record);
  const nothing = record.status === 'applied' && record.returned_sha256 === sha256;
  return {
    preview: { fileName: file.fileName, sha256, returnId: record.id, owner: record.owner, areaName: a.shared.name, periodLabel: monthLabel(record.period), state: nothing ? 'nothing-to-do' : 'received', reason: nothing ? 'this very file was applied already' : null, cells: nothing ? [] : cells },
    record,
    returned,
  };
}

/** Reads and checks every file; nothing is written. */
export async function previewReturns(ws: Workspace, files: readonly ReceivedFile[]): Promise<Batch> {
  const items: Item[] = [];
  for (const f of files) {
    const item = await readOne(ws, f);
    const twice = item.record && items.some((i) => i.record?.id === item.record!.id);
    items.push(twice ? refused(f, item.preview.sha256, `is the same return as another file in this batch (${item.record!.owner})`, item.record) : item);
  }
  return { id: crypto.randomUUID(), items };
}

export function batchSummary(batch: Batch): ReturnsBatch {
  const live = batch.items.filter((i) => i.preview.state === 'received');
  return {
    batchId: batch.id,
    returns: batch.items.map((i) => i.preview),
    changes: live.reduce((n, i) => n + i.preview.cells.filter((c) => c.kind === 'change').length, 0),
    conflicts: live.reduce((n, i) => n + i.preview.cells.filter((c) => c.kind === 'conflict').length, 0),
    refused: batch.items.filter((i) => i.preview.state === 'refused').length,
  };
}

export type Resolutions = ReadonlyMap<string, Resolution>;

export interface ApplyReturnsResult {
  state: 'applied' | 'nothing-to-do' | 'returned';
  label: string;
  changedCells: number;
  backup: BackupInfo | null;
  /** Conflicts still to resolve (state returned): each token with what it is. */
  unresolved: ReturnCell[];
}

function refuseIfAny(batch: Batch): void {
  const bad = batch.items.filter((i) => i.preview.state === 'refused');
  if (bad.length) {
    throw new UserError('invalid_input', `${bad.map((i) => `${i.preview.fileName} ${i.preview.reason}`).join('. ')}. Nothing was taken back: remove ${bad.length === 1 ? 'that file' : 'those files'} (or ask for a fresh return) and try again.`);
  }
}

/**
 * Applies a previewed batch in one transaction (after a backup): every change and every conflict the
 * officer resolved "theirs", written on behalf of its return's owner. With conflicts left unresolved
 * nothing is applied; the returns are only recorded as returned (when `recordReturned`), so the status
 * view shows them waiting for the officer.
 */
export async function applyReturns(ws: Workspace, batch: Batch, resolutions: Resolutions, channel: Channel = 'return', opts: { recordReturned?: boolean } = {}): Promise<ApplyReturnsResult> {
  refuseIfAny(batch);
  const live = batch.items.filter((i) => i.preview.state === 'received');
  if (!live.length) return { state: 'nothing-to-do', label: 'Nothing to take back: every return in this batch is applied already.', changedCells: 0, backup: null, unresolved: [] };
  const unresolved = live.flatMap((i) => i.preview.cells.filter((c) => c.kind === 'conflict' && !resolutions.has(c.token)));
  const now = new Date().toISOString();
  const periods = [...new Set(live.map((i) => i.record!.period))];
  const owners = live.map((i) => i.record!.owner);
  if (unresolved.length) {
    const waiting = live.filter((i) => i.record!.status === 'issued' || i.record!.returned_sha256 !== i.preview.sha256);
    if (opts.recordReturned && waiting.length) {
      ws.write({ channel, label: `Returns received from ${waiting.map((i) => i.record!.owner).join(', ')}: ${unresolved.length} conflict${unresolved.length === 1 ? '' : 's'} to resolve`, period: periods.length === 1 ? periods[0]! : null }, () => {
        for (const i of waiting) {
          ws.actingFor(i.record!.owner, { name: i.preview.fileName, sha256: i.preview.sha256 });
          setStatus(ws, i.record!.id, 'returned', { returned_at: now, returned_sha256: i.preview.sha256 });
        }
        ws.actingFor(null);
      });
    }
    return { state: 'returned', label: `${unresolved.length} conflict${unresolved.length === 1 ? '' : 's'} to resolve before these returns can be applied: nothing was applied.`, changedCells: 0, backup: null, unresolved };
  }
  const changes = (i: Item) =>
    i.preview.cells.filter((c) => c.kind === 'change' || (c.kind === 'conflict' && resolutions.get(c.token) === 'theirs')).map((c) => i.returned.get(c.token)!);
  const changedCells = live.reduce((n, i) => n + changes(i).length, 0);
  const backup = changedCells ? await backupWorkspace(ws, `before taking back returns from ${owners.join(', ')}`) : null;
  const first = live[0]!.record!;
  const label = `Take back ${live.length} return${live.length === 1 ? '' : 's'} (${owners.join(', ')}): ${changedCells} changed cell${changedCells === 1 ? '' : 's'} (${periods.map(monthLabel).join(', ')})`;
  ws.write({ channel, label, period: periods.length === 1 ? periods[0]! : null, target: returnsArea(first.area).returns.target(first.period), undoable: true }, () => {
    for (const i of live) {
      const r = i.record!;
      // Fresh from the store: another batch may have applied this return since the preview.
      const again = getReturn(ws, r.id)!;
      if (again.status === 'applied' && again.returned_sha256 === i.preview.sha256) continue;
      ws.actingFor(r.owner, { name: i.preview.fileName, sha256: i.preview.sha256 });
      const list = changes(i);
      if (list.length) returnsArea(r.area).returns.apply(ws, r.period, list);
      setStatus(ws, r.id, 'applied', { returned_at: again.returned_at ?? now, returned_sha256: i.preview.sha256, applied_at: now, applied_by: ws.identity.osUser });
    }
    ws.actingFor(null);
  });
  return { state: 'applied', label, changedCells, backup, unresolved: [] };
}
