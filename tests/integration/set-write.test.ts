import { afterEach, describe, expect, it } from 'vitest';
import { registerArea } from '../../main/areas';
import { redo, undo } from '../../main/store/history';
import { AUDIT_CELLS, GROUP_FIELD } from '../../main/store/audit-cells';
import { cellHistory } from '../../main/core/audit';
import { deleteRows, insertRows, updateRows } from '../../main/store/set-write';
import { userTables } from '../../main/store/schema';
import type { Workspace } from '../../main/store/workspace';
import { toyArea } from '../fixtures/toy-area/main';
import { tempDemo } from '../helpers/workspace';

/**
 * The set-based writes audit themselves: the same change made row by row (the generated triggers audit
 * it) and set-based (one statement, its audit rows written with one INSERT … SELECT) leaves the same
 * tables and the same audit rows — write context, period, entity, key, field, old and new value, action —
 * each row's records together, so undo and redo work on it.
 */
const envs: ReturnType<typeof tempDemo>[] = [];
afterEach(() => {
  for (const e of envs.splice(0)) e.done();
});

function twoDemos(): [Workspace, Workspace] {
  const a = tempDemo();
  const b = tempDemo();
  envs.push(a, b);
  return [a.open().ws, b.open().ws];
}

const CTX = { channel: 'import' as const, label: 'set-based', fileName: 'f.xlsx', fileSha256: 'ab'.repeat(32), undoable: true };

/** The audit records of the latest operation, as stored or as cells (id, op and time aside). */
function lastOpAudit(ws: Workspace, as: 'records' | 'cells' = 'records') {
  const op = ws.db.prepare('SELECT MAX(id) FROM operations').pluck().get() as number;
  return ws.db
    .prepare(
      `SELECT os_user, machine, channel, period, entity, entity_key, field, old_value, new_value, file_name, file_sha256, action,
              at = (SELECT at FROM operations WHERE id = a.op_id) AS same_time
       FROM ${as === 'records' ? 'audit_log' : AUDIT_CELLS} a WHERE op_id = ? ORDER BY id${as === 'records' ? '' : ', cell'}`,
    )
    .all(op) as Record<string, unknown>[];
}

const tables = (ws: Workspace) => ({
  lines: ws.db.prepare('SELECT * FROM kad_lines ORDER BY period, service_id, line_key').all(),
  reported: ws.db.prepare('SELECT * FROM reported_values ORDER BY period, area, table_id, row_key, column_key').all(),
  settings: ws.db.prepare('SELECT * FROM settings ORDER BY key').all(),
});

/** Each key's records of one action form one run, as undo groups them. */
function runsAreWhole(rows: Record<string, unknown>[]): boolean {
  const seen = new Set<string>();
  let last = '';
  for (const r of rows) {
    const key = `${String(r.entity)}|${String(r.entity_key)}|${String(r.action)}`;
    if (key !== last && seen.has(key)) return false;
    seen.add(key);
    last = key;
  }
  return true;
}

const sorted = (rows: Record<string, unknown>[]) => [...rows].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));

