import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../shared/api/errors';
import type { Target } from '../../shared/area';
import { monthLabel } from '../../shared/periods';
import { currentIdentity, type Identity } from './identity';
import { acquireLock, describeHolder } from './lock';
import { assertUpgradable, isCurrent, isOutturnSchema, latestVersion, migrate, schemaVersion } from './migrate';
import { canUndoEntities } from './undo';
import { networkShareWarning } from './network-share';
import { returnEditedMonthsToOpen } from './ready';

export type Channel = 'grid' | 'paste' | 'import' | 'undo' | 'redo' | 'return' | 'cli' | 'close/reopen' | 'seed' | 'restore';

export interface WriteContext {
  channel: Channel;
  label: string;
  /** The month written, when there is one: a closed month is refused before anything runs. */
  period?: string | null;
  /** The page showing what changed, for the app to open after an undo or redo. */
  target?: Target | null;
  /** Offered to Undo, provided every table the step touched can be put back. */
  undoable?: boolean;
  revertsOp?: number | null;
  fileName?: string | null;
  fileSha256?: string | null;
  /**
   * A large write (an import): its commit does not copy the write-ahead log into the database file (a
   * checkpoint, seconds for a million rows); that is done as soon as the caller has had its answer.
   * The commit is as durable as any other (synchronous is unchanged): until then the committed change
   * is in the log, which SQLite reads, and replays if the process is killed.
   */
  checkpointLater?: boolean;
}

/** SQLite's default: a commit leaving more pages than this in the write-ahead log checkpoints it. */
const AUTOCHECKPOINT_PAGES = 1000;
/** Bytes per database page of a workspace created from now on. */
export const PAGE_SIZE = 16384;
/** The most page cache a writable connection may use, in KiB (SQLite takes it only as pages are used). */
export const WRITE_CACHE_KIB = 262_144;

export interface OpenOptions {
  /** Open even when another instance holds the lock; writes are then refused. */
  readOnly?: boolean;
  /** Path of a better-sqlite3 .node built for the running runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  identity?: Identity;
  /** Create the file if it does not exist (init only). */
  create?: boolean;
  /**
   * A second connection for a worker thread of the process already holding the workspace (its import
   * jobs): the lock is that process's and is not taken again, and the schema is already up to date.
   */
  lockHeldByProcess?: boolean;
}

/** An open workspace file: the only way to the database, and the only way to write to it. */
export class Workspace {
  readonly db: Database.Database;
  readonly readOnlyReason: string | null;
  readonly networkWarning: string | null;
  readonly identity: Identity;
  private releaseLock: (() => void) | null = null;
  /**
   * Why writes must wait just now, or null: while a worker thread applies an import through its own
   * connection, a write here is refused at once with this reason instead of waiting for the lock.
   */
  writesBusy: () => string | null = () => null;

  private constructor(readonly file: string, opts: OpenOptions) {
    this.identity = opts.identity ?? currentIdentity();
    this.networkWarning = networkShareWarning(file);
    let readOnlyReason: string | null = opts.readOnly ? 'Opened read-only.' : null;
    if (!opts.readOnly && !opts.lockHeldByProcess) {
      const lock = acquireLock(file, this.identity);
      if (lock.acquired) this.releaseLock = lock.release;
      else readOnlyReason = `Read-only: this workspace is open for editing by ${describeHolder(lock.holder)}. Ask them to close Outturn, then reopen it here to edit.`;
    }
    this.readOnlyReason = readOnlyReason;
    const binding = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
    try {
      this.db = new Database(file, { readonly: readOnlyReason !== null, fileMustExist: !opts.create, ...binding });
      assertOutturnFile(this.db, file);
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      if (readOnlyReason === null) {
        // A new workspace gets 16 KiB pages (SQLite's default is 4 KiB): an import writes a million or
        // more audit rows, and bigger pages cut the B-tree work of writing them by about a third. The
        // size is fixed once the file holds anything, so existing workspaces keep theirs.
        if (this.db.pragma('page_count', { simple: true }) === 0) this.db.pragma(`page_size = ${PAGE_SIZE}`);
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        // An import writes a million or more audit rows in one transaction, through indexes whose pages
        // are touched in no particular order: with SQLite's default 2 MB cache it spills and re-reads
        // pages throughout. The cache only grows as pages are used. One bench run on the loaded build
        // machine: the 200,000-row import's write took 23 s with it, 29 s without.
        this.db.pragma(`cache_size = -${WRITE_CACHE_KIB}`);
        if (!opts.lockHeldByProcess) migrate(this.db);
        else if (!isCurrent(this.db)) throw new Error(`${file} was opened by a worker before its schema was brought up to date`);
      } else if (!isCurrent(this.db)) {
        throw new UserError('read_only', 'This workspace needs updating to this version of Outturn, which cannot be done while it is read-only.');
      }
    } catch (err) {
      const opened = (this as { db?: Database.Database }).db;
      if (opened?.open) opened.close();
      this.releaseLock?.();
      if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new UserError('invalid_input', `${file} is not an Outturn workspace (it is not a database file).`);
      throw err;
    }
  }

