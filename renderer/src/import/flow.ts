import type { Output } from '../../../shared/api/contract';
import type { Resolution, ReturnsApplied, ReturnsBatch } from '../../../shared/returns';
import { messageOf, send } from '../api/client';
import { uploadFile } from './upload';

export type ImportStatus = Output<'import.status'>;

export const CANCELLED_MESSAGE = 'Import cancelled: nothing was changed.';
export const RETURNS_CANCELLED_MESSAGE = 'Returns not taken back: nothing was changed.';
const POLL_MS = 250;

/** Where the one import of this window stands. */
export type Stage =
  | { kind: 'choose' }
  | { kind: 'uploading'; fileName: string; sent: number; total: number; cancelling: boolean }
  | { kind: 'job'; status: ImportStatus; cancelling: boolean; applying: boolean; error: string | null }
  /** Offline returns read and checked together, waiting for the officer's resolutions and Apply. */
  | { kind: 'returns'; batch: ReturnsBatch; resolutions: Readonly<Record<string, Resolution>>; applying: boolean; error: string | null }
  | { kind: 'returns-done'; result: ReturnsApplied }
  /** Stopped before the main process started reading: nothing was sent to the workspace. */
  | { kind: 'stopped'; fileName: string; message: string }
  | { kind: 'error'; fileName: string; message: string };

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The import lives outside React so that it carries on (and is found again) when the officer looks at
 * another area mid-upload and comes back. Each start() is a "run"; reset() begins a new one, and any
 * upload or polling still going for an older run stops touching the state.
 */
class ImportFlow {
  private stage: Stage = { kind: 'choose' };
  private run = 0;
  private readonly listeners = new Set<() => void>();

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  current = (): Stage => this.stage;

  private set(run: number, next: Stage | ((s: Stage) => Stage)): void {
    if (run !== this.run) return;
    this.stage = typeof next === 'function' ? next(this.stage) : next;
    for (const l of this.listeners) l();
  }

  private cancelling(): boolean {
    return (this.stage.kind === 'uploading' || this.stage.kind === 'job') && this.stage.cancelling;
  }

  /**
   * One file goes to the import engine unless it is an offline return; several files are returns taken
   * back together (a file among them that is not a return is refused with the reason, like a tampered one).
   */
  async start(files: readonly File[], period: string | null): Promise<void> {
    const run = ++this.run;
    const fileName = files.length === 1 ? files[0]!.name : `${files.length} files`;
    const total = files.reduce((n, f) => n + f.size, 0);
    this.set(run, { kind: 'uploading', fileName, sent: 0, total, cancelling: false });
    try {
      const stop = () => run !== this.run || this.cancelling();
      const uploadIds: string[] = [];
      let before = 0;
      for (const file of files) {
        const uploadId = await uploadFile(file, (sent) => this.set(run, (s) => (s.kind === 'uploading' ? { ...s, sent: before + sent } : s)), stop);
        if (uploadId === null) return this.set(run, { kind: 'stopped', fileName, message: CANCELLED_MESSAGE });
        uploadIds.push(uploadId);
        before += file.size;
      }
      if (files.length > 1 || (await send('returns.detect', { uploadId: uploadIds[0]! })).isReturn) {
        const batch = await send('returns.preview', { uploadIds });
        if (stop()) return this.set(run, { kind: 'stopped', fileName, message: CANCELLED_MESSAGE });
        return this.set(run, { kind: 'returns', batch, resolutions: {}, applying: false, error: null });
      }
      const { jobId } = await send('import.start', { uploadId: uploadIds[0]!, ...(period ? { period } : {}) });
      // Cancel (or Start over) pressed while the job was being started: it exists now, so cancel it like any other.
      const abandoned = run !== this.run;
      if (abandoned || this.cancelling()) await send('import.cancel', { jobId });
      if (!abandoned) await this.follow(run, jobId);
    } catch (err) {
      this.set(run, { kind: 'error', fileName, message: messageOf(err) });
    }
  }

