import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../shared/api/errors';
import { monthLabel } from '../../shared/periods';
import { DueDate, ResolutionSchema, type Resolution, type ReturnsBatch } from '../../shared/returns';
import { AppSession } from '../app/session';
import { issueReturns, writeReturnFiles } from '../returns/issue';
import { applyReturns, batchSummary, previewReturns, type ReceivedFile } from '../returns/receive';
import { returnInfos, statusLine } from '../returns/status';
import { parseArgs, PeriodFlag, splitArgs, WorkspaceArg } from './args';

/**
 * `outturn returns issue|status` and the returns part of `outturn import`: offline returns, for any area
 * that issues them (main/returns).
 */
export const RETURNS_HELP = `  returns issue <workspace.db> --area AREA --period YYYY-MM --out FOLDER [--due YYYY-MM-DD] [--owner NAME]
                                           Write one return workbook per owner of the area's rows for the
                                           month (only their rows; only their cells can be changed), due
                                           back on --due (two weeks from today when not given).
  returns status <workspace.db> [--period YYYY-MM] [--json]
                                           Each return: issued, overdue, returned (conflicts to resolve),
                                           applied or superseded.`;

const IssueArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'returns issue takes one workspace file' }),
  flags: z
    .object({
      area: z.string({ error: 'name the area whose returns to issue with --area' }).min(1),
      period: PeriodFlag,
      out: z.string({ error: 'name the folder to write the returns to with --out' }).min(1),
      due: DueDate.optional(),
      owner: z.string().min(1).optional(),
    })
    .strict(),
});
const StatusArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'returns status takes one workspace file' }), flags: z.object({ period: PeriodFlag.optional(), json: z.literal(true).optional() }).strict() });

function withSession<T>(file: string, fn: (s: AppSession) => Promise<T> | T, readOnly = false): Promise<T> {
  const session = new AppSession(file, { readOnly });
  return Promise.resolve()
    .then(() => fn(session))
    .finally(() => session.close());
}

export async function runReturnsCommand(args: readonly string[], out: (s: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'issue') {
    const { positionals, flags } = parseArgs(IssueArgs, splitArgs(rest, []));
    await withSession(positionals[0], async (s) => {
      if (s.ws.readOnly) throw new UserError('read_only', s.ws.readOnlyReason ?? 'This workspace is read-only.');
      const result = issueReturns(s.ws, { area: flags.area, period: flags.period, ...(flags.due ? { dueDate: flags.due } : {}), ...(flags.owner ? { owners: [flags.owner] } : {}) }, 'cli');
      const files = await writeReturnFiles(s.ws, result.returns, path.resolve(flags.out));
      out(`${result.label}.\n`);
      result.returns.forEach((r, i) => out(`  ${r.owner}: ${files[i]}\n`));
      if (result.unowned.length) out(`Not in any return (no owner): ${result.unowned.join('; ')}.\n`);
    });
    return 0;
  }
  if (sub === 'status') {
    const { positionals, flags } = parseArgs(StatusArgs, splitArgs(rest, ['json']));
    const infos = await withSession(positionals[0], (s) => returnInfos(s.ws, flags.period), true);
    if (flags.json) out(JSON.stringify(infos, null, 2) + '\n');
    else if (!infos.length) out(`No returns have been issued${flags.period ? ` for ${monthLabel(flags.period)}` : ''}.\n`);
    else for (const r of infos) out(statusLine(r) + '\n');
    return 0;
  }
  throw new UserError('invalid_input', `"outturn returns ${sub ?? ''}" is not a command: use returns issue or returns status.`);
}

export interface ReturnsImportArgs {
  workspace: string;
  files: readonly string[];
  dryRun: boolean;
  json: boolean;
  keepMine: boolean;
  takeTheirs: boolean;
  /** "rowKey:column=mine,rowKey:column=theirs". */
  resolve?: string;
}

