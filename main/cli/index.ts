import { z } from 'zod';
import { UserError } from '../../shared/api/errors';
import { initWorkspace } from '../app/session';
import { printAndWait, serveWorkspace } from '../app/serve';
import { APP_VERSION } from '../app/version';
import { ArgError, parseArgs as parse, PeriodFlag, PortFlag, splitArgs, WorkspaceArg } from './args';
import { formatFinding, findingForJson } from '../../shared/checks';
import { packSectionIds } from '../../shared/pack/sections';
import { monthLabel } from '../../shared/periods';
import { areas } from '../areas';
import { findingsFor, monthFindings } from '../core/checks';
import { reviewFindings } from '../core/reviews';
import { rollForwardMonth } from '../core/months';
import { reopenPeriod } from '../core/close';
import { MONTH_END_COMMANDS, runClose } from './monthend';
import { runImportCommand } from './import';
import { runExportCommand } from './export';
import { runYearEndCommand, YEAR_END_HELP } from './year-end';
import { AppSession } from '../app/session';

/**
 * `outturn <command> <workspace.db> [options]`. Exit codes: 0 success, 1 user error (plain English on
 * stderr), 2 internal error. Every command validates its arguments with zod before doing anything.
 * Areas add commands of their own through the registry.
 */
function help(): string {
  const areaCommands = areas().flatMap((a) => a.cli ?? []);
  return `Outturn ${APP_VERSION}: Finance Monitoring Report workbench

Usage: outturn <command> <workspace.db> [options]

Commands:
  init <workspace.db> [--demo] [--force]   Create a workspace file. --demo fills it with the published
                                           August 2023 figures; --force replaces an existing file.
  serve <workspace.db> [--port N]          Serve the app to a browser on this computer (127.0.0.1 only).
                                           A free port is chosen unless --port is given.
  check <workspace.db> [--period YYYY-MM] [--json]
                                           List every disagreement and data-quality finding, one per line:
                                           area | table | row | column | reported X | computed Y | rule.
                                           Every month with data unless --period. Findings are not errors.
  close <workspace.db> --period YYYY-MM     Close a month without sign-off (refused when the workspace
                                           requires a sign-off): nothing in it can change until it is
                                           reopened. Its settings are frozen, its committee pack archived,
                                           the next month prepared from it and a backup kept.
  reopen <workspace.db> --period YYYY-MM --reason "…"
                                           Reopen a closed month; the reason is recorded and a sign-off
                                           is voided.
${MONTH_END_COMMANDS.map((c) => c.help).join('\n')}
  review <workspace.db> --period YYYY-MM --status accepted|acknowledged|open [--note "…"]
         [--rule RULE] [--table TABLE] [--row ROW]
                                           Accept the findings your own corrections superseded, or
                                           acknowledge published errors with a note (open withdraws
                                           it), for every finding of the month matching the filters.
  roll-forward <workspace.db> --from YYYY-MM
                                           Create the next month from this one: every area holding
                                           figures carries them forward.
  import <workspace.db> <file.xlsx|file.csv> [--period YYYY-MM] [--dry-run] [--json] [--max-rows N]
                                           Import figures from a workbook in Outturn's template layout or
                                           as published. Prints what changes, then applies it in one step
                                           after a backup (--dry-run only previews). A file with any
                                           problem changes nothing; every problem is listed.
  export <workspace.db> --period YYYY-MM --out pack.xlsx [--pdf pack.pdf] [--sections ${packSectionIds().join(',')}]
         [--strict] [--allow-empty]
                                           Write the committee pack for a month: the appendices as they
                                           are published, figures as numbers, totals as live formulas.
                                           --pdf also prints it to PDF (needs Chromium, or OUTTURN_CHROMIUM).
                                           What is not ready (figures still carried forward, findings
                                           not accepted or acknowledged, pack settings to confirm) is
                                           listed on stderr; --strict refuses instead (exit 1). A month
                                           with no figures is refused unless --allow-empty.
${YEAR_END_HELP}
${areaCommands.map((c) => c.help).join('\n')}

Options:
  --help       Show this help.
  --version    Show the version.

Exit codes: 0 success, 1 a problem with what you asked (explained), 2 an internal error.
`;
}

const InitArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'init takes one workspace file' }), flags: z.object({ demo: z.literal(true).optional(), force: z.literal(true).optional() }).strict() });
const CheckArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'check takes one workspace file' }), flags: z.object({ period: PeriodFlag.optional(), json: z.literal(true).optional() }).strict() });
const ImportArgs = z.object({
  positionals: z.tuple([WorkspaceArg, z.string({ error: 'name the file to import' }).min(1)], { error: 'import takes a workspace file and the file to import' }),
  flags: z
    .object({
      period: PeriodFlag.optional(),
      'dry-run': z.literal(true).optional(),
      json: z.literal(true).optional(),
      'max-rows': z.coerce.number({ error: '--max-rows takes a number' }).int().min(1).optional(),
    })
    .strict(),
});
const ExportArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'export takes one workspace file' }),
  flags: z
    .object({
      period: PeriodFlag,
      out: z.string({ error: 'name the file to write with --out, for example --out pack.xlsx' }).min(1),
      pdf: z.string({ error: 'name the PDF to write with --pdf, for example --pdf pack.pdf' }).min(1).optional(),
      sections: z.string({ error: `--sections lists sections, for example --sections ${packSectionIds().slice(0, 2).join(',')}` }).min(1).optional(),
      strict: z.literal(true).optional(),
      'allow-empty': z.literal(true).optional(),
    })
    .strict(),
});
const ReviewArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'review takes one workspace file' }),
  flags: z
    .object({
      period: PeriodFlag,
      status: z.enum(['accepted', 'acknowledged', 'open'], { error: '--status is accepted, acknowledged or open' }),
      note: z.string().default(''),
      rule: z.string().optional(),
      table: z.string().optional(),
      row: z.string().optional(),
    })
    .strict(),
});
const CloseArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'close takes one workspace file' }), flags: z.object({ period: PeriodFlag }).strict() });
const ReopenArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'reopen takes one workspace file' }),
  flags: z.object({ period: PeriodFlag, reason: z.string({ error: 'give the reason for reopening with --reason "…"' }).trim().min(1, 'give the reason for reopening with --reason "…"') }).strict(),
});
const RollArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'roll-forward takes one workspace file' }), flags: z.object({ from: PeriodFlag }).strict() });

/**
 * Opens a workspace for one command and always releases it. Writable when no one else has it open, so
 * it is brought up to date and left tidy on close (no -wal or -shm); read-only when someone does.
 */
function withSession<T>(file: string, fn: (s: AppSession) => T): T {
  const session = new AppSession(file);
  try {
    return fn(session);
  } finally {
    session.close();
  }
}

const ServeArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'serve takes one workspace file' }), flags: z.object({ port: PortFlag.optional() }).strict() });

