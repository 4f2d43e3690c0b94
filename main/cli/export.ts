import path from 'node:path';
import { UserError } from '../../shared/api/errors';
import { chooseSections, type PackSectionId } from '../../shared/pack/sections';
import { monthLabel } from '../../shared/periods';
import { AppSession } from '../app/session';
import { writePack } from '../pack/build';
import { exportPackPdf, pdfTarget } from '../pack/pdf';
import { exportReadiness } from '../core/readiness';
import { requirePeriod } from '../store/periods';

/**
 * `outturn export <workspace.db> --period YYYY-MM --out pack.xlsx [--sections a,b] [--pdf pack.pdf]`:
 * writes the committee pack. Reads the workspace only. Exit 0 on success, 1 with a plain-English message
 * for anything the user can fix (no such month, unknown section, folder not writable, file open elsewhere).
 */
export interface ExportCommandArgs {
  workspace: string;
  period: string;
  out: string;
  sections?: string[];
  pdf?: string;
  /** Refuse (exit 1, nothing written) when the month is not ready, instead of warning. */
  strict?: boolean;
  /** Write a pack for a month that holds no figures. */
  allowEmpty?: boolean;
}

function parseSections(raw: readonly string[] | undefined): PackSectionId[] | undefined {
  if (!raw) return undefined;
  try {
    return chooseSections(raw);
  } catch (err) {
    throw new UserError('invalid_input', `--sections: ${(err as Error).message}.`);
  }
}

export async function runExportCommand(args: ExportCommandArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  try {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(args.period)) throw new UserError('invalid_input', `--period takes a month written YYYY-MM, for example 2023-08 (got "${args.period}").`);
    if (!args.out?.trim()) throw new UserError('invalid_input', 'Name the file to write with --out, for example --out pack.xlsx.');
    const sections = parseSections(args.sections);
    // A PDF that could not be saved is refused before the workbook is written, not after.
    if (args.pdf !== undefined) pdfTarget(args.pdf);
    // Writable when no one else has it open, so the file is brought up to date and left tidy on close; read-only otherwise.
    const session = new AppSession(args.workspace);
    try {
      requirePeriod(session.ws, args.period);
      const readiness = exportReadiness(session.ws, args.period);
      if (readiness.empty && !args.allowEmpty) {
        throw new UserError('invalid_input', `${monthLabel(args.period)} holds no figures, so its pack would be empty. Nothing was written. Use --allow-empty to write it anyway.`);
      }
      const warnings = readiness.lines.filter((l) => !(readiness.empty && args.allowEmpty && l.includes('holds no figures')));
      const notReady = warnings.length ? `${monthLabel(args.period)} is not ready for the committee:\n${warnings.map((l) => `  - ${l}\n`).join('')}` : '';
      if (notReady && args.strict) {
        err(`${notReady}Nothing was written (--strict).\n`);
        return 1;
      }
      const written = await writePack(session.ws, { period: args.period, ...(sections ? { sections } : {}) }, args.out);
      out(`Wrote ${written.file} (${written.sheets} sheet${written.sheets === 1 ? '' : 's'}, ${written.figures} figure${written.figures === 1 ? '' : 's'})\n`);
      // Said once the pack exists, so a pack that could not be written is not called "written anyway".
      if (notReady) err(`${notReady}The pack was written anyway; check these before it goes to the committee (--strict refuses instead).\n`);
      if (args.pdf !== undefined) {
        // The PDF prints the app's own print view in Chromium, from a read-only session of its own.
        const { pages } = await exportPackPdf({ workspace: args.workspace, period: args.period, ...(sections ? { sections } : {}), out: args.pdf });
        out(`Wrote ${path.resolve(args.pdf)}${pages ? ` (${pages} page${pages === 1 ? '' : 's'})` : ''}\n`);
      }
      return 0;
    } finally {
      session.close();
    }
  } catch (e) {
    if (e instanceof UserError) {
      err(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