describe('set-based writes that audit themselves', () => {
  it('insert rows exactly as the insert trigger audits them, defaults and a wholly blank row included', () => {
    const [byRow, bySet] = twoDemos();
    const rows = [
      ['2023-09', 'autism', 'residential', 1, 12300, null],
      ['2023-09', 'autism', 'nursing', 0, null, null],
      ['2023-09', 'autism', 'respite', 1, null, 4500],
    ] as const;
    byRow.write(CTX, () => {
      byRow.db.prepare(`INSERT INTO periods (id) VALUES ('2023-09') ON CONFLICT DO NOTHING`).run();
      const ins = byRow.db.prepare('INSERT INTO kad_lines (period, service_id, line_key, in_use, current_packages, total_spend_k) VALUES (?, ?, ?, ?, ?, ?)');
      for (const r of rows) ins.run(...r);
      byRow.db.prepare(`INSERT INTO reported_values (period, area, table_id, row_key, column_key, source) VALUES ('2023-08', 'kad', 'autism', 'x', 'y', 'z')`).run();
    });
    bySet.write(CTX, () => {
      bySet.db.prepare(`INSERT INTO periods (id) VALUES ('2023-09') ON CONFLICT DO NOTHING`).run();
      const values = rows.map((r) => `(${r.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : v)).join(', ')})`).join(', ');
      const n = insertRows(bySet, 'kad_lines', ['in_use', 'current_packages', 'total_spend_k'], {
        sql: `SELECT column1 AS period, column2 AS service_id, column3 AS line_key, column4 AS in_use, column5 AS current_packages, column6 AS total_spend_k FROM (VALUES ${values})`,
      });
      expect(n).toBe(3);
      insertRows(bySet, 'reported_values', ['source'], { sql: `SELECT '2023-08' AS period, 'kad' AS area, 'autism' AS table_id, 'x' AS row_key, 'y' AS column_key, 'z' AS source` });
    });
    expect(tables(bySet)).toEqual(tables(byRow));
    const audit = lastOpAudit(bySet);
    expect(audit.every((r) => r.same_time === 1)).toBe(true);
    // Both tables group their inserts: one record per KAD table (service and month) and per table of reported figures,
    // each row's columns as JSON under the rest of its key, in key order (the source gave residential first)…
    expect(audit.map((r) => [r.entity, r.entity_key, r.field, r.action])).toEqual([
      ['kad_line', '2023-09|autism', GROUP_FIELD, 'insert'],
      ['reported_value', '2023-08|kad|autism', GROUP_FIELD, 'insert'],
    ]);
    expect(Object.keys(JSON.parse(String(audit[0]!.new_value)) as object)).toEqual(['nursing', 'residential', 'respite']);
    expect(audit[1]!.new_value).toBe('{"x|y":{"value_num":null,"value_text":null,"source":"z"}}');
    // …read back as one record per non-blank cell, as the triggers wrote them before.
    const cells = lastOpAudit(bySet, 'cells');
    expect(sorted(cells)).toEqual(sorted(lastOpAudit(byRow, 'cells')));
    expect(cells.filter((r) => r.entity === 'kad_line' && r.entity_key === '2023-09|autism|nursing')).toEqual([
      expect.objectContaining({ field: 'in_use', old_value: null, new_value: '0', action: 'insert', period: '2023-09', channel: 'import', file_name: 'f.xlsx' }),
      // the c/f marks took their default (0): audited as stored
      expect.objectContaining({ field: 'current_packages_cf', new_value: '0' }),
      expect.objectContaining({ field: 'current_unit_cost_cf', new_value: '0' }),
      expect.objectContaining({ field: 'total_spend_k_cf', new_value: '0' }),
    ]);
    expect(runsAreWhole(cells)).toBe(true);
  });

  it("insert in the source's order when told its rows already come grouped by key, audited the same", () => {
    const unregister = registerArea(toyArea);
    try {
      const [byKey, bySource] = twoDemos();
      // Gamma, then beta, then alpha: the reverse of the key's order.
      const source = { sql: `SELECT '2023-08' AS period, column1 AS item, column2 AS amount FROM (VALUES ('gamma', 3), ('beta', 1), ('alpha', 2))` };
      const insert = (ws: Workspace, order?: 'source') => ws.write(CTX, () => expect(insertRows(ws, 'toy_figures', ['amount'], source, order)).toBe(3));
      insert(byKey);
      insert(bySource, 'source');
      const figures = (ws: Workspace) => ws.db.prepare('SELECT * FROM toy_figures ORDER BY period, item').all();
      expect(figures(bySource)).toEqual(figures(byKey));
      expect(sorted(lastOpAudit(bySource))).toEqual(sorted(lastOpAudit(byKey)));
      const keys = (ws: Workspace) => lastOpAudit(ws).map((r) => r.entity_key);
      expect(keys(byKey)).toEqual(['2023-08|alpha', '2023-08|beta', '2023-08|gamma']);
      expect(keys(bySource)).toEqual(['2023-08|gamma', '2023-08|beta', '2023-08|alpha']);
    } finally {
      unregister();
    }
  });

  it('record a row whose every column is blank as the row itself', () => {
    const unregister = registerArea(toyArea);
    try {
      const [byRow, bySet] = twoDemos();
      byRow.write(CTX, () => void byRow.db.prepare(`INSERT INTO toy_figures (period, item, amount, quantity) VALUES ('2023-08', 'empty', NULL, NULL), ('2023-08', 'half', 5, NULL)`).run());
      bySet.write(CTX, () => void insertRows(bySet, 'toy_figures', ['amount'], { sql: `SELECT '2023-08' AS period, 'empty' AS item, NULL AS amount UNION ALL SELECT '2023-08', 'half', 5` }));
      expect(lastOpAudit(bySet)).toEqual(lastOpAudit(byRow));
      expect(lastOpAudit(bySet).map((r) => [r.entity_key, r.field, r.new_value])).toEqual([
        ['2023-08|empty', null, null],
        ['2023-08|half', null, '{"amount":5,"quantity":null,"holder":null,"note":null}'],
      ]);
      const audit = lastOpAudit(bySet, 'cells');
      expect(audit).toEqual(lastOpAudit(byRow, 'cells'));
      expect(audit.map((r) => [r.entity_key, r.field, r.new_value])).toEqual([
        ['2023-08|empty', null, null],
        ['2023-08|half', 'amount', '5'],
      ]);
      const after = bySet.db.prepare('SELECT * FROM toy_figures ORDER BY item').all();
      undo(bySet);
      expect(bySet.db.prepare('SELECT COUNT(*) FROM toy_figures').pluck().get()).toBe(0);
      redo(bySet);
      expect(bySet.db.prepare('SELECT * FROM toy_figures ORDER BY item').all()).toEqual(after);
    } finally {
      unregister();
    }
  });

  it('record a row whose every column is blank as the row itself inside a group record too', () => {
    const unregister = registerArea({ ...toyArea, tables: toyArea.tables.map((t) => ({ ...t, auditGroupKey: 1 })) });
    try {
      const [byRow, bySet] = twoDemos();
      byRow.write(CTX, () => void byRow.db.prepare(`INSERT INTO toy_figures (period, item, amount, quantity) VALUES ('2023-08', 'empty', NULL, NULL), ('2023-08', 'half', 5, NULL)`).run());
      bySet.write(CTX, () => void insertRows(bySet, 'toy_figures', ['amount'], { sql: `SELECT '2023-08' AS period, 'empty' AS item, NULL AS amount UNION ALL SELECT '2023-08', 'half', 5` }));
      expect(lastOpAudit(bySet).map((r) => [r.entity_key, r.field, r.new_value])).toEqual([
        ['2023-08', GROUP_FIELD, '{"empty":null,"half":{"amount":5,"quantity":null,"holder":null,"note":null}}'],
      ]);
      const audit = lastOpAudit(bySet, 'cells');
      expect(audit).toEqual(lastOpAudit(byRow, 'cells'));
      expect(audit.map((r) => [r.entity_key, r.field, r.new_value])).toEqual([
        ['2023-08|empty', null, null],
        ['2023-08|half', 'amount', '5'],
      ]);
      undo(bySet);
      expect(bySet.db.prepare('SELECT COUNT(*) FROM toy_figures').pluck().get()).toBe(0);
    } finally {
      unregister();
    }
  });

  it('insert the rows of a grouping table as one record per group, read back, undone and redone as the triggers audit them row by row', () => {
    const [byRow, bySet] = twoDemos();
    // Two tables' figures of September, in the source's order.
    const figures = [
      ['autism', 'residential', 'packages', 12, null, 'f.xlsx'],
      ['autism', 'residential', 'dot', null, 'up', 'f.xlsx'],
      ['older-people', 'nursing', 'packages', 40, null, 'f.xlsx'],
    ] as const;
    const sql = (v: unknown) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));
    byRow.write(CTX, () => {
      byRow.db.prepare(`INSERT INTO periods (id) VALUES ('2023-09') ON CONFLICT DO NOTHING`).run();
      const ins = byRow.db.prepare(`INSERT INTO reported_values (period, area, table_id, row_key, column_key, value_num, value_text, source) VALUES ('2023-09', 'kad', ?, ?, ?, ?, ?, ?)`);
      for (const f of figures) ins.run(...f);
    });
    const before = tables(bySet);
    bySet.write(CTX, () => {
      bySet.db.prepare(`INSERT INTO periods (id) VALUES ('2023-09') ON CONFLICT DO NOTHING`).run();
      const values = figures.map((f) => `(${f.map(sql).join(', ')})`).join(', ');
      const source = `SELECT '2023-09' AS period, 'kad' AS area, column1 AS table_id, column2 AS row_key, column3 AS column_key, column4 AS value_num, column5 AS value_text, column6 AS source FROM (VALUES ${values})`;
      expect(insertRows(bySet, 'reported_values', ['value_num', 'value_text', 'source'], { sql: source }, 'source')).toBe(3);
    });
    expect(tables(bySet)).toEqual(tables(byRow));
    const audit = lastOpAudit(bySet);
    expect(audit.map((r) => [r.period, r.entity_key, r.field, r.action])).toEqual([
      ['2023-09', '2023-09|kad|autism', GROUP_FIELD, 'insert'],
      ['2023-09', '2023-09|kad|older-people', GROUP_FIELD, 'insert'],
    ]);
    // Read back as cells: exactly the trigger's records of each row.
    const cells = lastOpAudit(bySet, 'cells');
    expect(sorted(cells)).toEqual(sorted(lastOpAudit(byRow, 'cells')));
    // Members in key order within a record, each member's cells together.
    expect(cells.map((r) => [r.entity_key, r.field, r.new_value])).toEqual([
      ['2023-09|kad|autism|residential|dot', 'value_text', 'up'],
      ['2023-09|kad|autism|residential|dot', 'source', 'f.xlsx'],
      ['2023-09|kad|autism|residential|packages', 'value_num', '12'],
      ['2023-09|kad|autism|residential|packages', 'source', 'f.xlsx'],
      ['2023-09|kad|older-people|nursing|packages', 'value_num', '40'],
      ['2023-09|kad|older-people|nursing|packages', 'source', 'f.xlsx'],
    ]);
    expect(runsAreWhole(cells)).toBe(true);
    // A cell's history finds its insert inside the group record.
    const history = cellHistory(bySet, { table: 'reported_values', key: { period: '2023-09', area: 'kad', table_id: 'autism', row_key: 'residential', column_key: 'packages' }, field: 'value_num' });
    expect(history.changes.map((c) => [c.action, c.from, c.to, c.fileName])).toEqual([['Added', 'blank', '12', 'f.xlsx']]);
    const after = tables(bySet);
    undo(bySet);
    expect(tables(bySet).reported).toEqual(before.reported);
    redo(bySet);
    expect(tables(bySet)).toEqual(after);
  });

  it('refuse a table registered to group its audit by the whole key, by no column, or leaving its period out of the group', () => {
    const variants = [
      { auditGroupKey: 2 },
      { auditGroupKey: 0 },
      { auditGroupKey: 1, key: ['item', 'period'] },
    ];
    for (const v of variants) {
      const unregister = registerArea({ ...toyArea, tables: toyArea.tables.map((t) => ({ ...t, ...v })) });
      try {
        expect(() => userTables(), JSON.stringify(v)).toThrow(/toy_figures: auditGroupKey must be/);
      } finally {
        unregister();
      }
    }
    const unregister = registerArea({ ...toyArea, tables: toyArea.tables.map((t) => ({ ...t, auditGroupKey: 1 })) });
    try {
      expect(userTables().find((t) => t.name === 'toy_figures')?.auditGroupKey).toBe(1);
    } finally {
      unregister();
    }
  });

  it('update only the cells that change, each audited once with its old and new value', () => {
    const [byRow, bySet] = twoDemos();
    // LDP residential: packages and spend change, unit cost is given but the same, budget not given.
    const change = { period: '2023-08', service: 'learning-disability-partnership', line: 'residential' };
    const held = byRow.db.prepare('SELECT * FROM kad_lines WHERE period = ? AND service_id = ? AND line_key = ?').get(change.period, change.service, change.line) as Record<string, number>;
    byRow.write(CTX, () => {
      byRow.db
        .prepare('UPDATE kad_lines SET current_packages = ?, current_unit_cost = ?, total_spend_k = ? WHERE period = ? AND service_id = ? AND line_key = ?')
        .run(24000, held.current_unit_cost, 99900, change.period, change.service, change.line);
      byRow.db.prepare(`UPDATE kad_lines SET in_use = 0 WHERE period = '2023-08' AND service_id = 'autism' AND line_key = 'nursing_dementia' AND in_use = 1`).run();
    });
    bySet.write(CTX, () => {
      const n = updateRows(bySet, 'kad_lines', ['current_packages', 'current_unit_cost', 'total_spend_k'], {
        sql: `SELECT '2023-08' AS period, 'learning-disability-partnership' AS service_id, 'residential' AS line_key, 24000 AS current_packages, ${held.current_unit_cost} AS current_unit_cost, 99900 AS total_spend_k
              UNION ALL SELECT '2023-08', 'autism', 'residential', k.current_packages, k.current_unit_cost, k.total_spend_k FROM kad_lines k WHERE k.period = '2023-08' AND k.service_id = 'autism' AND k.line_key = 'residential'`,
      });
      expect(n).toBe(1);
      updateRows(bySet, 'kad_lines', ['in_use'], { sql: `SELECT '2023-08' AS period, 'autism' AS service_id, 'nursing_dementia' AS line_key, 0 AS in_use` });
    });
    expect(tables(bySet)).toEqual(tables(byRow));
    expect(sorted(lastOpAudit(bySet))).toEqual(sorted(lastOpAudit(byRow)));
    expect(lastOpAudit(bySet).filter((r) => r.entity_key === '2023-08|learning-disability-partnership|residential').map((r) => [r.field, r.old_value, r.new_value, r.action])).toEqual([
      ['current_packages', String(held.current_packages), '24000', 'update'],
      ['total_spend_k', String(held.total_spend_k), '99900', 'update'],
    ]);
  });

  it('delete rows exactly as the delete trigger audits them, and undo and redo them', () => {
    const [byRow, bySet] = twoDemos();
    const before = tables(bySet);
    const where = `period = '2023-08' AND area = 'kad' AND table_id = 'autism'`;
    byRow.write(CTX, () => void byRow.db.prepare(`DELETE FROM reported_values WHERE ${where}`).run());
    bySet.write(CTX, () => {
      expect(deleteRows(bySet, 'reported_values', { sql: `SELECT period, area, table_id, row_key, column_key FROM reported_values WHERE ${where} ORDER BY rowid` })).toBeGreaterThan(5);
    });
    expect(tables(bySet)).toEqual(tables(byRow));
    const audit = lastOpAudit(bySet);
    expect(audit).toEqual(lastOpAudit(byRow));
    // One record per deleted row, holding its columns; as cells, each non-blank column's old value.
    expect(audit.length).toBe((before.reported as unknown[]).length - (tables(bySet).reported as unknown[]).length);
    expect(audit.every((r) => r.field === null && r.action === 'delete' && r.new_value === null && String(r.old_value).startsWith('{'))).toBe(true);
    const cells = lastOpAudit(bySet, 'cells');
    expect(cells).toEqual(lastOpAudit(byRow, 'cells'));
    expect(cells.length).toBeGreaterThan(audit.length);
    expect(runsAreWhole(cells)).toBe(true);
    const after = tables(bySet);
    undo(bySet);
    expect(tables(bySet)).toEqual(before);
    redo(bySet);
    expect(tables(bySet)).toEqual(after);
  });

  it('still refuse a closed month, and write nothing without a write context', () => {
    const [ws] = twoDemos();
    expect(() => insertRows(ws, 'settings', ['value'], { sql: `SELECT 'a' AS key, 'b' AS value` })).toThrow(/inside Workspace.write/);
    ws.write({ channel: 'close/reopen', label: 'close' }, () => void ws.db.prepare(`UPDATE periods SET status = 'closed' WHERE id = '2023-08'`).run());
    expect(() =>
      ws.write(CTX, () => updateRows(ws, 'kad_lines', ['current_packages'], { sql: `SELECT period, service_id, line_key, 1 AS current_packages FROM kad_lines WHERE period = '2023-08'` })),
    ).toThrow(/closed/);
  });

  it('refuse an insert into a closed month, naming that month, change nothing, and leave every trigger as generated', () => {
    const [ws] = twoDemos();
    const triggers = () => ws.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    const generated = triggers();
    const figure = (period: string) => ({
      sql: `SELECT ? AS period, 'kad' AS area, 'learning-disability-partnership' AS table_id, 'residential' AS row_key, 'extra' AS column_key, 7 AS value_num, NULL AS value_text, 'test' AS source`,
      params: [period],
    });
    // A new month after August, so both months can be closed: the refusal names the month written, not the first closed one.
    ws.write({ channel: 'close/reopen', label: 'add a month' }, () => void ws.db.prepare(`INSERT OR IGNORE INTO periods (id, status) VALUES ('2023-09', 'open')`).run());
    ws.write({ channel: 'close/reopen', label: 'close' }, () => void ws.db.prepare(`UPDATE periods SET status = 'closed' WHERE id IN ('2023-08', '2023-09')`).run());
    const before = tables(ws);
    const audit = ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get();
    let message = '';
    try {
      ws.write(CTX, () => insertRows(ws, 'reported_values', ['value_num', 'value_text', 'source'], figure('2023-09')));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^September 2023 is closed/);
    expect(tables(ws)).toEqual(before);
    expect(ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(audit);
    expect(triggers()).toEqual(generated);
    // And an insert that goes through leaves them as generated too, its row audited once.
    ws.write({ channel: 'close/reopen', label: 'reopen' }, () => void ws.db.prepare(`UPDATE periods SET status = 'open' WHERE id = '2023-09'`).run());
    expect(ws.write(CTX, () => insertRows(ws, 'reported_values', ['value_num', 'value_text', 'source'], figure('2023-09')))).toBe(1);
    expect(triggers()).toEqual(generated);
    expect(lastOpAudit(ws).map((r) => [r.entity_key, r.action, r.new_value])).toEqual([
      ['2023-09|kad|learning-disability-partnership', 'insert', '{"residential|extra":{"value_num":7,"value_text":null,"source":"test"}}'],
    ]);
  });
});
