import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldDef, type KadField } from '../../shared/areas/kad/model';
import { formatValue } from '../../shared/units';
import type { AppSession } from '../../main/app/session';
import { FIELD_COLUMNS } from '../../main/areas/kad/repository';
import type { PreviewLine } from '../../main/import/spec';
import { AUDIT_CELLS, GROUP_FIELD } from '../../main/store/audit-cells';
import { redo, undo } from '../../main/store/history';
import { userTables } from '../../main/store/schema';
import { Workspace } from '../../main/store/workspace';
import { rollForwardInto } from '../../main/core/months';
import { cellHistory, periodAudit } from '../../main/core/audit';
import { buildCommitteeWorkbook } from '../import-fixtures/committee';
import { publishedTables, type PublishedRow } from '../import-fixtures/published';
import { scratch } from '../import-fixtures/sink';
import { tempDemo } from '../helpers/workspace';

/**
 * An import writes its audit rows set-based, in its one transaction, while the row triggers stand
 * aside. Here every audit row of one import is matched, cell by cell, against (a) the changes the
 * import's preview staged and (b) what changed in every user table, before and after (the import's
 * first step, the roll forward of a new month, and then the rest): every changed cell exactly once,
 * with its old and new value, and nothing else. Undo then puts back exactly the
 * state before the import, and redo the state after it.
 */
type Audit = { entity: string; entity_key: string; field: string | null; old_value: string | null; new_value: string | null; action: string; period: string | null };

