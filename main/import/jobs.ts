import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api/errors';
import { importEngine } from '../core/imports';
import { backupWorkspace, type BackupInfo } from '../store/backup';
import { getSetting } from '../store/settings';
import type { Channel, Workspace } from '../store/workspace';
import { applyImport, nothingToDo, nothingToDoMessage, planImport, type ApplyResult, type ImportPlan } from './apply';
import { previewLines, previewTables, stageBasePeriods, workspaceProblems, type ImportEngine, type PreviewLine, type PreviewTable } from './preview';
import { readWorkbook } from './read/index';
import { readRecords } from './read/records';
import { sha256File } from './sha256';
import type { ImportOptions, ImportSpec, RecordsConsumer } from './spec';
import { dropStaged, indexStaged, stagedProblems, stagingSink } from './stage';
import { DEFAULT_IMPORT_LIMITS, describeProblem, type ImportLimits, type ImportProblem } from './types';

/**
 * An import runs as a job: read and stage (cancellable, with progress), preview, then apply or discard.
 * Nothing touches the workspace's own tables until apply, which is one transaction after a backup.
 */
export type JobState = 'reading' | 'refused' | 'ready' | 'applied' | 'nothing-to-do' | 'cancelled' | 'failed';

export interface ImportJobStatus {
  jobId: string;
  fileName: string;
  sha256: string;
  bytes: number;
  state: JobState;
  rowsRead: number;
  /** Rows the file holds in all, as its sheets say, when they do. */
  totalRowsEstimate: number | null;
  /** Share of the file read so far (0..1), when known. */
  fraction: number | null;
  /** Time still to go while reading, estimated from the pace so far. */
  remainingMs: number | null;
  elapsedMs: number;
  problems: string[];
  problemCount: number;
  /** What the officer should know that does not stop the import (rows of an extract left out, closed months left alone). */
  notes: string[];
  tables: PreviewTable[];
  message: string | null;
  backup: BackupInfo | null;
}

interface Job {
  id: string;
  file: string;
  fileName: string;
  sha256: string;
  bytes: number;
  state: JobState;
  rowsRead: number;
  estimate: number | null;
  started: number;
  finished: number | null;
  problems: ImportProblem[];
  problemCount: number;
  notes: string[];
  tables: PreviewTable[];
  message: string | null;
  backup: BackupInfo | null;
  abort: AbortController;
  done: Promise<void>;
  /** The plan worked out for the preview, and the workspace's state it was worked out on. */
  plan: { version: string; plan: ImportPlan } | null;
}

/**
 * Changes when anything was committed to the workspace (by any connection) or written through this one,
 * so a plan worked out on an unchanged workspace is still its plan.
 */
function workspaceVersion(ws: Workspace): string {
  return `${ws.db.pragma('data_version', { simple: true }) as number}:${ws.db.prepare('SELECT total_changes()').pluck().get() as number}`;
}

export function importLimits(ws: Workspace): ImportLimits {
  const maxRows = Number(getSetting(ws, 'import.maxRows'));
  return { ...DEFAULT_IMPORT_LIMITS, ...(Number.isInteger(maxRows) && maxRows > 0 ? { maxRowsPerSheet: maxRows } : {}) };
}

export interface StartOptions extends ImportOptions {
  fileName?: string;
  period?: string;
  limits?: Partial<ImportLimits>;
}

/**
 * What the API asks of imports. ImportJobs does the work where it is called (the command line, tests);
 * in the app, ThreadedImportJobs (threaded.ts) hands it to a worker thread with its own connection to
 * the workspace, so reading and applying a large file never hold up the host's other calls.
 */
export interface ImportService {
  start(file: string, opts?: StartOptions): Promise<string>;
  status(id: string): ImportJobStatus;
  settled(id: string): Promise<ImportJobStatus>;
  lines(id: string, tableId: string, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] | Promise<PreviewLine[]>;
  cancel(id: string): ImportJobStatus | Promise<ImportJobStatus>;
  apply(id: string, channel?: Channel): Promise<ImportJobStatus & { result: ApplyResult }>;
  /** Why the workspace takes no other write just now (an import is being applied), or null. */
  busyReason(): string | null;
  /** Lets go of the workspace (before it is replaced or closed); its jobs end. */
  close(): void | Promise<void>;
}

export class ImportJobs implements ImportService {
  private jobs = new Map<string, Job>();
  /** Counts closes: a read still finishing from before the last close leaves the workspace alone. */
  private generation = 0;

  constructor(
    private readonly workspace: () => Workspace,
    private readonly engine: () => ImportEngine = () => importEngine(workspace()),
    /** Told whenever a job's status changes (state, rows read): the threaded service passes it on. */
    private readonly changed: (id: string) => void = () => undefined,
  ) {}

