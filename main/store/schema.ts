import fs from 'node:fs';
import path from 'node:path';
import { areas } from '../areas';
import { APPEND_ONLY_TABLES, CORE_TABLES, type TableSpec } from './tables';
import { wantedTriggers } from './triggers';

/**
 * The workspace's schema as the registry declares it: the core's migrations and tables, then every
 * area's. One global order of numbered migrations (NNNN_name.sql) across all folders.
 */
export const CORE_MIGRATIONS_DIR = path.join(__dirname, 'migrations');

export interface Migration {
  version: number;
  name: string;
  /** 'core' or the area's id. */
  owner: string;
  sql: string;
}

function readDir(dir: string, owner: string): Migration[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file.replace(/\.sql$/, ''), owner, sql: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

export function allMigrations(): Migration[] {
  const all = [readDir(CORE_MIGRATIONS_DIR, 'core'), ...areas().map((a) => readDir(a.migrationsDir, a.shared.id))].flat();
  all.sort((a, b) => a.version - b.version);
  for (let i = 1; i < all.length; i++) {
    if (all[i]!.version === all[i - 1]!.version) throw new Error(`two migrations are numbered ${all[i]!.version}: ${all[i - 1]!.owner}/${all[i - 1]!.name} and ${all[i]!.owner}/${all[i]!.name}`);
  }
  return all;
}

/** Every registered table with who registers it: `core` or the area's id. */
export function ownedTables(): { owner: string; spec: TableSpec }[] {
  return [...CORE_TABLES.map((spec) => ({ owner: 'core', spec })), ...areas().flatMap((a) => a.tables.map((spec) => ({ owner: a.shared.id, spec })))];
}

export function userTables(): TableSpec[] {
  const tables = ownedTables().map((t) => t.spec);
  const seen = new Set<string>();
  for (const t of tables) {
    if (seen.has(t.name)) throw new Error(`the table ${t.name} is registered twice`);
    seen.add(t.name);
    checkAuditGroup(t);
  }
  return tables;
}

/** A group record files one period and names its members by the rest of the key: both must be well defined. */
function checkAuditGroup(t: TableSpec): void {
  const n = t.auditGroupKey;
  if (n === undefined) return;
  const period = t.auditPeriod ?? t.period;
  if (!Number.isInteger(n) || n < 1 || n >= t.key.length || (period !== undefined && !t.key.slice(0, n).includes(period))) {
    throw new Error(`${t.name}: auditGroupKey must be fewer of its key columns than all of them, the period among them`);
  }
}

export function schemaTriggers(): Map<string, string> {
  return wantedTriggers(userTables(), APPEND_ONLY_TABLES);
}

export function tableSpec(entity: string): TableSpec | undefined {
  return userTables().find((t) => t.entity === entity);
}

/** A registered table by its SQL name; throws for one that is not registered (nothing would audit it). */
export function registeredTable(name: string): TableSpec {
  const t = userTables().find((x) => x.name === name);
  if (!t) throw new Error(`${name} is not a registered table`);
  return t;
}