/** Every registered table, every row, keyed as the audit keys it. */
function snapshot(ws: Workspace): Map<string, Map<string, Record<string, unknown>>> {
  const out = new Map<string, Map<string, Record<string, unknown>>>();
  for (const t of userTables()) {
    const rows = ws.db.prepare(`SELECT * FROM ${t.name}`).all() as Record<string, unknown>[];
    out.set(t.entity, new Map(rows.map((r) => [t.key.map((k) => String(r[k])).join('|'), r])));
  }
  return out;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** What the row triggers would have audited for the difference between two snapshots. */
function auditOfDiff(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): Audit[] {
  const out: Audit[] = [];
  for (const t of userTables()) {
    const periodOf = (r: Record<string, unknown>) => text(r[t.auditPeriod ?? t.period ?? ''] ?? null);
    const was = before.get(t.entity)!;
    const now = after.get(t.entity)!;
    for (const [key, r] of now) {
      const old = was.get(key);
      if (!old) {
        const set = t.columns.filter((c) => r[c.name] !== null);
        for (const c of set) out.push({ entity: t.entity, entity_key: key, field: c.name, old_value: null, new_value: text(r[c.name]), action: 'insert', period: periodOf(r) });
        if (!set.length) out.push({ entity: t.entity, entity_key: key, field: null, old_value: null, new_value: null, action: 'insert', period: periodOf(r) });
      } else {
        for (const c of t.columns) {
          if (old[c.name] !== r[c.name]) out.push({ entity: t.entity, entity_key: key, field: c.name, old_value: text(old[c.name]), new_value: text(r[c.name]), action: 'update', period: periodOf(r) });
        }
      }
    }
    for (const [key, r] of was) {
      if (now.has(key)) continue;
      const set = t.columns.filter((c) => r[c.name] !== null);
      for (const c of set) out.push({ entity: t.entity, entity_key: key, field: c.name, old_value: text(r[c.name]), new_value: null, action: 'delete', period: periodOf(r) });
      if (!set.length) out.push({ entity: t.entity, entity_key: key, field: null, old_value: null, new_value: null, action: 'delete', period: periodOf(r) });
    }
  }
  return out;
}

/** Every expected record found exactly once among the actual ones and nothing else: the differences, in words. */
function unmatched(expected: readonly Audit[], actual: readonly Audit[]): string[] {
  const count = new Map<string, number>();
  for (const a of actual) count.set(JSON.stringify(a), (count.get(JSON.stringify(a)) ?? 0) + 1);
  const problems: string[] = [];
  for (const e of expected) {
    const k = JSON.stringify(e);
    const n = count.get(k) ?? 0;
    if (n === 0) problems.push(`missing: ${k}`);
    else if (n > 1) problems.push(`${n} times: ${k}`);
    count.delete(k);
  }
  for (const [k, n] of count) problems.push(`not expected (${n}): ${k}`);
  return problems;
}

/** An operation's audit as cells: a row's insert or delete is stored as one record, expanded here. */
function auditOf(ws: Workspace, opId: number): Audit[] {
  return ws.db.prepare(`SELECT entity, entity_key, field, old_value, new_value, action, period FROM ${AUDIT_CELLS} a WHERE op_id = ? ORDER BY id, cell`).all(opId) as Audit[];
}

// The file: August with changed figures and a changed arrow, September (a new month, rolled forward
// from August) with changed figures, and a September table for a service the workspace does not hold.
const LDP = 'learning-disability-partnership';
const august = () => publishedTables();
const september = () => JSON.parse(JSON.stringify(publishedTables()).replace(/August 2023/g, 'September 2023')) as ReturnType<typeof publishedTables>;
function fileTables() {
  const sept = september();
  const autism = sept.findIndex((t) => t.table_id === 'kad-autism');
  sept[autism] = JSON.parse(JSON.stringify(sept[autism]).replace(/Autism/g, 'Sensory Services')) as (typeof sept)[number];
  return [...august(), ...sept];
}
const label = (row: PublishedRow | 'header') => (row === 'header' ? '' : row.label);
function edit(table: number, row: PublishedRow | 'header', col: number, raw: string): string {
  if (table === 0 && label(row) === '~Residential' && col === 4) return '240';
  if (table === 0 && label(row) === '~Residential' && col === 5) return raw === '↑' ? '↓' : '↑';
  if (table === 1 && label(row) === '~Nursing' && col === 2) return '£999';
  if (table === 6 && label(row) === '~Residential' && col === 4) return '250';
  if (table === 6 && label(row) === '~Homecare' && col === 8) return '£1,234k';
  return raw;
}

let env: ReturnType<typeof tempDemo>;
let files: ReturnType<typeof scratch>;
let session: AppSession;
let before: ReturnType<typeof snapshot>;
let after: ReturnType<typeof snapshot>;
let rolled: ReturnType<typeof snapshot>;
let opId: number;
let staged: { table: { subjectId: string; period: string }; line: PreviewLine }[];
let sha: string;

beforeAll(async () => {
  env = tempDemo();
  files = scratch();
  session = env.open();
  const file = files.file('audit.xlsx', await buildCommitteeWorkbook(fileTables(), { asText: true, repeatHeaders: true, stacked: true, edit }));
  const jobId = await session.imports.start(file);
  const status = await session.imports.settled(jobId);
  expect(status.state, status.problems.join('\n')).toBe('ready');
  sha = status.sha256;
  staged = [];
  for (const t of status.tables) {
    for (let offset = 0; ; offset += 200) {
      const page = session.imports.lines(jobId, t.tableId, 'all', offset, 200);
      staged.push(...page.map((line) => ({ table: t, line })));
      if (page.length < 200) break;
    }
  }
  before = snapshot(session.ws);
  const applied = await session.imports.apply(jobId);
  expect(applied.state).toBe('applied');
  after = snapshot(session.ws);
  // The import's first step is the roll forward of September from August: the same step on a copy of
  // the backup taken just before the import gives the state in between.
  const copy = path.join(env.dir, 'rolled.db');
  fs.copyFileSync(applied.backup!.file, copy);
  const ws = Workspace.open(copy);
  try {
    ws.write({ channel: 'import', label: 'roll forward' }, () => rollForwardInto(ws, '2023-09'));
    rolled = snapshot(ws);
  } finally {
    ws.close();
  }
  opId = session.ws.db.prepare(`SELECT MAX(id) FROM operations WHERE channel = 'import'`).pluck().get() as number;
});
afterAll(() => {
  env?.done();
  files?.remove();
});

describe('an import audits itself, set-based', () => {
  it('changes figures in a held month, a new month and a new service', () => {
    const ldpAug = after.get('kad_line')!.get(`2023-08|${LDP}|residential`)!;
    expect(ldpAug.current_packages).toBe(24000);
    expect(after.get('kad_line')!.get(`2023-09|${LDP}|residential`)!.current_packages).toBe(25000);
    expect(after.get('kad_service')!.has('sensory-services')).toBe(true);
    expect(before.get('period')!.size).toBeGreaterThan(0);
  });

  it('writes one audit row per changed cell of every user table, with its old and new value, and nothing else', () => {
    const actual = auditOf(session.ws, opId);
    const expected = [...auditOfDiff(before, rolled), ...auditOfDiff(rolled, after)];
    expect(expected.length).toBeGreaterThan(500);
    expect(unmatched(expected, actual)).toEqual([]);
    // Each row carries the write context the triggers copy: the operation, its time, who, where, how and which file.
    const op = session.ws.db.prepare('SELECT at, os_user, machine, channel FROM operations WHERE id = ?').get(opId) as Record<string, string>;
    const context = session.ws.db.prepare('SELECT DISTINCT at, os_user, machine, channel, file_name, file_sha256 FROM audit_log WHERE op_id = ?').all(opId);
    expect(context).toEqual([{ ...op, file_name: 'audit.xlsx', file_sha256: sha }]);
  });

  it('stores each inserted or deleted row in one record (inserted rows of a grouping table in their group\'s) and each changed cell of an updated row in one', () => {
    const expected = [...auditOfDiff(before, rolled), ...auditOfDiff(rolled, after)];
    const rowsOf = (action: string) => [...new Set(expected.filter((e) => e.action === action).map((e) => `${e.entity}|${e.entity_key}`))].sort();
    const stored = session.ws.db.prepare('SELECT entity, entity_key, field, old_value, new_value, action FROM audit_log WHERE op_id = ?').all(opId) as Audit[];
    const of = (action: string) => stored.filter((r) => r.action === action);
    // An update: a record per changed cell, naming it.
    expect(of('update').length).toBe(expected.filter((e) => e.action === 'update').length);
    expect(of('update').every((r) => r.field !== null && r.field !== GROUP_FIELD)).toBe(true);
    // An insert or delete: each row in exactly one record, its own (field NULL) or its group's (field '*', a member named by the rest of its key).
    const rowsIn = (r: Audit) => (r.field === GROUP_FIELD ? Object.keys(JSON.parse(r.new_value!) as object).map((m) => `${r.entity}|${r.entity_key}|${m}`) : r.field === null ? [`${r.entity}|${r.entity_key}`] : [`not a row record: ${r.field}`]);
    for (const action of ['insert', 'delete']) expect(of(action).flatMap(rowsIn).sort()).toEqual(rowsOf(action));
    expect(rowsOf('insert').length).toBeGreaterThan(100);
    const grouped = of('insert').filter((r) => r.field === GROUP_FIELD);
    expect(new Set(grouped.map((r) => r.entity))).toEqual(new Set(['kad_line', 'reported_value']));
    expect(grouped.length).toBeLessThan(of('insert').length);
  });

  it("lists a grouped insert cell by cell in the month's audit report and in the cell's history", () => {
    const expected = [...auditOfDiff(before, rolled), ...auditOfDiff(rolled, after)];
    const months = [...new Set(expected.map((e) => e.period).filter((p): p is string => p !== null))];
    expect(months.length).toBeGreaterThan(0);
    for (const month of months) {
      const report = periodAudit(session.ws, month).filter((r) => r.operation === opId);
      expect(report.length, month).toBe(expected.filter((e) => e.period === month).length);
    }
    // A reported figure the import added, found inside its table's group record.
    const group = session.ws.db.prepare(`SELECT entity_key, new_value FROM audit_log WHERE op_id = ? AND entity = 'reported_value' AND field = ? LIMIT 1`).get(opId, GROUP_FIELD) as { entity_key: string; new_value: string };
    const [member, figure] = Object.entries(JSON.parse(group.new_value) as Record<string, { value_num: number | null; value_text: string | null }>)[0]!;
    const [period, area, tableId] = group.entity_key.split('|');
    const [rowKey, columnKey] = member.split('|');
    const field = figure.value_num === null ? 'value_text' : 'value_num';
    const history = cellHistory(session.ws, { table: 'reported_values', key: { period: period!, area: area!, table_id: tableId!, row_key: rowKey!, column_key: columnKey! }, field });
    expect(history.changes.map((c) => [c.action, c.from, c.fileName])).toEqual([['Added', 'blank', 'audit.xlsx']]);
  });

  it('matches the staged changes cell by cell: each changed cell of the preview audited once, old → new', () => {
    const actual = auditOf(session.ws, opId).filter((a) => a.entity === 'kad_line');
    const fieldOf = new Map(Object.entries(FIELD_COLUMNS).map(([f, c]) => [c, f as KadField]));
    const shown = (a: Audit, v: string | null) => formatValue(v === null ? null : Number(v), fieldDef(fieldOf.get(a.field!)!).unit);
    const fromPreview: string[] = [];
    for (const { table, line } of staged) {
      if (line.status === 'unchanged') continue;
      for (const c of line.cells) {
        fromPreview.push(JSON.stringify([line.status === 'new' ? 'insert' : 'update', `${table.period}|${table.subjectId}|${line.lineKey}`, FIELD_COLUMNS[c.field as KadField], c.old, c.new]));
      }
    }
    // The audit rows of the staged figures: updates of a figure, and the figures of lines inserted new
    // (the roll forward's copies of August, which the preview compares with, are not staged changes).
    const rolled = new Set(actual.filter((a) => a.action === 'insert' && a.period === '2023-09' && !a.entity_key.includes('sensory-services')).map((a) => a.entity_key));
    const figures = actual.filter((a) => fieldOf.has(a.field ?? '') && !(a.action === 'insert' && rolled.has(a.entity_key)));
    const fromAudit = figures.map((a) => JSON.stringify([a.action, a.entity_key, a.field, a.action === 'insert' ? null : shown(a, a.old_value), shown(a, a.new_value)]));
    expect(fromPreview.length).toBeGreaterThan(10);
    expect(fromAudit.sort()).toEqual(fromPreview.sort());
  });

  it('would notice a cell audited twice or not at all', () => {
    const actual = auditOf(session.ws, opId);
    const expected = [...auditOfDiff(before, rolled), ...auditOfDiff(rolled, after)];
    const update = actual.findIndex((a) => a.action === 'update');
    expect(unmatched(expected, [...actual, actual[update]!])).toEqual([`2 times: ${JSON.stringify(actual[update])}`]);
    expect(unmatched(expected, actual.filter((_, i) => i !== update))).toEqual([`missing: ${JSON.stringify(actual[update])}`]);
  });

  it('undoes to exactly the state before the import, and redoes to exactly the state after it', () => {
    expect(undo(session.ws).label).toMatch(/^Import audit\.xlsx: /);
    expect(snapshot(session.ws)).toEqual(before);
    redo(session.ws);
    expect(snapshot(session.ws)).toEqual(after);
  });
});