function resolutions(args: ReturnsImportArgs, batch: ReturnsBatch): Map<string, Resolution> {
  const out = new Map<string, Resolution>();
  if (args.keepMine && args.takeTheirs) throw new UserError('invalid_input', 'Choose --keep-mine or --take-theirs, not both.');
  for (const r of batch.returns) for (const c of r.cells) if (c.kind === 'conflict' && (args.keepMine || args.takeTheirs)) out.set(c.token, args.keepMine ? 'mine' : 'theirs');
  for (const part of (args.resolve ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.+)=(mine|theirs)$/.exec(part);
    const known = m && batch.returns.some((r) => r.cells.some((c) => c.kind === 'conflict' && c.token === m[1]));
    if (!m || !known) throw new UserError('invalid_input', `--resolve: "${part}" does not name a conflict of these returns (write ROW:COLUMN=mine or =theirs, as the preview lists them).`);
    out.set(m[1]!, ResolutionSchema.parse(m[2]));
  }
  return out;
}

function printBatch(batch: ReturnsBatch, out: (s: string) => void): void {
  for (const r of batch.returns) {
    out(`${r.fileName}${r.owner ? `: ${r.owner}, ${r.areaName}, ${r.periodLabel}` : ''} (SHA-256 ${r.sha256.slice(0, 12)}…)${r.state === 'received' ? '' : `: ${r.state === 'refused' ? 'REFUSED, it' : 'nothing to do,'} ${r.reason}`}\n`);
    for (const c of r.cells) {
      if (c.kind === 'change') out(`  ~ ${c.label} · ${c.header}: ${c.issued} when issued → ${c.returned}\n`);
      else if (c.kind === 'already') out(`  = ${c.label} · ${c.header}: ${c.returned} (Outturn holds it already)\n`);
      else out(`  ! ${c.label} · ${c.header}: ${c.issued} when issued → ${c.returned} returned, but Outturn now holds ${c.current}. Conflict: --resolve ${c.token}=mine|theirs\n`);
    }
  }
  out(`In all: ${batch.returns.length} return${batch.returns.length === 1 ? '' : 's'}, ${batch.changes} change${batch.changes === 1 ? '' : 's'}, ${batch.conflicts} conflict${batch.conflicts === 1 ? '' : 's'}, ${batch.refused} refused.\n`);
}

/** Several returns taken back in one step: previewed, then applied unless --dry-run. */
export async function runReturnsImport(args: ReturnsImportArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  return withSession(
    args.workspace,
    async (s) => {
      if (!args.dryRun && s.ws.readOnly) throw new UserError('read_only', s.ws.readOnlyReason ?? 'This workspace is read-only.');
      const files: ReceivedFile[] = args.files.map((f) => ({ file: path.resolve(f), fileName: path.basename(f) }));
      const batch = await previewReturns(s.ws, files);
      const summary = batchSummary(batch);
      if (!args.json) printBatch(summary, out);
      if (args.dryRun) {
        if (args.json) out(JSON.stringify({ state: 'preview', ...summary }, null, 2) + '\n');
        else out('Dry run: nothing was changed.\n');
        return summary.refused ? 1 : 0;
      }
      const result = await applyReturns(s.ws, batch, resolutions(args, summary), 'return', { recordReturned: true });
      if (args.json) out(JSON.stringify({ ...summary, state: result.state, message: result.label, backup: result.backup?.file ?? null }, null, 2) + '\n');
      else out(`${result.label}${result.state === 'applied' ? '.' : ''}\n`);
      if (result.state === 'returned') {
        err(`Resolve each conflict with --keep-mine, --take-theirs or --resolve ${result.unresolved.map((c) => `${c.token}=mine|theirs`).join(',')}; the returns are recorded as returned meanwhile.\n`);
        return 1;
      }
      if (result.backup) out(`A backup of the workspace as it was is at ${result.backup.file}\n`);
      return 0;
    },
    args.dryRun,
  );
}

