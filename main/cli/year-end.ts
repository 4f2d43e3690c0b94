import { z } from 'zod';
import { UserError } from '../../shared/api/errors';
import { AppSession } from '../app/session';
import { rollOverYear, yearEndPreview, type YearEndSummary } from '../core/year-end';
import { parseArgs, splitArgs, WorkspaceArg } from './args';

/** `outturn year-end <workspace.db> --from 2023-24 [--dry-run]`: the year-end rollover, or what it would do. */
export const YEAR_END_HELP = `  year-end <workspace.db> --from YYYY-YY [--dry-run]
                                           The year-end rollover: create the next financial year, each
                                           earmarked reserve opening at its closing balance; budgets await
                                           the new Business Plan. --dry-run only says what it would do.`;

const YearEndArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'year-end takes one workspace file' }),
  flags: z.object({ from: z.string({ error: 'name the financial year to roll over with --from, for example --from 2023-24' }).regex(/^\d{4}-\d{2}$/, 'give the financial year as YYYY-YY, for example 2023-24'), 'dry-run': z.literal(true).optional() }).strict(),
});

function print(summary: YearEndSummary, out: (s: string) => void, done: boolean): void {
  out(`${done ? '' : 'Would do: '}${summary.label}.\n`);
  for (const a of summary.areas) for (const line of a.lines) out(`  ${a.name}: ${line}\n`);
}

export async function runYearEndCommand(rest: readonly string[], out: (s: string) => void): Promise<number> {
  const { positionals, flags } = parseArgs(YearEndArgs, splitArgs(rest, ['dry-run']));
  const session = new AppSession(positionals[0]);
  try {
    if (flags['dry-run']) print(yearEndPreview(session.ws, flags.from), out, false);
    else {
      if (session.ws.readOnly) throw new UserError('read_only', session.ws.readOnlyReason ?? 'This workspace is read-only.');
      print(rollOverYear(session.ws, flags.from, 'cli'), out, true);
    }
    return 0;
  } finally {
    session.close();
  }
}