export async function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command) {
      // A bare `outturn` is a usage error: the help goes where errors go, and the exit says so.
      err(help());
      return 1;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      out(help());
      return 0;
    }
    if (command === '--version' || command === '-v') {
      out(`${APP_VERSION}\n`);
      return 0;
    }
    if (rest.includes('--help')) {
      out(help());
      return 0;
    }
    switch (command) {
      case 'init': {
        const { positionals, flags } = parse(InitArgs, splitArgs(rest, ['demo', 'force']));
        initWorkspace(positionals[0], { demo: flags.demo === true, force: flags.force === true });
        out(`Created ${flags.demo ? 'a demo workspace' : 'an empty workspace'} at ${positionals[0]}\n`);
        return 0;
      }
      case 'serve': {
        const { positionals, flags } = parse(ServeArgs, splitArgs(rest, []));
        const served = await serveWorkspace(positionals[0], flags.port !== undefined ? { port: flags.port } : {});
        await printAndWait(served, (line) => out(line + '\n'));
        return 0;
      }
      case 'check': {
        const { positionals, flags } = parse(CheckArgs, splitArgs(rest, ['json']));
        const findings = withSession(positionals[0], (s) => findingsFor(s.ws, flags.period));
        if (flags.json) out(JSON.stringify(findings.map(findingForJson), null, 2) + '\n');
        else if (!findings.length) out(`No findings${flags.period ? ` for ${monthLabel(flags.period)}` : ''}: every reported figure agrees and nothing needs a look.\n`);
        else for (const f of findings) out(formatFinding(f) + '\n');
        return 0;
      }
      case 'close': {
        const { positionals, flags } = parse(CloseArgs, splitArgs(rest, []));
        return await runClose(positionals[0], flags.period, out, err);
      }
      case 'reopen': {
        const { positionals, flags } = parse(ReopenArgs, splitArgs(rest, []));
        const done = withSession(positionals[0], (s) => {
          if (s.ws.readOnly) throw new UserError('read_only', s.ws.readOnlyReason ?? 'This workspace is read-only.');
          return reopenPeriod(s.ws, flags.period, flags.reason, 'cli');
        });
        out(`${done.label}.\n`);
        return 0;
      }
      case 'review': {
        const { positionals, flags } = parse(ReviewArgs, splitArgs(rest, []));
        const done = withSession(positionals[0], (s) => {
          if (s.ws.readOnly) throw new UserError('read_only', s.ws.readOnlyReason ?? 'This workspace is read-only.');
          const all = monthFindings(s.ws, flags.period);
          const chosen = all.filter((f) => (!flags.rule || f.rule === flags.rule) && (!flags.table || f.table === flags.table) && (!flags.row || f.row === flags.row));
          if (!chosen.length) throw new UserError('not_found', `No finding of ${monthLabel(flags.period)} matches: run outturn check --period ${flags.period} to see them.`);
          reviewFindings(s.ws, flags.period, all, { findings: chosen, status: flags.status, note: flags.note }, 'cli');
          return chosen.length;
        });
        const verb = flags.status === 'open' ? 'Reopened' : flags.status === 'accepted' ? 'Accepted' : 'Acknowledged';
        out(`${verb} ${done} finding${done === 1 ? '' : 's'} of ${monthLabel(flags.period)}.\n`);
        return 0;
      }
      case 'roll-forward': {
        const { positionals, flags } = parse(RollArgs, splitArgs(rest, []));
        const result = withSession(positionals[0], (s) => {
          if (s.ws.readOnly) throw new UserError('read_only', s.ws.readOnlyReason ?? 'This workspace is read-only.');
          return rollForwardMonth(s.ws, flags.from, 'cli');
        });
        out(`${result.label}.\n`);
        return 0;
      }
      case 'import': {
        const { positionals, flags } = parse(ImportArgs, splitArgs(rest, ['dry-run', 'json']));
        return await runImportCommand({ workspace: positionals[0], file: positionals[1], period: flags.period, dryRun: flags['dry-run'] === true, json: flags.json === true, maxRows: flags['max-rows'] }, out, err);
      }
      case 'export': {
        const { positionals, flags } = parse(ExportArgs, splitArgs(rest, ['strict', 'allow-empty']));
        return await runExportCommand(
          { workspace: positionals[0], period: flags.period, out: flags.out, ...(flags.sections ? { sections: [flags.sections] } : {}), ...(flags.pdf ? { pdf: flags.pdf } : {}), strict: flags.strict === true, allowEmpty: flags['allow-empty'] === true },
          out,
          err,
        );
      }
      case 'year-end':
        return await runYearEndCommand(rest, out);
      default: {
        const areaCommand = [...MONTH_END_COMMANDS, ...areas().flatMap((a) => a.cli ?? [])].find((c) => c.name === command);
        if (areaCommand) return await areaCommand.run(rest, { out, err });
        throw new ArgError(`"${command}" is not an Outturn command. Run outturn --help to see the commands.`);
      }
    }
  } catch (e) {
    if (e instanceof ArgError || e instanceof UserError) {
      err(`${e.message}\n`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      err('That port is already in use. Choose another with --port, or leave it out to pick a free one.\n');
      return 1;
    }
    if (['EACCES', 'EPERM', 'ENOENT', 'EROFS', 'EISDIR'].includes((e as NodeJS.ErrnoException).code ?? '')) {
      err(`Outturn could not use that file or folder: ${(e as Error).message}\n`);
      return 1;
    }
    err(`Internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

/**
 * Output that may be cut short: `outturn check | head` closes the pipe after ten lines. Once the reader
 * has gone, output is dropped quietly and the command carries on (an import still applies), instead of
 * dying with an EPIPE stack trace.
 */
export function pipeSafe(stream: NodeJS.WritableStream): (s: string) => void {
  let gone = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') gone = true;
    else throw err;
  });
  return (s) => {
    if (!gone) stream.write(s);
  };
}

export function cliMain(): void {
  void run(process.argv.slice(2), pipeSafe(process.stdout), pipeSafe(process.stderr)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cliMain();
