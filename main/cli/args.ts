import { z } from 'zod';

/** Splits argv into positionals and --flags (`--port 8080`, `--port=8080`, boolean `--demo`). */
export function splitArgs(argv: readonly string[], booleanFlags: readonly string[]): { positionals: string[]; flags: Record<string, string | true> } {
  const positionals: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) flags[name] = inline;
      else if (booleanFlags.includes(name)) flags[name] = true;
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) flags[name] = argv[++i]!;
      else flags[name] = true;
    } else positionals.push(arg);
  }
  return { positionals, flags };
}

/** Turns zod's complaints about command-line arguments into one plain-English line each. */
export function explainArgs(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      // A flag is named as typed (--period), not by where zod found it (flags period).
      const where = issue.path[0] === 'flags' && issue.path.length > 1 ? `--${String(issue.path[1])}: ` : issue.path.length ? `${issue.path.map(String).join(' ')}: ` : '';
      if (issue.code === 'unrecognized_keys') return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `--${k}`).join(', ')}`;
      return where + issue.message;
    })
    .join('\n');
}

export const WorkspaceArg = z.string({ error: 'name the workspace file, for example my-workspace.db' }).min(1, 'name the workspace file, for example my-workspace.db');
export const PortFlag = z.coerce
  .number({ error: '--port takes a number' })
  .int('--port takes a whole number')
  .min(0, '--port takes a number from 0 to 65535')
  .max(65535, '--port takes a number from 0 to 65535');

export const PeriodFlag = z.string({ error: 'give a month as YYYY-MM, for example --period 2023-08' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'give a month as YYYY-MM, for example 2023-08');

/** A problem with what was typed on the command line: exit 1 with the message. */
export class ArgError extends Error {}

/** Validates parsed arguments with a zod schema, or throws ArgError with every complaint in plain English. */
export function parseArgs<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ArgError(explainArgs(result.error));
  return result.data;
}
