import path from 'node:path';
import { z } from 'zod';
import { UserError } from '../../shared/api/errors';
import type { CloseResult } from '../../shared/monthend';
import { monthLabel } from '../../shared/periods';
import { sharedArea } from '../../shared/areas';
import { AppSession } from '../app/session';
import type { CliCommand } from '../areas/types';
import { archivedPack } from '../core/archive';
import { writeAuditReport } from '../core/audit-report';
import { closePeriod } from '../core/close';
import { markReady, signOff } from '../core/signoff';
import { writeFileAtomically } from '../pack/write';
import type { Workspace } from '../store/workspace';
import { parseArgs, PeriodFlag, splitArgs, WorkspaceArg } from './args';

/**
 * The month-end commands, kept as a list like the areas' commands (the help and the dispatch read it):
 * `ready`, `sign-off`, `archived-pack`, `audit`. `close` and `reopen` print a close the same way.
 */
async function withSession<T>(file: string, fn: (ws: Workspace) => Promise<T> | T, writable: boolean): Promise<T> {
  const session = new AppSession(file);
  try {
    if (writable && session.ws.readOnly) throw new UserError('read_only', session.ws.readOnlyReason ?? 'This workspace is read-only.');
    return await fn(session.ws);
  } finally {
    session.close();
  }
}

const areaNames = (ids: readonly string[]) => ids.map((id) => sharedArea(id)?.name ?? id).join(', ');

/** What a close did, one line each, as `outturn close` and `outturn sign-off` print it. */
export function closeLines(result: CloseResult): string {
  const lines = [`${result.label}.`];
  if (result.figuresSha256) lines.push(`Figures SHA-256: ${result.figuresSha256}`);
  lines.push(`Committee pack archived in the workspace, SHA-256: ${result.packSha256}`);
  const next = result.next;
  if (next?.rolledForward.length) lines.push(`${monthLabel(next.period)} rolled forward from it: ${areaNames(next.rolledForward)}.`);
  if (next?.refreshed.length) lines.push(`${monthLabel(next.period)} refreshed from it: ${areaNames(next.refreshed)}.`);
  if (result.backup) lines.push(`Month-end backup (never rotated away): ${result.backup}`);
  return lines.map((l) => `${l}\n`).join('');
}

const Period = (command: string) =>
  z.object({ positionals: z.tuple([WorkspaceArg], { error: `${command} takes one workspace file` }), flags: z.object({ period: PeriodFlag }).strict() });

const ArchivedArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'archived-pack takes one workspace file' }),
  flags: z
    .object({
      period: PeriodFlag,
      out: z.string({ error: 'name the file to write with --out, for example --out pack.xlsx' }).min(1),
      id: z.coerce.number({ error: '--id takes the number of an archived pack' }).int().min(1).optional(),
    })
    .strict(),
});

const AuditArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'audit takes one workspace file' }),
  flags: z.object({ period: PeriodFlag, out: z.string({ error: 'name the file to write with --out, for example --out audit.xlsx' }).min(1) }).strict(),
});

export const MONTH_END_COMMANDS: readonly CliCommand[] = [
  {
    name: 'ready',
    help: `  ready <workspace.db> --period YYYY-MM     Mark a month ready for review (its preparer). Refused while any
                                           finding is neither resolved nor acknowledged. Any later change
                                           to the month returns it to open.`,
    async run(args, io) {
      const { positionals, flags } = parseArgs(Period('ready'), splitArgs(args, []));
      const done = await withSession(positionals[0], (ws) => markReady(ws, flags.period, 'cli'), true);
      io.out(`${done.label}.\n`);
      return 0;
    },
  },
  {
    name: 'sign-off',
    help: `  sign-off <workspace.db> --period YYYY-MM  Sign off a month ready for review (a reviewer), which closes it:
                                           records who, when and the SHA-256 of its figures and pack,
                                           archives the pack, prepares the next month, takes a backup.`,
    async run(args, io) {
      const { positionals, flags } = parseArgs(Period('sign-off'), splitArgs(args, []));
      const result = await withSession(positionals[0], (ws) => signOff(ws, flags.period, 'cli'), true);
      io.out(closeLines(result));
      if (result.backupProblem) io.err(`${result.backupProblem}\n`);
      return 0;
    },
  },
  {
    name: 'archived-pack',
    help: `  archived-pack <workspace.db> --period YYYY-MM --out pack.xlsx [--id N]
                                           Write the committee pack archived when the month closed, exactly
                                           as it was (checked against its SHA-256).`,
    async run(args, io) {
      const { positionals, flags } = parseArgs(ArchivedArgs, splitArgs(args, []));
      const { info, file } = await withSession(
        positionals[0],
        (ws) => {
          const found = archivedPack(ws, flags.period, flags.id);
          return { info: found.info, file: writeFileAtomically(found.data, flags.out, 'archived pack') };
        },
        false,
      );
      const when = info.kind === 'signed-off' ? 'signed off' : 'closed without sign-off';
      io.out(`Wrote ${path.resolve(file)}: the committee pack of ${monthLabel(info.period)} archived on ${info.archivedAt.slice(0, 10)} when it was ${when}, SHA-256 ${info.sha256}.\n`);
      return 0;
    },
  },
  {
    name: 'audit',
    help: `  audit <workspace.db> --period YYYY-MM --out audit.xlsx
                                           Write the month's audit report for auditors: every audited change
                                           (who, when, how, from what to what, the file imported).`,
    async run(args, io) {
      const { positionals, flags } = parseArgs(AuditArgs, splitArgs(args, []));
      const written = await withSession(positionals[0], (ws) => writeAuditReport(ws, flags.period, flags.out), false);
      io.out(`Wrote ${written.file} (${written.rows} change${written.rows === 1 ? '' : 's'} of ${monthLabel(flags.period)}).\n`);
      return 0;
    },
  },
];

/** `outturn close`: a plain close, printed like a sign-off. */
export async function runClose(file: string, period: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const result = await withSession(file, (ws) => closePeriod(ws, period, 'cli'), true);
  out(closeLines(result));
  if (result.backupProblem) err(`${result.backupProblem}\n`);
  return 0;
}
