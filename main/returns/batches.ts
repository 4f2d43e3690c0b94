import { UserError } from '../../shared/api/errors';
import type { Resolution, ReturnsApplied, ReturnsBatch } from '../../shared/returns';
import type { Channel, Workspace } from '../store/workspace';
import { isReturnWorkbook } from './detect';
import { applyReturns, batchSummary, previewReturns, type Batch, type ReceivedFile } from './receive';

/**
 * Returns taken back through the API (the app's Import page): the files arrive as uploads, are
 * previewed together, and the preview is kept here until the officer applies it. Applying reads the
 * files again and refuses when what they would do is no longer what the officer saw (someone changed a
 * figure meanwhile), so nothing is written that was not previewed.
 */
interface Kept {
  files: ReceivedFile[];
  shown: string;
}

/** Enough for a few windows' worth of previews; the oldest is forgotten first. */
const KEPT = 20;

/** The preview as the officer saw it, without the batch's own id, to compare with a fresh reading. */
const fingerprint = (s: ReturnsBatch) => JSON.stringify(s.returns);

function withoutRefused(batch: Batch): Batch {
  return { id: batch.id, items: batch.items.filter((i) => i.preview.state !== 'refused') };
}

export class ReturnBatches {
  private kept = new Map<string, Kept>();

  /** Whether a file is an Outturn return, so the app can send it here rather than to the import engine. */
  isReturn(file: string): Promise<boolean> {
    return isReturnWorkbook(file);
  }

  async preview(ws: Workspace, files: readonly ReceivedFile[]): Promise<ReturnsBatch> {
    const batch = await previewReturns(ws, files);
    const summary = batchSummary(batch);
    this.kept.set(batch.id, { files: [...files], shown: fingerprint(summary) });
    while (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    return summary;
  }

  /**
   * Applies a previewed batch with the officer's resolutions (token -> mine | theirs). With
   * `leaveOutRefused` the refused files are left out and the rest applied; without it a refused file
   * stops the whole batch, as on the command line.
   */
  async apply(ws: Workspace, batchId: string, resolutions: Readonly<Record<string, Resolution>>, channel: Channel, leaveOutRefused = false): Promise<ReturnsApplied> {
    const kept = this.kept.get(batchId);
    if (!kept) throw new UserError('not_found', 'That preview of returns is no longer available; choose the files again.');
    const fresh = await previewReturns(ws, kept.files);
    const summary = batchSummary(fresh);
    if (fingerprint(summary) !== kept.shown) {
      throw new UserError('invalid_input', 'The returns no longer do what the preview showed (a figure was changed in Outturn since): nothing was taken back. Preview the files again.');
    }
    const conflicts = new Set(summary.returns.flatMap((r) => r.cells.filter((c) => c.kind === 'conflict').map((c) => c.token)));
    const unknown = Object.keys(resolutions).filter((t) => !conflicts.has(t));
    if (unknown.length) throw new UserError('invalid_input', `These are not conflicts of the returns previewed: ${unknown.join(', ')}.`);
    const batch = leaveOutRefused ? withoutRefused(fresh) : fresh;
    const result = await applyReturns(ws, batch, new Map(Object.entries(resolutions)), channel, { recordReturned: true });
    if (result.state === 'applied') this.kept.delete(batchId);
    return { state: result.state, message: result.label, changedCells: result.changedCells, backup: result.backup, unresolved: result.unresolved, leftOut: leaveOutRefused ? summary.refused : 0 };
  }
}
