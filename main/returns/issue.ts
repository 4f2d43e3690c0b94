import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import { area as areaById, areas } from '../areas';
import type { MainArea } from '../areas/types';
import type { Channel, Workspace } from '../store/workspace';
import { getReturn, insertReturn, issuedRows, liveReturn, setStatus, type IssuedRow, type ReturnRecord } from './records';
import { sign, workspaceId } from './secret';
import type { ReturnsSpec } from './spec';
import { buildReturnWorkbook, FIRST_ROW, type ReturnIdentity } from './workbook';
import { requirePeriod } from '../store/periods';

/** Issuing returns: one workbook per owner of the area's rows for a period, each recorded with its rows' values. */
export function returnsArea(id: string): MainArea & { returns: ReturnsSpec } {
  const a = areaById(id);
  const issuing = areas().filter((x) => x.returns).map((x) => `${x.shared.id} (${x.shared.name})`);
  if (!a) throw new UserError('not_found', `There is no area called "${id}". Areas that issue returns: ${issuing.join(', ')}.`);
  if (!a.returns) throw new UserError('invalid_input', `${a.shared.name} does not issue returns.`);
  return a as MainArea & { returns: ReturnsSpec };
}

const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const longDate = (iso: string) => LONG.format(new Date(`${iso}T00:00:00Z`));

/** Today, as the officer's computer says it, YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Two weeks, unless the officer gives a due date. */
export const DEFAULT_DUE_DAYS = 14;

/** "<Area name> return 2023-11 Jane Smith.xlsx": safe on every file system. */
export function returnFileName(areaName: string, period: string, owner: string): string {
  const named = `${areaName} return ${period} ${owner}`;
  const safe = [...named].map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '-' : ch)).join('').replace(/-+/g, '-').replace(/\s+/g, ' ').trim();
  return `${safe.slice(0, 150)}.xlsx`;
}

/** The workbook of an issued return, built again from its record: the same identity and signature. */
export async function returnWorkbook(ws: Workspace, record: ReturnRecord): Promise<Buffer> {
  const a = returnsArea(record.area);
  const rows = issuedRows(ws, record.id);
  const identity: ReturnIdentity = {
    version: 1,
    workspace: workspaceId(ws),
    area: record.area,
    period: record.period,
    returnId: record.id,
    owner: record.owner,
    dueDate: record.due_date,
    rows: rows.map((r, i) => [r.rowKey, FIRST_ROW + i]),
  };
  return buildReturnWorkbook({
    identity,
    signature: sign(ws, identityTextOf(identity)),
    title: a.returns.title(ws, record.period),
    subtitle: `For ${record.owner}. Please send it back by ${longDate(record.due_date)}.`,
    instructions: a.returns.instructions,
    columns: a.returns.columns,
    rows,
  });
}

/** What the signature covers (kept in one place for signing and checking). */
export function identityTextOf(identity: ReturnIdentity): string {
  return JSON.stringify([identity.version, identity.workspace, identity.area, identity.period, identity.returnId, identity.owner, identity.dueDate, identity.rows]);
}

export interface IssueOptions {
  area: string;
  period: string;
  /** YYYY-MM-DD; two weeks from today when not given. */
  dueDate?: string;
  /** Only these owners (all of them when not given). */
  owners?: readonly string[];
}

export interface IssueResult {
  returns: ReturnRecord[];
  /** Rows no return carries because they have no owner, by label. */
  unowned: string[];
  label: string;
}

/**
 * Records a return for each owner (an earlier return of theirs for the same area and period that is not
 * applied is superseded: its workbook will be refused), in one audited step. The workbooks are built
 * from the records afterwards (returnWorkbook), so they can be downloaded again at any time.
 */
export function issueReturns(ws: Workspace, opts: IssueOptions, channel: Channel): IssueResult {
  const a = returnsArea(opts.area);
  requirePeriod(ws, opts.period);
  const due = opts.dueDate ?? addDays(today(), DEFAULT_DUE_DAYS);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(`${due}T00:00:00Z`))) throw new UserError('invalid_input', `"${due}" is not a date: write it YYYY-MM-DD, for example 2023-11-14.`);
  const rows = a.returns.rows(ws, opts.period);
  const byOwner = new Map<string, IssuedRow[]>();
  for (const r of rows) {
    if (opts.owners && !opts.owners.includes(r.owner)) continue;
    const list = byOwner.get(r.owner) ?? [];
    list.push({ rowKey: r.key, seq: list.length + 1, label: r.label, issued: { ...r.values } });
    byOwner.set(r.owner, list);
  }
  const unowned = a.returns.unowned(ws, opts.period);
  const unknown = (opts.owners ?? []).filter((o) => !byOwner.has(o));
  if (unknown.length) throw new UserError('not_found', `No ${a.shared.name} rows of ${monthLabel(opts.period)} belong to ${unknown.join(', ')}.`);
  if (!byOwner.size) {
    throw new UserError('invalid_input', `No ${a.shared.name} rows of ${monthLabel(opts.period)} have an owner, so there is no one to send a ${a.returns.noun} to.${unowned.length ? ` Give these an owner first: ${unowned.join('; ')}.` : ''}`);
  }
  const now = new Date().toISOString();
  const made: ReturnRecord[] = [];
  const label = `Issue ${byOwner.size} ${a.returns.noun}${byOwner.size === 1 ? '' : 's'} for ${monthLabel(opts.period)}, due ${longDate(due)}`;
  ws.write({ channel, label, period: opts.period, target: a.returns.target(opts.period), undoable: true }, () => {
    for (const [owner, list] of byOwner) {
      const earlier = liveReturn(ws, opts.area, opts.period, owner);
      if (earlier && earlier.status !== 'applied') setStatus(ws, earlier.id, 'superseded');
      const id = crypto.randomUUID();
      insertReturn(ws, { id, area: opts.area, period: opts.period, owner, file_name: returnFileName(a.shared.name, opts.period, owner), issued_at: now, issued_by: ws.identity.osUser, due_date: due }, list);
      made.push(getReturn(ws, id)!);
    }
  });
  return { returns: made, unowned, label };
}

/** Writes each return's workbook into a folder; returns the files written. */
export async function writeReturnFiles(ws: Workspace, records: readonly ReturnRecord[], dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const r of records) {
    const file = path.join(dir, r.file_name);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, await returnWorkbook(ws, r));
    fs.renameSync(tmp, file);
    files.push(file);
  }
  return files;
}