  static open(file: string, opts: OpenOptions = {}): Workspace {
    const abs = path.resolve(file);
    if (!opts.create && !fs.existsSync(abs)) throw new UserError('not_found', `There is no workspace file at ${abs}.`);
    if (opts.create) fs.mkdirSync(path.dirname(abs), { recursive: true });
    return new Workspace(abs, opts);
  }

  get readOnly(): boolean {
    return this.readOnlyReason !== null;
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.releaseLock?.();
    this.releaseLock = null;
  }

  /** "August 2023 is closed (signed off by jbloggs on 2023-09-14)" for a closed period, null for an open one. */
  closedReason(period: string): string | null {
    const row = this.db.prepare(`SELECT p.status, ${CLOSED_BY_COLUMNS('p')} FROM periods p WHERE p.id = ?`).get(period) as (ClosedBy & { status: string }) | undefined;
    if (!row) throw new UserError('not_found', `${/^\d{4}-\d{2}$/.test(period) ? monthLabel(period) : period} is not a period of this workspace.`);
    return row.status === 'closed' ? `${monthLabel(period)} is closed (${closedByText(row)})` : null;
  }

  /** Refuses writes to a closed period, naming it and who closed it when. */
  assertPeriodOpen(period: string): void {
    const closed = this.closedReason(period);
    if (closed) throw new UserError('period_closed', `${closed}. Reopen it before changing its figures.`, { period });
  }

  /**
   * Inside `write`: the changes that follow are made on behalf of `owner` (an offline return's), who the
   * audit trail records beside the officer applying them, from `file` when given; null goes back to the
   * officer's own changes.
   */
  actingFor(owner: string | null, file?: { name: string; sha256: string }): void {
    if (file) this.db.prepare('UPDATE write_context SET on_behalf_of = ?, file_name = ?, file_sha256 = ?').run(owner, file.name, file.sha256);
    else this.db.prepare('UPDATE write_context SET on_behalf_of = ?').run(owner);
  }

  /**
   * Inside `write`: the changes `fn` makes came from `file` (a step that also makes other changes, such
   * as creating the demo), so the audit trail records its name and SHA-256 on them, as on an import's.
   */
  fromFile<T>(file: { name: string; sha256: string }, fn: () => T): T {
    if (!this.db.inTransaction) throw new Error('fromFile runs inside Workspace.write');
    const before = this.db.prepare('SELECT file_name, file_sha256 FROM write_context').get() as { file_name: string | null; file_sha256: string | null };
    this.db.prepare('UPDATE write_context SET file_name = ?, file_sha256 = ?').run(file.name, file.sha256);
    try {
      return fn();
    } finally {
      this.db.prepare('UPDATE write_context SET file_name = ?, file_sha256 = ?').run(before.file_name, before.file_sha256);
    }
  }

  /**
   * Runs ONE set-based statement that writes its own audit rows (main/store/set-write.ts): while it runs,
   * the write context says the statement audits itself and the generated audit triggers skip it, so no
   * change is audited twice or not at all. The other triggers (write context, closed months) still run,
   * except around a set-based insert, which makes their checks itself (set-write.ts, insertChecked).
   * Call inside write().
   */
  auditsItself<T>(statement: () => T): T {
    if (!this.db.inTransaction) throw new Error('auditsItself runs inside Workspace.write');
    this.db.prepare('UPDATE write_context SET self_audit = 1').run();
    try {
      return statement();
    } finally {
      this.db.prepare('UPDATE write_context SET self_audit = 0').run();
    }
  }

