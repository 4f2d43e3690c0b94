import { z } from 'zod';
import { UserError } from '../../shared/api/errors';
import { AppSession } from '../app/session';
import { rollOverYear, yearEndPreview, type YearEndSummary } from '../core/year-end';
import { parseArgs, splitArgs, WorkspaceArg } from './args';

/** `outturn year-end <workspace.db> --from 2023-24 [--carry all|ID,…] [--dry-run]`: the year-end rollover, or what it would do. */
export const YEAR_END_HELP = `  year-end <workspace.db> --from YYYY-YY [--carry all|ID,...] [--dry-run]
                                           The year-end rollover: create the next financial year, each
                                           earmarked reserve opening at its closing balance; budgets await
                                           the new Business Plan. --dry-run only says what it would do and
                                           lists what the areas offer to carry forward (by ID); --carry
                                           takes those named, or all of them.`;

const YearEndArgs = z.object({
  positionals: z.tuple([WorkspaceArg], { error: 'year-end takes one workspace file' }),
  flags: z.object({ from: z.string({ error: 'name the financial year to roll over with --from, for example --from 2023-24' }).regex(/^\d{4}-\d{2}$/, 'give the financial year as YYYY-YY, for example 2023-24'), carry: z.string().min(1, 'name what to carry forward with --carry: all, or IDs as --dry-run lists them').optional(), 'dry-run': z.literal(true).optional() }).strict(),
});

function print(summary: YearEndSummary, out: (s: string) => void, done: boolean): void {
  out(`${done ? '' : 'Would do: '}${summary.label}.\n`);
  for (const a of summary.areas) {
    for (const line of a.lines) out(`  ${a.name}: ${line}\n`);
    if (a.offers.length) {
      out(`  ${a.name} offers to carry forward (--carry all, or --carry with the IDs):\n`);
      for (const o of a.offers) out(`    ${o.id}  ${o.label}\n`);
    }
  }
}

export async function runYearEndCommand(rest: readonly string[], out: (s: string) => void): Promise<number> {
  const { positionals, flags } = parseArgs(YearEndArgs, splitArgs(rest, ['dry-run']));
  const session = new AppSession(positionals[0]);
  try {
    if (flags['dry-run']) print(yearEndPreview(session.ws, flags.from), out, false);
    else {
      if (session.ws.readOnly) throw new UserError('read_only', session.ws.readOnlyReason ?? 'This workspace is read-only.');
      const carry = flags.carry?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
      print(rollOverYear(session.ws, flags.from, 'cli', carry.length === 1 && carry[0] === 'all' ? { acceptAll: true } : { accept: carry }), out, true);
    }
    return 0;
  } finally {
    session.close();
  }
}
