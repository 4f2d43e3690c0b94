import type { Database } from 'better-sqlite3';
import { UserError } from '../../shared/api/errors';
import { allMigrations, schemaTriggers, type Migration } from './schema';
import { syncTriggers, TRIGGER_PREFIX } from './triggers';

/**
 * Applies the numbered migrations of the core and of every area in one global order, all in one
 * transaction (a failed upgrade leaves the file as it was), then makes the generated triggers match the registry. `outturn_migrations` records what
 * ran; PRAGMA user_version holds the newest version, so an older Outturn can refuse a newer file.
 */
export const BOOKKEEPING = 'outturn_migrations';

/** The last schema of the release before areas: the same tables as migrations 0001 and 0002 make now. */
const LEGACY_TABLE = 'schema_migrations';
const LEGACY_FINAL = 4;
const LEGACY_EQUIVALENT = 2;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[] = allMigrations()): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

function hasTable(db: Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

export function isOutturnSchema(db: Database): boolean {
  return hasTable(db, BOOKKEEPING) || hasTable(db, LEGACY_TABLE);
}

/** Refuses, before anything touches the file, a schema this version cannot bring up to date. */
export function assertUpgradable(db: Database): void {
  if (!hasTable(db, LEGACY_TABLE) || hasTable(db, BOOKKEEPING)) return;
  const legacy = db.prepare(`SELECT MAX(version) FROM ${LEGACY_TABLE}`).pluck().get() as number | null;
  if (legacy !== LEGACY_FINAL) {
    throw new UserError('invalid_input', `This workspace was made by a development version of Outturn (schema ${legacy ?? 0}) and cannot be upgraded. Re-import its figures into a new workspace.`);
  }
}

/** A workspace from the release before areas: its tables are exactly those of migrations 0001–0002. */
function adoptLegacy(db: Database, migrations: readonly Migration[]): void {
  assertUpgradable(db);
  db.transaction(() => {
    db.exec(`CREATE TABLE ${BOOKKEEPING} (version INTEGER PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const record = db.prepare(`INSERT INTO ${BOOKKEEPING} (version, owner, name, applied_at) VALUES (?, ?, ?, ?)`);
    for (const m of migrations.filter((x) => x.version <= LEGACY_EQUIVALENT)) record.run(m.version, m.owner, m.name, `adopted from schema ${LEGACY_FINAL}`);
    db.exec(`DROP TABLE ${LEGACY_TABLE}`);
    db.pragma(`user_version = ${LEGACY_EQUIVALENT}`);
  })();
}

function dropGeneratedTriggers(db: Database): void {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[];
  for (const name of names) db.exec(`DROP TRIGGER "${name.replace(/"/g, '""')}"`);
}

export function migrate(db: Database, migrations: readonly Migration[] = allMigrations()): number {
  if (hasTable(db, LEGACY_TABLE) && !hasTable(db, BOOKKEEPING)) adoptLegacy(db, migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS ${BOOKKEEPING} (version INTEGER PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(db.prepare(`SELECT version FROM ${BOOKKEEPING}`).pluck().all() as number[]);
  const pending = migrations.filter((m) => !applied.has(m.version));
  db.transaction(() => {
    // Migrations run on bare tables: the generated triggers would refuse their writes, and are rebuilt after.
    if (pending.length) dropGeneratedTriggers(db);
    for (const m of pending) {
      db.exec(m.sql);
      db.prepare(`INSERT INTO ${BOOKKEEPING} (version, owner, name, applied_at) VALUES (?, ?, ?, ?)`).run(m.version, m.owner, m.name, new Date().toISOString());
    }
    db.pragma(`user_version = ${Math.max(schemaVersion(db), latestVersion(migrations))}`);
    syncTriggers(db, schemaTriggers());
  })();
  return schemaVersion(db);
}

/** True when opening read-only is safe: nothing to migrate and the triggers already match. */
export function isCurrent(db: Database, migrations: readonly Migration[] = allMigrations()): boolean {
  if (!hasTable(db, BOOKKEEPING)) return false;
  const applied = new Set(db.prepare(`SELECT version FROM ${BOOKKEEPING}`).pluck().all() as number[]);
  return migrations.every((m) => applied.has(m.version));
}

export { TRIGGER_PREFIX };