  /**
   * Every change to financial data goes through here: one transaction, refused when read-only or when
   * the period is closed, with the write context the audit triggers copy into every audit row.
   */
  write<T>(ctx: WriteContext, fn: (opId: number) => T): T {
    if (this.readOnly) throw new UserError('read_only', this.readOnlyReason ?? 'This workspace is read-only.');
    const busy = this.writesBusy();
    if (busy) throw new UserError('busy', busy);
    if (ctx.period) this.assertPeriodOpen(ctx.period);
    const run = this.db.transaction(() => {
      const at = new Date().toISOString();
      // The operation row is written last, once it is known whether every change can be undone; the
      // audit rows point at its id before it exists, so foreign keys are checked at commit.
      this.db.pragma('defer_foreign_keys = ON');
      const opId = (this.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 FROM operations').pluck().get() as number) ?? 1;
      this.db
        .prepare('INSERT INTO write_context (id, op_id, at, os_user, machine, channel, file_name, file_sha256) VALUES (1, ?, ?, ?, ?, ?, ?, ?)')
        .run(opId, at, this.identity.osUser, this.identity.machine, ctx.channel, ctx.fileName ?? null, ctx.fileSha256 ?? null);
      // The step's audit rows are the ones after the last so far: a range of ids, read without the op_id index.
      const lastAudit = this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM audit_log').pluck().get() as number;
      const result = fn(opId);
      returnEditedMonthsToOpen(this, lastAudit, ctx.label);
      const entities = this.db.prepare('SELECT DISTINCT entity FROM audit_log WHERE id > ?').pluck().all(lastAudit) as string[];
      const undoable = !!ctx.undoable && entities.length > 0 && canUndoEntities(entities);
      this.db
        .prepare(
          `INSERT INTO operations (id, at, os_user, machine, channel, label, period, target, undoable, reverts_op)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(opId, at, this.identity.osUser, this.identity.machine, ctx.channel, ctx.label, ctx.period ?? null, ctx.target ? JSON.stringify(ctx.target) : null, undoable ? 1 : 0, ctx.revertsOp ?? null);
      this.db.prepare('DELETE FROM write_context').run();
      return result;
    });
    if (ctx.checkpointLater) this.db.pragma('wal_autocheckpoint = 0');
    try {
      return run.immediate();
    } catch (err) {
      throw translateSqliteError(err, this, ctx);
    } finally {
      if (ctx.checkpointLater) {
        this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
        setImmediate(() => this.checkpoint());
      }
    }
  }

  /** Copies the write-ahead log into the database file without waiting on, or blocking, readers. */
  private checkpoint(): void {
    if (!this.db.open || this.db.inTransaction) return;
    try {
      this.db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: SQLite checkpoints at a later commit, or when the workspace is closed.
    }
  }
}

/** Refuses to migrate (and so alter) a database some other program made. */
function assertOutturnFile(db: Database.Database, file: string): void {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  if (tables.length > 0 && !isOutturnSchema(db)) {
    throw new UserError('invalid_input', `${file} is not an Outturn workspace: it is a database made by another program, so Outturn will not change it.`);
  }
  assertUpgradable(db);
  if (schemaVersion(db) > latestVersion()) {
    throw new UserError('invalid_input', `${file} was saved by a newer version of Outturn. Install the latest version to open it.`);
  }
}

/** Who closed a month and when, and who signed it off if anyone did (the sign-off not voided since). */
export interface ClosedBy {
  closed_by: string | null;
  closed_at: string | null;
  signed_off_by: string | null;
  signed_off_at: string | null;
}

/** The columns of ClosedBy, selected from the periods table under `alias`. */
export const CLOSED_BY_COLUMNS = (alias: string): string => {
  const latest = (column: string) => `(SELECT s.${column} FROM period_signoffs s WHERE s.period = ${alias}.id AND s.voided_at IS NULL ORDER BY s.id DESC LIMIT 1)`;
  return `${alias}.closed_by, ${alias}.closed_at, ${latest('signed_off_by')} AS signed_off_by, ${latest('signed_off_at')} AS signed_off_at`;
};

/**
 * "signed off by jbloggs on 2023-09-14", or "closed without sign-off by jsmith on 2023-09-14": who
 * closed a period, and when, as every message about it says.
 */
export function closedByText(row: ClosedBy): string {
  const on = (at: string | null) => (at ? ` on ${at.slice(0, 10)}` : '');
  if (row.signed_off_by) return `signed off by ${row.signed_off_by}${on(row.signed_off_at)}`;
  return `closed without sign-off by ${row.closed_by ?? 'unknown'}${on(row.closed_at)}`;
}

/** Turns the triggers' RAISE messages into the plain-English errors a user sees. */
function translateSqliteError(err: unknown, ws: Workspace, ctx: WriteContext): unknown {
  const message = err instanceof Error ? err.message : '';
  if (message.includes('outturn:period_closed')) {
    // The month being written, when the step names one; else the first closed month it could have touched.
    const candidates = ctx.period ? [ctx.period] : (ws.db.prepare(`SELECT id FROM periods WHERE status = 'closed' ORDER BY id`).pluck().all() as string[]);
    for (const p of candidates) {
      const closed = ws.closedReason(p);
      if (closed) return new UserError('period_closed', `${closed}. Reopen it before changing its figures.`, { period: p });
    }
    return new UserError('period_closed', 'That period is closed. Reopen it before changing its figures.');
  }
  if (message.includes('readonly') || message.includes('read-only')) return new UserError('read_only', ws.readOnlyReason ?? 'This workspace is read-only.');
  return err;
}
