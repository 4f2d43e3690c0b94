import { z } from 'zod';
import { UserError } from '../../shared/api/errors';
import { initWorkspace } from '../app/session';
import { printAndWait, serveWorkspace } from '../app/serve';
import { APP_VERSION } from '../app/version';
import { explainArgs, PeriodFlag, PortFlag, splitArgs, WorkspaceArg } from './args';
import { formatFinding, findingForJson } from '../../shared/kad/checks';
import { kadChecksFor } from '../kad/checks';
import { rollForward } from '../kad/rollforward';
import { runChartCommand } from './chart';
import { runImportCommand } from './import';
import { runExportCommand } from './export';
import { AppSession } from '../app/session';

/**
 * `outturn <command> <workspace.db> [options]`. Exit codes: 0 success, 1 user error (plain English on
 * stderr), 2 internal error. Every command validates its arguments with zod before doing anything.
 */
const HELP = `Outturn ${APP_VERSION}: Finance Monitoring Report workbench

Usage: outturn <command> <workspace.db> [options]

Commands:
  init <workspace.db> [--demo] [--force]   Create a workspace file. --demo fills it with the published
                                           August 2023 Key Activity Data; --force replaces an existing file.
  serve <workspace.db> [--port N]          Serve the app to a browser on this computer (127.0.0.1 only).
                                           A free port is chosen unless --port is given.
  check <workspace.db> [--period YYYY-MM] [--json]
                                           List every disagreement and data-quality finding, one per line:
                                           area | table | row | column | reported X | computed Y | rule.
                                           Every month with data unless --period. Findings are not errors.
  roll-forward <workspace.db> --from YYYY-MM
                                           Create the next month's Key Activity Data from this month's.
  import <workspace.db> <file.xlsx|file.csv> [--period YYYY-MM] [--dry-run] [--json] [--max-rows N]
                                           Import Key Activity Data from a workbook in Outturn's template
                                           layout or as published. Prints what changes, then applies it
                                           in one step after a backup (--dry-run only previews). A file
                                           with any problem changes nothing; every problem is listed.
  export <workspace.db> --period YYYY-MM --out pack.xlsx [--pdf pack.pdf] [--sections contents,kad]
                                           Write the committee pack for a month: the appendices as they
                                           are published, figures as numbers, totals as live formulas.
                                           --pdf also prints it to PDF (needs Chromium, or OUTTURN_CHROMIUM).
  chart <workspace.db> --service ID --from YYYY-MM --to YYYY-MM --group accommodation|community
        --out FILE.png [--width N] [--height N]
                                           Draw a Key Activity Data trend chart (people as bars, average
                                           weekly cost as a line) as a PNG for the committee pack (.svg
                                           for SVG). Reads the workspace only.

Options:
  --help       Show this help.
  --version    Show the version.

Exit codes: 0 success, 1 a problem with what you asked (explained), 2 an internal error.
`;

class ArgError extends Error {}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ArgError(explainArgs(result.error));
  return result.data;
}

const InitArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'init takes one workspace file' }), flags: z.object({ demo: z.literal(true).optional(), force: z.literal(true).optional() }).strict() });
const CheckArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'check takes one workspace file' }), flags: z.object({ period: PeriodFlag.optional(), json: z.literal(true).optional() }).strict() });
const ChartArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'chart takes one workspace file' }),
  flags: z
    .object({
      service: z.string({ error: 'name the service with --service, for example --service learning-disability-partnership' }).min(1),
      from: PeriodFlag,
      to: PeriodFlag,
      group: z.string({ error: '--group is accommodation or community' }),
      out: z.string({ error: 'name the file to write with --out, for example --out chart.png' }).min(1),
      width: z.coerce.number({ error: '--width takes a number of pixels' }).optional(),
      height: z.coerce.number({ error: '--height takes a number of pixels' }).optional(),
    })
    .strict(),
});
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
      sections: z.string({ error: '--sections lists sections, for example --sections contents,kad' }).min(1).optional(),
    })
    .strict(),
});
const RollArgs = z.object({ positionals: z.tuple([WorkspaceArg], { error: 'roll-forward takes one workspace file' }), flags: z.object({ from: PeriodFlag }).strict() });

/** Opens a workspace for one command and always releases it. */
function withSession<T>(file: string, readOnly: boolean, fn: (s: AppSession) => T): T {
  const session = new AppSession(file, { readOnly });
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
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      out(HELP);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      out(`${APP_VERSION}\n`);
      return 0;
    }
    if (rest.includes('--help')) {
      out(HELP);
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
        const findings = withSession(positionals[0], true, (s) => kadChecksFor(s.ws, flags.period));
        if (flags.json) out(JSON.stringify(findings.map(findingForJson), null, 2) + '\n');
        else for (const f of findings) out(formatFinding(f) + '\n');
        return 0;
      }
      case 'roll-forward': {
        const { positionals, flags } = parse(RollArgs, splitArgs(rest, []));
        const result = withSession(positionals[0], false, (s) => {
          if (s.ws.readOnly) throw new UserError('read_only', s.ws.readOnlyReason ?? 'This workspace is read-only.');
          return rollForward(s.ws, flags.from, 'cli');
        });
        out(`${result.label}.\n`);
        return 0;
      }
      case 'import': {
        const { positionals, flags } = parse(ImportArgs, splitArgs(rest, ['dry-run', 'json']));
        return await runImportCommand({ workspace: positionals[0], file: positionals[1], period: flags.period, dryRun: flags['dry-run'] === true, json: flags.json === true, maxRows: flags['max-rows'] }, out, err);
      }
      case 'export': {
        const { positionals, flags } = parse(ExportArgs, splitArgs(rest, []));
        return await runExportCommand({ workspace: positionals[0], period: flags.period, out: flags.out, ...(flags.sections ? { sections: [flags.sections] } : {}), ...(flags.pdf ? { pdf: flags.pdf } : {}) }, out, err);
      }
      case 'chart': {
        const { positionals, flags } = parse(ChartArgs, splitArgs(rest, []));
        const written = await runChartCommand({ file: positionals[0], serviceId: flags.service, from: flags.from, to: flags.to, group: flags.group, out: flags.out, width: flags.width, height: flags.height });
        out(`Wrote ${written}\n`);
        return 0;
      }
      default:
        throw new ArgError(`"${command}" is not an Outturn command. Run outturn --help to see the commands.`);
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

export function cliMain(): void {
  void run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) cliMain();