  /** Applying runs on the caller's own thread here: nothing else can write meanwhile. */
  busyReason(): string | null {
    return null;
  }

  close(): void {
    this.generation++;
    for (const job of this.jobs.values()) if (job.state === 'reading') job.abort.abort();
    this.jobs.clear();
  }

  /** Starts reading a file; `fileName` is what the officer sees and what the audit records. */
  async start(file: string, opts: StartOptions = {}): Promise<string> {
    const ws = this.workspace();
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UserError('not_found', `There is no file at ${file}.`);
    const id = crypto.randomUUID();
    const bytes = fs.statSync(file).size;
    const job: Job = {
      id, file, fileName: opts.fileName ?? path.basename(file), sha256: '', bytes, state: 'reading', rowsRead: 0, estimate: null, started: Date.now(), finished: null,
      problems: [], problemCount: 0, notes: [], tables: [], message: null, backup: null, abort: new AbortController(), done: Promise.resolve(), plan: null,
    };
    this.jobs.set(id, job);
    const limits = { ...importLimits(ws), ...opts.limits };
    const sink = stagingSink(
      ws.db,
      id,
      (n) => {
        job.rowsRead = n;
        this.changed(id);
      },
      limits.maxProblems,
      (n) => (job.estimate = n),
    );
    const generation = this.generation;
    const closed = () => generation !== this.generation;
    // The file is hashed while it is read, not before: the hash is needed only once reading ends, and
    // reading the whole file once more before starting kept a large file's import waiting.
    const hashing = sha256File(file);
    hashing.catch(() => undefined);
    job.done = (async () => {
      try {
        const engine = this.engine();
        const specs = engine.specs.flatMap((s) => (s.readable ? [s.readable(ws)] : []));
        const options: ImportOptions = opts.months ? { months: opts.months } : {};
        // A file of records (an extract) is recognised by its header row; anything else is read as published tables.
        const records = await this.readAsRecords(ws, engine.specs, file, sink, limits, options, job.abort.signal);
        if (closed()) return;
        const result = records
          ? records
          : await readWorkbook(file, sink, {
              ...(opts.period ? { period: opts.period } : {}),
              specs,
              limits,
              signal: job.abort.signal,
            });
        if (closed()) return;
        if (!records) for (const o of unaccepted(null, options)) sink.problem({ sheet: null, cell: null, value: null, reason: o });
        else {
          for (const o of unaccepted(records.spec, options)) sink.problem({ sheet: null, cell: null, value: null, reason: o });
          if (!job.abort.signal.aborted) job.notes = records.consumer.end().map((n) => n.text);
        }
        job.sha256 = await hashing;
        if (closed()) return;
        sink.flush();
        indexStaged(ws.db);
        const staged = stageBasePeriods(ws.db, id, engine);
        job.rowsRead = result.rowsRead;
        if (job.abort.signal.aborted) {
          this.finish(job, 'cancelled', 'Import cancelled: nothing was changed.');
          return;
        }
        const more = workspaceProblems(ws.db, id, engine, staged);
        job.problemCount = sink.problemCount + more.length;
        job.problems = [...stagedProblems(ws.db, id, limits.maxProblems), ...more].slice(0, limits.maxProblems);
        job.tables = previewTables(ws.db, id, engine, staged);
        if (job.problemCount > 0) this.finish(job, 'refused', `${job.fileName} was not imported: ${job.problemCount} problem${job.problemCount === 1 ? '' : 's'} to fix first. Nothing was changed.`);
        // A file of records read cleanly that yields nothing (every month asked for closed, say) has nothing
        // to import, for the reason its reader's first note gives; the rest (rows left out) stay as notes.
        else if (!job.tables.length && records) this.finish(job, 'nothing-to-do', `Nothing to import from ${job.fileName}${job.notes.length ? `: ${job.notes[0]}` : '.'}`);
        else if (!job.tables.length) this.finish(job, 'refused', `${job.fileName} holds no ${specs.map((s) => s.name).join(' or ')} table that Outturn recognises. Nothing was changed.`);
        else {
          job.plan = { version: workspaceVersion(ws), plan: planImport(ws.db, id, engine, job.tables, staged) };
          if (nothingToDo(job.plan.plan)) this.finish(job, 'nothing-to-do', nothingToDoMessage(job.fileName));
          else {
            job.state = 'ready';
            this.changed(id);
          }
        }
      } catch (err) {
        if (closed()) return;
        this.finish(job, 'failed', `Outturn could not read ${job.fileName}: ${err instanceof Error ? err.message : String(err)}. Nothing was changed.`);
      }
    })();
    return id;
  }

