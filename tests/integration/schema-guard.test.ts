import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { allMigrations, userTables } from '../../main/store/schema';
import { APPEND_ONLY_TABLES, UNGUARDED_TABLES } from '../../main/store/tables';
import { Workspace } from '../../main/store/workspace';
import { tempDemo } from '../helpers/workspace';

/**
 * Every table of a workspace holding user data carries the generated triggers: no write without a
 * write context, an audit row for every insert, update and delete, and closed months refused; the audit
 * trail and the operations are append-only. A table added later without registering it fails here.
 */
const envs: { done(): void }[] = [];
afterAll(() => envs.forEach((e) => e.done()));

function openDemo() {
  const env = tempDemo();
  envs.push(env);
  return env.open().ws;
}

function triggersOf(ws: Workspace, table: string): string[] {
  return ws.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`).pluck().all(table) as string[];
}

describe('the schema guard', () => {
  it('finds the write-context and audit triggers on every user-data table, for INSERT, UPDATE and DELETE', () => {
    const ws = openDemo();
    const tables = ws.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
    const appendOnly = new Set(APPEND_ONLY_TABLES.map((t) => t.name));
    const unguarded = new Set<string>(UNGUARDED_TABLES);
    const registered = new Set(userTables().map((t) => t.name));
    for (const table of tables) {
      if (unguarded.has(table)) continue;
      const triggers = triggersOf(ws, table);
      if (appendOnly.has(table)) {
        expect(triggers.sort(), table).toEqual([`outturn_${table}_append_only_delete`, `outturn_${table}_append_only_update`]);
        continue;
      }
      expect(registered.has(table), `${table} holds user data but is not registered, so nothing audits it`).toBe(true);
      for (const kind of ['ctx', 'audit']) for (const event of ['insert', 'update', 'delete']) expect(triggers, table).toContain(`outturn_${table}_${kind}_${event}`);
    }
  });

  it('registers every column of every registered table, so undo can put a deleted row back whole', () => {
    const ws = openDemo();
    for (const t of userTables()) {
      const columns = (ws.db.prepare(`PRAGMA table_info(${t.name})`).all() as { name: string }[]).map((c) => c.name).sort();
      expect(columns, t.name).toEqual([...t.key, ...t.columns.map((c) => c.name)].sort());
    }
  });

  it('guards the months of every table that names one', () => {
    const ws = openDemo();
    for (const t of userTables().filter((x) => x.period)) {
      for (const event of ['insert', 'update', 'delete']) expect(triggersOf(ws, t.name), t.name).toContain(`outturn_${t.name}_guard_${event}`);
    }
  });

  it('refuses to change or delete audit rows and operations, whatever the foreign-key setting', () => {
    const ws = openDemo();
    for (const fk of ['ON', 'OFF']) {
      ws.db.pragma(`foreign_keys = ${fk}`);
      expect(() => ws.db.prepare('DELETE FROM audit_log').run(), fk).toThrow(/append_only/);
      expect(() => ws.db.prepare(`UPDATE audit_log SET new_value = 'x'`).run(), fk).toThrow(/append_only/);
      expect(() => ws.db.prepare('DELETE FROM operations').run(), fk).toThrow(/append_only/);
      expect(() => ws.db.prepare(`UPDATE operations SET label = 'x'`).run(), fk).toThrow(/append_only/);
    }
    expect(ws.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBeGreaterThan(800);
  });

  it('numbers every migration once, across the core and the areas', () => {
    const versions = allMigrations().map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('puts back triggers that were dropped or altered, on the next open', () => {
    const env = tempDemo();
    envs.push(env);
    const raw = new Database(env.file);
    raw.exec('DROP TRIGGER outturn_kad_lines_audit_update; DROP TRIGGER outturn_settings_ctx_insert;');
    raw.exec(`CREATE TRIGGER stray AFTER INSERT ON settings BEGIN SELECT 1; END;`);
    raw.close();
    const ws = env.open().ws;
    expect(triggersOf(ws, 'kad_lines')).toContain('outturn_kad_lines_audit_update');
    expect(triggersOf(ws, 'settings')).toContain('outturn_settings_ctx_insert');
    expect(triggersOf(ws, 'settings')).not.toContain('stray');
  });
});

describe('a workspace from the release before areas (schema 4)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outturn-legacy-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function legacyWorkspace(version = 4): string {
    const file = path.join(dir, `legacy-${version}-${Math.random().toString(36).slice(2)}.db`);
    const db = new Database(file);
    const legacy = path.join(__dirname, '../fixtures/legacy-v4');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const f of fs.readdirSync(legacy).sort().slice(0, version)) {
      db.exec(fs.readFileSync(path.join(legacy, f), 'utf8'));
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(Number(f.slice(0, 4)), f.replace('.sql', ''), '2026-11-01');
    }
    db.pragma(`user_version = ${version}`);
    // A month, a service and an audited edit, as the old app wrote them.
    db.exec(`
      INSERT INTO operations (id, at, os_user, machine, channel, label, period, service_id, undoable) VALUES (1, '2026-11-01', 'jsmith', 'PC1', 'seed', 'seed', NULL, NULL, 0);
      INSERT INTO write_context VALUES (1, 1, '2026-11-01', 'jsmith', 'PC1', 'seed', NULL, NULL);
      INSERT INTO periods (id, status) VALUES ('2023-08', 'open');
      INSERT INTO kad_services (id, name, caption, sort_order) VALUES ('autism', 'Autism', 'Autism caption', 1);
      INSERT INTO kad_lines (period, service_id, line_key, in_use, current_packages) VALUES ('2023-08', 'autism', 'residential', 1, 300);
      INSERT INTO kad_lines (period, service_id, line_key, in_use, current_packages, actuals_updated) VALUES ('2023-08', 'autism', 'nursing', 1, 20, 0);
      INSERT INTO kad_lines (period, service_id, line_key, in_use, total_spend_k, actuals_updated) VALUES ('2023-08', 'autism', 'care_contributions', 1, -1000, 0);
      INSERT INTO kad_lines (period, service_id, line_key, in_use, actuals_updated) VALUES ('2023-08', 'autism', 'live_in_care', 0, 0);
      DELETE FROM write_context;
      INSERT INTO operations (id, at, os_user, machine, channel, label, period, service_id, undoable) VALUES (2, '2026-11-02', 'jsmith', 'PC1', 'grid', 'Autism Residential 3 → 4', '2023-08', 'autism', 1);
      INSERT INTO write_context VALUES (1, 2, '2026-11-02', 'jsmith', 'PC1', 'grid', NULL, NULL);
      UPDATE kad_lines SET current_packages = 400 WHERE line_key = 'residential';
      DELETE FROM write_context;
    `);
    db.close();
    return file;
  }

  it('is adopted on open: data, audit and history kept, triggers regenerated, later migrations applied', () => {
    const file = legacyWorkspace();
    const ws = Workspace.open(file);
    try {
      expect(ws.db.prepare(`SELECT current_packages FROM kad_lines WHERE line_key = 'residential'`).pluck().get()).toBe(400);
      // A line "not yet updated" becomes each of its actual figures carried (Care Contributions: only spend; greyed: none).
      const cf = (key: string) => ws.db.prepare('SELECT current_packages_cf || current_unit_cost_cf || total_spend_k_cf FROM kad_lines WHERE line_key = ?').pluck().get(key);
      expect([cf('residential'), cf('nursing'), cf('care_contributions'), cf('live_in_care')]).toEqual(['000', '111', '001', '000']);
      expect(ws.db.prepare(`SELECT COUNT(*) FROM pragma_table_info('kad_lines') WHERE name = 'actuals_updated'`).pluck().get()).toBe(0);
      expect(ws.db.prepare(`SELECT old_value, new_value FROM audit_log WHERE field = 'current_packages' AND op_id = 2`).get()).toEqual({ old_value: '300', new_value: '400' });
      expect(ws.db.prepare(`SELECT name FROM sqlite_master WHERE name = 'schema_migrations'`).get()).toBeUndefined();
      expect(ws.db.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'outturn_%'`).pluck().get()).toBe(0);
      expect(JSON.parse(ws.db.prepare('SELECT target FROM operations WHERE id = 2').pluck().get() as string)).toEqual({ area: 'kad', params: { period: '2023-08', service: 'autism' } });
      // The old edit can still be undone, through the generic undo.
      ws.write({ channel: 'undo', label: 'undo', revertsOp: 2 }, () => ws.db.prepare(`UPDATE kad_lines SET current_packages = 300 WHERE line_key = 'residential'`).run());
      expect(ws.db.prepare(`SELECT current_packages FROM kad_lines WHERE line_key = 'residential'`).pluck().get()).toBe(300);
    } finally {
      ws.close();
    }
  });

  it('refuses a development schema older than the release, changing nothing', () => {
    const file = legacyWorkspace(2);
    const before = fs.readFileSync(file);
    expect(() => Workspace.open(file)).toThrow(/development version of Outturn \(schema 2\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