  /** The officer's choice for one conflict of the returns previewed, or for every one (tokens given). */
  resolve(tokens: readonly string[], resolution: Resolution): void {
    this.set(this.run, (s) => (s.kind === 'returns' && !s.applying ? { ...s, resolutions: { ...s.resolutions, ...Object.fromEntries(tokens.map((t) => [t, resolution])) }, error: null } : s));
  }

  /** Applies the returns previewed with the officer's resolutions, leaving out any refused file. */
  async applyReturns(): Promise<ReturnsApplied | null> {
    const run = this.run;
    const s = this.stage;
    if (s.kind !== 'returns' || s.applying) return null;
    this.set(run, { ...s, applying: true, error: null });
    try {
      const result = await send('returns.apply', { batchId: s.batch.batchId, resolutions: s.resolutions, leaveOutRefused: true });
      // Conflicts left open: nothing applied, the returns recorded as returned (the Returns page says so).
      this.set(run, result.state === 'returned' ? { ...s, applying: false, error: `${result.message} The returns are recorded as returned meanwhile.` } : { kind: 'returns-done', result });
      return result;
    } catch (err) {
      this.set(run, (x) => (x.kind === 'returns' ? { ...x, applying: false, error: messageOf(err) } : x));
      return null;
    }
  }

  /** Asks for the job's state every POLL_MS while it is being read. */
  private async follow(run: number, jobId: string): Promise<void> {
    for (;;) {
      const status = await send('import.status', { jobId });
      this.set(run, (s) => ({ kind: 'job', status, cancelling: this.cancelling() && status.state === 'reading', applying: false, error: s.kind === 'job' ? s.error : null }));
      if (run !== this.run || status.state !== 'reading') return;
      await delay(POLL_MS);
    }
  }

  async cancel(): Promise<void> {
    const run = this.run;
    const s = this.stage;
    if (s.kind === 'uploading') return this.set(run, { ...s, cancelling: true });
    if (s.kind === 'returns' && !s.applying) return this.set(run, { kind: 'stopped', fileName: `${s.batch.returns.length} returns`, message: RETURNS_CANCELLED_MESSAGE });
    if (s.kind !== 'job' || (s.status.state !== 'reading' && s.status.state !== 'ready')) return;
    this.set(run, { ...s, cancelling: true });
    try {
      const status = await send('import.cancel', { jobId: s.status.jobId });
      // While reading, the job stops at its next row and the polling loop sees "cancelled".
      if (status.state !== 'reading') this.set(run, { kind: 'job', status, cancelling: false, applying: false, error: null });
    } catch (err) {
      this.set(run, (x) => (x.kind === 'job' ? { ...x, cancelling: false, error: messageOf(err) } : x));
    }
  }

  /** Applies a ready import; returns its final state, or null when the main process refused. */
  async apply(): Promise<ImportStatus | null> {
    const run = this.run;
    const s = this.stage;
    if (s.kind !== 'job' || s.status.state !== 'ready' || s.applying) return null;
    this.set(run, { ...s, applying: true, error: null });
    try {
      const status = await send('import.apply', { jobId: s.status.jobId });
      this.set(run, { kind: 'job', status, cancelling: false, applying: false, error: null });
      return status;
    } catch (err) {
      this.set(run, (x) => (x.kind === 'job' ? { ...x, applying: false, error: messageOf(err) } : x));
      return null;
    }
  }

  /** Back to choosing a file; a job still reading or waiting for Apply is cancelled (and changes nothing). */
  reset(): void {
    const s = this.stage;
    if (s.kind === 'job' && (s.status.state === 'reading' || s.status.state === 'ready')) send('import.cancel', { jobId: s.status.jobId }).catch(() => undefined);
    this.run++;
    this.stage = { kind: 'choose' };
    for (const l of this.listeners) l();
  }
}

export const importFlow = new ImportFlow();