  /** Reads the file as records when a layout recognises its header row; null when none does. */
  private async readAsRecords(ws: Workspace, all: readonly ImportSpec[], file: string, sink: ReturnType<typeof stagingSink>, limits: ImportLimits, options: ImportOptions, signal: AbortSignal) {
    const specs = all.filter((s) => s.records);
    if (!specs.length) return null;
    let spec: ImportSpec | null = null;
    let consumer: RecordsConsumer | null = null;
    const read = await readRecords(
      file,
      sink,
      limits,
      (texts) => {
        const i = specs.findIndex((s) => s.records!.isHeader(texts));
        return i < 0 ? null : i;
      },
      (i, header, sheet) => {
        spec = specs[i]!;
        consumer = spec.records!.begin(ws, header, { sheet, options, sink });
        return consumer;
      },
      signal,
    );
    return read && spec && consumer ? { rowsRead: read.rowsRead, spec: spec as ImportSpec, consumer: consumer as RecordsConsumer } : null;
  }

  /** What applying would do now: the preview's plan while nothing has changed since, else planned again. */
  private plan(ws: Workspace, job: Job): ImportPlan {
    const version = workspaceVersion(ws);
    if (job.plan?.version !== version) job.plan = { version, plan: planImport(ws.db, job.id, this.engine()) };
    return job.plan.plan;
  }

  private finish(job: Job, state: JobState, message: string): void {
    job.state = state;
    job.message = message;
    job.finished = Date.now();
    if (state !== 'ready') dropStaged(this.workspace().db, job.id);
    this.changed(job.id);
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new UserError('not_found', 'That import is no longer available; start it again.');
    return job;
  }

  /** Waits until reading ends (for the command line and tests). */
  async settled(id: string): Promise<ImportJobStatus> {
    await this.job(id).done;
    return this.status(id);
  }

  status(id: string): ImportJobStatus {
    const job = this.job(id);
    const elapsedMs = (job.finished ?? Date.now()) - job.started;
    const reading = job.state === 'reading';
    const fraction = !reading ? 1 : job.estimate ? Math.min(0.99, job.rowsRead / job.estimate) : null;
    return {
      jobId: job.id, fileName: job.fileName, sha256: job.sha256, bytes: job.bytes, state: job.state, rowsRead: job.rowsRead,
      totalRowsEstimate: job.estimate,
      fraction,
      remainingMs: reading && fraction && fraction > 0.01 ? Math.round((elapsedMs * (1 - fraction)) / fraction) : null,
      elapsedMs,
      problems: job.problems.map(describeProblem), problemCount: job.problemCount, notes: job.notes, tables: job.tables, message: job.message, backup: job.backup,
    };
  }

  lines(id: string, tableId: string, status: PreviewLine['status'] | 'all', offset: number, limit: number): PreviewLine[] {
    const job = this.job(id);
    if (job.state !== 'ready') throw new UserError('invalid_input', 'That import has no preview to show.');
    return previewLines(this.workspace().db, id, this.engine(), tableId, status, offset, limit);
  }

  cancel(id: string): ImportJobStatus {
    const job = this.job(id);
    if (job.state === 'reading') job.abort.abort();
    else if (job.state === 'ready') this.finish(job, 'cancelled', 'Import cancelled: nothing was changed.');
    return this.status(id);
  }

  /** Backs the workspace up, then applies the import in one transaction. */
  async apply(id: string, channel: Channel = 'import'): Promise<ImportJobStatus & { result: ApplyResult }> {
    const job = this.job(id);
    if (job.state !== 'ready') throw new UserError('invalid_input', job.message ?? 'That import is not ready to apply.');
    const ws = this.workspace();
    if (ws.readOnly) throw new UserError('read_only', ws.readOnlyReason ?? 'This workspace is read-only.');
    const plan = this.plan(ws, job);
    const file = { name: job.fileName, sha256: job.sha256 };
    if (nothingToDo(plan)) {
      const result = applyImport(ws, job.id, this.engine(), file, channel, plan);
      this.finish(job, 'nothing-to-do', result.label);
      return { ...this.status(id), result };
    }
    // An edit from the grid may land while the backup runs, so the import is planned again after it.
    job.backup = await backupWorkspace(ws, `before import of ${job.fileName}`);
    const result = applyImport(ws, job.id, this.engine(), file, channel, this.plan(ws, job));
    this.finish(job, result.nothingToDo ? 'nothing-to-do' : 'applied', result.label);
    return { ...this.status(id), result };
  }
}

/** Options given that the layout reading the file does not take, as problems to fix. */
function unaccepted(spec: ImportSpec | null, options: ImportOptions): string[] {
  const taken = spec?.options ?? [];
  const what = spec?.records ? `a ${spec.records.noun}` : 'a table for one month';
  return (Object.keys(options) as (keyof ImportOptions)[])
    .filter((o) => options[o] !== undefined && !taken.includes(o))
    .map((o) => (o === 'months' ? `choosing months (--months) is for a file covering many months, such as a care-package extract; this file is ${what}` : `the option ${o} does not apply to this file`));
}
